/**
 * The case record, issue 15: a dated status history per person (serving -> former on a date, so
 * rules read the status on the day that matters), and the facts a publishable summary needs that
 * the record could not hold: how the evidence came to light, the number of messages analysed where
 * material was not imported, who held a misconduct hearing, and the link to a published response.
 */
import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';

import type { Dialect } from '../database.js';

export function recordFactsMigration(dialect: Dialect): Migration {
  const id = (col: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    dialect === 'sqlite' ? col.primaryKey().autoIncrement() : col.primaryKey().generatedByDefaultAsIdentity();

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
  async function up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('person_status_history')
      .addColumn('id', 'integer', id)
      .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      // Null: the status the person had when added, from no particular date.
      .addColumn('from_date', 'text')
      .addColumn('note', 'text')
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema.alterTable('record_cases').addColumn('came_to_light', 'text').execute();
    await db.schema.alterTable('record_cases').addColumn('messages_analysed', 'integer').execute();
    await db.schema.alterTable('record_proceedings').addColumn('held_by', 'text').execute();
    await db.schema.alterTable('record_recommendations').addColumn('response_url', 'text').execute();
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function down(db: Kysely<any>): Promise<void> {
    await db.schema.alterTable('record_recommendations').dropColumn('response_url').execute();
    await db.schema.alterTable('record_proceedings').dropColumn('held_by').execute();
    await db.schema.alterTable('record_cases').dropColumn('messages_analysed').execute();
    await db.schema.alterTable('record_cases').dropColumn('came_to_light').execute();
    await db.schema.dropTable('person_status_history').execute();
  }

  return { up, down };
}
