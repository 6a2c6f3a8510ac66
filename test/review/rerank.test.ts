/**
 * Continuous active learning as a stored, audited case operation (issue 14.3): reviewers code some
 * messages, a re-rank learns from them, the run and its audit entry name the codes, and priority
 * batches (through the API) follow the latest re-rank.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { indexCase, rerank } from '../../src/analysis/flagger/active.js';
import type { MessageT } from '../../src/contract/schemas.js';
import { eachBackend } from '../support/each-backend.js';
import { makeWorld, type Session, type World } from '../support/world.js';
import type { Backend } from '../support/backends.js';

const code = (decision: 'offensive' | 'not_offensive') => ({
  decision,
  categories: decision === 'offensive' ? ['race'] : [],
  standards: [],
  potentialS127: false,
  note: '',
});

eachBackend('Active learning: stored re-rank runs', (backend: Backend) => {
  let w: World;
  let lead: Session;
  let rev: Session;
  beforeAll(async () => {
    w = await makeWorld(backend);
    lead = await w.login('lead1');
    rev = await w.login('reviewer1');
  });
  afterAll(async () => {
    await w.app.close();
    await backend.cleanup();
  });

  const headers = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });
  const prioritySeqs = async (batchId: number): Promise<number[]> => {
    const res = await w.app.inject({
      method: 'GET',
      url: `/api/batches/${batchId}/messages?limit=100`,
      headers: { cookie: rev.cookie },
    });
    expect(res.statusCode).toBe(200);
    return (res.json() as { hits: MessageT[] }).hits.map((h) => h.seq);
  };

  const nextFlag = async (after: number): Promise<number | null> => {
    const res = await w.app.inject({
      method: 'GET',
      url: `/api/conversations/${w.a.conversationId}/next-flag?after=${after}`,
      headers: { cookie: rev.cookie },
    });
    expect(res.statusCode).toBe(200);
    return (res.json() as { seq: number | null }).seq;
  };
  /** A priority batch paged three at a time: the keyset cursor must follow the re-rank too. */
  const pagedSeqs = async (batchId: number): Promise<number[]> => {
    const out: number[] = [];
    let after: number | null = null;
    do {
      const res = await w.app.inject({
        method: 'GET',
        url: `/api/batches/${batchId}/messages?limit=3${after === null ? '' : `&after=${after}`}`,
        headers: { cookie: rev.cookie },
      });
      const page = res.json() as { hits: MessageT[]; next: number | null };
      out.push(...page.hits.map((h) => h.seq));
      after = page.next;
    } while (after !== null);
    return out;
  };

  it('learns from the codes, stores and audits the run, and reorders priority batches', async () => {
    const made = await w.app.inject({
      method: 'POST',
      url: `/api/cases/${w.a.caseId}/batches`,
      payload: { name: 'Flags', spec: { kind: 'priority', minScore: 0.5 }, assignee: 'reviewer1' },
      headers: headers(lead),
    });
    const batchId = (made.json() as { batch: { id: number } }).batch.id;
    // Every flag scores 0.9 in the world, so before any re-rank the batch is in time order.
    const before = await prioritySeqs(batchId);
    expect(before.slice(0, 3)).toEqual([3, 13, 23]);
    expect(await nextFlag(50)).toBe(53);

    // Reviewers find that "banana split" messages matter here (seq % 7 === 0) and others do not.
    const ids = w.a.messageIds;
    const coded = [
      ...[0, 7, 14, 21, 28, 35].map((seq) => ({ seq, d: 'offensive' as const })),
      ...[1, 2, 4, 5, 6, 8, 9, 10].map((seq) => ({ seq, d: 'not_offensive' as const })),
    ];
    for (const c of coded) {
      const ok = await w.store.codes.write({
        messageId: ids[c.seq]!,
        caseId: w.a.caseId,
        baseVersion: 0,
        values: code(c.d),
        by: 'reviewer1',
      });
      expect(ok).not.toBeNull();
    }

    const res = await w.app.inject({
      method: 'POST',
      url: `/api/cases/${w.a.caseId}/rerank`,
      headers: headers(rev),
    });
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      run: { id: number; learnedFrom: unknown[]; positives: number };
      ranked: number;
    };
    expect(body).toMatchObject({ run: { positives: 6, createdBy: 'reviewer1' }, ranked: 200 - coded.length });

    // The stored run names the codes it learned from, sorted, and its ranking reproduces.
    const stored = (await w.store.rerankRuns.latest(w.a.caseId))!;
    expect(stored.id).toBe(body.run.id);
    expect(stored.negatives).toBe(8);
    expect(stored.learnedFrom).toHaveLength(coded.length);
    expect(stored.learnedFrom.find((c) => c.messageId === String(ids[7]))).toEqual({
      messageId: String(ids[7]),
      offensive: true,
    });
    const ranking = await w.store.rerankRuns.ranking(stored.id);
    expect(ranking).toHaveLength(200 - coded.length);
    const messages = ids.map((id, seq) => ({
      id: String(id),
      text: seq % 7 === 0 ? `banana split number ${seq}` : `message number ${seq}`,
      score: seq % 10 === 3 ? 0.9 : 0.1,
    }));
    const again = rerank(indexCase(messages), stored.learnedFrom);
    expect(again.rankingSha256).toBe(stored.rankingSha256);
    expect(again.ranking.map((r) => Number(r.id))).toEqual(ranking.map((r) => r.messageId));

    // The audit chain records the run with the codes it learned from.
    const audit = (await w.store.audit.list({ caseId: w.a.caseId })).filter((e) => e.action === 'rerank.run');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.subject).toBe(`rerank:${stored.id}`);
    const detail = JSON.parse(audit[0]!.detailJson) as { learnedFrom: unknown[]; rankingSha256: string };
    expect(detail.learnedFrom).toEqual(stored.learnedFrom);
    expect(detail.rankingSha256).toBe(stored.rankingSha256);

    // The flagged "banana split" messages (seq 63 and 133) now lead the priority batch.
    const after = await prioritySeqs(batchId);
    expect(after.slice(0, 2)).toEqual([63, 133]);
    expect([...after].sort((a, b) => a - b)).toEqual([...before].sort((a, b) => a - b));
    expect(await pagedSeqs(batchId)).toEqual(after);

    // "Next flag" follows the re-rank too: it now stops at a "banana split" message, not at 53.
    const next = (await nextFlag(50))!;
    expect(next % 7).toBe(0);
    expect(next).toBeLessThanOrEqual(63);

    // Codes after a re-rank wait for the next one; then the latest run sets the order.
    for (const seq of [63, 133]) {
      const c = await w.store.codes.write({
        messageId: ids[seq]!,
        caseId: w.a.caseId,
        baseVersion: 0,
        values: code('offensive'),
        by: 'reviewer1',
      });
      expect(c).not.toBeNull();
    }
    expect(await prioritySeqs(batchId)).toEqual(after);
    const second = await w.app.inject({
      method: 'POST',
      url: `/api/cases/${w.a.caseId}/rerank`,
      headers: headers(lead),
    });
    expect(second.statusCode).toBe(200);
    expect((await w.store.rerankRuns.list(w.a.caseId)).map((r) => r.positives)).toEqual([8, 6]);
    // The two now coded are no longer ranked, so they close the batch, in time order.
    const latest = await prioritySeqs(batchId);
    expect(latest.slice(-2)).toEqual([63, 133]);
    expect(await pagedSeqs(batchId)).toEqual(latest);
  });

  it('a read-only user cannot re-rank', async () => {
    const ro = await w.login('readonly1');
    const res = await w.app.inject({
      method: 'POST',
      url: `/api/cases/${w.a.caseId}/rerank`,
      headers: headers(ro),
    });
    expect(res.statusCode).toBe(403);
  });
});
