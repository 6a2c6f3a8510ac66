import type * as ST from '@contract/search-term-schemas';
import type { CaseTermT } from '@contract/workspace-schemas';
import { request } from './client';

// The contract's shapes (src/contract/search-term-schemas.ts), under the names the pages use.
export type CaseTerm = CaseTermT;
export type SearchTermReport = ST.SearchTermReportT;
export type SavedSearchTermReport = ST.SavedSearchTermReportT;

export async function getSearchTermReport(caseId: number): Promise<SearchTermReport> {
  // Asked with the report (the default), the answer always holds one.
  return (await request<{ report: SearchTermReport }>('GET', `/api/cases/${caseId}/search-terms`)).report;
}

/** The case's term list only, for highlighting (no searches run). */
export async function getCaseTerms(caseId: number): Promise<readonly CaseTerm[]> {
  return (await request<ST.SearchTermsResponseT>('GET', `/api/cases/${caseId}/search-terms?report=false`))
    .terms;
}

export async function saveSearchTermReport(caseId: number, note: string): Promise<SavedSearchTermReport> {
  return (
    await request<ST.SavedSearchTermResponseT>('POST', `/api/cases/${caseId}/search-terms/reports`, {
      ...(note ? { note } : {}),
    })
  ).saved;
}

export async function listSearchTermReports(caseId: number): Promise<readonly SavedSearchTermReport[]> {
  return (await request<ST.SavedSearchTermListResponseT>('GET', `/api/cases/${caseId}/search-terms/reports`))
    .reports;
}

export const searchTermsKey = (caseId: number) => ['search-terms', caseId] as const;
