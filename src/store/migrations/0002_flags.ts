/**
 * The flagger's results and the case term lists. A run is never overwritten: re-analysis with a new
 * term list version adds a run, and the old run's flags stay for the record.
 */
import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';

import type { Dialect } from '../database.js';

export function flagsMigration(dialect: Dialect): Migration {
  const id = (col: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    dialect === 'sqlite' ? col.primaryKey().autoIncrement() : col.primaryKey().generatedByDefaultAsIdentity();

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
  async function up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('term_lists')
      .addColumn('id', 'integer', id)
      .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('terms_json', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addUniqueConstraint('term_lists_case_version_unique', ['case_id', 'version'])
      .execute();

    await db.schema
      .createTable('analysis_runs')
      .addColumn('id', 'integer', id)
      .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('version_json', 'text', (c) => c.notNull())
      .addColumn('term_list_id', 'integer', (c) => c.references('term_lists.id'))
      .addColumn('messages', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('flagged', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    await db.schema
      .createTable('flags')
      .addColumn('id', 'integer', id)
      .addColumn('run_id', 'integer', (c) => c.notNull().references('analysis_runs.id'))
      .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
      .addColumn('message_id', 'integer', (c) => c.notNull().references('messages.id'))
      .addColumn('score', 'real', (c) => c.notNull())
      .addColumn('flagged', 'integer', (c) => c.notNull())
      .addColumn('categories_json', 'text', (c) => c.notNull())
      .addColumn('spans_json', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('flags_run_score').on('flags').columns(['run_id', 'score']).execute();
    await db.schema.createIndex('flags_message').on('flags').column('message_id').execute();
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('flags').execute();
    await db.schema.dropTable('analysis_runs').execute();
    await db.schema.dropTable('term_lists').execute();
  }

  return { up, down };
}
