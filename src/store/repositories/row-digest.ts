import { createHash, type Hash } from 'node:crypto';

import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';

import type { Database } from '../database.js';
import { toInt } from './context.js';

/** SHA-256 and row count of one kind of row an import wrote. */
export interface PartDigest {
  readonly count: number;
  readonly sha256: string;
}

/**
 * What an import wrote, digested (issue 21, item 5): recorded in its `exhibit.add` audit entry (so
 * it is inside the hash chain) and recomputed by `verify`. A message edited, added, moved or
 * removed in the database changes `messages`; likewise participants and membership events;
 * `exhibit` covers the exhibit row (its SHA-256 and stored path), its stored files, its
 * conversations and its import report.
 */
export interface ExhibitRowDigest {
  readonly exhibit: PartDigest;
  readonly messages: PartDigest;
  readonly participants: PartDigest;
  readonly events: PartDigest;
}

const PAGE = 5000;

/** Columns derived from the evidence rather than read from it (see Digester). */
const DERIVED = new Set(['search_tsv', 'search_text']);

/**
 * Each row is written as the JSON array of its columns' values in column-name order, one per line,
 * after a line naming the columns; integers as numbers on both dialects. Derived columns that are
 * not the evidence itself (PostgreSQL's search_tsv, and search_text, which is rebuilt from the
 * verbatim text whenever search folding changes, e.g. migration 0019) are left out.
 */
class Digester {
  private readonly hash: Hash = createHash('sha256');
  /** Lines not hashed yet: hashing in 64 KiB pieces, not per row, halves the cost. */
  private pending = '';
  private names: readonly string[] | null = null;
  /** For each digested column (in name order), its index in the rows given. */
  private order: number[] = [];
  count = 0;

  add(row: Row): void {
    const names = Object.keys(row);
    this.addValues(
      names,
      names.map((n) => row[n]),
    );
  }

  /** A row as its column names and values (the names the same for every row of a digester). */
  addValues(names: readonly string[], values: readonly unknown[]): void {
    if (this.names === null) {
      this.names = names;
      const kept = names.filter((k) => !DERIVED.has(k)).sort();
      this.order = kept.map((k) => names.indexOf(k));
      this.pending += `${JSON.stringify(kept)}\n`;
    }
    const out = new Array<unknown>(this.order.length);
    for (let i = 0; i < this.order.length; i++) out[i] = normalise(values[this.order[i]!]);
    this.pending += `${JSON.stringify(out)}\n`;
    if (this.pending.length > 65_536) {
      this.hash.update(this.pending);
      this.pending = '';
    }
    this.count++;
  }

  digest(): PartDigest {
    this.hash.update(this.pending);
    this.pending = '';
    return { count: this.count, sha256: this.hash.digest('hex') };
  }
}

function normalise(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString();
  return v;
}

type Row = Record<string, unknown>;

/** Reads rows of one table in a fixed order: streamed on SQLite, in keyset pages on PostgreSQL. */
interface RowSource {
  /** Adds the rows of `table` where `column` = `value` to `into`; their ids to `ids` if given. */
  rows(table: DigestTable, column: string, value: number, into: Digester, ids?: number[]): Promise<void>;
}

type DigestTable =
  | 'exhibits'
  | 'exhibit_files'
  | 'import_reports'
  | 'conversations'
  | 'participants'
  | 'membership_events'
  | 'messages';

/** Order of each table's rows in the digest; messages by the (conversation_id, seq) index. */
const ORDER: Record<DigestTable, string> = {
  exhibits: 'id',
  exhibit_files: 'id',
  import_reports: 'id',
  conversations: 'id',
  participants: 'id',
  membership_events: 'id',
  messages: 'seq, id',
};

/**
 * SQLite: one statement per table, iterated on the connection the caller's transaction holds (a
 * Kysely page costs an async round trip and a re-seek; at a million messages that was most of the
 * import's time again).
 */
function sqliteSource(sqlite: BetterSqlite3.Database): RowSource {
  return {
    async rows(table, column, value, into, ids) {
      const stmt = sqlite
        .prepare(`select * from ${table} where ${column} = ? order by ${ORDER[table]}`)
        .raw(true);
      const names = stmt.columns().map((c) => c.name);
      const idAt = names.indexOf('id');
      for (const values of stmt.iterate(value) as Iterable<unknown[]>) {
        into.addValues(names, values);
        ids?.push(toInt(values[idAt]));
      }
    },
  };
}

function kyselySource(db: Kysely<Database>): RowSource {
  return {
    async rows(table, column, value, into, ids) {
      const visit = (r: Row) => {
        into.add(r);
        ids?.push(toInt(r.id));
      };
      if (table !== 'messages') {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one generic read over seven tables
        const q = (db as Kysely<any>).selectFrom(table).selectAll().where(column, '=', value).orderBy('id');
        for (const r of (await q.execute()) as Row[]) visit(r);
        return;
      }
      let after: { seq: number; id: number } | null = null;
      for (;;) {
        let q = db.selectFrom('messages').selectAll().where('conversation_id', '=', value);
        if (after !== null) q = q.where(sql<boolean>`(seq, id) > (${after.seq}, ${after.id})`);
        const page = await q.orderBy('seq').orderBy('id').limit(PAGE).execute();
        for (const r of page) visit(r);
        if (page.length < PAGE) break;
        const last = page[page.length - 1]!;
        after = { seq: toInt(last.seq), id: toInt(last.id) };
      }
    },
  };
}

export async function exhibitRowDigest(
  db: Kysely<Database>,
  sqlite: BetterSqlite3.Database | null,
  exhibitId: number,
): Promise<ExhibitRowDigest> {
  const src = sqlite ? sqliteSource(sqlite) : kyselySource(db);
  // One digester per table (a digester names its columns once); the exhibit part combines four.
  const exhibitRow = new Digester();
  const files = new Digester();
  const report = new Digester();
  const convs = new Digester();
  const messages = new Digester();
  const participants = new Digester();
  const events = new Digester();
  await src.rows('exhibits', 'id', exhibitId, exhibitRow);
  await src.rows('exhibit_files', 'exhibit_id', exhibitId, files);
  await src.rows('import_reports', 'exhibit_id', exhibitId, report);
  const conversationIds: number[] = [];
  await src.rows('conversations', 'exhibit_id', exhibitId, convs, conversationIds);
  for (const id of conversationIds) {
    await src.rows('participants', 'conversation_id', id, participants);
    await src.rows('membership_events', 'conversation_id', id, events);
    await src.rows('messages', 'conversation_id', id, messages);
  }
  const parts = [exhibitRow, files, report, convs].map((d) => d.digest());
  return {
    exhibit: {
      count: parts.reduce((n, p) => n + p.count, 0),
      sha256: createHash('sha256')
        .update(parts.map((p) => p.sha256).join('\n'))
        .digest('hex'),
    },
    messages: messages.digest(),
    participants: participants.digest(),
    events: events.digest(),
  };
}
