/**
 * Kysely table types: the database as it is, in snake_case. Repositories map these to the camelCase
 * records in ./types.ts. Times are ISO 8601 UTC text with milliseconds; booleans are integers 0/1.
 */
import type { Generated, Kysely, Transaction } from 'kysely';

import type { MediaTables } from './media-tables.js';
import type { RecordTables } from './repositories/record-tables.js';

export type Dialect = 'sqlite' | 'postgres';

/** 0 or 1: booleans are stored as integers on both dialects. */
export type Flag = 0 | 1;

export interface CasesTable {
  id: Generated<number>;
  name: string;
  created_at: string;
  created_by: string;
}

export interface ExhibitsTable {
  id: Generated<number>;
  case_id: number;
  ref: string;
  original_name: string;
  size: number;
  sha256: string;
  stored_path: string;
  format: string;
  description: string | null;
  seized_from: string | null;
  officer: string | null;
  timezone: string | null;
  date_order: string | null;
  parser: string | null;
  parser_version: string | null;
  added_at: string;
  added_by: string;
}

export interface ExhibitFilesTable {
  id: Generated<number>;
  exhibit_id: number;
  path_in_archive: string;
  size: number;
  sha256: string;
  stored_path: string | null;
  role: string;
}

export interface ContinuityTable {
  id: Generated<number>;
  exhibit_id: number;
  at: string;
  actor: string;
  action: string;
  detail: string | null;
}

export interface ConversationsTable {
  id: Generated<number>;
  case_id: number;
  name: string;
  exhibit_id: number | null;
  created_at: string;
  source_key: string | null;
  is_group: Flag | null;
  group_jid: string | null;
}

export interface ParticipantsTable {
  id: Generated<number>;
  conversation_id: number;
  display_name: string;
  jid: string | null;
  phone: string | null;
  push_name: string | null;
  contact_name: string | null;
  is_owner: Flag | null;
  is_admin: Flag | null;
  current_member: Flag | null;
}

export interface MessagesTable {
  id: Generated<number>;
  case_id: number;
  conversation_id: number;
  exhibit_id: number;
  seq: number;
  sender: string | null;
  participant_id: number | null;
  kind: string;
  text: string;
  search_text: string;
  local_text: string;
  zone: string;
  utc: string;
  time_resolution: string;
  edited: Flag;
  media_file_name: string | null;
  media_omitted: Flag | null;
  media_caption: string | null;
  media_file_id: number | null;
  poll_json: string | null;
  location_url: string | null;
  location_live: Flag | null;
  line_start: number | null;
  line_end: number | null;
  byte_start: number | null;
  byte_end: number | null;
  source_table: string | null;
  source_row_id: number | null;
  source_model_id: string | null;
  key_id: string | null;
  sender_jid: string | null;
  extras_json: string | null;
}

export interface MembershipEventsTable {
  id: Generated<number>;
  case_id: number;
  conversation_id: number;
  message_id: number;
  type: string;
  actor: string | null;
  targets_json: string;
  value: string | null;
  previous_value: string | null;
  utc: string;
}

export interface ImportReportsTable {
  id: Generated<number>;
  exhibit_id: number;
  report_json: string;
}

export interface AuditLogTable {
  /** Assigned by `audit.append` (previous id + 1), so a deleted entry shows as a gap. */
  id: number;
  at: string;
  actor: string;
  action: string;
  case_id: number | null;
  subject: string | null;
  detail_json: string;
  prev_hash: string;
  hash: string;
}

/** Message id ranges committed but not yet in the SQLite full-text index (migration 0023). */
export interface SearchIndexPendingTable {
  id: Generated<number>;
  case_id: number;
  next_id: number;
  last_id: number;
}

/** SQLite fts5vocab view of messages_fts (migration 0024): one row per indexed token. */
export interface MessagesFtsVocabTable {
  term: string;
  doc: number;
  cnt: number;
}

/** SQLite FTS5 external-content table over messages.search_text (rowid = messages.id). */
export interface MessagesFtsTable {
  rowid: number;
  search_text: string;
  messages_fts: string;
}

export interface TermListsTable {
  id: Generated<number>;
  case_id: number;
  version: number;
  terms_json: string;
  note: string | null;
  created_at: string;
  created_by: string;
}

export interface AnalysisRunsTable {
  id: Generated<number>;
  case_id: number;
  started_at: string;
  finished_at: string | null;
  actor: string;
  version_json: string;
  term_list_id: number | null;
  messages: number;
  flagged: number;
}

export interface FlagsTable {
  id: Generated<number>;
  run_id: number;
  case_id: number;
  message_id: number;
  score: number;
  flagged: Flag;
  categories_json: string;
  spans_json: string;
}

export interface MergesTable {
  id: Generated<number>;
  case_id: number;
  name: string;
  conversation_ids_json: string;
  report_json: string;
  created_at: string;
  created_by: string;
  undone_at: string | null;
  undone_by: string | null;
}

export interface CanonicalMessagesTable {
  id: Generated<number>;
  merge_id: number;
  position: number;
  utc: string;
  matched_by: string;
  sources_json: string;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  role: string;
  created_at: string;
  created_by: string;
  disabled: Generated<Flag>;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the session token; the token itself is never stored. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface CaseMembersTable {
  case_id: number;
  user_id: number;
  added_at: string;
  added_by: string;
}

export interface CodesTable {
  message_id: number;
  case_id: number;
  decision: string;
  categories_json: string;
  standards_json: string;
  potential_s127: Flag;
  note: string;
  version: number;
  by_user: string;
  at: string;
}

export interface ReviewsTable {
  message_id: number;
  user_id: number;
  case_id: number;
  kind: string;
  at: string;
}

export interface BatchesTable {
  id: Generated<number>;
  case_id: number;
  name: string;
  kind: string;
  spec_json: string;
  assignee_id: number | null;
  status: string;
  created_at: string;
  created_by: string;
}

export interface QcItemsTable {
  id: Generated<number>;
  message_id: number;
  case_id: number;
  first_user_id: number;
  first_version: number;
  second_user_id: number | null;
  second_decision: string | null;
  status: string;
  resolved_by: number | null;
  resolution: string | null;
  created_at: string;
  updated_at: string;
  /** Why it was queued: 'offensive' | 'share' | 'sample' (migration 0008). */
  reason: Generated<string>;
  /** The first decision as it stood when the second was given (migration 0008). */
  first_decision: string | null;
}

export interface QcSettingsTable {
  case_id: number;
  share: number;
  updated_at: string;
  updated_by: string;
}

export interface SearchTermReportsTable {
  id: Generated<number>;
  case_id: number;
  term_list_version: number | null;
  report_json: string;
  sha256: string;
  note: string | null;
  created_at: string;
  created_by: string;
}

/** A case re-ranked from its reviewers' codes (issue 14.3); see 0020_active_learning. */
export interface RerankRunsTable {
  id: Generated<number>;
  case_id: number;
  analysis_run_id: number | null;
  version: string;
  params_json: string;
  learned_from_json: string;
  positives: number;
  negatives: number;
  input_sha256: string;
  ranking_sha256: string;
  created_at: string;
  created_by: string;
}

export interface RerankScoresTable {
  run_id: number;
  message_id: number;
  rank: number;
  score: number;
}

export interface PersonsTable {
  id: Generated<number>;
  case_id: number;
  name: string;
  role: string;
  force: string | null;
  rank: string | null;
  warrant_number: string | null;
  status: string | null;
  barred_list_applies: Flag | null;
  created_at: string;
  created_by: string;
}

export interface EmploymentTable {
  id: Generated<number>;
  person_id: number;
  force: string;
  from_date: string | null;
  to_date: string | null;
}

export interface IdentityDecisionsTable {
  id: Generated<number>;
  case_id: number;
  participant_id: number;
  person_id: number;
  decision: string;
  evidence_json: string | null;
  at: string;
  by: string;
}

/** The job queue (migration 0011): see ./repositories/jobs.ts. */
export interface JobsTable {
  id: Generated<number>;
  kind: string;
  case_id: number | null;
  payload_json: string;
  status: string;
  attempts: Generated<number>;
  max_attempts: number;
  created_at: string;
  created_by: string;
  started_at: string | null;
  heartbeat_at: string | null;
  finished_at: string | null;
  worker: string | null;
  result_json: string | null;
  error: string | null;
}

/** Stored files held by running imports (migration 0012): see ./repositories/evidence-claims.ts. */
export interface EvidenceClaimsTable {
  id: Generated<number>;
  claimant: string;
  sha256: string | null;
  stored_path: string | null;
  claimed_at: string;
}

/** The case record's tables (migration 0007) are declared in ./repositories/record-tables.ts. */
export interface Database extends RecordTables, MediaTables {
  cases: CasesTable;
  exhibits: ExhibitsTable;
  exhibit_files: ExhibitFilesTable;
  continuity: ContinuityTable;
  conversations: ConversationsTable;
  participants: ParticipantsTable;
  messages: MessagesTable;
  membership_events: MembershipEventsTable;
  import_reports: ImportReportsTable;
  audit_log: AuditLogTable;
  messages_fts: MessagesFtsTable;
  search_index_pending: SearchIndexPendingTable;
  messages_fts_vocab: MessagesFtsVocabTable;
  term_lists: TermListsTable;
  analysis_runs: AnalysisRunsTable;
  flags: FlagsTable;
  users: UsersTable;
  sessions: SessionsTable;
  case_members: CaseMembersTable;
  codes: CodesTable;
  reviews: ReviewsTable;
  batches: BatchesTable;
  qc_items: QcItemsTable;
  qc_settings: QcSettingsTable;
  search_term_reports: SearchTermReportsTable;
  merges: MergesTable;
  persons: PersonsTable;
  employment: EmploymentTable;
  identity_decisions: IdentityDecisionsTable;
  canonical_messages: CanonicalMessagesTable;
  jobs: JobsTable;
  evidence_claims: EvidenceClaimsTable;
  rerank_runs: RerankRunsTable;
  rerank_scores: RerankScoresTable;
}

/** The base connection or a transaction: repositories work on either. */
export type Db = Kysely<Database> | Transaction<Database>;
