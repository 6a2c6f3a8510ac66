/**
 * One group seen on several phones: a merge joins conversations into one canonical conversation
 * without touching them. Each canonical message lists every source message it was seen as. A merge
 * can be undone (marked, not deleted: the record of what was done stays).
 */
import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';

import type { Dialect } from '../database.js';

export function mergeMigration(dialect: Dialect): Migration {
  const id = (col: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    dialect === 'sqlite' ? col.primaryKey().autoIncrement() : col.primaryKey().generatedByDefaultAsIdentity();

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
  async function up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('merges')
      .addColumn('id', 'integer', id)
      .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('conversation_ids_json', 'text', (c) => c.notNull())
      .addColumn('report_json', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('undone_at', 'text')
      .addColumn('undone_by', 'text')
      .execute();
    await db.schema
      .createTable('canonical_messages')
      .addColumn('id', 'integer', id)
      .addColumn('merge_id', 'integer', (c) => c.notNull().references('merges.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('utc', 'text', (c) => c.notNull())
      .addColumn('matched_by', 'text', (c) => c.notNull())
      .addColumn('sources_json', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('canonical_messages_merge')
      .on('canonical_messages')
      .columns(['merge_id', 'position'])
      .execute();
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('canonical_messages').execute();
    await db.schema.dropTable('merges').execute();
  }

  return { up, down };
}
