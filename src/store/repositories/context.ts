import type BetterSqlite3 from 'better-sqlite3';

import type { Db, Dialect } from '../database.js';
import type { SearchIndexBuilder } from './search-index.js';

/** What every repository gets: the connection (or transaction), the dialect and the clock. */
export interface RepoContext {
  readonly db: Db;
  readonly dialect: Dialect;
  /** The raw SQLite handle, for the bulk insert paths only (see MessagesRepository.insertMany). */
  readonly sqlite: BetterSqlite3.Database | null;
  /** Now, as ISO 8601 UTC with milliseconds. */
  readonly now: () => string;
  /**
   * The audit chain's last entry as this process last wrote it: a guess that saves reading it
   * (AuditRepository checks it in the insert itself). Shared by every context of one store.
   */
  readonly auditHead?: { current: { readonly id: number; readonly hash: string } | null };
  /** Fills the SQLite full-text index after commits (one per store; absent on PostgreSQL). */
  readonly searchIndex?: SearchIndexBuilder;
}

/** Runs `fn` inside a transaction: the current one if the context is already in one. */
export async function inTransaction<T>(ctx: RepoContext, fn: (ctx: RepoContext) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx);
  return ctx.db.transaction().execute((trx) => fn({ ...ctx, db: trx }));
}

/** True for a UNIQUE constraint failure on either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/** Integers from either driver (PostgreSQL bigint/count arrive as strings unless parsed). */
export function toInt(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') return Number.parseInt(value, 10);
  if (value === null || value === undefined) return 0;
  throw new TypeError(`not an integer: ${String(value)}`);
}

export const flag = (b: boolean): 0 | 1 => (b ? 1 : 0);
export const flagOrNull = (b: boolean | null): 0 | 1 | null => (b === null ? null : b ? 1 : 0);
export const bool = (v: number | null): boolean | null => (v === null ? null : v !== 0);
