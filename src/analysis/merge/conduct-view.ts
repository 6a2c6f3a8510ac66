/**
 * The conduct analysis over merged conversations. Pure: no SQL.
 *
 * A merge says which messages of several conversations (one group seen on several phones) are one
 * real message. The conduct picture must count each real message once, read membership from every
 * source, and treat the senders of matched copies as one person. This maps the conduct inputs of a
 * case onto that view; conversations in no active merge pass through unchanged.
 *
 * - Each canonical message keeps ONE copy in the analysis: the one with the richest provenance (a
 *   WhatsApp key id, i.e. a device database, before an export line; then the source listed first).
 *   `copies` lists every copy of it, so each figure still traces to each phone's record.
 * - Codes and flags on any copy count for the canonical message.
 * - The senders of matched copies are one participant (the richest source's, with the union of phone,
 *   JID and push name), when the matching is mutual (each is the other's most frequent partner) or
 *   the JIDs are equal, and no investigator's decision says they are two people.
 * - Membership events from every source are kept, renamed into the canonical conversation; the same
 *   event seen from two sources (same type, same members, within the merge's minute tolerance) is
 *   kept once, from the richer source.
 *
 * The parts, in the order each merge applies them: view-sources.ts (reading order, names per
 * source), view-copies.ts (the copy kept), view-senders.ts (senders folded), view-names.ts (names
 * in the merged conversation), view-events.ts (each event once). Shapes: view-types.ts.
 */

import { keepOneCopy } from './view-copies.js';
import { mergeEvents } from './view-events.js';
import { MergeNames } from './view-names.js';
import { foldSenders } from './view-senders.js';
import { MergeSources } from './view-sources.js';
import type {
  CaseFold,
  ConductViewInput,
  ConductViewOutput,
  ViewCode,
  ViewEvent,
  ViewFlag,
  ViewLink,
  ViewMerge,
  ViewMessage,
  ViewParticipant,
} from './view-types.js';

export type {
  ConductViewInput,
  ConductViewOutput,
  MergedConduct,
  ViewCode,
  ViewEvent,
  ViewFlag,
  ViewLink,
  ViewMerge,
  ViewMessage,
  ViewParticipant,
} from './view-types.js';

export function mergedConductView<
  M extends ViewMessage,
  E extends ViewEvent,
  P extends ViewParticipant,
  L extends ViewLink,
>(input: ConductViewInput<M, E, P, L>, merges: readonly ViewMerge[]): ConductViewOutput<M, E, P, L> {
  const fold: CaseFold<M, E, P> = {
    merged: { merges: [], conversationOf: {}, participants: {}, copies: {}, events: {} },
    byId: new Map(input.messages.map((m) => [m.id, m])),
    linkOf: new Map(input.confirmedLinks.map((l) => [l.participantKey, l.person])),
    keptFor: new Map(),
    alias: new Map(),
    conversationOf: new Map(),
    renamedParticipants: new Map(),
    droppedParticipants: new Set(),
    eventOut: new Map(),
    messageOut: new Map(),
  };
  if (merges.length === 0) return { ...input, merged: fold.merged };
  for (const merge of merges) applyMerge(input, merge, fold);
  return caseView(input, fold);
}

/** One merge: its copies, senders, names, events and messages read into the canonical conversation. */
function applyMerge<
  M extends ViewMessage,
  E extends ViewEvent,
  P extends ViewParticipant,
  L extends ViewLink,
>(input: ConductViewInput<M, E, P, L>, merge: ViewMerge, fold: CaseFold<M, E, P>): void {
  const src = new MergeSources(input, merge);
  fold.merged.merges.push(merge.id);
  for (const c of src.convs) {
    fold.conversationOf.set(c, src.canonical);
    fold.merged.conversationOf[String(c)] = src.canonical;
  }
  const senders = keepOneCopy(src, fold);
  const head = foldSenders(src, senders, fold);
  const names = new MergeNames(src, head, fold);
  mergeEvents(input.events, src, names, fold);
  for (const m of src.msgs) {
    if (fold.keptFor.has(m.id) && fold.keptFor.get(m.id) !== m.id) continue;
    const key = src.senderKey(m);
    fold.messageOut.set(m.id, {
      ...m,
      conversationId: src.canonical,
      participantKey: key === null ? m.participantKey : names.folded(key),
      sender: key !== null ? (names.nameOf.get(names.folded(key)) ?? m.sender) : m.sender,
      ...(m.reactions
        ? { reactions: m.reactions.map((r) => ({ ...r, sender: names.rename(m.conversationId, r.sender) })) }
        : {}),
    } as M);
  }
}

/** The case's inputs with every merge applied; conversations in no merge pass through unchanged. */
function caseView<M extends ViewMessage, E extends ViewEvent, P extends ViewParticipant, L extends ViewLink>(
  input: ConductViewInput<M, E, P, L>,
  fold: CaseFold<M, E, P>,
): ConductViewOutput<M, E, P, L> {
  const { conversationOf } = fold;
  const messages = input.messages.flatMap((m) => {
    if (!conversationOf.has(m.conversationId)) return [m];
    const out = fold.messageOut.get(m.id);
    return out ? [out] : [];
  });
  const events = input.events.flatMap((e) => {
    if (!conversationOf.has(e.conversationId)) return [e];
    const out = fold.eventOut.get(e.id);
    return out ? [out] : [];
  });
  const participants = input.participants.flatMap((p) => {
    if (!conversationOf.has(p.conversationId)) return [p];
    const out = fold.renamedParticipants.get(p.key);
    return out ? [out] : [];
  });
  const canonicalId = (id: number): number => fold.keptFor.get(id) ?? id;
  return {
    messages,
    events,
    participants,
    coded: foldCodes(input.coded, canonicalId),
    flagged: foldFlags(input.flagged, canonicalId),
    confirmedLinks: foldLinks(input.confirmedLinks, fold.alias),
    merged: fold.merged,
  };
}

/** A code on any copy counts for the message: offensive where any copy was coded offensive. */
function foldCodes(coded: readonly ViewCode[], canonicalId: (id: number) => number): ViewCode[] {
  const codes = new Map<number, ViewCode>();
  for (const c of coded) {
    const id = canonicalId(c.messageId);
    const prev = codes.get(id);
    if (!prev) codes.set(id, { ...c, messageId: id });
    else if (c.offensive)
      codes.set(id, {
        messageId: id,
        offensive: true,
        categories: union(prev.offensive ? prev.categories : [], c.categories),
      });
  }
  return [...codes.values()];
}

/** A flag on any copy counts for the message: the union of categories, the highest score. */
function foldFlags(flagged: readonly ViewFlag[], canonicalId: (id: number) => number): ViewFlag[] {
  const flags = new Map<number, ViewFlag>();
  for (const f of flagged) {
    const id = canonicalId(f.messageId);
    const prev = flags.get(id);
    const score = Math.max(prev?.score ?? -Infinity, f.score ?? -Infinity);
    flags.set(id, {
      messageId: id,
      categories: union(prev?.categories ?? [], f.categories),
      ...(Number.isFinite(score) ? { score } : {}),
    });
  }
  return [...flags.values()];
}

/** Confirmations move to the participant kept; the same confirmation twice is kept once. */
function foldLinks<L extends ViewLink>(links: readonly L[], alias: ReadonlyMap<string, string>): L[] {
  const seenLink = new Set<string>();
  return links.flatMap((l) => {
    const key = alias.get(l.participantKey) ?? l.participantKey;
    const k = `${key}\u0000${l.person}`;
    if (seenLink.has(k)) return [];
    seenLink.add(k);
    return [{ ...l, participantKey: key }];
  });
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}
