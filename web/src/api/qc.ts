/** Second review (QC): the queue, second decisions, resolutions, the QC share and agreement (docs/api.md). */
import { query, request } from './client';
import type { Message } from './types';

export type QcDecision = 'offensive' | 'not_offensive' | 'unsure';
export type QcStatus = 'pending' | 'agreed' | 'disagreed' | 'resolved';

export interface QcItem {
  readonly id: number;
  readonly messageId: number;
  readonly conversationId: number;
  readonly seq: number;
  readonly status: QcStatus;
  /** Why it was queued; null while the item is blind to you. */
  readonly reason: 'offensive' | 'share' | 'sample' | null;
  readonly firstBy: string;
  readonly firstVersion: number;
  /** Null until the second decision is in (the review is blind). */
  readonly firstDecision: QcDecision | null;
  readonly secondBy: string | null;
  readonly secondDecision: QcDecision | null;
  readonly resolvedBy: string | null;
  readonly resolution: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The message as you may see it (its code withheld while blind). */
  readonly message: Message;
}

export interface PairAgreement {
  readonly a: string;
  readonly b: string;
  readonly n: number;
  readonly agreed: number;
  readonly observed: number | null;
  readonly expected: number | null;
  readonly kappa: number | null;
}

export interface QcAgreement {
  readonly share: number;
  readonly counts: Readonly<Record<QcStatus, number>>;
  readonly pairs: readonly PairAgreement[];
}

export async function listQc(
  caseId: number,
  filter: { status?: QcStatus; secondable?: boolean } = {},
): Promise<readonly QcItem[]> {
  const qs = query({ status: filter.status, secondable: filter.secondable ? 'true' : undefined });
  return (await request<{ items: QcItem[] }>('GET', `/api/cases/${caseId}/qc${qs}`)).items;
}

export async function secondDecision(qcId: number, decision: QcDecision): Promise<QcItem> {
  return (await request<{ item: QcItem }>('POST', `/api/qc/${qcId}/second`, { decision })).item;
}

export async function resolveQc(qcId: number, resolution: string): Promise<QcItem> {
  return (await request<{ item: QcItem }>('POST', `/api/qc/${qcId}/resolve`, { resolution })).item;
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
