/**
 * Reading a conversation as the review workspace shows it: thread windows by seq with their
 * annotations (flag, code, reviewed, pending second review), jump-to-date, next flagged message and
 * the activity per sender. Rows are mapped by the messages repository (`toMessageWithRef`), so a
 * message reads the same whichever view asks for it.
 */
import { sql } from 'kysely';

import type { Flag } from '../database.js';
import { toCode, type CodeRecord } from './codes.js';
import { toInt, type RepoContext } from './context.js';
import { toMessageWithRef, type MessageWithRef } from './messages.js';

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
  readonly message: MessageWithRef;
  readonly annotations: MessageAnnotations;
}

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
export class ThreadsRepository {
  constructor(private readonly ctx: RepoContext) {}

  private messagesWithRef() {
    return this.ctx.db
      .selectFrom('messages as m')
      .innerJoin('exhibits as e', 'e.id', 'm.exhibit_id')
      .selectAll('m')
      .select('e.ref as exhibit_ref');
  }

  /** Messages `fromSeq` … `fromSeq + limit - 1` of a conversation: one range of the (conversation_id, seq) index. */
  async window(conversationId: number, fromSeq: number, limit: number): Promise<MessageWithRef[]> {
    const rows = await this.messagesWithRef()
      .where('m.conversation_id', '=', conversationId)
      .where('m.seq', '>=', fromSeq)
      .where('m.seq', '<', fromSeq + limit)
      .orderBy('m.seq')
      .execute();
    return rows.map(toMessageWithRef);
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
      out.push({ message: toMessageWithRef(r), annotations: toAnnotations(r) });
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

  async message(messageId: number): Promise<MessageWithRef | null> {
    const row = await this.messagesWithRef().where('m.id', '=', messageId).executeTakeFirst();
    return row ? toMessageWithRef(row) : null;
  }

  /** Several messages in one query, in the order of `ids` (ids with no message left out). */
  async messagesByIds(ids: readonly number[]): Promise<MessageWithRef[]> {
    if (ids.length === 0) return [];
    const rows = await this.messagesWithRef()
      .where('m.id', 'in', [...ids])
      .execute();
    const byId = new Map(rows.map((r) => [toInt(r.id), toMessageWithRef(r)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** Case of a message, or null if there is no such message. */
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
}
