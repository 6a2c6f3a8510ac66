import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Distinct SQL texts kept prepared; the app issues a few hundred, so this bounds only runaway cases. */
const MAX_STATEMENTS = 1000;

/**
 * The better-sqlite3 handle as Kysely sees it, with prepared statements kept by SQL text. Kysely's
 * SQLite driver prepares every query afresh; under review load that parse-and-plan was a fifth of
 * the server's time. A statement still iterating (a streamed query) is never handed out twice:
 * a second caller gets a fresh one.
 */
export function cachingStatements(db: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => db.close(),
    prepare: (sql: string) => {
      const cached = cache.get(sql);
      if (cached && !cached.busy) return cached;
      const stmt = db.prepare(sql);
      if (!cached) {
        if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value!);
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}
