/** The search-term report: per term hits, unique hits and reviewed hits; saved in the case as a record. */
import { createHash } from 'node:crypto';

import { afterAll, beforeAll, expect, it } from 'vitest';

import { SavedSearchTermListResponse, SearchTermsResponse } from '../../src/contract/search-term-schemas.js';
import type { Backend } from '../support/backends.js';
import { eachBackend } from '../support/each-backend.js';
import { A_MESSAGES, makeWorld, type Session, type World } from '../support/world.js';

interface ReportT {
  termListVersion: number | null;
  rows: { term: string; hits: number; unique: number; reviewed: number; note: string | null }[];
  messagesHit: number;
  messagesHitReviewed: number;
  messagesInCase: number;
}

eachBackend('Review server: search-term report', (backend: Backend) => {
  let w: World;
  let lead: Session;
  let rev: Session;
  let ro: Session;
  beforeAll(async () => {
    w = await makeWorld(backend);
    lead = await w.login('lead1');
    rev = await w.login('reviewer1');
    ro = await w.login('readonly1');
  });
  afterAll(async () => {
    await w.app.close();
    await backend.cleanup();
  });

  const get = async <T>(s: Session, url: string): Promise<T> => {
    const res = await w.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json() as T;
  };

  it('is empty before the case has a term list', async () => {
    const { terms, report } = await get<{ terms: unknown[]; report: ReportT }>(
      ro,
      `/api/cases/${w.a.caseId}/search-terms`,
    );
    expect(terms).toEqual([]);
    expect(report).toMatchObject({ termListVersion: null, rows: [], messagesHit: 0 });
    expect(report.messagesInCase).toBe(A_MESSAGES);
  });

  it('counts hits, unique hits and reviewed hits per term, and saves the report in the case', async () => {
    await w.store.termLists.addVersion({
      caseId: w.a.caseId,
      terms: [
        { term: 'banana split', category: 'other', severity: 'low' },
        { term: 'number', category: 'other', severity: 'low' },
        { term: 'zebra', category: 'other', severity: 'low' },
      ],
      note: 'test strategy',
      createdBy: 'lead1',
    });
    // The world's texts: "banana split number i" every seventh message, else "message number i".
    const banana = Array.from({ length: A_MESSAGES }, (_, i) => i).filter((i) => i % 7 === 0);
    // Review one banana message and one other.
    for (const i of [banana[1]!, 1]) {
      const res = await w.app.inject({
        method: 'PUT',
        url: `/api/messages/${w.a.messageIds[i]}/code`,
        payload: {
          decision: 'not_offensive',
          categories: [],
          standards: [],
          potentialS127: false,
          note: '',
          baseVersion: 0,
        },
        headers: { cookie: rev.cookie, 'x-csrf-token': rev.csrf },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const { terms, report } = await get<{ terms: { term: string }[]; report: ReportT }>(
      ro,
      `/api/cases/${w.a.caseId}/search-terms`,
    );
    expect(terms.map((t) => t.term)).toEqual(['banana split', 'number', 'zebra']);
    // For highlighting, the terms alone (no searches run).
    expect(
      await get<{ terms: { term: string }[]; report: null }>(
        ro,
        `/api/cases/${w.a.caseId}/search-terms?report=false`,
      ),
    ).toEqual({ terms: terms, report: null });
    expect(report.termListVersion).toBe(1);
    expect(report.rows).toEqual([
      {
        term: 'banana split',
        category: 'other',
        severity: 'low',
        hits: banana.length,
        unique: 0,
        reviewed: 1,
        note: null,
      },
      {
        term: 'number',
        category: 'other',
        severity: 'low',
        hits: A_MESSAGES,
        unique: A_MESSAGES - banana.length,
        reviewed: 2,
        note: null,
      },
      { term: 'zebra', category: 'other', severity: 'low', hits: 0, unique: 0, reviewed: 0, note: null },
    ]);
    expect(report).toMatchObject({ messagesHit: A_MESSAGES, messagesHitReviewed: 2 });

    // Read-only users cannot save; a reviewer can, and the saved copy is checkable and audited.
    const refused = await w.app.inject({
      method: 'POST',
      url: `/api/cases/${w.a.caseId}/search-terms/reports`,
      payload: {},
      headers: { cookie: ro.cookie, 'x-csrf-token': ro.csrf },
    });
    expect(refused.statusCode).toBe(403);
    const saved = await w.app.inject({
      method: 'POST',
      url: `/api/cases/${w.a.caseId}/search-terms/reports`,
      payload: { note: 'after first sweep' },
      headers: { cookie: lead.cookie, 'x-csrf-token': lead.csrf },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const { reports } = await get<{
      reports: { id: number; sha256: string; note: string; createdBy: string; report: ReportT }[];
    }>(ro, `/api/cases/${w.a.caseId}/search-terms/reports`);
    expect(reports).toHaveLength(1);
    // Exactly what the contract describes (the web app's types are derived from it).
    expect(SavedSearchTermListResponse.parse({ reports })).toEqual({ reports });
    expect(SearchTermsResponse.parse({ terms, report })).toEqual({ terms, report });
    expect(reports[0]).toMatchObject({ note: 'after first sweep', createdBy: 'lead1', report });
    const stored = await w.store.searchTermReports.list(w.a.caseId);
    expect(createHash('sha256').update(stored[0]!.reportJson).digest('hex')).toBe(reports[0]!.sha256);
    const audit = (await w.store.audit.list({ caseId: w.a.caseId })).filter(
      (e) => e.action === 'search-terms.save',
    );
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detailJson)).toMatchObject({
      reportId: reports[0]!.id,
      sha256: reports[0]!.sha256,
    });
    expect((await w.store.audit.verify()).ok).toBe(true);
    // The other case's reports are not listed here.
    expect(await w.store.searchTermReports.list(w.b.caseId)).toEqual([]);
  });
});
