/**
 * One group seen on several phones: line up the copies of each message. Pure: no SQL.
 *
 * Two copies are the same message when they share a WhatsApp key id (device sources have one).
 * Otherwise (exports have none) when the sender, the minute and the text agree; exports keep
 * minutes only, so the minute is the finest time they can be matched on. What one phone holds and
 * another does not is kept as evidence ("only in"), never dropped; what disagrees is a conflict.
 */

import { readBody } from '../../ingest/whatsapp-text/body.js';
import { editedMarkerAt } from '../../ingest/whatsapp-text/system-phrases/index.js';
import type { CanonicalMessage, MergeConflict, MergeReport } from '../../domain/merge.js';

export interface MergeInputMessage {
  readonly id: number;
  readonly conversationId: number;
  readonly keyId: string | null;
  readonly sender: string | null;
  readonly senderJid: string | null;
  readonly kind: string;
  readonly text: string;
  readonly utc: string;
}

export interface MergeResult {
  readonly messages: readonly CanonicalMessage[];
  readonly report: MergeReport;
}

/** Text as compared: direction marks, the edited marker and runs of space do not make messages differ. */
export function comparableText(text: string): string {
  const edited = editedMarkerAt(text);
  return (edited >= 0 ? text.slice(0, edited) : text)
    .replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00A0\u202F]+/g, ' ')
    .trim();
}

/** Marks a comparison key that stands for a placeholder, not for words someone wrote. */
const PLACEHOLDER = '\u0000';

/**
 * What two copies of a message are compared on: their text, except for WhatsApp's placeholders,
 * which differ between formats and languages for the same message (`<Media omitted>`, `‎<attached:
 * 00000005-PHOTO-….jpg>`, `image omitted`, `<Medien ausgeschlossen>`; `This message was deleted` and
 * `‎This message was deleted.`). Those compare as what they stand for (media with its caption, or
 * deleted), so one message exported from two phones is counted once.
 */
export function matchText(m: Pick<MergeInputMessage, 'kind' | 'text'>): string {
  if (m.kind === 'deleted') return `${PLACEHOLDER}deleted`;
  const reading = readBody(m.text);
  if (reading.kind === 'deleted') return `${PLACEHOLDER}deleted`;
  if (reading.kind === 'media' || m.kind === 'media') {
    const caption = reading.media ? reading.media.caption : m.text;
    return `${PLACEHOLDER}media${PLACEHOLDER}${comparableText(caption ?? '')}`;
  }
  return comparableText(m.text);
}

const minute = (utc: string): string => utc.slice(0, 16);
const TIME_TOLERANCE_MS = 2 * 60_000;

type MatchedBy = CanonicalMessage['matchedBy'];

/** A canonical message being lined up: per source its copy (null: that source has none yet). */
interface Group {
  readonly members: (MergeInputMessage | null)[];
  matchedBy: MatchedBy;
}

/** Merge the messages of two or more conversations (each list in its own order). */
export function mergeConversations(sources: ReadonlyArray<readonly MergeInputMessage[]>): MergeResult {
  if (sources.length < 2) throw new Error('a merge needs at least two conversations');
  const lineup = new Lineup(sources.length);
  sources.forEach((messages, s) => {
    for (const m of messages) lineup.add(m, s);
  });
  return summarise(lineup.groups, sources, lineup.conflicts);
}

/** The groups of copies found so far, indexed by key id and by minute and text. */
class Lineup {
  readonly groups: Group[] = [];
  readonly conflicts: MergeConflict[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly byContent = new Map<string, number[]>();

  constructor(private readonly sourceCount: number) {}

  /** A message of source `s`: into the group of its copies, or a group of its own. */
  add(m: MergeInputMessage, s: number): void {
    const { g: found, how } = this.find(m, s);
    let g = found;
    if (g === undefined || this.groups[g]?.members[s] !== null) {
      const members: (MergeInputMessage | null)[] = Array.from({ length: this.sourceCount }, () => null);
      members[s] = m;
      this.groups.push({ members, matchedBy: 'single' });
      g = this.groups.length - 1;
    } else {
      const group = this.groups[g]!;
      group.members[s] = m;
      group.matchedBy = how;
      const other = group.members.find((x, i) => x !== null && i !== s)!;
      this.conflicts.push(...conflictsBetween(other, m, how));
    }
    if (m.keyId !== null) this.byKey.set(m.keyId, g);
    const k = contentKey(m, minute(m.utc));
    const list = this.byContent.get(k);
    if (list) list.push(g);
    else this.byContent.set(k, [g]);
  }

  /** The group a message belongs to: by key id, else by minute (or the minute either side) and text. */
  private find(m: MergeInputMessage, s: number): { g: number | undefined; how: MatchedBy } {
    if (m.keyId !== null) {
      const g = this.byKey.get(m.keyId);
      if (g !== undefined) return { g, how: 'key' };
    }
    // Same minute (or the minute either side, for clocks that disagree by seconds) and same text.
    const t = Date.parse(m.utc);
    const { groups } = this;
    for (const at of [
      minute(m.utc),
      minute(new Date(t - 60_000).toISOString()),
      minute(new Date(t + 60_000).toISOString()),
    ]) {
      const candidates = this.byContent.get(contentKey(m, at)) ?? [];
      let g = candidates.find((c) => groups[c]?.members[s] === null && sameSender(groups[c]!.members, m));
      // Words match across phones that name the sender differently; a placeholder says too little
      // to be matched without the same sender.
      if (!matchText(m).startsWith(PLACEHOLDER)) g ??= candidates.find((c) => groups[c]?.members[s] === null);
      if (g !== undefined) return { g, how: 'content' };
    }
    return { g: undefined, how: 'content' };
  }
}

const contentKey = (m: MergeInputMessage, at: string) => `${at}\u0001${matchText(m)}`;

/** What disagrees between two copies of one message: deleted on one only, text, time. */
function conflictsBetween(other: MergeInputMessage, m: MergeInputMessage, how: MatchedBy): MergeConflict[] {
  const conflicts: MergeConflict[] = [];
  if (other.kind === 'deleted' || m.kind === 'deleted') {
    if (other.kind !== m.kind) {
      conflicts.push({
        kind: 'deleted',
        messageIds: [other.id, m.id],
        detail: 'deleted on one phone, present on another',
      });
    }
  } else if (matchText(other) !== matchText(m)) {
    conflicts.push({
      kind: 'text',
      messageIds: [other.id, m.id],
      detail: 'same message, different text',
    });
  }
  if (
    Math.abs(Date.parse(other.utc) - Date.parse(m.utc)) > TIME_TOLERANCE_MS ||
    (how === 'key' && minute(other.utc) !== minute(m.utc))
  ) {
    conflicts.push({
      kind: 'time',
      messageIds: [other.id, m.id],
      detail: `times differ: ${other.utc} and ${m.utc}`,
    });
  }
  return conflicts;
}

/** The canonical messages in time order, and the report: matched everywhere, only in one, conflicts. */
function summarise(
  groups: readonly Group[],
  sources: ReadonlyArray<readonly MergeInputMessage[]>,
  conflicts: readonly MergeConflict[],
): MergeResult {
  const conversationIds = sources.map((s) => s[0]?.conversationId ?? -1);
  const onlyIn: Record<string, number> = {};
  for (const id of conversationIds) onlyIn[String(id)] = 0;
  let matched = 0;
  const messages: CanonicalMessage[] = groups.map((g) => {
    const present = g.members.filter((m): m is MergeInputMessage => m !== null);
    if (present.length === sources.length) matched++;
    if (present.length === 1) onlyIn[String(present[0]!.conversationId)]! += 1;
    const utc = present.map((m) => m.utc).sort()[0]!;
    return {
      utc,
      sources: present.map((m) => m.id),
      matchedBy: present.length === 1 ? 'single' : g.matchedBy,
    };
  });
  messages.sort((a, b) =>
    a.utc < b.utc ? -1 : a.utc > b.utc ? 1 : (a.sources[0] ?? 0) - (b.sources[0] ?? 0),
  );
  return {
    messages,
    report: {
      conversations: conversationIds,
      canonical: messages.length,
      matched,
      onlyIn,
      conflicts: [...conflicts],
    },
  };
}

function sameSender(members: readonly (MergeInputMessage | null)[], m: MergeInputMessage): boolean {
  return members.some(
    (x) =>
      x !== null &&
      ((x.senderJid !== null && x.senderJid === m.senderJid) ||
        (x.sender !== null && m.sender !== null && x.sender.toLowerCase() === m.sender.toLowerCase())),
  );
}
