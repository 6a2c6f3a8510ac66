/**
 * The QC rules' side of the second-review queue (migration 0008): each case's QC share, automatic
 * queueing on a coding write, which messages are awaiting a blind second review, and the decided
 * pairs the agreement statistics are computed from. Also the queue's life cycle: a lead's
 * sample, the second decision and the resolution.
 */
import { sql } from 'kysely';

import { DEFAULT_QC_SHARE } from '../migrations/0008_qc.js';
import { toInt, type RepoContext } from './context.js';
import type { QcReason, QcStatus } from '../../contract/review-words.js';

/** A QC item with everything the QC page and the agreement statistics need. */
export interface QcDetailRecord {
  readonly id: number;
  readonly messageId: number;
  readonly caseId: number;
  readonly conversationId: number;
  readonly seq: number;
  readonly reason: QcReason;
  readonly firstUserId: number;
  readonly firstBy: string;
  readonly firstVersion: number;
  /** Null until the second decision is given (the first stays blind until then). */
  readonly firstDecision: string | null;
  readonly secondBy: string | null;
  readonly secondDecision: string | null;
  readonly status: QcStatus;
  readonly resolvedBy: string | null;
  readonly resolution: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export class QcRepository {
  constructor(private readonly ctx: RepoContext) {}

  /** Adds up to `size` coded messages of the case not yet in QC, chosen at random; returns how many. */
  async sample(caseId: number, size: number): Promise<number> {
    const now = this.ctx.now();
    const r = await this.ctx.db
      .insertInto('qc_items')
      .columns([
        'message_id',
        'case_id',
        'first_user_id',
        'first_version',
        'status',
        'created_at',
        'updated_at',
      ])
      .expression((eb) =>
        eb
          .selectFrom('codes as c')
          .innerJoin('users as u', 'u.username', 'c.by_user')
          .select([
            'c.message_id',
            'c.case_id',
            'u.id',
            'c.version',
            sql<string>`cast(${'pending'} as text)`.as('status'),
            sql<string>`cast(${now} as text)`.as('created_at'),
            sql<string>`cast(${now} as text)`.as('updated_at'),
          ])
          .where('c.case_id', '=', caseId)
          .where((w) =>
            w.not(
              w.exists(
                w.selectFrom('qc_items as q').select('q.id').whereRef('q.message_id', '=', 'c.message_id'),
              ),
            ),
          )
          .orderBy(sql`random()`)
          .limit(size),
      )
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0);
  }

  async firstUserId(id: number): Promise<number | null> {
    const row = await this.ctx.db
      .selectFrom('qc_items')
      .select('first_user_id')
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toInt(row.first_user_id) : null;
  }

  /** Records the second decision on a pending item; false if it was not pending any more. */
  async second(input: { id: number; userId: number; decision: string; agreed: boolean }): Promise<boolean> {
    const r = await this.ctx.db
      .updateTable('qc_items')
      .set({
        second_user_id: input.userId,
        second_decision: input.decision,
        status: input.agreed ? 'agreed' : 'disagreed',
        updated_at: this.ctx.now(),
      })
      .where('id', '=', input.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** A lead settles a disagreement; false if the item was not in disagreement. */
  async resolve(input: { id: number; userId: number; resolution: string }): Promise<boolean> {
    const r = await this.ctx.db
      .updateTable('qc_items')
      .set({
        resolved_by: input.userId,
        resolution: input.resolution,
        status: 'resolved',
        updated_at: this.ctx.now(),
      })
      .where('id', '=', input.id)
      .where('status', '=', 'disagreed')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** The case's QC share (0–1): the default until a lead sets one. */
  async share(caseId: number): Promise<number> {
    const row = await this.ctx.db
      .selectFrom('qc_settings')
      .select('share')
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    return row ? Number(row.share) : DEFAULT_QC_SHARE;
  }

  async setShare(caseId: number, share: number, by: string): Promise<void> {
    const at = this.ctx.now();
    await this.ctx.db
      .insertInto('qc_settings')
      .values({ case_id: caseId, share, updated_at: at, updated_by: by })
      .onConflict((oc) => oc.column('case_id').doUpdateSet({ share, updated_at: at, updated_by: by }))
      .execute();
  }

  /**
   * Queues a coded message for second review. A message is queued once: if it is already queued and
   * still awaiting its second decision, the newer code is what will be checked; an item already
   * decided is left alone. Returns the item id when this call queued it, else null.
   */
  async enqueue(input: {
    messageId: number;
    caseId: number;
    firstUserId: number;
    firstVersion: number;
    reason: QcReason;
  }): Promise<number | null> {
    const now = this.ctx.now();
    const inserted = await this.ctx.db
      .insertInto('qc_items')
      .values({
        message_id: input.messageId,
        case_id: input.caseId,
        first_user_id: input.firstUserId,
        first_version: input.firstVersion,
        status: 'pending',
        reason: input.reason,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('message_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) return toInt(inserted.id);
    await this.recode(input);
    return null;
  }

  /**
   * A recode of a message whose item awaits its second decision: the newer code is the one checked.
   * The first reviewer stays who they were (only they, leads and admins can recode it meanwhile), so a
   * lead's correction does not hide the message from the reviewer who coded it first.
   */
  async recode(input: { messageId: number; firstVersion: number }): Promise<void> {
    await this.ctx.db
      .updateTable('qc_items')
      .set({ first_version: input.firstVersion, updated_at: this.ctx.now() })
      .where('message_id', '=', input.messageId)
      .where('status', '=', 'pending')
      .execute();
  }

  /**
   * What a coding write needs to know first, in one round trip: the first reviewer of the second
   * review the message awaits (null when none is pending) and the case's QC share.
   */
  async codingState(
    messageId: number,
    caseId: number,
  ): Promise<{ pendingFirstUserId: number | null; share: number }> {
    const row = await this.ctx.db
      .selectNoFrom((eb) => [
        eb
          .selectFrom('qc_items')
          .select('first_user_id')
          .where('message_id', '=', messageId)
          .where('status', '=', 'pending')
          .as('pending_first_user_id'),
        eb.selectFrom('qc_settings').select('share').where('case_id', '=', caseId).as('share'),
      ])
      .executeTakeFirstOrThrow();
    return {
      pendingFirstUserId: row.pending_first_user_id === null ? null : toInt(row.pending_first_user_id),
      share: row.share === null ? DEFAULT_QC_SHARE : Number(row.share),
    };
  }

  /** Of these messages, those awaiting a second decision, with their first reviewer's user id. */
  async pendingAmong(messageIds: readonly number[]): Promise<Map<number, number>> {
    const out = new Map<number, number>();
    for (let i = 0; i < messageIds.length; i += 500) {
      const chunk = messageIds.slice(i, i + 500);
      if (chunk.length === 0) continue;
      const rows = await this.ctx.db
        .selectFrom('qc_items')
        .select(['message_id', 'first_user_id'])
        .where('message_id', 'in', chunk)
        .where('status', '=', 'pending')
        .execute();
      for (const r of rows) out.set(toInt(r.message_id), toInt(r.first_user_id));
    }
    return out;
  }

  /** Records the first decision the second was compared with (same transaction as the second). */
  async setFirstDecision(id: number, decision: string | null): Promise<void> {
    await this.ctx.db
      .updateTable('qc_items')
      .set({ first_decision: decision })
      .where('id', '=', id)
      .execute();
  }

  async get(id: number): Promise<QcDetailRecord | null> {
    return (await this.list(null, { id }))[0] ?? null;
  }

  /** A case's items (or the one with `filter.id`), oldest first. */
  async list(
    caseId: number | null,
    filter: { id?: number; status?: QcDetailRecord['status']; notFirstUserId?: number; limit?: number } = {},
  ): Promise<QcDetailRecord[]> {
    let q = this.ctx.db
      .selectFrom('qc_items as q')
      .innerJoin('messages as m', 'm.id', 'q.message_id')
      .innerJoin('users as f', 'f.id', 'q.first_user_id')
      .leftJoin('users as s', 's.id', 'q.second_user_id')
      .leftJoin('users as r', 'r.id', 'q.resolved_by')
      .select([
        'q.id',
        'q.message_id',
        'q.case_id',
        'm.conversation_id',
        'm.seq',
        'q.reason',
        'q.first_user_id',
        'f.username as first_by',
        'q.first_version',
        'q.first_decision',
        's.username as second_by',
        'q.second_decision',
        'q.status',
        'r.username as resolved_by',
        'q.resolution',
        'q.created_at',
        'q.updated_at',
      ]);
    if (caseId !== null) q = q.where('q.case_id', '=', caseId);
    if (filter.id !== undefined) q = q.where('q.id', '=', filter.id);
    if (filter.status !== undefined) q = q.where('q.status', '=', filter.status);
    if (filter.notFirstUserId !== undefined) q = q.where('q.first_user_id', '!=', filter.notFirstUserId);
    q = q.orderBy('q.id');
    if (filter.limit !== undefined) q = q.limit(filter.limit);
    return (await q.execute()).map((r) => ({
      id: toInt(r.id),
      messageId: toInt(r.message_id),
      caseId: toInt(r.case_id),
      conversationId: toInt(r.conversation_id),
      seq: toInt(r.seq),
      reason: r.reason as QcReason,
      firstUserId: toInt(r.first_user_id),
      firstBy: r.first_by,
      firstVersion: toInt(r.first_version),
      // Only ever set once the second decision is in, so a pending item never carries it.
      firstDecision: r.first_decision,
      secondBy: r.second_by,
      secondDecision: r.second_decision,
      status: r.status as QcDetailRecord['status'],
      resolvedBy: r.resolved_by,
      resolution: r.resolution,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  /** How many items of the case are in each status. */
  async counts(caseId: number): Promise<Record<string, number>> {
    const rows = await this.ctx.db
      .selectFrom('qc_items')
      .select((eb) => ['status', eb.fn.countAll().as('n')])
      .where('case_id', '=', caseId)
      .groupBy('status')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.status, toInt(r.n)]));
  }
}
