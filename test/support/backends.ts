/**
 * The two store backends the suite runs against. SQLite always; PostgreSQL when
 * SCRUTINEER_TEST_DATABASE_URL is set, each store in a fresh schema dropped after the file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';

import { openStore, SQLITE_FILE_NAME, type Store } from '../../src/store/open-store.js';

export interface OpenedStore {
  readonly store: Store;
  /** Opens the same database again (a second process, or a restart). */
  reopen(): Promise<Store>;
  /** Runs SQL directly against the database, bypassing the store (tampering, inspection). */
  raw(sqlText: string): Promise<Record<string, unknown>[]>;
}

export interface Backend {
  readonly name: 'sqlite' | 'postgres';
  /** Null when the backend can run; otherwise why it is skipped. */
  readonly skipReason: string | null;
  open(options?: { now?: () => Date }): Promise<OpenedStore>;
  /** Removes everything this backend created in this test file. */
  cleanup(): Promise<void>;
}

export function sqliteBackend(): Backend {
  const dirs: string[] = [];
  const handles: BetterSqlite3.Database[] = [];
  const stores: Store[] = [];
  return {
    name: 'sqlite',
    skipReason: null,
    async open(options = {}) {
      const workspace = mkdtempSync(path.join(tmpdir(), 'scrutineer-store-'));
      dirs.push(workspace);
      const open = async () => {
        const s = await openStore({ workspace, ...options });
        stores.push(s);
        return s;
      };
      const store = await open();
      return {
        store,
        reopen: open,
        async raw(sqlText) {
          const db = new BetterSqlite3(path.join(workspace, SQLITE_FILE_NAME));
          handles.push(db);
          try {
            const stmt = db.prepare(sqlText);
            if (stmt.reader) return stmt.all() as Record<string, unknown>[];
            stmt.run();
            return [];
          } finally {
            db.close();
          }
        },
      };
    },
    async cleanup() {
      for (const s of stores) await s.close();
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    },
  };
}

export function postgresBackend(): Backend {
  const url = process.env.SCRUTINEER_TEST_DATABASE_URL;
  const prefix = `scrutineer_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const schemas: string[] = [];
  const stores: Store[] = [];
  const withClient = async <T>(fn: (c: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  return {
    name: 'postgres',
    skipReason: url ? null : 'set SCRUTINEER_TEST_DATABASE_URL',
    async open(options = {}) {
      const schema = `${prefix}_${schemas.length + 1}`;
      schemas.push(schema);
      const u = new URL(url!);
      u.searchParams.set('schema', schema);
      const open = async () => {
        const s = await openStore({
          workspace: '/nonexistent-unused',
          databaseUrl: u.toString(),
          ...options,
        });
        stores.push(s);
        return s;
      };
      const store = await open();
      return {
        store,
        reopen: open,
        raw: (sqlText) =>
          withClient(async (c) => {
            await c.query(`set search_path to "${schema}"`);
            const r = await c.query(sqlText);
            return r.rows as Record<string, unknown>[];
          }),
      };
    },
    async cleanup() {
      for (const s of stores) await s.close();
      if (!url || schemas.length === 0) return;
      await withClient(async (c) => {
        for (const s of schemas) await c.query(`drop schema if exists "${s}" cascade`);
      });
    },
  };
}

export const backends = (): Backend[] => [sqliteBackend(), postgresBackend()];
