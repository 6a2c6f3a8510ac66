/**
 * The search-term report (issue 6): for each term of the case's term list, how many messages it
 * hits, how many only it hits, and how many of its hits have been reviewed. Saved, it is the case's
 * record of its search strategy (CPIA: what was searched for, and what was looked at); the unused
 * material schedule carries the same figures as its appendix.
 */
import { createHash } from 'node:crypto';

import type { SearchTermReportT } from '../contract/search-term-schemas.js';
import type { Store } from '../store/open-store.js';
import { canonicalJson } from '../store/canonical-json.js';
import type { SavedSearchTermReport } from '../store/repositories/search-term-reports.js';

// The report's shape is the contract's (the API publishes it and the saved copy is hashed as it is).
export type SearchTermReport = SearchTermReportT;
export type SearchTermRow = SearchTermReportT['rows'][number];

/** Each term's hits, by message id (the unused schedule needs the ids too). */
export interface TermHits {
  readonly termListVersion: number | null;
  readonly terms: readonly { term: string; category: string; severity: string }[];
  readonly hits: ReadonlyMap<string, ReadonlySet<number>>;
  readonly notes: ReadonlyMap<string, string>;
}

export async function searchTermHits(store: Store, caseId: number): Promise<TermHits> {
  const list = await store.termLists.latest(caseId);
  const hits = new Map<string, Set<number>>();
  const notes = new Map<string, string>();
  for (const t of list?.terms ?? []) {
    let ids: number[] = [];
    try {
      // A phrase search: a term of several words means those words together.
      ids = await store.messages.ids(caseId, { search: `"${t.term.replace(/"/gu, ' ')}"` });
    } catch (err) {
      notes.set(t.term, `not searchable: ${(err as Error).message}`);
    }
    hits.set(t.term, new Set(ids));
  }
  return { termListVersion: list?.version ?? null, terms: list?.terms ?? [], hits, notes };
}

export async function searchTermReport(store: Store, caseId: number): Promise<SearchTermReport> {
  const th = await searchTermHits(store, caseId);
  const hitCount = new Map<number, number>();
  for (const ids of th.hits.values()) for (const id of ids) hitCount.set(id, (hitCount.get(id) ?? 0) + 1);
  const reviewed = await store.reviews.reviewedAmong([...hitCount.keys()]);
  const rows = th.terms.map((t) => {
    const ids = [...(th.hits.get(t.term) ?? [])];
    return {
      term: t.term,
      category: t.category,
      severity: t.severity,
      hits: ids.length,
      unique: ids.filter((id) => hitCount.get(id) === 1).length,
      reviewed: ids.filter((id) => reviewed.has(id)).length,
      note: th.notes.get(t.term) ?? null,
    };
  });
  return {
    caseId,
    termListVersion: th.termListVersion,
    rows,
    messagesHit: hitCount.size,
    messagesHitReviewed: reviewed.size,
    messagesInCase: await store.messages.count(caseId),
  };
}

/** Computes the report now and saves it in the case (audited): the record of the search strategy. */
export async function saveSearchTermReport(
  store: Store,
  input: { caseId: number; actor: string; note: string | null },
): Promise<{ saved: SavedSearchTermReport; report: SearchTermReport }> {
  const report = await searchTermReport(store, input.caseId);
  const reportJson = canonicalJson(report);
  const sha256 = createHash('sha256').update(reportJson).digest('hex');
  const saved = await store.transaction(async (repos) => {
    const row = await repos.searchTermReports.save({
      caseId: input.caseId,
      termListVersion: report.termListVersion,
      reportJson,
      sha256,
      note: input.note,
      createdBy: input.actor,
    });
    await repos.audit.append({
      actor: input.actor,
      action: 'search-terms.save',
      caseId: input.caseId,
      subject: `case:${input.caseId}`,
      detail: {
        reportId: row.id,
        sha256,
        termListVersion: report.termListVersion,
        terms: report.rows.length,
      },
    });
    return row;
  });
  return { saved, report };
}
