/**
 * Search folds Latin accents (issue 13.9: `cafe` finds `café`). The search copy of each message is
 * derived (`toSearchText`), so stores written before are brought up to the new folding: each
 * search_text is folded in place, then SQLite's external-content FTS5 index is rebuilt from it
 * (PostgreSQL's tsvector column is generated, so it follows by itself). The messages' own text is
 * never touched. Folding is idempotent, so running this over folded text changes nothing.
 */
import { sql, type Kysely, type Migration } from 'kysely';

import type { Dialect } from '../database.js';
import { foldLatinAccents } from '../search-text.js';

const BATCH = 5000;

export function searchFoldMigration(dialect: Dialect): Migration {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
  async function up(db: Kysely<any>): Promise<void> {
    let after = 0;
    for (;;) {
      const rows = (await db
        .selectFrom('messages')
        .select(['id', 'search_text'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(BATCH)
        .execute()) as { id: number | string; search_text: string }[];
      if (rows.length === 0) break;
      for (const r of rows) {
        const folded = foldLatinAccents(r.search_text);
        if (folded !== r.search_text) {
          await db.updateTable('messages').set({ search_text: folded }).where('id', '=', r.id).execute();
        }
      }
      after = Number(rows[rows.length - 1]!.id);
    }
    if (dialect === 'sqlite') {
      await sql`insert into messages_fts(messages_fts) values ('rebuild')`.execute(db);
    }
  }
  return { up };
}
