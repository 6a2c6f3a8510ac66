import { request } from './client';
import type { CaseDashboard, CaseSummary } from './types';

export async function listCases(): Promise<readonly CaseSummary[]> {
  return (await request<{ cases: CaseSummary[] }>('GET', '/api/cases')).cases;
}

export function getCase(caseId: number): Promise<CaseDashboard> {
  return request<CaseDashboard>('GET', `/api/cases/${caseId}`);
}
