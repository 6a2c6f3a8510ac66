/**
 * Coding decisions. A write names the version the reviewer saw (`baseVersion`, 0 when uncoded); if
 * someone else has written since, nothing is written and the caller gets the current code back
 * (409), so no decision is ever silently lost. The version check, the write, the "reviewed" mark
 * and the audit entry are one transaction: either all are recorded or none. The same transaction
 * queues the message for second review when the QC rules pick it (src/review/qc.ts), and a user from
 * whom the code is withheld pending a blind second review cannot overwrite it.
 */
import type { Store } from '../store/open-store.js';
import type { CodeRecord, CodeValues } from '../store/repositories/codes.js';
import type { UserRecord } from '../store/repositories/users.js';
import { blindedAmong, blindPending, queueOnCode } from './qc.js';

export type CodeResult =
  | { readonly ok: true; readonly code: CodeRecord }
  | { readonly ok: false; readonly current: CodeRecord | null }
  /** The message awaits a blind second review this user may give: its code is not theirs to see. */
  | { readonly ok: false; readonly blind: true };

export async function setCode(
  store: Store,
  input: { user: UserRecord; messageId: number; caseId: number; baseVersion: number; values: CodeValues },
): Promise<CodeResult> {
  // Checked before the write and again before a 409, which would otherwise hand the withheld code
  // back in `current`.
  const blind = async () => (await blindedAmong(store, input.user, [input.messageId])).size > 0;
  // Round trips matter here (PostgreSQL): the blind check and the QC share are one query, and the
  // audit entries come last, in one append, so the audit chain's lock is held only for the append
  // and the commit.
  const written = await store.transaction(async (repos) => {
    const state = await repos.qc.codingState(input.messageId, input.caseId);
    if (blindPending(input.user, state.pendingFirstUserId)) return 'blind' as const;
    const code = await repos.codes.write({
      messageId: input.messageId,
      caseId: input.caseId,
      baseVersion: input.baseVersion,
      values: input.values,
      by: input.user.username,
    });
    if (!code) return null;
    await repos.reviews.markCoded({
      caseId: input.caseId,
      messageId: input.messageId,
      userId: input.user.id,
    });
    const queued = await queueOnCode(repos, code, input.user, {
      share: state.share,
      pending: state.pendingFirstUserId !== null,
    });
    await repos.audit.appendMany([
      {
        actor: input.user.username,
        action: 'code.set',
        caseId: input.caseId,
        subject: `message:${input.messageId}`,
        detail: {
          version: code.version,
          decision: code.decision,
          categories: code.categories,
          standards: code.standards,
          potentialS127: code.potentialS127,
          note: code.note,
        },
        at: code.at,
      },
      ...(queued ? [queued] : []),
    ]);
    return code;
  });
  if (written === 'blind') return { ok: false, blind: true };
  if (written) return { ok: true, code: written };
  if (await blind()) return { ok: false, blind: true };
  return { ok: false, current: await store.codes.get(input.messageId) };
}

/** Marks a visible run of a conversation "reviewed, nothing of note" for the user; codes are untouched. */
export async function markReviewed(
  store: Store,
  input: { user: UserRecord; caseId: number; conversationId: number; fromSeq: number; toSeq: number },
): Promise<number> {
  return store.transaction(async (repos) => {
    const marked = await repos.reviews.markRange({
      caseId: input.caseId,
      conversationId: input.conversationId,
      fromSeq: input.fromSeq,
      toSeq: input.toSeq,
      userId: input.user.id,
    });
    if (marked > 0) {
      await repos.audit.append({
        actor: input.user.username,
        action: 'review.nothing_of_note',
        caseId: input.caseId,
        subject: `conversation:${input.conversationId}`,
        detail: { fromSeq: input.fromSeq, toSeq: input.toSeq, marked },
      });
    }
    return marked;
  });
}

/** Reviewed share of a case's messages (0–1). */
export function coverage(reviewed: number, messages: number): number {
  return messages === 0 ? 0 : Math.min(1, reviewed / messages);
}
