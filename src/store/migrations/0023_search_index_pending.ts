/**
 * Issue 20: the SQLite full-text index is derived data, so an import no longer fills it inside its
 * own transaction. The import records here, in that transaction, the range of message ids it
 * wrote; after the commit the store indexes those ranges a chunk at a time (each chunk and the
 * update of its range in one transaction) and deletes a range once it is indexed. A case with a
 * range left is "search index building": search says so instead of returning partial hits, and
 * `verify` reports it. Rows of a rolled-back import roll back with it, so a kill half-way still
 * leaves nothing. PostgreSQL's tsvector column is generated with the row, so nothing is ever
 * pending there; the table exists on both so the schema is the same.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from 'kysely';

import type { Dialect } from '../database.js';

export function searchIndexPendingMigration(dialect: Dialect): Migration {
  const id = (col: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    dialect === 'sqlite' ? col.primaryKey().autoIncrement() : col.primaryKey().generatedByDefaultAsIdentity();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
  async function up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('search_index_pending')
      .addColumn('id', 'integer', id)
      .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
      // The range's first message id not yet indexed, and its last; ids in between are consecutive.
      .addColumn('next_id', 'integer', (c) => c.notNull())
      .addColumn('last_id', 'integer', (c) => c.notNull())
      .addCheckConstraint('search_index_pending_range', sql`next_id <= last_id`)
      .execute();
    await db.schema
      .createIndex('search_index_pending_case')
      .on('search_index_pending')
      .columns(['case_id'])
      .execute();
  }
  return { up };
}
