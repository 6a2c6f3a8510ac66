/** The membership gantt's data, apart from drawing it (MembershipChart.tsx). */
// Imports carry .js, and the contract is imported by its path rather than the @contract alias: this
// module is also type-checked under the root tsconfig (node16), by its unit test.
import type {
  Certainty,
  MembershipTimelineT as MembershipTimeline,
} from '../../../src/contract/conduct-schemas.js';
import { tooltipLines } from '../lib/html.js';
import { formatInstant } from '../lib/time.js';

export const CERTAINTY: readonly { key: Certainty; label: string; colour: string }[] = [
  { key: 'seen', label: 'Seen (joined and left in the record)', colour: '#2f6f9f' },
  { key: 'assumed', label: 'Assumed (e.g. from a first message)', colour: '#8fb3d1' },
  { key: 'uncertain', label: 'Uncertain (contradicted)', colour: '#d9a441' },
];

/** The first and last message of a conversation (UTC ms): where the record starts and ends. */
export interface RecordSpan {
  readonly first: number;
  readonly last: number;
}

export interface MembershipRow {
  readonly label: string;
  readonly key: string;
}

/** One bar, for the chart and for the table beside it. */
export interface MembershipBar {
  readonly row: number;
  readonly participant: string;
  readonly conversation: string;
  readonly certainty: Certainty;
  readonly from: number;
  readonly to: number;
  /** True where the record does not say (drawn to the conversation's first or last message). */
  readonly openFrom: boolean;
  readonly openTo: boolean;
  readonly fromBasis: string;
  readonly toBasis: string;
}

export interface MembershipData {
  readonly rows: MembershipRow[];
  readonly bars: MembershipBar[];
  readonly conflicts: { row: number; at: number; participant: string; detail: string }[];
  /** The axis: from the first to the last message of the record (not the last membership event). */
  readonly min: number;
  readonly max: number;
}

export function membershipData(
  timelines: readonly MembershipTimeline[],
  names: ReadonlyMap<number, string>,
  spans: ReadonlyMap<number, RecordSpan>,
): MembershipData {
  const known: number[] = [];
  for (const s of spans.values()) known.push(s.first, s.last);
  for (const t of timelines) {
    for (const i of t.intervals) {
      if (i.from.utc) known.push(Date.parse(i.from.utc));
      if (i.to.utc) known.push(Date.parse(i.to.utc));
    }
    for (const c of t.conflicts) known.push(Date.parse(c.utc));
  }
  const min = known.length ? Math.min(...known) : Date.now();
  const max = known.length ? Math.max(...known) : Date.now();
  const several = timelines.length > 1;
  const rows: MembershipRow[] = [];
  const rowOf = new Map<string, number>();
  const row = (conversationId: number, key: string, name: string) => {
    const k = `${conversationId}\u0000${key}`;
    let r = rowOf.get(k);
    if (r === undefined) {
      r = rows.length;
      rowOf.set(k, r);
      const conv = names.get(conversationId) ?? `Conversation ${conversationId}`;
      rows.push({ key: k, label: several ? `${name} · ${conv}` : name });
    }
    return r;
  };
  const bars: MembershipBar[] = [];
  const conflicts: MembershipData['conflicts'] = [];
  for (const t of timelines) {
    const conversation = names.get(t.conversationId) ?? `Conversation ${t.conversationId}`;
    // An open bound ("before the record starts", "still a member") is drawn to this conversation's
    // own first or last message: a member removed long before the end must not look present to it.
    const span = spans.get(t.conversationId) ?? { first: min, last: max };
    for (const i of t.intervals) {
      bars.push({
        row: row(t.conversationId, i.participantKey, i.participant),
        participant: i.participant,
        conversation,
        certainty: i.certainty,
        from: i.from.utc ? Date.parse(i.from.utc) : span.first,
        to: i.to.utc ? Date.parse(i.to.utc) : span.last,
        openFrom: !i.from.utc,
        openTo: !i.to.utc,
        fromBasis: i.from.basis,
        toBasis: i.to.basis,
      });
    }
    for (const c of t.conflicts) {
      const name =
        t.intervals.find((i) => i.participantKey === c.participantKey)?.participant ?? c.participantKey;
      conflicts.push({
        row: row(t.conversationId, c.participantKey, name),
        at: Date.parse(c.utc),
        participant: name,
        detail: c.detail,
      });
    }
  }
  return { rows, bars, conflicts, min, max };
}

/**
 * The gantt's tooltip. Names and details come from the evidence (a participant may be called
 * `<a href=…>login again</a>`): ECharts puts a formatter's string in the page as HTML, so every line
 * goes through tooltipLines, which escapes it (issue 21.9).
 */
export function membershipTooltip(data: MembershipData, zone: string) {
  const at = (ms: number) => formatInstant(new Date(ms).toISOString(), zone);
  return (p: { seriesName: string; data: { bar?: number; conflict?: number } }): string => {
    if (p.data.conflict !== undefined) {
      const c = data.conflicts[p.data.conflict];
      return c ? tooltipLines([`Conflict: ${c.participant}`, c.detail, at(c.at)]) : '';
    }
    const b = data.bars[p.data.bar ?? -1];
    if (!b) return '';
    return tooltipLines([
      b.participant,
      `from ${b.openFrom ? 'the start of the record' : at(b.from)} (${b.fromBasis})`,
      `to ${b.openTo ? 'the end of the record' : at(b.to)} (${b.toBasis})`,
      p.seriesName,
    ]);
  };
}
