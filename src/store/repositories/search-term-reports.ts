import type { Selectable } from 'kysely';

import type { SearchTermReportsTable } from '../database.js';
import { toInt, type RepoContext } from './context.js';

export interface SavedSearchTermReport {
  readonly id: number;
  readonly caseId: number;
  readonly termListVersion: number | null;
  /** The report exactly as saved (canonical JSON). */
  readonly reportJson: string;
  /** SHA-256 of reportJson. */
  readonly sha256: string;
  readonly note: string | null;
  readonly createdAt: string;
  readonly createdBy: string;
}

const toRecord = (r: Selectable<SearchTermReportsTable>): SavedSearchTermReport => ({
  id: toInt(r.id),
  caseId: toInt(r.case_id),
  termListVersion: r.term_list_version === null ? null : toInt(r.term_list_version),
  reportJson: r.report_json,
  sha256: r.sha256,
  note: r.note,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

/** Saved search-term reports: append-only snapshots, the case's record of its search strategy. */
export class SearchTermReportsRepository {
  constructor(private readonly ctx: RepoContext) {}

  async save(input: Omit<SavedSearchTermReport, 'id' | 'createdAt'>): Promise<SavedSearchTermReport> {
    const row = await this.ctx.db
      .insertInto('search_term_reports')
      .values({
        case_id: input.caseId,
        term_list_version: input.termListVersion,
        report_json: input.reportJson,
        sha256: input.sha256,
        note: input.note,
        created_at: this.ctx.now(),
        created_by: input.createdBy,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRecord(row);
  }

  /** Newest first. */
  async list(caseId: number): Promise<SavedSearchTermReport[]> {
    const rows = await this.ctx.db
      .selectFrom('search_term_reports')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toRecord);
  }
}
