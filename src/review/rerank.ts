/**
 * Continuous active learning as a case operation (issue 14.3): fit the per-case model on the
 * reviewers' current codes (`rerank` in src/analysis/flagger/active.ts), store the ranking as a run
 * and audit which codes it learned from. Priority batches then follow the latest run. The run keeps
 * everything needed to reproduce it: the analysis run its starting scores came from, the engine
 * version and parameters, the codes (sorted) and SHA-256s of its inputs and ranking.
 */
import { termListVersion, toCaseTerms } from '../analysis/analyse-case.js';
import {
  indexCase,
  rerank,
  type CaseIndex,
  type CaseMessage,
  type ReviewCode,
} from '../analysis/flagger/active.js';
import { createPipeline } from '../analysis/flagger/index.js';
import type { Store } from '../store/open-store.js';
import type { RerankRunRecord } from '../store/repositories/rerank-runs.js';

export interface RerankOutcome {
  readonly run: RerankRunRecord;
  /** How many unreviewed messages it ranked. */
  readonly ranked: number;
  /** The first few of its ranking (message id and score), for a quick look. */
  readonly top: readonly { messageId: number; score: number }[];
}

/** Every message of the case with its score in the analysis run (0 where the run did not score it). */
async function caseMessages(store: Store, caseId: number, runId: number | null): Promise<CaseMessage[]> {
  const out: CaseMessage[] = [];
  for await (const m of store.messages.iterate(caseId))
    out.push({ id: String(m.id), text: m.text, score: 0 });
  if (runId !== null) {
    const flags = await store.threads.flagsFor(
      runId,
      out.map((m) => Number(m.id)),
    );
    for (const m of out) m.score = flags.get(Number(m.id))?.score ?? 0;
  }
  return out;
}

/**
 * The case's messages indexed for the per-case model, with the case's current term list feeding it
 * (a case term found is a feature of its own). `termListVersion` is 0 when the case has no list.
 */
export async function indexCaseFromStore(
  store: Store,
  caseId: number,
): Promise<{ index: CaseIndex; analysisRunId: number | null; termListVersion: number }> {
  const analysis = await store.flags.run(caseId);
  const messages = await caseMessages(store, caseId, analysis?.id ?? null);
  const terms = await store.termLists.latest(caseId);
  const pipeline = createPipeline(
    terms && terms.terms.length > 0
      ? { extraTerms: toCaseTerms(terms.terms), termListVersion: termListVersion(caseId, terms.version) }
      : {},
  );
  return {
    index: indexCase(messages, pipeline),
    analysisRunId: analysis?.id ?? null,
    termListVersion: terms?.version ?? 0,
  };
}

/**
 * Re-rank a case from its codes and store the run. "Unsure" codes teach nothing (they are neither
 * example), so such messages stay in the ranking; the stored ranking is exactly the one hashed.
 */
export async function rerankCase(
  store: Store,
  input: { caseId: number; actor: string },
): Promise<RerankOutcome> {
  const { index, analysisRunId, termListVersion } = await indexCaseFromStore(store, input.caseId);
  const allCodes = await store.codes.listForCase(input.caseId);
  const codes: ReviewCode[] = allCodes
    .filter((c) => c.decision !== 'unsure')
    .map((c) => ({ messageId: String(c.messageId), offensive: c.decision === 'offensive' }));
  const result = rerank(index, codes);
  const ranking = result.ranking.map((r) => ({ messageId: Number(r.id), score: r.score }));
  const run = await store.transaction(async (repos) => {
    const saved = await repos.rerankRuns.save({
      caseId: input.caseId,
      analysisRunId,
      version: result.version,
      // The term list's version is recorded with the parameters: a rerun needs the same list.
      params: { ...result.params, termListVersion },
      learnedFrom: result.learnedFrom,
      positives: result.positives,
      negatives: result.negatives,
      inputSha256: result.inputSha256,
      rankingSha256: result.rankingSha256,
      createdBy: input.actor,
      ranking,
    });
    // The audit chain names the codes learned from, so the ranking can be reproduced from it alone.
    await repos.audit.append({
      actor: input.actor,
      action: 'rerank.run',
      caseId: input.caseId,
      subject: `rerank:${saved.id}`,
      detail: {
        version: saved.version,
        analysisRunId: saved.analysisRunId,
        params: saved.params,
        learnedFrom: saved.learnedFrom,
        positives: saved.positives,
        negatives: saved.negatives,
        ranked: ranking.length,
        inputSha256: saved.inputSha256,
        rankingSha256: saved.rankingSha256,
      },
    });
    return saved;
  });
  return { run, ranked: ranking.length, top: ranking.slice(0, 10) };
}
