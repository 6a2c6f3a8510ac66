/** Second review (QC): the queue, second decisions, resolutions, the QC share and agreement (docs/api.md). */
import { query, request } from './client';
import type { Decision } from '@contract/coding';
import type { QcStatus } from '@contract/review-words';
import type * as Q from '@contract/qc-schemas';

// The contract's shapes (src/contract/qc-schemas.ts), under the names the QC page uses.
/** A queued message as the user may see it (its code withheld while blind). */
export type QcItem = Q.QcListItemT;
export type QcAgreement = Q.QcAgreementResponseT;

export async function listQc(
  caseId: number,
  filter: { status?: QcStatus; secondable?: boolean } = {},
): Promise<readonly QcItem[]> {
  const qs = query({ status: filter.status, secondable: filter.secondable ? 'true' : undefined });
  return (await request<{ items: QcItem[] }>('GET', `/api/cases/${caseId}/qc${qs}`)).items;
}

export async function secondDecision(qcId: number, decision: Decision): Promise<Q.QcItemT> {
  return (await request<{ item: Q.QcItemT }>('POST', `/api/qc/${qcId}/second`, { decision })).item;
}

export async function resolveQc(qcId: number, resolution: string): Promise<Q.QcItemT> {
  return (await request<{ item: Q.QcItemT }>('POST', `/api/qc/${qcId}/resolve`, { resolution })).item;
}

export async function sampleQc(caseId: number, size: number): Promise<number> {
  return (await request<{ added: number }>('POST', `/api/cases/${caseId}/qc/sample`, { size })).added;
}

export async function setQcShare(caseId: number, share: number): Promise<number> {
  return (await request<{ share: number }>('PUT', `/api/cases/${caseId}/qc/settings`, { share })).share;
}

export function getQcAgreement(caseId: number): Promise<QcAgreement> {
  return request<QcAgreement>('GET', `/api/cases/${caseId}/qc/agreement`);
}
