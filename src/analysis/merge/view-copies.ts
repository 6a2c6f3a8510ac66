/**
 * One copy per canonical message: the richest (a key id, i.e. a device database, before an export
 * line; then the source read first). Each matched pair of copies is also a vote that their senders
 * are one person (view-senders.ts counts them).
 */
import type { MergeSources } from './view-sources.js';
import type { CaseFold, ViewEvent, ViewMessage, ViewParticipant } from './view-types.js';

/** Who was matched with whom, and how often; and each sender's source. */
export interface SenderVotes {
  /** Sender key → sender key of another source → matched messages. */
  readonly votes: Map<string, Map<string, number>>;
  readonly sourceOfKey: Map<string, number>;
}

export function keepOneCopy<M extends ViewMessage, P extends ViewParticipant>(
  src: MergeSources<M, P>,
  fold: CaseFold<M, ViewEvent, P>,
): SenderVotes {
  const votes = new Map<string, Map<string, number>>();
  const vote = (a: string, b: string): void => {
    let v = votes.get(a);
    if (!v) votes.set(a, (v = new Map()));
    v.set(b, (v.get(b) ?? 0) + 1);
  };
  const sourceOfKey = new Map<string, number>();
  for (const p of src.parts) sourceOfKey.set(p.key, p.conversationId);
  for (const cm of src.merge.messages) {
    const copies = cm.sources.map((id) => fold.byId.get(id)).filter((m): m is M => m !== undefined);
    if (copies.length < 2) continue;
    const kept = [...copies].sort(
      (a, b) =>
        Number(!a.keyId) - Number(!b.keyId) ||
        src.rankOf(a.conversationId) - src.rankOf(b.conversationId) ||
        a.id - b.id,
    )[0]!;
    for (const c of copies) fold.keptFor.set(c.id, kept.id);
    fold.merged.copies[String(kept.id)] = copies.map((c) => c.id).sort((a, b) => a - b);
    const keys = copies.map((m) => src.senderKey(m));
    for (let i = 0; i < copies.length; i++) {
      for (let j = 0; j < copies.length; j++) {
        const a = keys[i];
        const b = keys[j];
        if (i === j || !a || !b || copies[i]!.conversationId === copies[j]!.conversationId) continue;
        if (!sourceOfKey.has(a)) sourceOfKey.set(a, copies[i]!.conversationId);
        vote(a, b);
      }
    }
  }
  return { votes, sourceOfKey };
}
