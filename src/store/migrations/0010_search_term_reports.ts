/**
 * Saved search-term reports (issue 6): the record of the search strategy. Each row is a snapshot of
 * the report as the user saw it (terms, hits, unique hits, reviewed), with the term-list version it
 * ran and a SHA-256 of its canonical JSON, so a later reader can check it was not altered.
 */
import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';

import type { Dialect } from '../database.js';

export function searchTermReportsMigration(dialect: Dialect): Migration {
  const id = (col: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    dialect === 'sqlite' ? col.primaryKey().autoIncrement() : col.primaryKey().generatedByDefaultAsIdentity();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
  async function up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('search_term_reports')
      .addColumn('id', 'integer', id)
      .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
      .addColumn('term_list_version', 'integer')
      .addColumn('report_json', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('search_term_reports_case')
      .on('search_term_reports')
      .columns(['case_id', 'id'])
      .execute();
  }
  return { up };
}
