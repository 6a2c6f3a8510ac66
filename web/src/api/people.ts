/** The people of a case: their conduct picture and membership timelines (docs/api.md, docs/conduct.md). */
import type * as C from '@contract/conduct-schemas';
import { request } from './client';

// The contract's shapes (src/contract/conduct-schemas.ts), under the names the pages use.
export type Conduct = C.ConductResponseT;
export type MembershipTimeline = C.MembershipTimelineT;

export function getConduct(caseId: number): Promise<Conduct> {
  return request<Conduct>('GET', `/api/cases/${caseId}/conduct`);
}

export async function getMembership(caseId: number): Promise<readonly MembershipTimeline[]> {
  return (await request<C.MembershipResponseT>('GET', `/api/cases/${caseId}/membership`)).timelines;
}
