/**
 * Quality control rules (issue 6). Each case has a QC share: the fraction of non-offensive decisions
 * that go to a blind second review (every "offensive" decision goes anyway). A QC item now records
 * why it was queued (`offensive`, `share` or `sample`) and, when the second decision is given, the
 * first decision it was compared with: the agreement statistics are computed from these two, and the
 * current code may change later (a lead's resolution), so it cannot be read back from `codes`.
 */
import type { Kysely, Migration } from 'kysely';

import type { Dialect } from '../database.js';

/** The QC share a case has until its lead sets one. */
export const DEFAULT_QC_SHARE = 0.1;

export function qcMigration(_dialect: Dialect): Migration {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
  async function up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('qc_settings')
      .addColumn('case_id', 'integer', (c) => c.primaryKey().references('cases.id'))
      .addColumn('share', 'real', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .execute();
    // Items queued before this migration were all drawn by a lead's sample.
    await db.schema
      .alterTable('qc_items')
      .addColumn('reason', 'text', (c) => c.notNull().defaultTo('sample'))
      .execute();
    await db.schema.alterTable('qc_items').addColumn('first_decision', 'text').execute();
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function down(db: Kysely<any>): Promise<void> {
    await db.schema.alterTable('qc_items').dropColumn('first_decision').execute();
    await db.schema.alterTable('qc_items').dropColumn('reason').execute();
    await db.schema.dropTable('qc_settings').execute();
  }

  return { up, down };
}
