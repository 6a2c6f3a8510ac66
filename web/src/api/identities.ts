/** Identifying people (GET/POST /api/cases/:caseId/identities), as `scrutineer identify`. */
import { request } from './client';

export interface Participant {
  readonly participant: number;
  readonly conversation: number;
  readonly name: string;
  readonly phone: string | null;
  readonly jid: string | null;
  readonly pushName: string | null;
  readonly confirmedAs: string | null;
}

export interface Identities {
  readonly participants: readonly Participant[];
  readonly proposals: readonly {
    readonly a: number;
    readonly b: number;
    readonly confidence: number;
    readonly evidence: readonly { readonly kind: string; readonly detail: string }[];
  }[];
  readonly people: readonly { readonly id: number; readonly name: string; readonly role: string }[];
}

export const identitiesKey = (caseId: number) => ['identities', caseId] as const;

export function getIdentities(caseId: number): Promise<Identities> {
  return request<Identities>('GET', `/api/cases/${caseId}/identities`);
}

export function decideIdentity(
  caseId: number,
  participant: number,
  person: number,
  decision: 'confirmed' | 'rejected',
): Promise<{ ok: true }> {
  return request('POST', `/api/cases/${caseId}/identities`, { participant, person, decision });
}
