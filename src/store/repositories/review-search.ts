/**
 * Filtered search over a case for the review workspace and review batches: by text (and the text
 * read from images), sender, time, kind, flag category and score, review status, seq range; in time
 * order or by score, paged by a message-id cursor. Rows are mapped by the messages repository.
 */
import { sql, type Expression } from 'kysely';

import type { SearchStatus } from '../../contract/review-words.js';
import { parseSearchQuery } from '../search-query.js';
import { toInt, type RepoContext } from './context.js';
import { messageOrImageTextMatches } from './media-texts.js';
import { toMessageWithRef, type MessageWithRef } from './messages.js';
import { SearchIndexRepository } from './search-index.js';

export interface ReviewSearch {
  readonly q?: string;
  readonly sender?: string;
  readonly from?: string;
  readonly to?: string;
  readonly kind?: string;
  /** A flagger category in the given run's result for the message. */
  readonly category?: string;
  readonly minScore?: number;
  /** The run `category` and `minScore` refer to; without one they match nothing. */
  readonly runId?: number | null;
  readonly status?: SearchStatus;
  readonly conversationId?: number;
  /** Inclusive seq bounds (with `conversationId`). */
  readonly fromSeq?: number;
  readonly toSeq?: number;
  readonly limit: number;
  /** Keyset cursor: the id of the last hit of the previous page. */
  readonly after?: number;
  /**
   * `time` (the default): by (utc, id). `score`: the message's score in `runId`, highest first, then
   * by (utc, id); without a run nothing matches.
   */
  readonly order?: 'time' | 'score';
  /**
   * With `order: 'score'`: a re-rank run (issue 14.3) whose ranking sets the order instead of the
   * flag scores; messages it did not rank (reviewed before it ran) come last, in time order.
   */
  readonly rerankId?: number | null;
}

const likeEscape = (s: string): string => s.replace(/[\\%_]/gu, (c) => `\\${c}`);

export class ReviewSearchRepository {
  private readonly searchIndex: SearchIndexRepository;

  constructor(private readonly ctx: RepoContext) {
    this.searchIndex = new SearchIndexRepository(ctx);
  }

  /**
   * Filtered search over a case, paged after the `after` message: in time order, by (utc, id), or
   * with `order: 'score'` highest score in `runId` first, then by (utc, id). The cursor is always a
   * message id; its score is read back from the run inside the query (never as a parameter, so a
   * PostgreSQL `real` is compared with itself, not with its JavaScript double).
   */
  async search(caseId: number, s: ReviewSearch): Promise<{ rows: MessageWithRef[]; next: number | null }> {
    const byScore = s.order === 'score';
    const runId = s.runId ?? null;
    const rerankId = s.rerankId ?? null;
    if (byScore && runId === null) return { rows: [], next: null };
    // Issue 20: while the case's full-text index is building, say so rather than miss hits.
    if (s.q !== undefined && s.q.trim() !== '') await this.searchIndex.assertReady(caseId);
    const filtered = this.filtered(caseId, s);
    if (!filtered) return { rows: [], next: null };
    let q = filtered.selectAll('m').select('e.ref as exhibit_ref');
    if (s.after !== undefined) {
      const after = s.after;
      const cursor = await this.ctx.db
        .selectFrom('messages')
        .select('utc')
        .where('id', '=', after)
        .where('case_id', '=', caseId)
        .executeTakeFirst();
      if (!cursor) return { rows: [], next: null };
      q = q.where((eb) => {
        const later = eb(eb.refTuple('m.utc', 'm.id'), '>', eb.tuple(cursor.utc, after));
        if (!byScore) return later;
        if (rerankId !== null) {
          const cursorRank = this.rankOf(rerankId, after);
          const mine = this.rankOf(rerankId, 'm.id');
          return eb.or([eb(mine, '>', cursorRank), eb.and([eb(mine, '=', cursorRank), later])]);
        }
        // The message's score in the run (the highest, should a run ever hold two flags for it).
        const mine = eb
          .selectFrom('flags as sf')
          .select((sb) => sb.fn.max('sf.score').as('score'))
          .where('sf.run_id', '=', runId!)
          .whereRef('sf.message_id', '=', 'm.id');
        const cursorScore = eb
          .selectFrom('flags as cf')
          .select((sb) => sb.fn.max('cf.score').as('score'))
          .where('cf.run_id', '=', runId!)
          .where('cf.message_id', '=', after);
        return eb.or([eb(mine, '<', cursorScore), eb.and([eb(mine, '=', cursorScore), later])]);
      });
    }
    if (byScore && rerankId !== null) {
      q = q.orderBy(this.rankOf(rerankId, 'm.id'), 'asc');
    } else if (byScore) {
      q = q.orderBy(
        (eb) =>
          eb
            .selectFrom('flags as sf')
            .select((sb) => sb.fn.max('sf.score').as('score'))
            .where('sf.run_id', '=', runId!)
            .whereRef('sf.message_id', '=', 'm.id'),
        'desc',
      );
    }
    const rows = await q
      .orderBy('m.utc')
      .orderBy('m.id')
      .limit(s.limit + 1)
      .execute();
    const more = rows.length > s.limit;
    const page = (more ? rows.slice(0, s.limit) : rows).map(toMessageWithRef);
    return { rows: page, next: more ? page[page.length - 1]!.id : null };
  }

  /**
   * A message's position in a re-rank run; messages it did not rank sort after all it did (an
   * integer, so paging compares exactly on both backends).
   */
  private rankOf(rerankId: number, messageId: number | 'm.id'): Expression<number> {
    const id = messageId === 'm.id' ? sql.ref('m.id') : sql`${messageId}`;
    return sql<number>`coalesce((select rs.rank from rerank_scores rs where rs.run_id = ${rerankId} and rs.message_id = ${id}), 2147483647)`;
  }

  /** How many messages match every filter (the review status included): a search's total. */
  async count(caseId: number, s: Omit<ReviewSearch, 'limit' | 'after'>): Promise<number> {
    // Issue 20: while the case's full-text index is building, say so rather than miss hits.
    if (s.q !== undefined && s.q.trim() !== '') await this.searchIndex.assertReady(caseId);
    const filtered = this.filtered(caseId, s);
    if (!filtered) return 0;
    const row = await filtered.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return toInt(row.n);
  }

  /** How many messages match, and how many of them someone has reviewed (a batch's progress). */
  async searchCounts(
    caseId: number,
    s: Omit<ReviewSearch, 'limit' | 'after' | 'status'>,
  ): Promise<{ messages: number; reviewed: number }> {
    // Issue 20: while the case's full-text index is building, say so rather than miss hits.
    if (s.q !== undefined && s.q.trim() !== '') await this.searchIndex.assertReady(caseId);
    const filtered = this.filtered(caseId, s);
    if (!filtered) return { messages: 0, reviewed: 0 };
    const row = await filtered
      .select((eb) => [
        eb.fn.countAll().as('n'),
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(
                eb.exists(
                  eb.selectFrom('reviews as r').select('r.message_id').whereRef('r.message_id', '=', 'm.id'),
                ),
              )
              .then(1)
              .else(0)
              .end(),
          )
          .as('reviewed'),
      ])
      .executeTakeFirstOrThrow();
    return { messages: toInt(row.n), reviewed: toInt(row.reviewed) };
  }

  /** The case's messages (joined to their exhibit) narrowed by every filter; null when nothing can match. */
  private filtered(caseId: number, s: Omit<ReviewSearch, 'limit' | 'after'>) {
    const needsFlags = s.category !== undefined || s.minScore !== undefined;
    if (needsFlags && (s.runId === null || s.runId === undefined)) return null;
    let q = this.ctx.db
      .selectFrom('messages as m')
      .innerJoin('exhibits as e', 'e.id', 'm.exhibit_id')
      .where('m.case_id', '=', caseId);
    if (s.conversationId !== undefined) q = q.where('m.conversation_id', '=', s.conversationId);
    if (s.fromSeq !== undefined) q = q.where('m.seq', '>=', s.fromSeq);
    if (s.toSeq !== undefined) q = q.where('m.seq', '<=', s.toSeq);
    if (s.sender !== undefined) q = q.where('m.sender', '=', s.sender);
    if (s.from !== undefined) q = q.where('m.utc', '>=', s.from);
    if (s.to !== undefined) q = q.where('m.utc', '<', s.to);
    if (s.kind !== undefined) q = q.where('m.kind', '=', s.kind);
    if (s.q !== undefined && s.q.trim() !== '') {
      // Issue 17: a message also matches when the text read from its image does.
      q = q.where(messageOrImageTextMatches(this.ctx.dialect, caseId, parseSearchQuery(s.q)));
    }
    if (needsFlags) {
      const runId = s.runId!;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('flags as f')
            .select('f.id')
            .whereRef('f.message_id', '=', 'm.id')
            .where('f.run_id', '=', runId)
            .$if(s.minScore !== undefined, (w) => w.where('f.score', '>=', s.minScore!))
            .$if(s.category !== undefined, (w) =>
              w.where(
                sql<boolean>`f.categories_json like ${`%"name":${likeEscape(JSON.stringify(s.category))}%`} escape '\\'`,
              ),
            ),
        ),
      );
    }
    if (s.status === 'reviewed' || s.status === 'unreviewed') {
      const wanted = s.status === 'reviewed';
      q = q.where((eb) => {
        const reviewed = eb.exists(
          eb.selectFrom('reviews as r').select('r.message_id').whereRef('r.message_id', '=', 'm.id'),
        );
        return wanted ? reviewed : eb.not(reviewed);
      });
    } else if (s.status === 'offensive' || s.status === 'unsure') {
      const decision = s.status;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('codes as c')
            .select('c.message_id')
            .whereRef('c.message_id', '=', 'm.id')
            .where('c.decision', '=', decision),
        ),
      );
    }
    return q;
  }
}
