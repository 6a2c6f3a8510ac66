/**
 * Kysely table types of the case record (migration 0007_record), in snake_case as stored. The
 * `Database` interface in ../database.ts extends `RecordTables`. Dates of events are YYYY-MM-DD;
 * `created_at`/`updated_at` are ISO instants; flags are 0/1; `*_json` columns hold JSON text.
 */
import type { Generated } from 'kysely';

type Flag = 0 | 1;

/** The columns every row of the record has (except record_cases and record_subjects). */
interface RowBase {
  id: Generated<number>;
  case_id: number;
  publishable: Flag;
  created_at: string;
  created_by: string;
}

interface SubjectRow extends RowBase {
  person_id: number;
}

export interface RecordCasesTable {
  case_id: number;
  reference: string | null;
  operation: string | null;
  investigating_body: string | null;
  mode: string | null;
  forces_json: string;
  status: string | null;
  referral_date: string | null;
  start_date: string | null;
  evidence_sufficient_date: string | null;
  report_date: string | null;
  team_json: string;
  /** How the evidence came to light (migration 0013). */
  came_to_light: string | null;
  /** Messages analysed across all the evidence, where not all of it was imported (0013). */
  messages_analysed: number | null;
  /** `messages_analysed` is a lower bound: "more than 6,000" (migration 0028). */
  messages_analysed_more_than: Flag;
  publishable: Flag;
  updated_at: string;
  updated_by: string;
}

/** A person's status from a date (migration 0013): serving -> former when they resign. */
export interface PersonStatusHistoryTable {
  id: Generated<number>;
  person_id: number;
  status: string;
  from_date: string | null;
  note: string | null;
  recorded_at: string;
  recorded_by: string;
}

export interface RecordSubjectsTable {
  person_id: number;
  case_id: number;
  name_public: Flag;
  label: string | null;
  updated_at: string;
  updated_by: string;
}

export interface RecordAssessmentsTable extends SubjectRow {
  severity: string;
  assessed_on: string;
  rationale: string | null;
}

export interface RecordNoticesTable extends SubjectRow {
  kind: string;
  served_on: string;
  conduct: string | null;
  standards_json: string;
  severity: string | null;
}

export interface RecordInterviewsTable extends SubjectRow {
  held_on: string;
  kind: string;
  note: string | null;
}

export interface RecordAllegationsTable extends SubjectRow {
  standard: string;
  description: string;
  message_ids_json: string;
  case_to_answer: string | null;
  case_to_answer_on: string | null;
}

export interface RecordReferralsTable extends RowBase {
  referred_on: string;
  prosecutor: string;
  exhibits_json: string;
}

export interface RecordChargingDecisionsTable extends SubjectRow {
  decided_on: string;
  decision: string;
  note: string | null;
}

export interface RecordCountsTable extends SubjectRow {
  number: number;
  offence: string;
  description: string | null;
  message_ids_json: string;
  charged_on: string | null;
  verdict: string | null;
  verdict_on: string | null;
}

export interface RecordAppearancesTable extends SubjectRow {
  appeared_on: string;
  court: string;
  purpose: string | null;
}

export interface RecordSentencesTable extends SubjectRow {
  sentenced_on: string;
  sentence: string;
}

export interface RecordAppealsTable extends SubjectRow {
  lodged_on: string;
  grounds: string | null;
  outcome: string | null;
  outcome_on: string | null;
}

export interface RecordProceedingsTable extends RowBase {
  kind: string;
  level: string;
  public: Flag;
  start_on: string;
  end_on: string | null;
  panel_json: string;
  /** Who held the hearing, e.g. "the Metropolitan Police Service" (0013). */
  held_by: string | null;
}

export interface RecordFindingsTable extends RowBase {
  allegation_id: number;
  proceeding_id: number;
  finding: string;
  found_on: string;
}

export interface RecordOutcomesTable extends SubjectRow {
  proceeding_id: number | null;
  outcome: string;
  decided_on: string;
}

export interface RecordBarredTable extends SubjectRow {
  list: string;
  reported_on: string | null;
  reason: string | null;
}

export interface RecordRecommendationsTable extends RowBase {
  reference: string;
  recipients_json: string;
  text: string;
  rationale: string | null;
  legal_basis: string | null;
  made_on: string;
  extensions_json: string;
  response_text: string | null;
  response_on: string | null;
  response: string | null;
  published_on: string | null;
  /** Where the published response can be read (0013). */
  response_url: string | null;
}

export interface RecordProgressReportsTable extends RowBase {
  sent_on: string;
  note: string | null;
}

export interface RecordSummariesTable extends RowBase {
  version: number;
  source: string;
  markdown: string;
  final: Flag;
}

export interface RecordTables {
  record_cases: RecordCasesTable;
  person_status_history: PersonStatusHistoryTable;
  record_subjects: RecordSubjectsTable;
  record_assessments: RecordAssessmentsTable;
  record_notices: RecordNoticesTable;
  record_interviews: RecordInterviewsTable;
  record_allegations: RecordAllegationsTable;
  record_referrals: RecordReferralsTable;
  record_charging_decisions: RecordChargingDecisionsTable;
  record_counts: RecordCountsTable;
  record_appearances: RecordAppearancesTable;
  record_sentences: RecordSentencesTable;
  record_appeals: RecordAppealsTable;
  record_proceedings: RecordProceedingsTable;
  record_findings: RecordFindingsTable;
  record_outcomes: RecordOutcomesTable;
  record_barred: RecordBarredTable;
  record_recommendations: RecordRecommendationsTable;
  record_progress_reports: RecordProgressReportsTable;
  record_summaries: RecordSummariesTable;
}

/** The record's tables whose rows have an integer id (all but record_cases and record_subjects). */
export type RecordRowTable = Exclude<
  keyof RecordTables,
  'record_cases' | 'record_subjects' | 'person_status_history'
>;
