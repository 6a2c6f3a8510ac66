import type { AnalysisRunRecord, FlagRecord, NewFlag, TermListRecord } from '../flag-types.js';
import { toInt, type RepoContext } from './context.js';

/** Case term lists: each change is a new immutable version. */
export class TermListsRepository {
  constructor(private readonly ctx: RepoContext) {}

  async latest(caseId: number): Promise<TermListRecord | null> {
    const row = await this.ctx.db
      .selectFrom('term_lists')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? termList(row) : null;
  }

  async list(caseId: number): Promise<TermListRecord[]> {
    const rows = await this.ctx.db
      .selectFrom('term_lists')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('version')
      .execute();
    return rows.map(termList);
  }

  async get(id: number): Promise<TermListRecord | null> {
    const row = await this.ctx.db
      .selectFrom('term_lists')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? termList(row) : null;
  }

  /** Store the next version; the caller passes the whole list (previous terms plus the change). */
  async addVersion(input: {
    caseId: number;
    terms: TermListRecord['terms'];
    note: string | null;
    createdBy: string;
  }): Promise<TermListRecord> {
    const previous = await this.latest(input.caseId);
    const row = await this.ctx.db
      .insertInto('term_lists')
      .values({
        case_id: input.caseId,
        version: (previous?.version ?? 0) + 1,
        terms_json: JSON.stringify(input.terms),
        note: input.note,
        created_at: this.ctx.now(),
        created_by: input.createdBy,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return termList(row);
  }
}

/** Analysis runs and the flags they produced. */
export class FlagsRepository {
  constructor(private readonly ctx: RepoContext) {}

  async startRun(input: {
    caseId: number;
    actor: string;
    version: unknown;
    termListId: number | null;
  }): Promise<AnalysisRunRecord> {
    const row = await this.ctx.db
      .insertInto('analysis_runs')
      .values({
        case_id: input.caseId,
        started_at: this.ctx.now(),
        actor: input.actor,
        version_json: JSON.stringify(input.version),
        term_list_id: input.termListId,
        messages: 0,
        flagged: 0,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return run(row);
  }

  async finishRun(id: number, counts: { messages: number; flagged: number }): Promise<AnalysisRunRecord> {
    const row = await this.ctx.db
      .updateTable('analysis_runs')
      .set({ finished_at: this.ctx.now(), messages: counts.messages, flagged: counts.flagged })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return run(row);
  }

  async insertMany(flags: readonly NewFlag[]): Promise<void> {
    for (let i = 0; i < flags.length; i += 500) {
      await this.ctx.db
        .insertInto('flags')
        .values(
          flags.slice(i, i + 500).map((f) => ({
            run_id: f.runId,
            case_id: f.caseId,
            message_id: f.messageId,
            score: f.score,
            flagged: f.flagged ? 1 : 0,
            categories_json: JSON.stringify(f.categories),
            spans_json: JSON.stringify(f.spans),
          })),
        )
        .execute();
    }
  }

  /** The newest finished run of a case, or a given one. */
  async run(caseId: number, runId?: number): Promise<AnalysisRunRecord | null> {
    let q = this.ctx.db
      .selectFrom('analysis_runs')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('finished_at', 'is not', null);
    if (runId !== undefined) q = q.where('id', '=', runId);
    const row = await q.orderBy('id', 'desc').limit(1).executeTakeFirst();
    return row ? run(row) : null;
  }

  async runs(caseId: number): Promise<AnalysisRunRecord[]> {
    const rows = await this.ctx.db
      .selectFrom('analysis_runs')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('id')
      .execute();
    return rows.map(run);
  }

  /** A run's results, highest score first (then message order). */
  async list(
    runId: number,
    options: { onlyFlagged?: boolean; minScore?: number } = {},
  ): Promise<FlagRecord[]> {
    let q = this.ctx.db.selectFrom('flags').selectAll().where('run_id', '=', runId);
    if (options.onlyFlagged) q = q.where('flagged', '=', 1);
    if (options.minScore !== undefined) q = q.where('score', '>=', options.minScore);
    const rows = await q.orderBy('score', 'desc').orderBy('message_id').execute();
    return rows.map((r) => ({
      id: toInt(r.id),
      runId: toInt(r.run_id),
      caseId: toInt(r.case_id),
      messageId: toInt(r.message_id),
      score: Number(r.score),
      flagged: toInt(r.flagged) === 1,
      categories: JSON.parse(r.categories_json) as FlagRecord['categories'],
      spans: JSON.parse(r.spans_json) as FlagRecord['spans'],
    }));
  }
}

function termList(r: {
  id: number;
  case_id: number;
  version: number;
  terms_json: string;
  note: string | null;
  created_at: string;
  created_by: string;
}): TermListRecord {
  return {
    id: toInt(r.id),
    caseId: toInt(r.case_id),
    version: toInt(r.version),
    terms: JSON.parse(r.terms_json) as TermListRecord['terms'],
    note: r.note,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

function run(r: {
  id: number;
  case_id: number;
  started_at: string;
  finished_at: string | null;
  actor: string;
  version_json: string;
  term_list_id: number | null;
  messages: number;
  flagged: number;
}): AnalysisRunRecord {
  return {
    id: toInt(r.id),
    caseId: toInt(r.case_id),
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    actor: r.actor,
    version: JSON.parse(r.version_json) as Record<string, string>,
    termListId: r.term_list_id === null ? null : toInt(r.term_list_id),
    messages: toInt(r.messages),
    flagged: toInt(r.flagged),
  };
}
