import type { Selectable } from 'kysely';

import type { RerankRunsTable } from '../database.js';
import { toInt, type RepoContext } from './context.js';

/** A stored re-rank of a case from its reviewers' codes (issue 14.3). */
export interface RerankRunRecord {
  readonly id: number;
  readonly caseId: number;
  /** The analysis run whose flag scores were the starting point (null: the case had none). */
  readonly analysisRunId: number | null;
  readonly version: string;
  readonly params: Record<string, number>;
  /** The codes learned from, sorted by message id: with the messages, all a rerun needs. */
  readonly learnedFrom: { messageId: string; offensive: boolean }[];
  readonly positives: number;
  readonly negatives: number;
  readonly inputSha256: string;
  readonly rankingSha256: string;
  readonly createdAt: string;
  readonly createdBy: string;
}

export type NewRerankRun = Omit<RerankRunRecord, 'id' | 'createdAt'> & {
  /** Unreviewed messages, highest first: stored with their position as rank (0 = first). */
  readonly ranking: readonly { messageId: number; score: number }[];
};

const toRecord = (r: Selectable<RerankRunsTable>): RerankRunRecord => ({
  id: toInt(r.id),
  caseId: toInt(r.case_id),
  analysisRunId: r.analysis_run_id === null ? null : toInt(r.analysis_run_id),
  version: r.version,
  params: JSON.parse(r.params_json) as Record<string, number>,
  learnedFrom: JSON.parse(r.learned_from_json) as { messageId: string; offensive: boolean }[],
  positives: toInt(r.positives),
  negatives: toInt(r.negatives),
  inputSha256: r.input_sha256,
  rankingSha256: r.ranking_sha256,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

/** Re-rank runs: append-only, the latest one per case sets the priority order. */
export class RerankRunsRepository {
  constructor(private readonly ctx: RepoContext) {}

  async save(input: NewRerankRun): Promise<RerankRunRecord> {
    const row = await this.ctx.db
      .insertInto('rerank_runs')
      .values({
        case_id: input.caseId,
        analysis_run_id: input.analysisRunId,
        version: input.version,
        params_json: JSON.stringify(input.params),
        learned_from_json: JSON.stringify(input.learnedFrom),
        positives: input.positives,
        negatives: input.negatives,
        input_sha256: input.inputSha256,
        ranking_sha256: input.rankingSha256,
        created_at: this.ctx.now(),
        created_by: input.createdBy,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const runId = toInt(row.id);
    // Chunked so a large case stays under SQLite's and PostgreSQL's bound-parameter limits.
    for (let i = 0; i < input.ranking.length; i += 2000) {
      const values = input.ranking.slice(i, i + 2000).map((r, k) => ({
        run_id: runId,
        message_id: r.messageId,
        rank: i + k,
        score: r.score,
      }));
      await this.ctx.db.insertInto('rerank_scores').values(values).execute();
    }
    return toRecord(row);
  }

  /** The case's latest re-rank, or null when it has never been re-ranked. */
  async latest(caseId: number): Promise<RerankRunRecord | null> {
    const row = await this.ctx.db
      .selectFrom('rerank_runs')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  /**
   * Decided codes ("offensive", "not offensive") of the case written since its latest re-rank, or in
   * all when it has none: what the automatic re-rank after coding counts before it runs again.
   */
  async codesSinceLatest(caseId: number): Promise<number> {
    const latest = await this.latest(caseId);
    let q = this.ctx.db
      .selectFrom('codes')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('case_id', '=', caseId)
      .where('decision', '!=', 'unsure');
    if (latest) q = q.where('at', '>', latest.createdAt);
    const row = await q.executeTakeFirstOrThrow();
    return toInt(row.n);
  }

  /** Newest first. */
  async list(caseId: number): Promise<RerankRunRecord[]> {
    const rows = await this.ctx.db
      .selectFrom('rerank_runs')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toRecord);
  }

  /** A run's ranking, first to last. */
  async ranking(runId: number): Promise<{ messageId: number; rank: number; score: number }[]> {
    const rows = await this.ctx.db
      .selectFrom('rerank_scores')
      .select(['message_id', 'rank', 'score'])
      .where('run_id', '=', runId)
      .orderBy('rank')
      .execute();
    return rows.map((r) => ({ messageId: toInt(r.message_id), rank: toInt(r.rank), score: Number(r.score) }));
  }
}
