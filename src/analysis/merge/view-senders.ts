/**
 * The senders of matched copies are one participant (the richest source's, with the union of phone,
 * JID and push name) when the matching is mutual (each is the other's most frequent partner) or the
 * JIDs are equal, and no investigator's decision says they are two people.
 */
import type { SenderVotes } from './view-copies.js';
import type { MergeSources } from './view-sources.js';
import type { CaseFold, ViewEvent, ViewMessage, ViewParticipant } from './view-types.js';

/** Folds one merge's senders; returns each kept participant with what its folded copies add. */
export function foldSenders<M extends ViewMessage, P extends ViewParticipant>(
  src: MergeSources<M, P>,
  senders: SenderVotes,
  fold: CaseFold<M, ViewEvent, P>,
): Map<string, P> {
  const pairs = [...mutualPairs(src, senders), ...sameJidPairs(src)];
  const groups = unionGroups(pairs, senders.sourceOfKey, fold.linkOf);
  const head = new Map<string, P>();
  for (const g of groups) {
    const members = g
      .map((k) => src.partByKey.get(k))
      .filter((p): p is P => p !== undefined)
      .sort((a, b) => src.rankOf(a.conversationId) - src.rankOf(b.conversationId));
    const first = members[0];
    if (!first) continue;
    for (const p of members.slice(1)) {
      fold.alias.set(p.key, first.key);
      fold.merged.participants[p.key] = first.key;
      fold.droppedParticipants.add(p.key);
    }
    head.set(first.key, {
      ...first,
      phone: members.find((p) => p.phone)?.phone ?? first.phone ?? null,
      jid: members.find((p) => p.jid)?.jid ?? first.jid ?? null,
      pushName: members.find((p) => p.pushName)?.pushName ?? first.pushName ?? null,
    } as P);
  }
  return head;
}

/** Pairs of senders of two sources, each the other's most frequent partner (a tie names none). */
function mutualPairs<M extends ViewMessage, P extends ViewParticipant>(
  src: MergeSources<M, P>,
  { votes, sourceOfKey }: SenderVotes,
): [string, string][] {
  const best = (a: string, source: number): string | null => {
    let top: string | null = null;
    let n = 0;
    let tie = false;
    for (const [b, k] of votes.get(a) ?? []) {
      if (sourceOfKey.get(b) !== source) continue;
      if (k > n) [top, n, tie] = [b, k, false];
      else if (k === n) tie = true;
    }
    return tie ? null : top;
  };
  const pairs: [string, string][] = [];
  for (const [a] of votes) {
    for (const c of src.convs) {
      if (c === sourceOfKey.get(a)) continue;
      const b = best(a, c);
      if (b !== null && a < b && best(b, sourceOfKey.get(a)!) === a) pairs.push([a, b]);
    }
  }
  return pairs;
}

/** Pairs of participants of two sources with the same JID. */
function sameJidPairs<M extends ViewMessage, P extends ViewParticipant>(
  src: MergeSources<M, P>,
): [string, string][] {
  const pairs: [string, string][] = [];
  const byJid = new Map<string, P>();
  for (const p of src.parts) {
    const jid = p.jid?.toLowerCase();
    if (!jid) continue;
    const other = byJid.get(jid);
    if (other && other.conversationId !== p.conversationId) pairs.push([other.key, p.key]);
    else byJid.set(jid, p);
  }
  return pairs;
}

/** The pairs joined into groups: one participant per source, never against an investigator's decision. */
function unionGroups(
  pairs: readonly [string, string][],
  sourceOfKey: ReadonlyMap<string, number>,
  linkOf: ReadonlyMap<string, string>,
): Set<string[]> {
  const group = new Map<string, string[]>();
  const groupOf = (k: string): string[] => {
    let g = group.get(k);
    if (!g) group.set(k, (g = [k]));
    return g;
  };
  for (const [a, b] of pairs) {
    const ga = groupOf(a);
    const gb = groupOf(b);
    if (ga === gb) continue;
    const sources = new Set(ga.map((k) => sourceOfKey.get(k)));
    if (gb.some((k) => sources.has(sourceOfKey.get(k)))) continue;
    const persons = new Set([...ga, ...gb].map((k) => linkOf.get(k)).filter((x) => x !== undefined));
    if (persons.size > 1) continue;
    const joined = [...ga, ...gb];
    for (const k of joined) group.set(k, joined);
  }
  return new Set(group.values());
}
