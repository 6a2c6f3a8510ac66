/**
 * Indexes for the review server's per-request lookups. The flags of a thread window were found
 * through (run_id, score), which reads every flag of the run (a million rows in a large case) to
 * pick out fifty; (message_id, run_id) goes straight to them. The latest finished run of a case was
 * a scan of every run.
 */
import type { Kysely, Migration } from 'kysely';

import type { Dialect } from '../database.js';

export function lookupsMigration(_dialect: Dialect): Migration {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
  async function up(db: Kysely<any>): Promise<void> {
    await db.schema.dropIndex('flags_message').ifExists().execute();
    await db.schema.createIndex('flags_message_run').on('flags').columns(['message_id', 'run_id']).execute();
    await db.schema
      .createIndex('analysis_runs_case')
      .on('analysis_runs')
      .columns(['case_id', 'id'])
      .execute();
  }
  return { up };
}
