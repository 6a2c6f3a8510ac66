/**
 * Generated merged cases, for the check that splitting the merge analysis into named parts
 * (mergeConversations, mergedConductView) changed nothing. One scripted group is seen on several
 * phones (merged-phones.ts), each its own way:
 *
 * - 'android': a device database. Key ids, seconds, its owner known by name, one membership row per
 *   member, reactions, JIDs and phone numbers for its participants.
 * - 'ios': another device database of the same group: the same key ids, its clock a few seconds off
 *   (now and then minutes: a time conflict), some participants without a JID.
 * - 'export' / 'export2': exports (.txt). No key ids, minutes only, names from that phone's address
 *   book (a number where it has none), "You" in system lines for its owner, one line for several
 *   members added at once, placeholders for media and deleted messages, the edited marker.
 *
 * Each phone holds what arrived after its owner joined, less a few messages deleted for that phone
 * only; now and then a copy was edited or deleted on one phone only (a text or deleted conflict).
 * Codes, flags and confirmed links fall on any copy, some against each other.
 *
 * `mergeOutputs` runs the current code on a case and returns everything it computes as plain JSON;
 * scripts/write-merge-fixture.ts saved that for every case (inputs included, so a later change to
 * this generator cannot make the comparison miss), and merged-fixture.test.ts expects the same.
 */
import {
  mergedConductView,
  type ConductViewInput,
  type ViewCode,
  type ViewEvent,
  type ViewFlag,
  type ViewLink,
  type ViewMerge,
  type ViewMessage,
  type ViewParticipant,
} from '../../../src/analysis/merge/conduct-view.js';
import { mergeConversations, type MergeInputMessage } from '../../../src/analysis/merge/match.js';
import { mulberry32 } from '../../support/random.js';
import {
  CATEGORIES,
  OFFENSIVE,
  copies,
  people,
  script,
  type PhoneCopy,
  type PhoneKind,
  type SourceSpec,
} from './merged-phones.js';

export interface MergedCase {
  readonly name: string;
  /** Per merge (in the order applied): its sources' messages, in the order the merge lists them. */
  readonly sources: readonly (readonly MergeInputMessage[])[][];
  readonly mergeIds: readonly number[];
  /** Per merge: its conversations, in the order the merge lists them. */
  readonly conversationIds: readonly (readonly number[])[];
  readonly input: ConductViewInput<ViewMessage, ViewEvent, ViewParticipant, ViewLink>;
}

/** Codes and flags on any copy of the offensive messages, some copies against each other. */
function marks(r: () => number, messages: readonly (ViewMessage & { text?: string })[]) {
  const coded: ViewCode[] = [];
  const flagged: ViewFlag[] = [];
  const cat = () => CATEGORIES[Math.floor(r() * CATEGORIES.length)]!;
  for (const m of messages) {
    const offensive = OFFENSIVE.some((o) => m.text?.includes(o));
    if (!offensive && r() < 0.97) continue;
    const roll = r();
    if (roll < 0.4) coded.push({ messageId: m.id, categories: [cat()], offensive: r() < 0.8 });
    else if (roll < 0.8)
      flagged.push({
        messageId: m.id,
        categories: [cat(), cat()],
        ...(r() < 0.7 ? { score: Math.round(r() * 100) / 100 } : {}),
      });
  }
  return { coded, flagged };
}

export interface GroupSpec {
  readonly mergeId: number;
  readonly seed: number;
  readonly phones: readonly SourceSpec[];
}

/** A case: one merge per group spec (its phones in the order the merge lists them), one group unmerged. */
export function mergedCase(name: string, seed: number, groups: readonly GroupSpec[]): MergedCase {
  const crowd = new Map(people().map((p) => [p.id, p]));
  const r = mulberry32(seed);
  const ids = { event: 1 };
  const all: PhoneCopy[] = [];
  const sources: MergeInputMessage[][][] = [];
  for (const g of groups) {
    // Phone owners stay in the group (but for the first, whose phone misses what it was away for).
    const stay = new Set(g.phones.slice(1).map((p) => p.owner));
    const phones = copies(script(g.seed, [...crowd.values()], stay), g.phones, crowd, ids, g.seed);
    all.push(...phones);
    sources.push(phones.map((p) => p.mergeInput));
  }
  // Another group, on the first phone only: merged with nothing, it passes through.
  const alone = copies(
    script(seed + 500, [...crowd.values()]).slice(0, 30),
    [{ conversationId: 99, kind: 'android', owner: 'adams' }],
    crowd,
    ids,
    seed,
  );
  all.push(...alone);
  const messages = all
    .flatMap((p) => p.messages)
    .sort((a, b) => (a.utc < b.utc ? -1 : a.utc > b.utc ? 1 : a.id - b.id));
  const { coded, flagged } = marks(r, messages);
  const participants = all.flatMap((p) => p.participants);
  const keys = participants.map((p) => p.key);
  // Confirmed links: one person on two phones (a duplicate once folded), one pair said to be two people.
  const linked = (id: string, person: string) =>
    keys.filter((k) => k.endsWith(`:${id}`)).map((participantKey) => ({ participantKey, person }));
  const confirmedLinks: ViewLink[] = [
    ...linked('adams', 'P-adams'),
    ...linked('brown', 'P-brown').map((l, i) => (i === 1 ? { ...l, person: 'P-someone-else' } : l)),
    ...linked('davies', 'P-davies')
      .slice(0, 1)
      .map((l) => ({ ...l, name: 'Dai Davies' })),
  ];
  return {
    name,
    sources,
    mergeIds: groups.map((g) => g.mergeId),
    conversationIds: groups.map((g) => g.phones.map((p) => p.conversationId)),
    input: { messages, events: all.flatMap((p) => p.events), participants, coded, flagged, confirmedLinks },
  };
}

export function mergedCases(): MergedCase[] {
  const phone = (
    conversationId: number,
    kind: PhoneKind,
    owner: string,
    ownerUnknown = false,
  ): SourceSpec => ({
    conversationId,
    kind,
    owner,
    ...(ownerUnknown ? { ownerUnknown } : {}),
  });
  return [
    mergedCase('a database and an export whose owner is only "You"', 1, [
      { mergeId: 1, seed: 1, phones: [phone(12, 'export', 'clark', true), phone(11, 'android', 'adams')] },
    ]),
    mergedCase('two databases and an export of a member who joined later', 2, [
      {
        mergeId: 3,
        seed: 2,
        phones: [phone(21, 'ios', 'evans'), phone(22, 'export', 'hale'), phone(23, 'android', 'brown')],
      },
    ]),
    mergedCase('two exports of one group, two databases of another', 3, [
      { mergeId: 4, seed: 3, phones: [phone(31, 'export', 'davies'), phone(32, 'export2', 'fox', true)] },
      { mergeId: 5, seed: 33, phones: [phone(41, 'android', 'adams'), phone(42, 'ios', 'jones')] },
    ]),
    mergedCase('four phones: two databases, two exports', 4, [
      {
        mergeId: 6,
        seed: 4,
        phones: [
          phone(51, 'export2', 'ives', true),
          phone(52, 'android', 'clark'),
          phone(53, 'export', 'brown', true),
          phone(54, 'ios', 'green'),
        ],
      },
    ]),
  ];
}

/** Everything the merge analysis computes for a case, as plain JSON. */
export function mergeOutputs(c: MergedCase): unknown {
  const matches = c.sources.map((s) => mergeConversations(s));
  const reversed = c.sources.map((s) => mergeConversations([...s].reverse()));
  const merges: ViewMerge[] = matches.map((m, i) => ({
    id: c.mergeIds[i]!,
    conversationIds: c.conversationIds[i]!,
    messages: m.messages,
  }));
  const view = mergedConductView(c.input, merges);
  const firstOnly = mergedConductView(c.input, merges.slice(0, 1));
  const passThrough = mergedConductView(c.input, []);
  return JSON.parse(
    JSON.stringify({
      matches,
      reversed,
      view,
      firstOnly: merges.length > 1 ? firstOnly : 'same as view',
      passThrough: {
        same: passThrough.messages === c.input.messages && passThrough.events === c.input.events,
        merged: passThrough.merged,
      },
    }),
  );
}

export const FIXTURE = new URL('fixtures/merged-cases.json', import.meta.url);

/** The saved fixture: each case with the output of the code before the split. */
export interface MergeFixture {
  readonly cases: readonly (MergedCase & { readonly output: unknown })[];
}
