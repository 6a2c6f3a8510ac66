/**
 * Opens a workspace's store: SQLite in the workspace folder by default, or PostgreSQL when a
 * database URL is given. Migrations run on open. All SQL lives in ./repositories.
 */
import { cachingStatements } from './sqlite-statement-cache.js';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  sql,
  type DatabaseConnection,
  type Driver,
} from 'kysely';
import pg from 'pg';

import { UserError } from '../domain/errors.js';
import type { Database, Dialect } from './database.js';
import { migrationProvider } from './migrations/index.js';
import type { RepoContext } from './repositories/context.js';
import { createRepos, type Repos } from './repositories/index.js';
import { SearchIndexBuilder, SearchIndexRepository } from './repositories/search-index.js';

export type { Repos } from './repositories/index.js';

export interface OpenStoreOptions {
  /** The workspace folder; the SQLite file lives here as workspace.sqlite. */
  readonly workspace: string;
  /**
   * postgres://user@host:port/db to use PostgreSQL instead of SQLite. Add `?schema=NAME` (or
   * `?options=-c search_path=NAME`) to keep the tables in their own schema; it is created if missing.
   */
  readonly databaseUrl?: string | null;
  /** The clock for default timestamps (tests). */
  readonly now?: () => Date;
}

export interface Store extends Repos {
  readonly dialect: Dialect;
  /** Where the data is: the SQLite file, or the PostgreSQL URL without password (and schema). */
  readonly location: string;
  /**
   * What opens this store again, e.g. on a worker thread. Holds the database URL as given, password
   * and all: never log it.
   */
  readonly reopen: { readonly workspace: string; readonly databaseUrl: string | null };
  /** Every repository in one transaction: all of `fn`'s writes commit together or none do. */
  transaction<T>(fn: (repos: Repos) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const SQLITE_FILE_NAME = 'workspace.sqlite';

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/u;

interface PgTarget {
  readonly connectionString: string;
  /** Schema to create and use; null for the server's default search_path. */
  readonly schema: string | null;
  /** True when search_path must be set on each connection (the `?schema=` form). */
  readonly setSearchPath: boolean;
  readonly display: string;
}

/** Splits our `schema` parameter off the URL and finds a search_path given through `options`. */
export function parsePostgresUrl(databaseUrl: string): PgTarget {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new UserError(
      'The database URL is not a valid URL (expected postgres://user@host:5432/database).',
      {
        code: 'bad_database_url',
      },
    );
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new UserError(`The database URL must start with postgres:// (got ${url.protocol}//).`, {
      code: 'bad_database_url',
    });
  }
  let schema: string | null = null;
  let setSearchPath = false;
  const param = url.searchParams.get('schema');
  if (param !== null) {
    schema = param;
    setSearchPath = true;
    url.searchParams.delete('schema');
  } else {
    const options = url.searchParams.get('options');
    const m = options ? /(?:^|\s)-c\s*search_path\s*=\s*([^\s,]+)/u.exec(options) : null;
    if (m) schema = m[1]!.replace(/^"(.*)"$/u, '$1');
  }
  if (schema !== null && !SCHEMA_NAME.test(schema)) {
    throw new UserError(
      `"${schema}" is not a usable schema name (letters, digits and _; not starting with a digit).`,
      {
        code: 'bad_database_url',
      },
    );
  }
  const shown = new URL(url.toString());
  shown.password = '';
  shown.search = '';
  return {
    connectionString: url.toString(),
    schema,
    setSearchPath,
    display: schema === null ? shown.toString() : `${shown.toString()} (schema ${schema})`,
  };
}

/** bigint (int8, e.g. count(*)) as a JS number: every count and size here is far below 2^53. */
function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`integer ${value} is too large`);
  return n;
}

const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 && format !== 'binary'
      ? parseInt8
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

/** Whether every known migration is recorded as applied (false when the store is new). */
async function upToDate(db: Kysely<Database>, dialect: Dialect, schema: string | null): Promise<boolean> {
  const known = Object.keys(await migrationProvider(dialect).getMigrations());
  try {
    const table = schema === null ? sql.table('kysely_migration') : sql.table(`${schema}.kysely_migration`);
    const { rows } = await sql<{ name: string }>`select name from ${table}`.execute(db);
    const applied = new Set(rows.map((r) => r.name));
    return known.every((name) => applied.has(name)) && applied.size === known.length;
  } catch {
    return false;
  }
}

async function migrate(db: Kysely<Database>, dialect: Dialect, schema: string | null): Promise<void> {
  // Opening an up-to-date store (every CLI command does) skips the migrator: on PostgreSQL it
  // introspects every schema in the database, which fails when another user of the same database
  // drops a schema at that moment (parallel test runs do).
  if (await upToDate(db, dialect, schema)) return;
  const migrator = new Migrator({
    db,
    provider: migrationProvider(dialect),
    ...(schema === null ? {} : { migrationTableSchema: schema }),
  });
  let outcome = await migrator.migrateToLatest();
  for (let attempt = 1; attempt < 4 && isVanishedSchema(outcome.error); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    outcome = await migrator.migrateToLatest();
  }
  const { error, results } = outcome;
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    const message = error instanceof Error ? error.message : String(error);
    if (/corrupted migrations|missing/iu.test(message)) {
      throw new UserError(
        `This workspace's database was created by a newer version of Scrutineer (${message}); upgrade to open it.`,
        { code: 'store_too_new' },
      );
    }
    throw new Error(`Store migration ${failed?.migrationName ?? ''} failed: ${message}`, { cause: error });
  }
}

/** The migrator's introspection met a schema being dropped by someone else: worth another try. */
function isVanishedSchema(error: unknown): boolean {
  return (
    error instanceof Error && /schema "[^"]+" does not exist|relation .* does not exist/u.test(error.message)
  );
}

/**
 * SQLite transactions begin IMMEDIATE: they take the write lock at the start, so a transaction
 * that reads then writes waits its turn (busy_timeout) while another process (the CLI beside the
 * server, a second queue worker) writes, instead of failing with SQLITE_BUSY when it upgrades.
 * Every transaction here writes; reads outside transactions are unaffected (WAL).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly sqliteConfig: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(sqliteConfig);
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.sqliteConfig);
  }
}

/** The database a store opens, before migration. */
interface Opened {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  readonly sqlite: BetterSqlite3.Database | null;
  readonly location: string;
  readonly schema: string | null;
}

/** A PostgreSQL pool for the URL, its schema created where the URL names one. */
async function openPostgres(databaseUrl: string): Promise<Opened> {
  const target = parsePostgresUrl(databaseUrl);
  const schema = target.schema;
  const location = target.display;
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    application_name: 'scrutineer',
    types: pgTypes,
  });
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const searchPath = target.setSearchPath ? target.schema : null;
  const db: Kysely<Database> = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool,
      ...(searchPath === null
        ? {}
        : {
            onCreateConnection: (conn) =>
              conn
                .executeQuery(sql`set search_path to ${sql.id(searchPath)}`.compile(db))
                .then(() => undefined),
          }),
    }),
  });
  try {
    if (schema !== null) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  } catch (error) {
    await db.destroy();
    throw new UserError(`Cannot reach PostgreSQL at ${location}: ${(error as Error).message}`, {
      code: 'store_unreachable',
    });
  }
  return { db, dialect: 'postgres', sqlite: null, location, schema };
}

/** The workspace's SQLite file (created if new), tuned for large single-transaction imports. */
function openSqlite(workspace: string): Opened {
  mkdirSync(workspace, { recursive: true });
  const file = path.join(workspace, SQLITE_FILE_NAME);
  const sqlite = new BetterSqlite3(file);
  // 16 KiB pages (default 4 KiB) for a new file: fewer, fuller B-tree pages and WAL frames made a
  // million-row import about a fifth cheaper in CPU. Ignored for an existing file.
  sqlite.pragma('page_size = 16384');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  // How long a write waits for another process's write lock (SCRUTINEER_SQLITE_BUSY_MS lowers it
  // for tests); past it an import says "another import is writing to this workspace".
  const busyMs = Number(process.env.SCRUTINEER_SQLITE_BUSY_MS ?? 10_000);
  sqlite.pragma(`busy_timeout = ${Number.isInteger(busyMs) && busyMs >= 0 ? busyMs : 10_000}`);
  // Whole exhibits are imported in one transaction: a larger page cache keeps index inserts in memory.
  const cacheKiB = Number(process.env.SCRUTINEER_SQLITE_CACHE_KIB ?? 65_536);
  sqlite.pragma(`cache_size = -${Number.isInteger(cacheKiB) && cacheKiB > 0 ? cacheKiB : 65_536}`);
  const db = new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: cachingStatements(sqlite) }),
  });
  return { db, dialect: 'sqlite', sqlite, location: file, schema: null };
}

export async function openStore(opts: OpenStoreOptions): Promise<Store> {
  const clock = opts.now ?? (() => new Date());
  const now = () => clock().toISOString();
  const { db, dialect, sqlite, location, schema } = opts.databaseUrl
    ? await openPostgres(opts.databaseUrl)
    : openSqlite(opts.workspace);

  try {
    await migrate(db, dialect, schema);
  } catch (error) {
    await db.destroy();
    throw error;
  }

  const base: RepoContext = { db, dialect, sqlite, now, auditHead: { current: null } };
  // SQLite fills its full-text index after each commit (repositories/search-index.ts).
  const builder = dialect === 'sqlite' ? new SearchIndexBuilder(new SearchIndexRepository(base)) : null;
  const ctx: RepoContext = builder ? { ...base, searchIndex: builder } : base;
  const repos = createRepos(ctx);
  // An earlier process may have stopped before its import's index was built: resume it.
  if (builder && (await repos.searchIndex.pending()) > 0) void builder.start();
  let closed = false;
  return {
    ...repos,
    dialect,
    location,
    reopen: { workspace: opts.workspace, databaseUrl: opts.databaseUrl ?? null },
    transaction: async <T>(fn: (repos: Repos) => Promise<T>): Promise<T> => {
      let result: T;
      try {
        result = await db.transaction().execute((trx) => fn(createRepos({ ...ctx, db: trx })));
      } catch (error) {
        builder?.discard();
        throw error;
      }
      await builder?.afterCommit();
      return result;
    },
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await builder?.idle();
      } finally {
        await db.destroy();
      }
    },
  };
}
