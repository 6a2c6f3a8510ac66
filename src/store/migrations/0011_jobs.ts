/**
 * The job queue (long jobs: exhibit imports, analysis runs) on the store's own database, so that
 * more workers can share the work. A job is claimed by one worker at a time (`status` 'running',
 * `worker` host:pid:random), keeps a heartbeat while it runs, and ends 'done' with its result or,
 * after its last attempt, 'failed' with its error.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from 'kysely';

import type { Dialect } from '../database.js';

export function jobsMigration(dialect: Dialect): Migration {
  const id = (col: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    dialect === 'sqlite' ? col.primaryKey().autoIncrement() : col.primaryKey().generatedByDefaultAsIdentity();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
  async function up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('jobs')
      .addColumn('id', 'integer', id)
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('case_id', 'integer', (c) => c.references('cases.id'))
      .addColumn('payload_json', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('max_attempts', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text')
      .addColumn('heartbeat_at', 'text')
      .addColumn('finished_at', 'text')
      .addColumn('worker', 'text')
      .addColumn('result_json', 'text')
      .addColumn('error', 'text')
      .addCheckConstraint('jobs_status', sql`status in ('queued', 'running', 'done', 'failed')`)
      .addCheckConstraint('jobs_attempts', sql`attempts >= 0 and max_attempts >= 1`)
      .execute();
    // Claiming reads the lowest queued id; requeueStale reads the running ones.
    await db.schema.createIndex('jobs_claim').on('jobs').columns(['status', 'id']).execute();
    await db.schema.createIndex('jobs_case').on('jobs').columns(['case_id', 'id']).execute();
  }
  return { up };
}
