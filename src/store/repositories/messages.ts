import { sql, type Selectable } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';

import { UserError } from '../../domain/errors.js';
import type { MessageKind, TimeResolution } from '../../domain/message.js';
import type { MessagesTable } from '../database.js';
import {
  CELL,
  MESSAGE_COLUMNS,
  MESSAGE_WIDTH,
  toMessageCells,
  type CellValue,
  type InsertColumn,
  type MessageCells,
} from '../message-cells.js';
import { phoneDigits, senderKey } from '../search-text.js';
import {
  expandPrefixes,
  hasPrefix,
  parseSearchQuery,
  prefixTokens,
  toFts5Match,
  type SearchNode,
} from '../search-query.js';
import { messageOrImageTextMatches } from './media-texts.js';
import { SearchIndexRepository } from './search-index.js';
import type { MessageFilters, MessagePage, MessageRecord, MessageStats, NewMessage } from '../types.js';

/** A message as the case timeline needs it (see `timeline`). */
export type TimelineRow = Pick<
  MessageRecord,
  'id' | 'conversationId' | 'sender' | 'participantId' | 'utc' | 'kind' | 'text' | 'keyId' | 'extrasJson'
>;
import { bool, inTransaction, toInt, type RepoContext } from './context.js';

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

/** See `searchPlan`. */
type SearchPlan = 'list' | 'scan' | 'probe';
/** A plan, and the query with its prefixes expanded for the messages' own index. */
interface PlannedSearch {
  readonly plan: SearchPlan;
  readonly expanded: SearchNode;
}
/** A prefix standing for more tokens than this stays a prefix (and is never probed). */
const MAX_PREFIX_TERMS = 64;
/**
 * Where the search plans change, in hits: measured on a million-message case (bench), each bound
 * is where the two plans beside it cost the same. Tests move them to run every plan on a fixture.
 */
export const SEARCH_PLAN = { listBelow: 5_000, probeAbove: 55_000 };
const MAX_PAGE = 10_000;

/** Compiled multi-row INSERT statements, per SQLite connection and shape (row count, columns). */
const sqliteStatements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/**
 * Rows `start..end` as the columns any of them fills and those columns' values, row by row. Most
 * columns are NULL for a whole source (an export has no key ids, a device database no line
 * numbers): leaving them out of the INSERT saves binding a third of the values (issue 20).
 */
function usedCells(cells: readonly CellValue[], start: number, end: number): [number[], CellValue[]] {
  const used: number[] = [];
  for (let j = 0; j < MESSAGE_WIDTH; j++) {
    for (let at = start * MESSAGE_WIDTH + j; at < end * MESSAGE_WIDTH; at += MESSAGE_WIDTH) {
      if (cells[at] !== null) {
        used.push(j);
        break;
      }
    }
  }
  const values = new Array<CellValue>((end - start) * used.length);
  let k = 0;
  for (let at = start * MESSAGE_WIDTH; at < end * MESSAGE_WIDTH; at += MESSAGE_WIDTH)
    for (const j of used) values[k++] = cells[at + j] ?? null;
  return [used, values];
}

export class MessagesRepository {
  private readonly searchIndex: SearchIndexRepository;

  constructor(private readonly ctx: RepoContext) {
    this.searchIndex = new SearchIndexRepository(ctx);
  }

  /**
   * Inserts messages all-or-nothing, returning the new ids in
   * input order. Built for whole exhibits: a million rows in one transaction.
   *
   * SQLite: Kysely compiles one multi-row INSERT per chunk size (so the SQL still comes from the
   * query builder, with `?` placeholders only), and the repository keeps it as a prepared
   * better-sqlite3 statement. Compiling through Kysely for every chunk, and Kysely's async driver
   * round trip, cost more than the insert itself at this volume; the raw statement runs on the
   * very connection the Kysely transaction holds, so it commits or rolls back with it. The FTS5
   * index is derived data and is filled after the commit (see search-index.ts): the transaction
   * only records the new id range as pending.
   *
   * PostgreSQL: INSERT … SELECT FROM unnest($1::integer[], …) in chunks: one parameter per
   * column, so there is no bind-parameter limit and almost nothing to parse; the tsvector column
   * is generated by the server.
   */
  async insertMany(messages: readonly NewMessage[]): Promise<number[]> {
    return this.insertCells(toMessageCells(messages));
  }

  /** insertMany for rows already laid out as cells (the export importer builds them on its parse thread). */
  async insertCells(rows: MessageCells): Promise<number[]> {
    if (rows.count === 0) return [];
    if (rows.cells.length !== rows.count * MESSAGE_WIDTH)
      throw new Error('message cells of the wrong length');
    const insert = (ctx: RepoContext) =>
      ctx.dialect === 'sqlite' ? this.insertSqlite(ctx, rows) : this.insertPostgres(ctx, rows);
    if (this.ctx.db.isTransaction) return insert(this.ctx);
    // Its own transaction: index after the commit here (store.transaction does it for its callers).
    const builder = this.ctx.searchIndex;
    try {
      const ids = await inTransaction(this.ctx, insert);
      await builder?.afterCommit();
      return ids;
    } catch (error) {
      builder?.discard();
      throw error;
    }
  }

  /**
   * The multi-row INSERT for `rows` rows naming only the columns in `used` (the rest default to
   * NULL), compiled by Kysely once per shape and kept prepared on the connection.
   */
  private sqliteStatement(
    ctx: RepoContext,
    raw: BetterSqlite3.Database,
    rows: number,
    used: readonly number[],
  ): BetterSqlite3.Statement {
    let byShape = sqliteStatements.get(raw);
    if (!byShape) sqliteStatements.set(raw, (byShape = new Map()));
    const key = `${rows}:${used.join(',')}`;
    let stmt = byShape.get(key);
    if (!stmt) {
      const placeholderRow = Object.fromEntries(
        used.map((j) => [MESSAGE_COLUMNS[j]![0], null]),
      ) as unknown as Record<InsertColumn, CellValue>;
      const compiled = ctx.db
        .insertInto('messages')
        .values(Array.from({ length: rows }, () => placeholderRow) as never)
        .compile();
      stmt = raw.prepare(compiled.sql);
      byShape.set(key, stmt);
    }
    return stmt;
  }

  private async insertSqlite(ctx: RepoContext, { count, cells }: MessageCells): Promise<number[]> {
    const raw = ctx.sqlite;
    if (!raw) throw new Error('SQLite store without its database handle');
    if (!raw.inTransaction) throw new Error('insertMany must run inside a transaction');
    const ids = new Array<number>(count);
    for (let start = 0; start < count; start += SQLITE_ROWS_PER_STATEMENT) {
      const end = Math.min(start + SQLITE_ROWS_PER_STATEMENT, count);
      const n = end - start;
      const [used, values] = usedCells(cells, start, end);
      const info = this.sqliteStatement(ctx, raw, n, used).run(values);
      if (info.changes !== n) throw new Error(`inserted ${info.changes} of ${n} messages`);
      // One writer holds the database, so a multi-row insert takes consecutive rowids.
      const last = Number(info.lastInsertRowid);
      for (let i = 0; i < n; i++) ids[start + i] = last - n + 1 + i;
    }
    // The full-text index is filled after the commit (search-index.ts); record what it lacks.
    const pending = new SearchIndexRepository(ctx);
    let runStart = 0;
    for (let i = 1; i <= count; i++) {
      const caseId = cells[runStart * MESSAGE_WIDTH + CELL.case_id] as number;
      if (i < count && cells[i * MESSAGE_WIDTH + CELL.case_id] === caseId) continue;
      await pending.addPending(caseId, ids[runStart]!, ids[i - 1]!);
      runStart = i;
    }
    ctx.searchIndex?.noteInserted(count);
    return ids;
  }

  private async insertPostgres(ctx: RepoContext, { count, cells }: MessageCells): Promise<number[]> {
    const ids: number[] = [];
    const names = MESSAGE_COLUMNS.map(([c]) => sql.ref(c));
    for (let start = 0; start < count; start += PG_ROWS_PER_STATEMENT) {
      const n = Math.min(PG_ROWS_PER_STATEMENT, count - start);
      const columns: CellValue[][] = MESSAGE_COLUMNS.map(() => new Array<CellValue>(n));
      for (let i = 0; i < n; i++) {
        const at = (start + i) * MESSAGE_WIDTH;
        for (let j = 0; j < MESSAGE_WIDTH; j++) columns[j]![i] = cells[at + j]!;
      }
      const arrays = MESSAGE_COLUMNS.map(([, type], j) => sql`${columns[j]}::${sql.raw(type)}[]`);
      const result = await sql<{ id: number }>`insert into messages (${sql.join(names)})
        select * from unnest(${sql.join(arrays)}) returning id`.execute(ctx.db);
      if (result.rows.length !== n) throw new Error('insert returned the wrong number of ids');
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
  async query(
    caseId: number,
    filters: MessageFilters = {},
    senders?: readonly string[],
  ): Promise<MessagePage> {
    const limit = Math.min(Math.max(Math.trunc(filters.limit ?? DEFAULT_PAGE), 1), MAX_PAGE);
    const db = this.ctx.db;
    const resolved = senders ?? (await this.sendersFor(caseId, filters.sender));
    if (filters.search !== undefined) await this.searchIndex.assertReady(caseId);
    const planned = filters.search === undefined ? undefined : await this.searchPlan(filters.search);
    let q = this.filtered(caseId, filters, resolved, planned).selectAll('m');
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
    const senders = await this.sendersFor(caseId, filters.sender);
    for (;;) {
      const page: MessagePage = await this.query(
        caseId,
        { ...filters, limit: filters.limit ?? 2000, ...(afterId === undefined ? {} : { afterId }) },
        senders,
      );
      yield* page.messages;
      if (page.nextAfterId === null) return;
      afterId = page.nextAfterId;
    }
  }

  /**
   * A case's whole timeline with only what conduct analysis reads (no provenance, no search copy),
   * in time order, a large page at a time: for a million messages this is several times cheaper than
   * `iterate`, which builds every column of every row.
   */
  async *timeline(caseId: number, pageSize = 10_000): AsyncGenerator<TimelineRow> {
    let after: { utc: string; id: number } | null = null;
    for (;;) {
      let q = this.ctx.db
        .selectFrom('messages as m')
        .select([
          'm.id',
          'm.conversation_id',
          'm.sender',
          'm.participant_id',
          'm.utc',
          'm.kind',
          'm.text',
          'm.key_id',
          'm.extras_json',
        ])
        .where('m.case_id', '=', caseId);
      if (after) {
        const { utc, id } = after;
        q = q.where((eb) => eb(eb.refTuple('m.utc', 'm.id'), '>', eb.tuple(utc, id)));
      }
      const rows = await q.orderBy('m.utc').orderBy('m.id').limit(pageSize).execute();
      for (const r of rows) {
        yield {
          id: toInt(r.id),
          conversationId: toInt(r.conversation_id),
          sender: r.sender,
          participantId: r.participant_id === null ? null : toInt(r.participant_id),
          utc: r.utc,
          kind: r.kind as MessageKind,
          text: r.text,
          keyId: r.key_id,
          extrasJson: r.extras_json,
        };
      }
      if (rows.length < pageSize) return;
      const last = rows[rows.length - 1]!;
      after = { utc: last.utc, id: toInt(last.id) };
    }
  }

  /** The ids of every matching message (same filters as `query`): for counting hits, not reading them. */
  async ids(caseId: number, filters: Omit<MessageFilters, 'afterId' | 'limit'> = {}): Promise<number[]> {
    const senders = await this.sendersFor(caseId, filters.sender);
    if (filters.search !== undefined) await this.searchIndex.assertReady(caseId);
    const rows = await this.filtered(caseId, filters, senders).select('m.id').execute();
    return rows.map((r) => toInt(r.id));
  }

  /** How many messages match (same filters as `query`, without paging). */
  async count(caseId: number, filters: Omit<MessageFilters, 'afterId' | 'limit'> = {}): Promise<number> {
    const senders = await this.sendersFor(caseId, filters.sender);
    if (filters.search !== undefined) await this.searchIndex.assertReady(caseId);
    const row = await this.filtered(caseId, filters, senders)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return toInt(row.n);
  }

  /**
   * Which stored senders a typed name means, as people type names: without the invisible direction
   * marks Android wraps numbers in, case- and accent-insensitively, a phone number whatever its
   * spacing. `matched` are those equal under that folding; where none is, `candidates` lists the
   * stored names that contain the typed one (or share its phone number's last digits), so the user
   * can pick. Stored names are never changed.
   */
  async matchSender(caseId: number, name: string): Promise<{ matched: string[]; candidates: string[] }> {
    const rows = await this.ctx.db
      .selectFrom('messages')
      .select('sender')
      .distinct()
      .where('case_id', '=', caseId)
      .where('sender', 'is not', null)
      .execute();
    const stored = rows.map((r) => r.sender as string);
    if (stored.includes(name))
      return {
        matched: [name, ...stored.filter((s) => s !== name && senderKey(s) === senderKey(name))],
        candidates: [],
      };
    const key = senderKey(name);
    const digits = phoneDigits(name);
    const matched = stored.filter((s) => {
      if (senderKey(s) === key) return true;
      const d = digits === null ? null : phoneDigits(s);
      return d !== null && d === digits;
    });
    if (matched.length > 0 || key.length === 0) return { matched, candidates: [] };
    const tail = digits !== null && digits.length >= 6 ? digits.slice(-9) : null;
    const candidates = stored
      .filter((s) => {
        const k = senderKey(s);
        if (k.includes(key) || (k.length >= 3 && key.includes(k))) return true;
        const d = tail === null ? null : phoneDigits(s);
        return d !== null && tail !== null && (d.endsWith(tail) || tail.endsWith(d.slice(-9)));
      })
      .sort((a, b) => a.localeCompare(b));
    return { matched, candidates };
  }

  /** The stored senders a sender filter stands for (undefined: no filter; null: system lines). */
  private async sendersFor(
    caseId: number,
    sender: string | null | undefined,
  ): Promise<readonly string[] | undefined> {
    if (sender === undefined || sender === null) return undefined;
    return (await this.matchSender(caseId, sender)).matched;
  }

  /**
   * How SQLite should find a page of search hits (issue 20: p95 ≤ 50 ms on a million messages),
   * decided by a capped read of the index (how many hits, up to SEARCH_PLAN.probeAbove):
   * - `list` (few hits): every hit's id from the index, then the rows by id, sorted. The only plan
   *   that does not walk the case, so a word no message holds costs a millisecond, not a second.
   * - `scan` (more): the hits' ids in a temporary table, then the case in time order, each message
   *   tested against it until the page is full: cost grows with the hits (~1 µs each).
   * - `probe` (very many): the case in time order, each message looked up in the index until the
   *   page is full: cost grows with the messages walked per hit (~60 µs a lookup). Never for prefix*
   *   searches, which FTS5 expands again at every lookup (seconds).
   * Counting and listing every hit (count, ids) always lists.
   */
  private async searchPlan(search: string): Promise<PlannedSearch> {
    const node = parseSearchQuery(search);
    if (this.ctx.dialect !== 'sqlite') return { plan: 'list', expanded: node };
    const expanded = await this.expandPrefixes(node);
    const cap = hasPrefix(expanded) ? SEARCH_PLAN.listBelow : SEARCH_PLAN.probeAbove;
    const row = await this.ctx.db
      .selectFrom(
        sql<{
          rowid: number;
        }>`(select rowid from messages_fts where messages_fts match ${toFts5Match(expanded)} limit ${cap + 1})`.as(
          'hits',
        ),
      )
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const hits = toInt(row.n);
    const plan = hits <= SEARCH_PLAN.listBelow ? 'list' : hits <= SEARCH_PLAN.probeAbove ? 'scan' : 'probe';
    return { plan, expanded };
  }

  /** SQLite: each prefix* replaced by the indexed tokens it stands for (up to MAX_PREFIX_TERMS; see 0024). */
  private async expandPrefixes(node: SearchNode): Promise<SearchNode> {
    const expansion = new Map<string, string[]>();
    for (const prefix of prefixTokens(node)) {
      const rows = await this.ctx.db
        .selectFrom('messages_fts_vocab')
        .select('term')
        .where('term', '>=', prefix)
        .where('term', '<', `${prefix}\u{10FFFF}`)
        .orderBy('term')
        .limit(MAX_PREFIX_TERMS + 1)
        .execute();
      if (rows.length > 0 && rows.length <= MAX_PREFIX_TERMS)
        expansion.set(
          prefix,
          rows.map((r) => r.term),
        );
    }
    return expansion.size ? expandPrefixes(node, expansion) : node;
  }

  /** The case's messages narrowed by every filter except paging (`senders`: what the sender filter matched). */
  private filtered(
    caseId: number,
    filters: Omit<MessageFilters, 'afterId' | 'limit'>,
    senders?: readonly string[],
    planned?: PlannedSearch,
  ) {
    const plan = planned?.plan ?? 'list';
    const listed = filters.search !== undefined && plan === 'list' && this.ctx.dialect === 'sqlite';
    // Listing hits: `+` keeps SQLite from walking the case's (case_id, utc) index and testing every
    // message against the hit list (a second for a word no message holds); it looks the hits up by id.
    let q = this.ctx.db
      .selectFrom('messages as m')
      .where(listed ? sql`+m.case_id` : sql.ref('m.case_id'), '=', caseId);
    if (filters.sender === null) q = q.where('m.sender', 'is', null);
    else if (filters.sender !== undefined) {
      const list = senders ?? [filters.sender];
      q = list.length === 0 ? q.where(sql<boolean>`1 = 0`) : q.where('m.sender', 'in', list);
    }
    if (filters.from !== undefined) q = q.where('m.utc', '>=', filters.from);
    if (filters.to !== undefined) q = q.where('m.utc', '<', filters.to);
    if (filters.kind !== undefined) q = q.where('m.kind', '=', filters.kind);
    if (filters.conversationId !== undefined) q = q.where('m.conversation_id', '=', filters.conversationId);
    if (filters.exhibitId !== undefined) q = q.where('m.exhibit_id', '=', filters.exhibitId);
    if (filters.search !== undefined) {
      // Issue 17: a message also matches when the text read from its image does.
      q = q.where(
        messageOrImageTextMatches(this.ctx.dialect, caseId, parseSearchQuery(filters.search), {
          probe: plan === 'probe',
          ...(planned ? { expanded: planned.expanded } : {}),
        }),
      );
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
      searchIndexed: toInt(totals.n) - (await this.searchIndex.pending(caseId)),
    };
  }
}
