import { sql, type Selectable } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';

import { UserError } from '../../domain/errors.js';
import type { MessageKind, TimeResolution } from '../../domain/message.js';
import type { MessagesTable } from '../database.js';
import { parseSearchQuery, toFts5Match, toTsQuery } from '../search-query.js';
import type { MessageFilters, MessagePage, MessageRecord, MessageStats, NewMessage } from '../types.js';
import { bool, flag, flagOrNull, inTransaction, toInt, type RepoContext } from './context.js';

type InsertColumn = Exclude<keyof MessagesTable, 'id'>;

/** Insert column order, with the PostgreSQL array type used by the bulk insert. */
const COLUMNS: readonly (readonly [InsertColumn, string])[] = [
  ['case_id', 'integer'],
  ['conversation_id', 'integer'],
  ['exhibit_id', 'integer'],
  ['seq', 'integer'],
  ['sender', 'text'],
  ['participant_id', 'integer'],
  ['kind', 'text'],
  ['text', 'text'],
  ['search_text', 'text'],
  ['local_text', 'text'],
  ['zone', 'text'],
  ['utc', 'text'],
  ['time_resolution', 'text'],
  ['edited', 'integer'],
  ['media_file_name', 'text'],
  ['media_omitted', 'integer'],
  ['media_caption', 'text'],
  ['media_file_id', 'integer'],
  ['poll_json', 'text'],
  ['location_url', 'text'],
  ['location_live', 'integer'],
  ['line_start', 'integer'],
  ['line_end', 'integer'],
  ['byte_start', 'bigint'],
  ['byte_end', 'bigint'],
  ['source_table', 'text'],
  ['source_row_id', 'bigint'],
  ['source_model_id', 'text'],
  ['key_id', 'text'],
  ['sender_jid', 'text'],
  ['extras_json', 'text'],
];

type CellValue = string | number | null;

/** Writes one message's values, in COLUMNS order, into `out` from `at` (no per-row allocation). */
function putCells(m: NewMessage, out: CellValue[], at: number): void {
  out[at] = m.caseId;
  out[at + 1] = m.conversationId;
  out[at + 2] = m.exhibitId;
  out[at + 3] = m.seq;
  out[at + 4] = m.sender;
  out[at + 5] = m.participantId;
  out[at + 6] = m.kind;
  out[at + 7] = m.text;
  out[at + 8] = m.searchText;
  out[at + 9] = m.localText;
  out[at + 10] = m.zone;
  out[at + 11] = m.utc;
  out[at + 12] = m.timeResolution;
  out[at + 13] = flag(m.edited);
  out[at + 14] = m.mediaFileName;
  out[at + 15] = flagOrNull(m.mediaOmitted);
  out[at + 16] = m.mediaCaption;
  out[at + 17] = m.mediaFileId;
  out[at + 18] = m.pollJson;
  out[at + 19] = m.locationUrl;
  out[at + 20] = flagOrNull(m.locationLive);
  out[at + 21] = m.lineStart;
  out[at + 22] = m.lineEnd;
  out[at + 23] = m.byteStart;
  out[at + 24] = m.byteEnd;
  out[at + 25] = m.sourceTable;
  out[at + 26] = m.sourceRowId;
  out[at + 27] = m.sourceModelId;
  out[at + 28] = m.keyId;
  out[at + 29] = m.senderJid;
  out[at + 30] = m.extrasJson;
}

const toMessage = (r: Selectable<MessagesTable>): MessageRecord => ({
  id: toInt(r.id),
  caseId: toInt(r.case_id),
  conversationId: toInt(r.conversation_id),
  exhibitId: toInt(r.exhibit_id),
  seq: toInt(r.seq),
  sender: r.sender,
  participantId: r.participant_id === null ? null : toInt(r.participant_id),
  kind: r.kind as MessageKind,
  text: r.text,
  searchText: r.search_text,
  localText: r.local_text,
  zone: r.zone,
  utc: r.utc,
  timeResolution: r.time_resolution as TimeResolution,
  edited: r.edited !== 0,
  mediaFileName: r.media_file_name,
  mediaOmitted: bool(r.media_omitted),
  mediaCaption: r.media_caption,
  mediaFileId: r.media_file_id === null ? null : toInt(r.media_file_id),
  pollJson: r.poll_json,
  locationUrl: r.location_url,
  locationLive: bool(r.location_live),
  lineStart: r.line_start === null ? null : toInt(r.line_start),
  lineEnd: r.line_end === null ? null : toInt(r.line_end),
  byteStart: r.byte_start === null ? null : toInt(r.byte_start),
  byteEnd: r.byte_end === null ? null : toInt(r.byte_end),
  sourceTable: r.source_table,
  sourceRowId: r.source_row_id === null ? null : toInt(r.source_row_id),
  sourceModelId: r.source_model_id,
  keyId: r.key_id,
  senderJid: r.sender_jid,
  extrasJson: r.extras_json,
});

/** Rows per SQLite INSERT statement: 31 columns × 200 rows = 6,200 bound values (limit 32,766). */
const SQLITE_ROWS_PER_STATEMENT = 200;
/** Rows per PostgreSQL INSERT … SELECT FROM unnest(…): one array parameter per column whatever the size. */
const PG_ROWS_PER_STATEMENT = 5000;

const DEFAULT_PAGE = 500;
const MAX_PAGE = 10_000;

/** Compiled multi-row INSERT statements, per SQLite connection and row count. */
const sqliteStatements = new WeakMap<BetterSqlite3.Database, Map<number, BetterSqlite3.Statement>>();

export class MessagesRepository {
  constructor(private readonly ctx: RepoContext) {}

  /**
   * Inserts messages (and their full-text index entries) all-or-nothing, returning the new ids in
   * input order. Built for whole exhibits: a million rows in one transaction.
   *
   * SQLite: Kysely compiles one multi-row INSERT per chunk size (so the SQL still comes from the
   * query builder, with `?` placeholders only), and the repository keeps it as a prepared
   * better-sqlite3 statement. Compiling through Kysely for every chunk, and Kysely's async driver
   * round trip, cost more than the insert itself at this volume; the raw statement runs on the
   * very connection the Kysely transaction holds, so it commits or rolls back with it. The FTS5
   * index is then filled with one INSERT … SELECT over the new id range.
   *
   * PostgreSQL: INSERT … SELECT FROM unnest($1::integer[], …) in chunks: one parameter per
   * column, so there is no bind-parameter limit and almost nothing to parse; the tsvector column
   * is generated by the server.
   */
  async insertMany(messages: readonly NewMessage[]): Promise<number[]> {
    if (messages.length === 0) return [];
    return inTransaction(this.ctx, (ctx) =>
      ctx.dialect === 'sqlite' ? this.insertSqlite(ctx, messages) : this.insertPostgres(ctx, messages),
    );
  }

  private sqliteStatement(
    ctx: RepoContext,
    raw: BetterSqlite3.Database,
    rows: number,
  ): BetterSqlite3.Statement {
    let byCount = sqliteStatements.get(raw);
    if (!byCount) sqliteStatements.set(raw, (byCount = new Map()));
    let stmt = byCount.get(rows);
    if (!stmt) {
      const placeholderRow = Object.fromEntries(COLUMNS.map(([c]) => [c, null])) as unknown as Record<
        InsertColumn,
        CellValue
      >;
      const compiled = ctx.db
        .insertInto('messages')
        .values(Array.from({ length: rows }, () => placeholderRow) as never)
        .compile();
      stmt = raw.prepare(compiled.sql);
      byCount.set(rows, stmt);
    }
    return stmt;
  }

  private async insertSqlite(ctx: RepoContext, messages: readonly NewMessage[]): Promise<number[]> {
    const raw = ctx.sqlite;
    if (!raw) throw new Error('SQLite store without its database handle');
    if (!raw.inTransaction) throw new Error('insertMany must run inside a transaction');
    const ids = new Array<number>(messages.length);
    const width = COLUMNS.length;
    let firstId = -1;
    // Reused for every full chunk: better-sqlite3 copies the values when it binds them.
    let params: CellValue[] = [];
    for (let start = 0; start < messages.length; start += SQLITE_ROWS_PER_STATEMENT) {
      const end = Math.min(start + SQLITE_ROWS_PER_STATEMENT, messages.length);
      const count = end - start;
      if (params.length !== count * width) params = new Array<CellValue>(count * width);
      for (let i = 0; i < count; i++) putCells(messages[start + i]!, params, i * width);
      const info = this.sqliteStatement(ctx, raw, count).run(params);
      if (info.changes !== count) throw new Error(`inserted ${info.changes} of ${count} messages`);
      // One writer holds the database, so a multi-row insert takes consecutive rowids.
      const last = Number(info.lastInsertRowid);
      for (let i = 0; i < count; i++) ids[start + i] = last - count + 1 + i;
      if (firstId < 0) firstId = last - count + 1;
    }
    const lastId = ids[ids.length - 1]!;
    await sql`insert into messages_fts (rowid, search_text)
      select id, search_text from messages where id between ${firstId} and ${lastId}`.execute(ctx.db);
    return ids;
  }

  private async insertPostgres(ctx: RepoContext, messages: readonly NewMessage[]): Promise<number[]> {
    const ids: number[] = [];
    for (let start = 0; start < messages.length; start += PG_ROWS_PER_STATEMENT) {
      const chunk = messages.slice(start, start + PG_ROWS_PER_STATEMENT);
      const columns: CellValue[][] = COLUMNS.map(() => new Array<CellValue>(chunk.length));
      const row = new Array<CellValue>(COLUMNS.length);
      chunk.forEach((m, i) => {
        putCells(m, row, 0);
        for (let j = 0; j < row.length; j++) columns[j]![i] = row[j]!;
      });
      const arrays = COLUMNS.map(([, type], j) => sql`${columns[j]}::${sql.raw(type)}[]`);
      const names = COLUMNS.map(([c]) => sql.ref(c));
      const result = await sql<{ id: number }>`insert into messages (${sql.join(names)})
        select * from unnest(${sql.join(arrays)}) returning id`.execute(ctx.db);
      if (result.rows.length !== chunk.length) throw new Error('insert returned the wrong number of ids');
      // Identity values are drawn in insertion order; sort in case RETURNING order differs.
      ids.push(...result.rows.map((r) => toInt(r.id)).sort((a, b) => a - b));
    }
    return ids;
  }

  /** One message by id (for display and for tracing a hit back to its exhibit and line). */
  async get(id: number): Promise<MessageRecord | null> {
    const row = await this.ctx.db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toMessage(row) : null;
  }

  /**
   * One page of a case's messages in time order (utc, then id), filtered. Use `nextAfterId` as
   * `afterId` for the next page; every page is an index range scan, however deep.
   */
  async query(caseId: number, filters: MessageFilters = {}): Promise<MessagePage> {
    const limit = Math.min(Math.max(Math.trunc(filters.limit ?? DEFAULT_PAGE), 1), MAX_PAGE);
    const db = this.ctx.db;
    let q = this.filtered(caseId, filters).selectAll('m');
    if (filters.afterId !== undefined) {
      const cursor = await db
        .selectFrom('messages')
        .select('utc')
        .where('id', '=', filters.afterId)
        .where('case_id', '=', caseId)
        .executeTakeFirst();
      if (!cursor) {
        throw new UserError(`There is no message ${filters.afterId} in this case to continue after.`, {
          code: 'bad_cursor',
        });
      }
      q = q.where((eb) => eb(eb.refTuple('m.utc', 'm.id'), '>', eb.tuple(cursor.utc, filters.afterId!)));
    }
    const rows = await q
      .orderBy('m.utc')
      .orderBy('m.id')
      .limit(limit + 1)
      .execute();
    const more = rows.length > limit;
    const messages = (more ? rows.slice(0, limit) : rows).map(toMessage);
    return { messages, nextAfterId: more ? messages[messages.length - 1]!.id : null };
  }

  /** Every matching message in time order, fetched a page at a time (memory stays flat). */
  async *iterate(
    caseId: number,
    filters: Omit<MessageFilters, 'afterId'> = {},
  ): AsyncGenerator<MessageRecord> {
    let afterId: number | undefined;
    for (;;) {
      const page: MessagePage = await this.query(caseId, {
        ...filters,
        limit: filters.limit ?? 2000,
        ...(afterId === undefined ? {} : { afterId }),
      });
      yield* page.messages;
      if (page.nextAfterId === null) return;
      afterId = page.nextAfterId;
    }
  }

  /** How many messages match (same filters as `query`, without paging). */
  async count(caseId: number, filters: Omit<MessageFilters, 'afterId' | 'limit'> = {}): Promise<number> {
    const row = await this.filtered(caseId, filters)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return toInt(row.n);
  }

  /** The case's messages narrowed by every filter except paging. */
  private filtered(caseId: number, filters: Omit<MessageFilters, 'afterId' | 'limit'>) {
    let q = this.ctx.db.selectFrom('messages as m').where('m.case_id', '=', caseId);
    if (filters.sender !== undefined) {
      q =
        filters.sender === null ? q.where('m.sender', 'is', null) : q.where('m.sender', '=', filters.sender);
    }
    if (filters.from !== undefined) q = q.where('m.utc', '>=', filters.from);
    if (filters.to !== undefined) q = q.where('m.utc', '<', filters.to);
    if (filters.kind !== undefined) q = q.where('m.kind', '=', filters.kind);
    if (filters.conversationId !== undefined) q = q.where('m.conversation_id', '=', filters.conversationId);
    if (filters.exhibitId !== undefined) q = q.where('m.exhibit_id', '=', filters.exhibitId);
    if (filters.search !== undefined) {
      const node = parseSearchQuery(filters.search);
      if (this.ctx.dialect === 'sqlite') {
        const match = toFts5Match(node);
        q = q.where('m.id', 'in', (eb) =>
          eb
            .selectFrom('messages_fts')
            .select('messages_fts.rowid')
            .where(sql<boolean>`messages_fts match ${match}`),
        );
      } else {
        q = q.where(sql<boolean>`m.search_tsv @@ to_tsquery('simple'::regconfig, ${toTsQuery(node)})`);
      }
    }
    return q;
  }

  /** Counts for a case overview. */
  async stats(caseId: number): Promise<MessageStats> {
    const db = this.ctx.db;
    const totals = await db
      .selectFrom('messages')
      .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('utc').as('first'), eb.fn.max('utc').as('last')])
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    const kinds = await db
      .selectFrom('messages')
      .select((eb) => ['kind', eb.fn.countAll().as('n')])
      .where('case_id', '=', caseId)
      .groupBy('kind')
      .orderBy('kind')
      .execute();
    const senders = await db
      .selectFrom('messages')
      .select((eb) => ['sender', eb.fn.countAll().as('n')])
      .where('case_id', '=', caseId)
      .groupBy('sender')
      .execute();
    const conversations = await db
      .selectFrom('conversations as c')
      .select((eb) => [
        'c.id',
        'c.name',
        eb
          .selectFrom('messages as m')
          .whereRef('m.conversation_id', '=', 'c.id')
          .select(eb.fn.countAll().as('n'))
          .as('messages'),
        eb
          .selectFrom('participants as p')
          .whereRef('p.conversation_id', '=', 'c.id')
          .select(eb.fn.countAll().as('n'))
          .as('participants'),
      ])
      .where('c.case_id', '=', caseId)
      .orderBy('c.id')
      .execute();
    const bySender = senders
      .map((r) => ({ sender: r.sender, messages: toInt(r.n) }))
      .sort(
        (a, b) =>
          b.messages - a.messages ||
          (a.sender === null
            ? 1
            : b.sender === null
              ? -1
              : a.sender < b.sender
                ? -1
                : a.sender > b.sender
                  ? 1
                  : 0),
      );
    return {
      messages: toInt(totals.n),
      byKind: Object.fromEntries(kinds.map((r) => [r.kind, toInt(r.n)])),
      bySender,
      conversations: conversations.map((c) => ({
        id: toInt(c.id),
        name: c.name,
        messages: toInt(c.messages),
        participants: toInt(c.participants),
      })),
      first: (totals.first as string | null) ?? null,
      last: (totals.last as string | null) ?? null,
    };
  }
}
