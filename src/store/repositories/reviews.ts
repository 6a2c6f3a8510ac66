/**
 * What the review workspace reads and records besides the codes themselves: thread windows by seq,
 * jump-to-date, next flagged message, filtered search, "reviewed" marks, coverage and a message's
 * decision history (from the audit log).
 */
import { sql, type Expression, type Selectable } from 'kysely';

import type { MessageKind, TimeResolution } from '../../domain/message.js';
import type { Flag, MessagesTable } from '../database.js';
import { parseSearchQuery } from '../search-query.js';
import { messageOrImageTextMatches } from './media-texts.js';
import { toCode, type CodeRecord } from './codes.js';
import { toInt, type RepoContext } from './context.js';
import type { BatchKind, BatchStatus, SearchStatus } from '../../contract/review-words.js';

/** A message as the review workspace shows it (the store's row, plus the exhibit reference). */
export interface ReviewMessageRow {
  readonly id: number;
  readonly caseId: number;
  readonly conversationId: number;
  readonly seq: number;
  readonly sender: string | null;
  readonly kind: MessageKind;
  readonly text: string;
  readonly localText: string;
  readonly zone: string;
  readonly utc: string;
  readonly timeResolution: TimeResolution;
  readonly edited: boolean;
  readonly mediaFileName: string | null;
  readonly mediaOmitted: boolean | null;
  readonly mediaCaption: string | null;
  readonly mediaStored: boolean;
  readonly exhibitRef: string;
  readonly lineStart: number | null;
  readonly lineEnd: number | null;
  readonly keyId: string | null;
  readonly extrasJson: string | null;
  /** JSON of the poll (question, options, votes), or null. */
  readonly pollJson: string | null;
  readonly locationUrl: string | null;
  /** null: not a location. */
  readonly locationLive: boolean | null;
}

export interface FlagSummary {
  readonly messageId: number;
  readonly score: number;
  readonly flagged: boolean;
  readonly categoriesJson: string;
  readonly spansJson: string;
}

/**
 * What the review workspace shows with a message besides the message itself: its result in the
 * case's latest finished analysis run, its current code, whether anyone has reviewed it, and the
 * first reviewer of a second review it awaits (null when none is pending). Read with the messages
 * in one query (`annotatedWindow`, `annotations`): a thread window is the server's hottest read.
 */
export interface MessageAnnotations {
  readonly flag: FlagSummary | null;
  readonly code: CodeRecord | null;
  readonly reviewed: boolean;
  readonly qcPendingFirstUserId: number | null;
}

export interface AnnotatedMessageRow {
  readonly message: ReviewMessageRow;
  readonly annotations: MessageAnnotations;
}

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

export interface HistoryRow {
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly detailJson: string;
  /** Audit entry id, or null for a review mark (which is not itself an audit entry). */
  readonly auditId: number | null;
}

type MessageRowWithRef = Selectable<MessagesTable> & { exhibit_ref: string };

const toRow = (r: MessageRowWithRef): ReviewMessageRow => ({
  id: toInt(r.id),
  caseId: toInt(r.case_id),
  conversationId: toInt(r.conversation_id),
  seq: toInt(r.seq),
  sender: r.sender,
  kind: r.kind as MessageKind,
  text: r.text,
  localText: r.local_text,
  zone: r.zone,
  utc: r.utc,
  timeResolution: r.time_resolution as TimeResolution,
  edited: toInt(r.edited) !== 0,
  mediaFileName: r.media_file_name,
  mediaOmitted: r.media_omitted === null ? null : toInt(r.media_omitted) !== 0,
  mediaCaption: r.media_caption,
  mediaStored: r.media_file_id !== null,
  exhibitRef: r.exhibit_ref,
  lineStart: r.line_start === null ? null : toInt(r.line_start),
  lineEnd: r.line_end === null ? null : toInt(r.line_end),
  keyId: r.key_id,
  extrasJson: r.extras_json,
  pollJson: r.poll_json,
  locationUrl: r.location_url,
  locationLive: r.location_live === null ? null : toInt(r.location_live) !== 0,
});

interface AnnotationColumns {
  f_message_id: number | null;
  f_score: number | null;
  f_flagged: number | null;
  f_categories_json: string | null;
  f_spans_json: string | null;
  c_message_id: number | null;
  c_case_id: number | null;
  c_decision: string | null;
  c_categories_json: string | null;
  c_standards_json: string | null;
  c_potential_s127: Flag | null;
  c_note: string | null;
  c_version: number | null;
  c_by_user: string | null;
  c_at: string | null;
  q_first_user_id: number | null;
  reviewed: unknown;
}

const toAnnotations = (r: AnnotationColumns): MessageAnnotations => ({
  flag:
    r.f_message_id === null
      ? null
      : {
          messageId: toInt(r.f_message_id),
          score: Number(r.f_score),
          flagged: toInt(r.f_flagged) !== 0,
          categoriesJson: r.f_categories_json!,
          spansJson: r.f_spans_json!,
        },
  code:
    r.c_message_id === null
      ? null
      : toCode({
          message_id: r.c_message_id,
          case_id: r.c_case_id!,
          decision: r.c_decision!,
          categories_json: r.c_categories_json!,
          standards_json: r.c_standards_json!,
          potential_s127: r.c_potential_s127!,
          note: r.c_note!,
          version: r.c_version!,
          by_user: r.c_by_user!,
          at: r.c_at!,
        }),
  // SQLite answers `exists` with 0/1, PostgreSQL with a boolean.
  reviewed: r.reviewed === true || (r.reviewed !== false && toInt(r.reviewed) !== 0),
  qcPendingFirstUserId: r.q_first_user_id === null ? null : toInt(r.q_first_user_id),
});

/** `like` pattern text with the wildcards escaped (escape character `\`). */
const likeEscape = (s: string): string => s.replace(/[\\%_]/gu, (c) => `\\${c}`);

export class ReviewsRepository {
  constructor(private readonly ctx: RepoContext) {}

  private messagesWithRef() {
    return this.ctx.db
      .selectFrom('messages as m')
      .innerJoin('exhibits as e', 'e.id', 'm.exhibit_id')
      .selectAll('m')
      .select('e.ref as exhibit_ref');
  }

  /** Messages `fromSeq` … `fromSeq + limit - 1` of a conversation: one range of the (conversation_id, seq) index. */
  async window(conversationId: number, fromSeq: number, limit: number): Promise<ReviewMessageRow[]> {
    const rows = await this.messagesWithRef()
      .where('m.conversation_id', '=', conversationId)
      .where('m.seq', '>=', fromSeq)
      .where('m.seq', '<', fromSeq + limit)
      .orderBy('m.seq')
      .execute();
    return rows.map(toRow);
  }

  /**
   * Messages with their annotations (see MessageAnnotations), `caseId`'s latest finished run giving
   * the flags: left joins on the message's primary-key lookups, so one round trip however many.
   */
  private annotatedMessages(caseId: number) {
    return this.ctx.db
      .selectFrom('messages as m')
      .leftJoin('flags as f', (j) =>
        j.onRef('f.message_id', '=', 'm.id').on('f.run_id', '=', (eb) =>
          eb
            .selectFrom('analysis_runs')
            .select((sb) => sb.fn.max('id').as('id'))
            .where('case_id', '=', caseId)
            .where('finished_at', 'is not', null),
        ),
      )
      .leftJoin('codes as c', 'c.message_id', 'm.id')
      .leftJoin('qc_items as q', (j) => j.onRef('q.message_id', '=', 'm.id').on('q.status', '=', 'pending'))
      .select([
        'f.message_id as f_message_id',
        'f.score as f_score',
        'f.flagged as f_flagged',
        'f.categories_json as f_categories_json',
        'f.spans_json as f_spans_json',
        'c.message_id as c_message_id',
        'c.case_id as c_case_id',
        'c.decision as c_decision',
        'c.categories_json as c_categories_json',
        'c.standards_json as c_standards_json',
        'c.potential_s127 as c_potential_s127',
        'c.note as c_note',
        'c.version as c_version',
        'c.by_user as c_by_user',
        'c.at as c_at',
        'q.first_user_id as q_first_user_id',
      ])
      .select((eb) =>
        eb
          .exists(eb.selectFrom('reviews as r').select('r.message_id').whereRef('r.message_id', '=', 'm.id'))
          .as('reviewed'),
      );
  }

  /**
   * A thread window with its annotations and the thread length, in one query (the length is a
   * subquery on the (conversation_id, seq) index; a second query only for a window past the end).
   */
  async annotatedWindow(
    caseId: number,
    conversationId: number,
    fromSeq: number,
    limit: number,
  ): Promise<{ total: number; rows: AnnotatedMessageRow[] }> {
    const rows = await this.annotatedMessages(caseId)
      .innerJoin('exhibits as e', 'e.id', 'm.exhibit_id')
      .selectAll('m')
      .select('e.ref as exhibit_ref')
      .select((eb) =>
        eb
          .selectFrom('messages as t')
          .select((sb) => sb.fn.max('t.seq').as('last'))
          .where('t.conversation_id', '=', conversationId)
          .as('last_seq'),
      )
      .where('m.conversation_id', '=', conversationId)
      .where('m.seq', '>=', fromSeq)
      .where('m.seq', '<', fromSeq + limit)
      .orderBy('m.seq')
      .execute();
    if (rows.length === 0) return { total: await this.threadLength(conversationId), rows: [] };
    const out: AnnotatedMessageRow[] = [];
    for (const r of rows) {
      // A message has one flag per run; should a run ever hold two, the first is kept.
      if (out.length > 0 && out[out.length - 1]!.message.id === toInt(r.id)) continue;
      out.push({ message: toRow(r), annotations: toAnnotations(r) });
    }
    return { total: toInt(rows[0]!.last_seq) + 1, rows: out };
  }

  /** The annotations of these messages (any order, any conversation of the case), by message id. */
  async annotations(caseId: number, messageIds: readonly number[]): Promise<Map<number, MessageAnnotations>> {
    const out = new Map<number, MessageAnnotations>();
    for (let i = 0; i < messageIds.length; i += 500) {
      const chunk = messageIds.slice(i, i + 500);
      if (chunk.length === 0) continue;
      const rows = await this.annotatedMessages(caseId).select('m.id').where('m.id', 'in', chunk).execute();
      for (const r of rows) if (!out.has(toInt(r.id))) out.set(toInt(r.id), toAnnotations(r));
    }
    return out;
  }

  /** The thread length for a virtual list: highest seq + 1 (seq is dense from 0). */
  async threadLength(conversationId: number): Promise<number> {
    const row = await this.ctx.db
      .selectFrom('messages')
      .select((eb) => eb.fn.max('seq').as('last'))
      .where('conversation_id', '=', conversationId)
      .executeTakeFirst();
    return row?.last === null || row?.last === undefined ? 0 : toInt(row.last) + 1;
  }

  async message(messageId: number): Promise<ReviewMessageRow | null> {
    const row = await this.messagesWithRef().where('m.id', '=', messageId).executeTakeFirst();
    return row ? toRow(row) : null;
  }

  /** Case of a message, or null if there is no such message. */
  async caseOfMessage(messageId: number): Promise<number | null> {
    const row = await this.ctx.db
      .selectFrom('messages')
      .select('case_id')
      .where('id', '=', messageId)
      .executeTakeFirst();
    return row ? toInt(row.case_id) : null;
  }

  /** The seq of the first message (in time order) at or after `utc` in a conversation, or null. */
  async seqAt(caseId: number, conversationId: number, utc: string): Promise<number | null> {
    const row = await this.ctx.db
      .selectFrom('messages')
      .select('seq')
      .where('case_id', '=', caseId)
      .where('conversation_id', '=', conversationId)
      .where('utc', '>=', utc)
      .orderBy('utc')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    return row ? toInt(row.seq) : null;
  }

  /**
   * The seq of the next message after `afterSeq` that the run flagged, or null. With a re-rank run
   * (issue 14.3) "flagged" follows it: a message it ranked counts when its re-rank score is at least
   * 0.5, whatever the flagger said; a message it did not rank (coded before it ran) keeps the run's flag.
   */
  async nextFlagged(
    conversationId: number,
    afterSeq: number,
    runId: number,
    rerankId: number | null = null,
  ): Promise<number | null> {
    const row = await this.ctx.db
      .selectFrom('messages as m')
      .leftJoin('flags as f', (j) => j.onRef('f.message_id', '=', 'm.id').on('f.run_id', '=', runId))
      .select('m.seq')
      .where('m.conversation_id', '=', conversationId)
      .where('m.seq', '>', afterSeq)
      .where((eb) => {
        const flagged = eb('f.flagged', '=', 1);
        if (rerankId === null) return flagged;
        const ranked = eb
          .selectFrom('rerank_scores as rs')
          .select('rs.message_id')
          .where('rs.run_id', '=', rerankId)
          .whereRef('rs.message_id', '=', 'm.id');
        return eb.or([
          eb.exists(ranked.where('rs.score', '>=', 0.5)),
          eb.and([eb.not(eb.exists(ranked)), flagged]),
        ]);
      })
      .orderBy('m.seq')
      .limit(1)
      .executeTakeFirst();
    return row ? toInt(row.seq) : null;
  }

  /** The run's result for each of these messages (absent when the run did not score it). */
  async flagsFor(runId: number, messageIds: readonly number[]): Promise<Map<number, FlagSummary>> {
    const out = new Map<number, FlagSummary>();
    for (let i = 0; i < messageIds.length; i += 500) {
      const chunk = messageIds.slice(i, i + 500);
      if (chunk.length === 0) continue;
      const rows = await this.ctx.db
        .selectFrom('flags')
        .select(['message_id', 'score', 'flagged', 'categories_json', 'spans_json'])
        .where('run_id', '=', runId)
        .where('message_id', 'in', chunk)
        .execute();
      for (const r of rows) {
        out.set(toInt(r.message_id), {
          messageId: toInt(r.message_id),
          score: Number(r.score),
          flagged: toInt(r.flagged) !== 0,
          categoriesJson: r.categories_json,
          spansJson: r.spans_json,
        });
      }
    }
    return out;
  }

  /** Which of these messages someone has reviewed (coded, or marked "nothing of note"). */
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
  async activity(caseId: number): Promise<{ sender: string | null; month: string; messages: number }[]> {
    const month = sql<string>`substr(utc, 1, 7)`;
    const rows = await this.ctx.db
      .selectFrom('messages')
      .select((eb) => ['sender', month.as('month'), eb.fn.countAll().as('n')])
      .where('case_id', '=', caseId)
      .groupBy(['sender', month])
      .orderBy(month)
      .orderBy('sender')
      .execute();
    return rows.map((r) => ({ sender: r.sender, month: r.month, messages: toInt(r.n) }));
  }

  /**
   * Filtered search over a case, paged after the `after` message: in time order, by (utc, id), or
   * with `order: 'score'` highest score in `runId` first, then by (utc, id). The cursor is always a
   * message id; its score is read back from the run inside the query (never as a parameter, so a
   * PostgreSQL `real` is compared with itself, not with its JavaScript double).
   */
  async search(caseId: number, s: ReviewSearch): Promise<{ rows: ReviewMessageRow[]; next: number | null }> {
    const byScore = s.order === 'score';
    const runId = s.runId ?? null;
    const rerankId = s.rerankId ?? null;
    if (byScore && runId === null) return { rows: [], next: null };
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
    const page = (more ? rows.slice(0, s.limit) : rows).map(toRow);
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

  /** How many messages match, and how many of them someone has reviewed (a batch's progress). */
  async searchCounts(
    caseId: number,
    s: Omit<ReviewSearch, 'limit' | 'after' | 'status'>,
  ): Promise<{ messages: number; reviewed: number }> {
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

export interface BatchRecord {
  readonly id: number;
  readonly caseId: number;
  readonly name: string;
  readonly kind: BatchKind;
  /** The batch's definition (see src/review/batches.ts); its messages are found from it when asked. */
  readonly spec: Record<string, unknown>;
  readonly assigneeId: number | null;
  readonly assignee: string | null;
  readonly status: BatchStatus;
  readonly createdAt: string;
  readonly createdBy: string;
}

/** Review batches: a named slice of a case (dates, a conversation run, or flagged by priority) for one reviewer. */
export class BatchesRepository {
  constructor(private readonly ctx: RepoContext) {}

  async create(input: {
    caseId: number;
    name: string;
    kind: BatchKind;
    spec: Record<string, unknown>;
    assigneeId: number | null;
    createdBy: string;
  }): Promise<BatchRecord> {
    const row = await this.ctx.db
      .insertInto('batches')
      .values({
        case_id: input.caseId,
        name: input.name,
        kind: input.kind,
        spec_json: JSON.stringify(input.spec),
        assignee_id: input.assigneeId,
        status: 'open',
        created_at: this.ctx.now(),
        created_by: input.createdBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return (await this.get(toInt(row.id)))!;
  }

  private base() {
    return this.ctx.db
      .selectFrom('batches as b')
      .leftJoin('users as u', 'u.id', 'b.assignee_id')
      .selectAll('b')
      .select('u.username as assignee');
  }

  async get(id: number): Promise<BatchRecord | null> {
    const row = await this.base().where('b.id', '=', id).executeTakeFirst();
    return row ? toBatch(row) : null;
  }

  async list(caseId: number): Promise<BatchRecord[]> {
    const rows = await this.base().where('b.case_id', '=', caseId).orderBy('b.id').execute();
    return rows.map(toBatch);
  }

  /** The batches assigned to a user (a reviewer's queue), closed ones left out, oldest first. */
  async listForAssignee(userId: number): Promise<BatchRecord[]> {
    const rows = await this.base()
      .where('b.assignee_id', '=', userId)
      .where('b.status', '!=', 'closed')
      .orderBy('b.case_id')
      .orderBy('b.id')
      .execute();
    return rows.map(toBatch);
  }

  async setAssignee(id: number, assigneeId: number | null): Promise<void> {
    await this.ctx.db.updateTable('batches').set({ assignee_id: assigneeId }).where('id', '=', id).execute();
  }

  async setStatus(id: number, status: BatchStatus): Promise<void> {
    await this.ctx.db.updateTable('batches').set({ status }).where('id', '=', id).execute();
  }
}

function toBatch(r: {
  id: number;
  case_id: number;
  name: string;
  kind: string;
  spec_json: string;
  assignee_id: number | null;
  assignee: string | null;
  status: string;
  created_at: string;
  created_by: string;
}): BatchRecord {
  return {
    id: toInt(r.id),
    caseId: toInt(r.case_id),
    name: r.name,
    kind: r.kind as BatchKind,
    spec: JSON.parse(r.spec_json) as Record<string, unknown>,
    assigneeId: r.assignee_id === null ? null : toInt(r.assignee_id),
    assignee: r.assignee,
    status: r.status as BatchStatus,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}
