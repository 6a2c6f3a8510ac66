/** The case record: its facts, deadlines, timeline, changes and public summary (docs/api.md, "Case record"). */
import type * as R from '@contract/record-schemas';
import { query, request } from './client';

// The contract's shapes (src/contract/record-schemas.ts), under the names the record pages use.
export type CaseRecord = R.CaseRecordT;
export type Deadline = R.DeadlineT;
export type TimelineEvent = R.TimelineEventT;
export type CitedMessage = R.CitedMessageT;
export type RecordView = R.RecordResponseT;

/** One change: `{action, ...fields}` as the API takes it (the server validates every field). */
export type RecordAction = { readonly action: string } & Readonly<Record<string, unknown>>;

export function getRecord(caseId: number, today?: string): Promise<RecordView> {
  return request<RecordView>('GET', `/api/cases/${caseId}/record${query({ today })}`);
}

export function recordAction(
  caseId: number,
  action: RecordAction,
  today?: string,
): Promise<R.RecordActionResponseT> {
  return request('POST', `/api/cases/${caseId}/record/actions${query({ today })}`, action);
}

export function getSummary(caseId: number): Promise<R.SummaryResponseT> {
  return request<R.SummaryResponseT>('GET', `/api/cases/${caseId}/record/summary`);
}

export async function saveSummaryDraft(caseId: number, markdown: string): Promise<R.SummaryDraftT> {
  return (await request<R.DraftResponseT>('POST', `/api/cases/${caseId}/record/summary/drafts`, { markdown }))
    .draft;
}

export async function finaliseSummary(caseId: number): Promise<R.SummaryDraftT> {
  return (await request<R.DraftResponseT>('POST', `/api/cases/${caseId}/record/summary/finalise`)).draft;
}
