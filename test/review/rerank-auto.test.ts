/**
 * The automatic re-rank after coding (issue 14.3): coding through the API queues one `rerank` job once
 * enough decided codes exist since the latest re-rank, never a second while one waits, and a worker
 * runs it into a stored, audited run learned from those codes.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { runWorker } from '../../src/jobs/index.js';
import { RERANK } from '../../src/review/rerank-job.js';
import { AUTO_RERANK_EVERY } from '../../src/review/rerank-auto.js';
import { eachBackend } from '../support/each-backend.js';
import { makeWorld, type Session, type World } from '../support/world.js';
import type { Backend } from '../support/backends.js';

eachBackend('Active learning: re-rank after coding', (backend: Backend) => {
  let w: World;
  let rev: Session;
  beforeAll(async () => {
    w = await makeWorld(backend);
    rev = await w.login('reviewer1');
  });
  afterAll(async () => {
    await w.app.close();
    await backend.cleanup();
  });

  const codeSeq = async (seq: number, decision: 'offensive' | 'not_offensive' | 'unsure') => {
    const res = await w.app.inject({
      method: 'PUT',
      url: `/api/messages/${w.a.messageIds[seq]!}/code`,
      headers: { cookie: rev.cookie, 'x-csrf-token': rev.csrf },
      payload: {
        decision,
        categories: decision === 'offensive' ? ['race'] : [],
        standards: [],
        potentialS127: false,
        note: '',
        baseVersion: 0,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const rerankJobs = async () =>
    (await w.store.jobs.list({ caseId: w.a.caseId })).filter((j) => j.kind === RERANK);

  it('queues one re-rank job when enough codes are new, and a worker stores the run', async () => {
    // "banana split" messages (seq % 7 === 0) are what this case's reviewers find offensive.
    const seqs = Array.from({ length: AUTO_RERANK_EVERY + 5 }, (_, k) => k + 1);
    // "Unsure" teaches nothing, so it does not count towards the next re-rank.
    await codeSeq(0, 'unsure');
    for (const seq of seqs.slice(0, AUTO_RERANK_EVERY - 1))
      await codeSeq(seq, seq % 7 === 0 ? 'offensive' : 'not_offensive');
    expect(await rerankJobs()).toHaveLength(0);
    await codeSeq(seqs[AUTO_RERANK_EVERY - 1]!, 'not_offensive');
    expect(await rerankJobs()).toHaveLength(1);
    // More codes while the job waits do not queue a second one.
    for (const seq of seqs.slice(AUTO_RERANK_EVERY)) await codeSeq(seq, 'not_offensive');
    const queued = await rerankJobs();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({
      status: 'queued',
      createdBy: 'reviewer1',
      payload: { caseId: w.a.caseId },
    });

    const summary = await runWorker({
      store: w.store,
      workspace: '/unused',
      once: true,
      kinds: [RERANK],
      pollMs: 10,
    });
    expect(summary.done).toBe(1);
    const run = (await w.store.rerankRuns.latest(w.a.caseId))!;
    // It learned from every decided code there was when it ran, and records the term list (none).
    expect(run.learnedFrom).toHaveLength(seqs.length);
    expect(run.positives).toBe(seqs.slice(0, AUTO_RERANK_EVERY - 1).filter((s) => s % 7 === 0).length);
    expect(run.params.termListVersion).toBe(0);
    expect(summary.jobs[0]!.result).toMatchObject({ rerankRunId: run.id, rankingSha256: run.rankingSha256 });
    const audit = (await w.store.audit.list({ caseId: w.a.caseId })).filter((e) => e.action === 'rerank.run');
    expect(audit.map((e) => e.subject)).toEqual([`rerank:${run.id}`]);
    // The next one counts from this run.
    expect(await w.store.rerankRuns.codesSinceLatest(w.a.caseId)).toBe(0);
    await codeSeq(100, 'offensive');
    expect(await w.store.rerankRuns.codesSinceLatest(w.a.caseId)).toBe(1);
    expect((await rerankJobs()).filter((j) => j.status === 'queued')).toHaveLength(0);
  });
});
