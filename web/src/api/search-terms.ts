import { request } from './client';

export interface CaseTerm {
  readonly term: string;
  readonly category: string;
  readonly severity: string;
}

export interface SearchTermReport {
  readonly caseId: number;
  readonly termListVersion: number | null;
  readonly rows: readonly (CaseTerm & {
    readonly hits: number;
    readonly unique: number;
    readonly reviewed: number;
    readonly note: string | null;
  })[];
  readonly messagesHit: number;
  readonly messagesHitReviewed: number;
  readonly messagesInCase: number;
}

export interface SavedSearchTermReport {
  readonly id: number;
  readonly termListVersion: number | null;
  readonly sha256: string;
  readonly note: string | null;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly report: SearchTermReport;
}

export async function getSearchTermReport(caseId: number): Promise<SearchTermReport> {
  return (await request<{ report: SearchTermReport }>('GET', `/api/cases/${caseId}/search-terms`)).report;
}

/** The case's term list only, for highlighting (no searches run). */
export async function getCaseTerms(caseId: number): Promise<readonly CaseTerm[]> {
  return (await request<{ terms: CaseTerm[] }>('GET', `/api/cases/${caseId}/search-terms?report=false`))
    .terms;
}

export async function saveSearchTermReport(caseId: number, note: string): Promise<SavedSearchTermReport> {
  return (
    await request<{ saved: SavedSearchTermReport }>('POST', `/api/cases/${caseId}/search-terms/reports`, {
      ...(note ? { note } : {}),
    })
  ).saved;
}

export async function listSearchTermReports(caseId: number): Promise<readonly SavedSearchTermReport[]> {
  return (
    await request<{ reports: SavedSearchTermReport[] }>('GET', `/api/cases/${caseId}/search-terms/reports`)
  ).reports;
}

export const searchTermsKey = (caseId: number) => ['search-terms', caseId] as const;
