/**
 * Continuous active learning (issue 14.3): each re-rank of a case from its reviewers' codes is kept
 * as a run (engine version, parameters, the codes it learned from, SHA-256 of its inputs and of its
 * ranking) with the rank it gave every unreviewed message, so priority order can follow the latest
 * run and any past ranking can be reproduced and checked. Ranks are integers so that ordering and
 * paging never compare floating-point scores across SQLite and PostgreSQL.
 */
import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';

import type { Dialect } from '../database.js';

export function activeLearningMigration(dialect: Dialect): Migration {
  const id = (col: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    dialect === 'sqlite' ? col.primaryKey().autoIncrement() : col.primaryKey().generatedByDefaultAsIdentity();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
  async function up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('rerank_runs')
      .addColumn('id', 'integer', id)
      .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
      .addColumn('analysis_run_id', 'integer', (c) => c.references('analysis_runs.id'))
      .addColumn('version', 'text', (c) => c.notNull())
      .addColumn('params_json', 'text', (c) => c.notNull())
      .addColumn('learned_from_json', 'text', (c) => c.notNull())
      .addColumn('positives', 'integer', (c) => c.notNull())
      .addColumn('negatives', 'integer', (c) => c.notNull())
      .addColumn('input_sha256', 'text', (c) => c.notNull())
      .addColumn('ranking_sha256', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('rerank_runs_case').on('rerank_runs').columns(['case_id', 'id']).execute();
    await db.schema
      .createTable('rerank_scores')
      .addColumn('run_id', 'integer', (c) => c.notNull().references('rerank_runs.id'))
      .addColumn('message_id', 'integer', (c) => c.notNull().references('messages.id'))
      .addColumn('rank', 'integer', (c) => c.notNull())
      .addColumn('score', dialect === 'sqlite' ? 'real' : 'double precision', (c) => c.notNull())
      .addPrimaryKeyConstraint('rerank_scores_pk', ['run_id', 'message_id'])
      .execute();
  }
  return { up };
}
