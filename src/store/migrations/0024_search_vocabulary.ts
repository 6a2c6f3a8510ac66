/**
 * Issue 20: a read-only view of the SQLite full-text index's vocabulary (FTS5's own `fts5vocab`,
 * one row per indexed token). A prefix* search is expanded to the tokens it stands for before it
 * runs, because FTS5 re-expands a prefix at every row-by-row lookup (seconds on a million messages).
 * Nothing is stored: the view reads the index. PostgreSQL needs none.
 */
import { sql, type Kysely, type Migration } from 'kysely';

import type { Dialect } from '../database.js';

export function searchVocabularyMigration(dialect: Dialect): Migration {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
  async function up(db: Kysely<any>): Promise<void> {
    if (dialect !== 'sqlite') return;
    await sql`create virtual table messages_fts_vocab using fts5vocab(messages_fts, 'row')`.execute(db);
  }
  return { up };
}
