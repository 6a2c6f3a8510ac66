/** Identifying people (GET/POST /api/cases/:caseId/identities), as `scrutineer identify`. */
import type {
  IdentitiesResponseT,
  IdentityDecision,
  IdentityDecisionResponseT,
  IdentityParticipantT,
} from '@contract/identity-schemas';
import { request } from './client';

// The contract's shapes (src/contract/identity-schemas.ts), under the names the identify page uses.
export type Participant = IdentityParticipantT;
export type Identities = IdentitiesResponseT;

export const identitiesKey = (caseId: number) => ['identities', caseId] as const;

export function getIdentities(caseId: number): Promise<Identities> {
  return request<Identities>('GET', `/api/cases/${caseId}/identities`);
}

export function decideIdentity(
  caseId: number,
  participant: number,
  person: number,
  decision: IdentityDecision,
): Promise<IdentityDecisionResponseT> {
  return request('POST', `/api/cases/${caseId}/identities`, { participant, person, decision });
}
