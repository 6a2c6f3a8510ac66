/**
 * Second review (quality control), "a second pair of eyes". Three ways into the queue:
 *   - every "offensive" decision, queued by the coding write itself (same transaction);
 *   - a configurable share of the other decisions (the case's QC share, set by its lead), chosen by
 *     a hash of (case, message) rather than a random draw, so anyone can recompute which messages the
 *     rule picks and check that none was left out or slipped in;
 *   - a lead's explicit random sample of coded messages.
 * The second review is blind: while an item awaits its second decision, the code of its message is
 * withheld from everyone but its first reviewer and leads/admins (see `blindedAmong`), in the thread,
 * search, batches, the QC queue and the message's history. Agreement closes the item; a disagreement
 * waits for the lead's resolution. Every step is in the audit log under the message.
 */
import { createHash } from 'node:crypto';

import type { Store, Repos } from '../store/open-store.js';
import type { Decision } from '../contract/coding.js';
import { roleAllows } from '../contract/roles.js';
import type { CodeRecord } from '../store/repositories/codes.js';
import type { QcReason } from '../contract/review-words.js';
import type { QcDetailRecord } from '../store/repositories/qc.js';
import type { UserRecord } from '../store/repositories/users.js';
import type { NewAuditEntry } from '../store/types.js';
import { agreementByPair, type DecidedPair } from './agreement.js';

/**
 * Where a message falls in [0, 1) for the QC share: the first 32 bits of
 * SHA-256("qc:<caseId>:<messageId>"). Fixed per message, so the share rule is reproducible.
 */
export function qcDraw(caseId: number, messageId: number): number {
  const digest = createHash('sha256').update(`qc:${caseId}:${messageId}`).digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}

/** Why a new code sends its message to second review, or null when it does not. */
export function qcReasonFor(
  code: Pick<CodeRecord, 'caseId' | 'messageId' | 'decision'>,
  share: number,
): QcReason | null {
  if (code.decision === 'offensive') return 'offensive';
  return qcDraw(code.caseId, code.messageId) < share ? 'share' : null;
}

/**
 * Called by the coding write inside its transaction, with what it read at its start (the case's QC
 * share; whether the message's item awaits its second decision): queues the message when the QC
 * rules pick it. Queueing is idempotent (one item per message); a recode while the item awaits its
 * second decision makes the newer code the one to be checked (the second decision is compared with
 * the code as it stands then). Returns the audit entry for a newly queued item, for the caller to
 * append after its own (the audit chain's lock is taken as late as possible).
 *
 * With no pending item at the start of the transaction there is nothing to recode: another coding
 * write that queued one since would have changed the code's version, and this write would have
 * failed its version check. (A lead's sample committed in between records the version it saw, as
 * it would if it committed just after this write.)
 */
export async function queueOnCode(
  repos: Repos,
  code: CodeRecord,
  user: UserRecord,
  state: { readonly share: number; readonly pending: boolean },
): Promise<NewAuditEntry | null> {
  const reason = qcReasonFor(code, state.share);
  if (state.pending) {
    await repos.qc.recode({ messageId: code.messageId, firstVersion: code.version });
    return null;
  }
  if (reason === null) return null;
  const id = await repos.qc.enqueue({
    messageId: code.messageId,
    caseId: code.caseId,
    firstUserId: user.id,
    firstVersion: code.version,
    reason,
  });
  if (id === null) return null;
  return {
    actor: user.username,
    action: 'qc.queue',
    caseId: code.caseId,
    subject: `message:${code.messageId}`,
    detail: { qcId: id, reason, version: code.version },
    at: code.at,
  };
}

/** Whether a user sees every code regardless of pending second reviews (leads and admins). */
const seesAllCodes = (user: UserRecord): boolean => roleAllows(user.role, 'lead');

/**
 * Whether an item's first decision is withheld from `viewer`. Its reason for being queued is
 * withheld too: "offensive" names the decision, and "share" says it was not offensive.
 */
export function blindTo(viewer: UserRecord, item: { status: string; firstUserId: number }): boolean {
  return item.status === 'pending' && !seesAllCodes(viewer) && item.firstUserId !== viewer.id;
}

/**
 * Whether a message's code is withheld from `viewer`, given the first reviewer of the second review
 * it awaits (null when none is pending): the rule of `blindedAmong` for a row already read.
 */
export function blindPending(viewer: UserRecord, pendingFirstUserId: number | null): boolean {
  return pendingFirstUserId !== null && !seesAllCodes(viewer) && pendingFirstUserId !== viewer.id;
}

/**
 * Of these messages, those whose code `viewer` must not see: the message awaits a blind second
 * review and the viewer is neither its first reviewer nor a lead/admin.
 */
export async function blindedAmong(
  store: Repos,
  viewer: UserRecord,
  messageIds: readonly number[],
): Promise<Set<number>> {
  if (seesAllCodes(viewer) || messageIds.length === 0) return new Set();
  const pending = await store.qc.pendingAmong(messageIds);
  return new Set([...pending].filter(([, first]) => first !== viewer.id).map(([id]) => id));
}

/** Every message of a case whose code `viewer` must not see (for case-wide views such as conduct). */
export async function withheldInCase(store: Repos, viewer: UserRecord, caseId: number): Promise<Set<number>> {
  if (seesAllCodes(viewer)) return new Set();
  const pending = await store.qc.list(caseId, { status: 'pending' });
  return new Set(pending.filter((i) => i.firstUserId !== viewer.id).map((i) => i.messageId));
}

export async function setQcShare(
  store: Store,
  input: { caseId: number; share: number; actor: string },
): Promise<void> {
  await store.transaction(async (repos) => {
    const before = await repos.qc.share(input.caseId);
    await repos.qc.setShare(input.caseId, input.share, input.actor);
    await repos.audit.append({
      actor: input.actor,
      action: 'qc.share',
      caseId: input.caseId,
      subject: `case:${input.caseId}`,
      detail: { from: before, to: input.share },
    });
  });
}

export async function sampleForQc(
  store: Store,
  input: { caseId: number; size: number; actor: string },
): Promise<number> {
  return store.transaction(async (repos) => {
    const added = await repos.qc.sample(input.caseId, input.size);
    await repos.audit.append({
      actor: input.actor,
      action: 'qc.sample',
      caseId: input.caseId,
      subject: `case:${input.caseId}`,
      detail: { requested: input.size, added },
    });
    return added;
  });
}

export type QcOutcome =
  | { readonly ok: true; readonly item: QcDetailRecord }
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
    // Kept with the item: the agreement statistics compare these two even after the code changes.
    await repos.qc.setFirstDecision(item.id, current?.decision ?? null);
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

/** The case's QC share, its queue by status, and Cohen's kappa per reviewer pair (the dashboard). */
export async function qcAgreement(store: Store, caseId: number) {
  const [share, counts, items] = await Promise.all([
    store.qc.share(caseId),
    store.qc.counts(caseId),
    store.qc.list(caseId),
  ]);
  const decided: DecidedPair[] = [];
  for (const i of items) {
    // Items second-reviewed before migration 0008 have no recorded first decision: left out.
    if (i.firstDecision === null || i.secondDecision === null || i.secondBy === null) continue;
    decided.push({
      firstBy: i.firstBy,
      firstDecision: i.firstDecision,
      secondBy: i.secondBy,
      secondDecision: i.secondDecision,
    });
  }
  return {
    share,
    counts: {
      pending: counts.pending ?? 0,
      agreed: counts.agreed ?? 0,
      disagreed: counts.disagreed ?? 0,
      resolved: counts.resolved ?? 0,
    },
    pairs: agreementByPair(decided),
  };
}
