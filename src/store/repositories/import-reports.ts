import type { ImportReport } from '../../domain/import-report.js';
import type { RepoContext } from './context.js';

export class ImportReportsRepository {
  constructor(private readonly ctx: RepoContext) {}

  /** Stores the report of an exhibit's import (one per exhibit). */
  async insert(exhibitId: number, report: ImportReport): Promise<void> {
    await this.ctx.db
      .insertInto('import_reports')
      .values({ exhibit_id: exhibitId, report_json: JSON.stringify(report) })
      .execute();
  }

  async get(exhibitId: number): Promise<ImportReport | null> {
    const row = await this.ctx.db
      .selectFrom('import_reports')
      .select('report_json')
      .where('exhibit_id', '=', exhibitId)
      .executeTakeFirst();
    return row ? (JSON.parse(row.report_json) as ImportReport) : null;
  }
}
