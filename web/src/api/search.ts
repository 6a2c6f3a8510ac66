import { query, request } from './client';
import type { SearchParams, SearchResult } from './types';

export function search(caseId: number, p: SearchParams): Promise<SearchResult> {
  return request<SearchResult>(
    'GET',
    `/api/cases/${caseId}/search${query({
      q: p.q,
      sender: p.sender,
      from: p.from,
      to: p.to,
      kind: p.kind,
      category: p.category,
      minScore: p.minScore,
      status: p.status,
      limit: p.limit,
      after: p.after ?? undefined,
    })}`,
  );
}
