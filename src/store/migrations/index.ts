/**
 * In-code migration provider: migrations are compiled into the program (no directory scanning), in
 * name order. Add a new file `NNNN_name.ts` and list it here; never edit a migration once released.
 */
import type { Migration, MigrationProvider } from 'kysely';

import type { Dialect } from '../database.js';
import { initialMigration } from './0001_initial.js';
import { flagsMigration } from './0002_flags.js';
import { deviceMigration } from './0003_device.js';
import { reviewMigration } from './0004_review.js';
import { mergeMigration } from './0005_merge.js';
import { peopleMigration } from './0006_people.js';
import { recordMigration } from './0007_record.js';
import { qcMigration } from './0008_qc.js';
import { lookupsMigration } from './0009_lookups.js';
import { searchTermReportsMigration } from './0010_search_term_reports.js';
import { jobsMigration } from './0011_jobs.js';
import { evidenceClaimsMigration } from './0012_evidence_claims.js';
import { recordFactsMigration } from './0013_record_facts.js';
import { mediaTextMigration } from './0018_media_text.js';
import { searchFoldMigration } from './0019_search_fold.js';
import { activeLearningMigration } from './0020_active_learning.js';
import { searchIndexPendingMigration } from './0023_search_index_pending.js';
import { searchVocabularyMigration } from './0024_search_vocabulary.js';
import { messagesAnalysedBoundMigration } from './0028_messages_analysed_bound.js';

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return {
    getMigrations: async (): Promise<Record<string, Migration>> => ({
      '0001_initial': initialMigration(dialect),
      '0002_flags': flagsMigration(dialect),
      '0003_device': deviceMigration(dialect),
      '0004_review': reviewMigration(dialect),
      '0005_merge': mergeMigration(dialect),
      '0006_people': peopleMigration(dialect),
      '0007_record': recordMigration(dialect),
      '0008_qc': qcMigration(dialect),
      '0009_lookups': lookupsMigration(dialect),
      '0010_search_term_reports': searchTermReportsMigration(dialect),
      '0011_jobs': jobsMigration(dialect),
      '0012_evidence_claims': evidenceClaimsMigration(dialect),
      '0013_record_facts': recordFactsMigration(dialect),
      '0018_media_text': mediaTextMigration(dialect),
      '0019_search_fold': searchFoldMigration(dialect),
      '0020_active_learning': activeLearningMigration(dialect),
      '0023_search_index_pending': searchIndexPendingMigration(dialect),
      '0024_search_vocabulary': searchVocabularyMigration(dialect),
      '0028_messages_analysed_bound': messagesAnalysedBoundMigration(),
    }),
  };
}
