/**
 * Second review (quality control). A lead draws a random sample of coded messages; another reviewer
 * codes each again (the QC list does not show the first decision, though the thread view does);
 * agreement closes the item, a
 * disagreement waits for the lead's resolution. Every step is in the audit log under the message.
 */
import type { Store } from '../store/open-store.js';
import type { Decision } from '../store/repositories/codes.js';
import type { QcItemRecord } from '../store/repositories/reviews.js';
import type { UserRecord } from '../store/repositories/users.js';

export async function sampleForQc(
  store: Store,
  input: { caseId: number; size: number; user: UserRecord },
): Promise<number> {
  return store.transaction(async (repos) => {
    const added = await repos.qc.sample(input.caseId, input.size);
    await repos.audit.append({
      actor: input.user.username,
      action: 'qc.sample',
      caseId: input.caseId,
      subject: `case:${input.caseId}`,
      detail: { requested: input.size, added },
    });
    return added;
  });
}

export type QcOutcome =
  | { readonly ok: true; readonly item: QcItemRecord }
  | { readonly ok: false; readonly reason: 'not_found' | 'same_reviewer' | 'wrong_state' };

export async function secondReview(
  store: Store,
  input: { id: number; user: UserRecord; decision: Decision },
): Promise<QcOutcome> {
  const firstUserId = await store.qc.firstUserId(input.id);
  if (firstUserId === null) return { ok: false, reason: 'not_found' };
  if (firstUserId === input.user.id) return { ok: false, reason: 'same_reviewer' };
  return store.transaction(async (repos) => {
    const item = (await repos.qc.get(input.id))!;
    const current = await repos.codes.get(item.messageId);
    const agreed = current?.decision === input.decision;
    if (!(await repos.qc.second({ id: input.id, userId: input.user.id, decision: input.decision, agreed }))) {
      return { ok: false, reason: 'wrong_state' } as const;
    }
    await repos.audit.append({
      actor: input.user.username,
      action: 'qc.second',
      caseId: item.caseId,
      subject: `message:${item.messageId}`,
      detail: { qcId: item.id, decision: input.decision, firstDecision: current?.decision ?? null, agreed },
    });
    return { ok: true, item: (await repos.qc.get(input.id))! } as const;
  });
}

export async function resolveQc(
  store: Store,
  input: { id: number; user: UserRecord; resolution: string },
): Promise<QcOutcome> {
  return store.transaction(async (repos) => {
    const item = await repos.qc.get(input.id);
    if (!item) return { ok: false, reason: 'not_found' } as const;
    if (!(await repos.qc.resolve({ id: input.id, userId: input.user.id, resolution: input.resolution }))) {
      return { ok: false, reason: 'wrong_state' } as const;
    }
    await repos.audit.append({
      actor: input.user.username,
      action: 'qc.resolve',
      caseId: item.caseId,
      subject: `message:${item.messageId}`,
      detail: { qcId: item.id, resolution: input.resolution },
    });
    return { ok: true, item: (await repos.qc.get(input.id))! } as const;
  });
}
