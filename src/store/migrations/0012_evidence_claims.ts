/**
 * Who holds which stored original while an import runs (issue 21, item 1). An import inserts a row
 * for itself when it starts (`sha256` null) and one per stored file before it looks at the file's
 * content address, and drops them once its own transaction has committed or failed. A stored file
 * is removed only when no exhibit, no archive entry and no claim names it, decided under a lock.
 */
import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';

import type { Dialect } from '../database.js';

export function evidenceClaimsMigration(dialect: Dialect): Migration {
  const id = (col: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    dialect === 'sqlite' ? col.primaryKey().autoIncrement() : col.primaryKey().generatedByDefaultAsIdentity();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
  async function up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('evidence_claims')
      .addColumn('id', 'integer', id)
      .addColumn('claimant', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text')
      .addColumn('stored_path', 'text')
      .addColumn('claimed_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('evidence_claims_path').on('evidence_claims').column('stored_path').execute();
    await db.schema
      .createIndex('evidence_claims_claimant')
      .on('evidence_claims')
      .column('claimant')
      .execute();
    // The reference check before removing a stored file looks these up by path.
    await db.schema.createIndex('exhibits_stored_path').on('exhibits').column('stored_path').execute();
    await db.schema
      .createIndex('exhibit_files_stored_path')
      .on('exhibit_files')
      .column('stored_path')
      .execute();
  }
  return { up };
}
