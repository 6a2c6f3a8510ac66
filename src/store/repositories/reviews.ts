/**
 * Who reviewed what: "reviewed" marks (coded, or "nothing of note"), coverage by case and by
 * reviewer, and a message's decision history (from the audit log). The messages themselves are read
 * through the messages repository's mapping (threads.ts, review-search.ts).
 */
import { sql } from 'kysely';

import { toInt, type RepoContext } from './context.js';

export interface HistoryRow {
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly detailJson: string;
  /** Audit entry id, or null for a review mark (which is not itself an audit entry). */
  readonly auditId: number | null;
}

export class ReviewsRepository {
  constructor(private readonly ctx: RepoContext) {}

  async reviewedAmong(messageIds: readonly number[]): Promise<Set<number>> {
    const out = new Set<number>();
    for (let i = 0; i < messageIds.length; i += 500) {
      const chunk = messageIds.slice(i, i + 500);
      if (chunk.length === 0) continue;
      const rows = await this.ctx.db
        .selectFrom('reviews')
        .select('message_id')
        .distinct()
        .where('message_id', 'in', chunk)
        .execute();
      for (const r of rows) out.add(toInt(r.message_id));
    }
    return out;
  }

  /**
   * Marks a conversation's messages `fromSeq` … `toSeq` as reviewed by the user, "nothing of note".
   * Messages the user already reviewed keep their mark. Returns how many were newly marked.
   */
  async markRange(input: {
    caseId: number;
    conversationId: number;
    fromSeq: number;
    toSeq: number;
    userId: number;
  }): Promise<number> {
    const at = this.ctx.now();
    const r = await this.ctx.db
      .insertInto('reviews')
      .columns(['message_id', 'user_id', 'case_id', 'kind', 'at'])
      .expression((eb) =>
        eb
          .selectFrom('messages as m')
          .select([
            'm.id',
            sql<number>`cast(${input.userId} as integer)`.as('user_id'),
            'm.case_id',
            sql<string>`cast(${'nothing_of_note'} as text)`.as('kind'),
            sql<string>`cast(${at} as text)`.as('at'),
          ])
          .where('m.conversation_id', '=', input.conversationId)
          .where('m.case_id', '=', input.caseId)
          .where('m.seq', '>=', input.fromSeq)
          .where('m.seq', '<=', input.toSeq),
      )
      .onConflict((oc) => oc.columns(['message_id', 'user_id']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0);
  }

  /** Records that the user coded the message (replacing a "nothing of note" mark of theirs). */
  async markCoded(input: { caseId: number; messageId: number; userId: number }): Promise<void> {
    const at = this.ctx.now();
    await this.ctx.db
      .insertInto('reviews')
      .values({
        message_id: input.messageId,
        user_id: input.userId,
        case_id: input.caseId,
        kind: 'coded',
        at,
      })
      .onConflict((oc) => oc.columns(['message_id', 'user_id']).doUpdateSet({ kind: 'coded', at }))
      .execute();
  }

  /** Who has reviewed how many of a case's messages, and when first and last (coverage by whom and when). */
  async byReviewer(
    caseId: number,
  ): Promise<{ username: string; messages: number; first: string; last: string }[]> {
    const rows = await this.ctx.db
      .selectFrom('reviews as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select((eb) => [
        'u.username',
        eb.fn.count<number>('r.message_id').distinct().as('n'),
        eb.fn.min('r.at').as('first'),
        eb.fn.max('r.at').as('last'),
      ])
      .where('r.case_id', '=', caseId)
      .groupBy('u.username')
      .orderBy('u.username')
      .execute();
    return rows.map((r) => ({
      username: r.username,
      messages: toInt(r.n),
      first: String(r.first),
      last: String(r.last),
    }));
  }

  /** Distinct reviewed messages per case (cases with none are absent). */
  async reviewedCounts(caseIds?: readonly number[]): Promise<Map<number, number>> {
    let q = this.ctx.db
      .selectFrom('reviews')
      .select((eb) => ['case_id', eb.fn.count<number>('message_id').distinct().as('n')])
      .groupBy('case_id');
    if (caseIds !== undefined) {
      if (caseIds.length === 0) return new Map();
      q = q.where('case_id', 'in', caseIds);
    }
    const rows = await q.execute();
    return new Map(rows.map((r) => [toInt(r.case_id), toInt(r.n)]));
  }

  /** Messages per sender per month ("2023-04"), for the case overview. */
  /**
   * A message's decision history: its audit entries (subject `message:<id>`, in chain order) and
   * the "nothing of note" marks on it, in time order.
   */
  async history(messageId: number): Promise<HistoryRow[]> {
    const audit = await this.ctx.db
      .selectFrom('audit_log')
      .select(['id', 'at', 'actor', 'action', 'detail_json'])
      .where('subject', '=', `message:${messageId}`)
      .orderBy('id')
      .execute();
    const marks = await this.ctx.db
      .selectFrom('reviews as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select(['r.at', 'u.username', 'r.kind'])
      .where('r.message_id', '=', messageId)
      .where('r.kind', '=', 'nothing_of_note')
      .execute();
    const rows: HistoryRow[] = [
      ...audit.map((a) => ({
        at: a.at,
        actor: a.actor,
        action: a.action,
        detailJson: a.detail_json,
        auditId: toInt(a.id),
      })),
      ...marks.map((m) => ({
        at: m.at,
        actor: m.username,
        action: 'review.nothing_of_note',
        detailJson: '{}',
        auditId: null,
      })),
    ];
    return rows.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : (a.auditId ?? 0) - (b.auditId ?? 0)));
  }
}
