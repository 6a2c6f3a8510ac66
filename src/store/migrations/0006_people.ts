/**
 * People behind participants: the case's subjects, witnesses and others, their employment history,
 * and every identity decision (participant → person, confirmed or rejected, by whom and when).
 */
import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';

import type { Dialect } from '../database.js';

export function peopleMigration(dialect: Dialect): Migration {
  const id = (col: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    dialect === 'sqlite' ? col.primaryKey().autoIncrement() : col.primaryKey().generatedByDefaultAsIdentity();

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
  async function up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('persons')
      .addColumn('id', 'integer', id)
      .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('force', 'text')
      .addColumn('rank', 'text')
      .addColumn('warrant_number', 'text')
      .addColumn('status', 'text')
      .addColumn('barred_list_applies', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addUniqueConstraint('persons_case_name_unique', ['case_id', 'name'])
      .execute();
    await db.schema
      .createTable('employment')
      .addColumn('id', 'integer', id)
      .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
      .addColumn('force', 'text', (c) => c.notNull())
      .addColumn('from_date', 'text')
      .addColumn('to_date', 'text')
      .execute();
    await db.schema
      .createTable('identity_decisions')
      .addColumn('id', 'integer', id)
      .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
      .addColumn('participant_id', 'integer', (c) => c.notNull().references('participants.id'))
      .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
      .addColumn('decision', 'text', (c) => c.notNull())
      .addColumn('evidence_json', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('by', 'text', (c) => c.notNull())
      .execute();
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('identity_decisions').execute();
    await db.schema.dropTable('employment').execute();
    await db.schema.dropTable('persons').execute();
  }

  return { up, down };
}
