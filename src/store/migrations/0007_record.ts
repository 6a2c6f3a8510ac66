/**
 * The case record: the case's headline details, and per subject the severity assessments, notices,
 * interviews and allegations; the criminal route (referral to the prosecutor, charging decisions,
 * counts with their verdicts, court appearances, sentences, appeals); the misconduct route
 * (proceedings, findings, outcomes, barred and advisory list); learning recommendations; progress
 * reports; and the public summary's drafts. Dates of events are calendar dates (YYYY-MM-DD);
 * `created_at` is the ISO instant the row was recorded. `publishable` (0/1) says whether the fact may
 * appear in the public summary. Every change is also appended to the audit log.
 */
import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely, Migration } from 'kysely';

import type { Dialect } from '../database.js';

export const RECORD_TABLES = [
  'record_summaries',
  'record_progress_reports',
  'record_recommendations',
  'record_barred',
  'record_outcomes',
  'record_findings',
  'record_proceedings',
  'record_appeals',
  'record_sentences',
  'record_appearances',
  'record_counts',
  'record_charging_decisions',
  'record_referrals',
  'record_allegations',
  'record_interviews',
  'record_notices',
  'record_assessments',
  'record_subjects',
  'record_cases',
] as const;

export function recordMigration(dialect: Dialect): Migration {
  const id = (col: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    dialect === 'sqlite' ? col.primaryKey().autoIncrement() : col.primaryKey().generatedByDefaultAsIdentity();

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
  async function up(db: Kysely<any>): Promise<void> {
    /** A row of the record: id, case, optional subject, when and by whom recorded, publishable. */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const table = (name: string, person: boolean): CreateTableBuilder<any, any> => {
      let t = db.schema
        .createTable(name)
        .addColumn('id', 'integer', id)
        .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'));
      if (person) t = t.addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'));
      return t
        .addColumn('publishable', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull());
    };
    const index = async (name: string) =>
      db.schema.createIndex(`${name}_case`).on(name).column('case_id').execute();

    await db.schema
      .createTable('record_cases')
      .addColumn('case_id', 'integer', (c) => c.primaryKey().references('cases.id'))
      .addColumn('reference', 'text')
      .addColumn('operation', 'text')
      .addColumn('investigating_body', 'text')
      .addColumn('mode', 'text')
      .addColumn('forces_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('status', 'text')
      .addColumn('referral_date', 'text')
      .addColumn('start_date', 'text')
      .addColumn('evidence_sufficient_date', 'text')
      .addColumn('report_date', 'text')
      .addColumn('team_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('publishable', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('record_subjects')
      .addColumn('person_id', 'integer', (c) => c.primaryKey().references('persons.id'))
      .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
      .addColumn('name_public', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('label', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .execute();

    await table('record_assessments', true)
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('assessed_on', 'text', (c) => c.notNull())
      .addColumn('rationale', 'text')
      .execute();
    await table('record_notices', true)
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('served_on', 'text', (c) => c.notNull())
      .addColumn('conduct', 'text')
      .addColumn('standards_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('severity', 'text')
      .execute();
    await table('record_interviews', true)
      .addColumn('held_on', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .execute();
    await table('record_allegations', true)
      .addColumn('standard', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('message_ids_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('case_to_answer', 'text')
      .addColumn('case_to_answer_on', 'text')
      .execute();
    await table('record_referrals', false)
      .addColumn('referred_on', 'text', (c) => c.notNull())
      .addColumn('prosecutor', 'text', (c) => c.notNull())
      .addColumn('exhibits_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
    await table('record_charging_decisions', true)
      .addColumn('decided_on', 'text', (c) => c.notNull())
      .addColumn('decision', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .execute();
    await table('record_counts', true)
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('offence', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('message_ids_json', 'text', (c) => c.notNull())
      .addColumn('charged_on', 'text')
      .addColumn('verdict', 'text')
      .addColumn('verdict_on', 'text')
      .execute();
    await table('record_appearances', true)
      .addColumn('appeared_on', 'text', (c) => c.notNull())
      .addColumn('court', 'text', (c) => c.notNull())
      .addColumn('purpose', 'text')
      .execute();
    await table('record_sentences', true)
      .addColumn('sentenced_on', 'text', (c) => c.notNull())
      .addColumn('sentence', 'text', (c) => c.notNull())
      .execute();
    await table('record_appeals', true)
      .addColumn('lodged_on', 'text', (c) => c.notNull())
      .addColumn('grounds', 'text')
      .addColumn('outcome', 'text')
      .addColumn('outcome_on', 'text')
      .execute();
    await table('record_proceedings', false)
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('public', 'integer', (c) => c.notNull())
      .addColumn('start_on', 'text', (c) => c.notNull())
      .addColumn('end_on', 'text')
      .addColumn('panel_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
    await table('record_findings', false)
      .addColumn('allegation_id', 'integer', (c) => c.notNull().references('record_allegations.id'))
      .addColumn('proceeding_id', 'integer', (c) => c.notNull().references('record_proceedings.id'))
      .addColumn('finding', 'text', (c) => c.notNull())
      .addColumn('found_on', 'text', (c) => c.notNull())
      .addUniqueConstraint('record_findings_allegation_unique', ['allegation_id', 'proceeding_id'])
      .execute();
    await table('record_outcomes', true)
      .addColumn('proceeding_id', 'integer', (c) => c.references('record_proceedings.id'))
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('decided_on', 'text', (c) => c.notNull())
      .execute();
    await table('record_barred', true)
      .addColumn('list', 'text', (c) => c.notNull())
      .addColumn('reported_on', 'text')
      .addColumn('reason', 'text')
      .execute();
    await table('record_recommendations', false)
      .addColumn('reference', 'text', (c) => c.notNull())
      .addColumn('recipients_json', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('rationale', 'text')
      .addColumn('legal_basis', 'text')
      .addColumn('made_on', 'text', (c) => c.notNull())
      .addColumn('extensions_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('response_text', 'text')
      .addColumn('response_on', 'text')
      .addColumn('response', 'text')
      .addColumn('published_on', 'text')
      .addUniqueConstraint('record_recommendations_reference_unique', ['case_id', 'reference'])
      .execute();
    await table('record_progress_reports', false)
      .addColumn('sent_on', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .execute();
    await table('record_summaries', false)
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('markdown', 'text', (c) => c.notNull())
      .addColumn('final', 'integer', (c) => c.notNull().defaultTo(0))
      .addUniqueConstraint('record_summaries_version_unique', ['case_id', 'version'])
      .execute();

    for (const name of RECORD_TABLES) {
      if (name !== 'record_cases' && name !== 'record_subjects') await index(name);
    }
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function down(db: Kysely<any>): Promise<void> {
    for (const name of RECORD_TABLES) await db.schema.dropTable(name).execute();
  }

  return { up, down };
}
