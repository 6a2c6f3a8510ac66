/** The case record: its facts, deadlines, timeline, changes and public summary (docs/api.md, "Case record"). */
import { query, request } from './client';

interface Row {
  readonly id: number;
  readonly caseId: number;
  readonly publishable: boolean;
  readonly createdAt: string;
  readonly createdBy: string;
}
interface SubjectRow extends Row {
  readonly personId: number;
}
export interface TeamMember {
  readonly name: string;
  readonly role: string | null;
}

export interface CaseDetails {
  readonly reference: string | null;
  readonly operation: string | null;
  readonly investigatingBody: string | null;
  readonly mode: string | null;
  readonly forces: readonly string[];
  readonly status: string | null;
  readonly referralDate: string | null;
  readonly startDate: string | null;
  readonly evidenceSufficientDate: string | null;
  readonly reportDate: string | null;
  readonly team: readonly TeamMember[];
  readonly publishable: boolean;
  readonly updatedAt: string;
  readonly updatedBy: string;
}
export interface RecordPerson {
  readonly id: number;
  readonly name: string;
  readonly role: string;
  readonly force: string | null;
  readonly rank: string | null;
  readonly warrantNumber: string | null;
  readonly status: string | null;
  readonly barredListApplies: boolean | null;
}
export interface Assessment extends SubjectRow {
  readonly severity: string;
  readonly assessedOn: string;
  readonly rationale: string | null;
}
export interface Notice extends SubjectRow {
  readonly kind: string;
  readonly servedOn: string;
  readonly conduct: string | null;
  readonly standards: readonly string[];
  readonly severity: string | null;
}
export interface Interview extends SubjectRow {
  readonly heldOn: string;
  readonly kind: string;
  readonly note: string | null;
}
export interface Allegation extends SubjectRow {
  readonly standard: string;
  readonly description: string;
  readonly messageIds: readonly number[];
  readonly caseToAnswer: string | null;
  readonly caseToAnswerOn: string | null;
}
export interface Referral extends Row {
  readonly referredOn: string;
  readonly prosecutor: string;
  readonly exhibits: readonly string[];
}
export interface ChargingDecision extends SubjectRow {
  readonly decidedOn: string;
  readonly decision: string;
  readonly note: string | null;
}
export interface Count extends SubjectRow {
  readonly number: number;
  readonly offence: string;
  readonly description: string | null;
  readonly messageIds: readonly number[];
  readonly chargedOn: string | null;
  readonly verdict: string | null;
  readonly verdictOn: string | null;
}
export interface Appearance extends SubjectRow {
  readonly appearedOn: string;
  readonly court: string;
  readonly purpose: string | null;
}
export interface Sentence extends SubjectRow {
  readonly sentencedOn: string;
  readonly sentence: string;
}
export interface Appeal extends SubjectRow {
  readonly lodgedOn: string;
  readonly grounds: string | null;
  readonly outcome: string | null;
  readonly outcomeOn: string | null;
}
export interface Proceeding extends Row {
  readonly kind: string;
  readonly level: string;
  readonly public: boolean;
  readonly startOn: string;
  readonly endOn: string | null;
  readonly panel: readonly TeamMember[];
}
export interface FindingRecord extends Row {
  readonly allegationId: number;
  readonly proceedingId: number;
  readonly finding: string;
  readonly foundOn: string;
}
export interface OutcomeRecord extends SubjectRow {
  readonly proceedingId: number | null;
  readonly outcome: string;
  readonly decidedOn: string;
}
export interface BarredEntry extends SubjectRow {
  readonly list: string;
  readonly reportedOn: string | null;
  readonly reason: string | null;
}
export interface Recommendation extends Row {
  readonly reference: string;
  readonly recipients: readonly string[];
  readonly text: string;
  readonly rationale: string | null;
  readonly legalBasis: string | null;
  readonly madeOn: string;
  readonly extensions: readonly { days: number; reason: string; grantedOn: string }[];
  readonly responseText: string | null;
  readonly responseOn: string | null;
  readonly response: string | null;
  readonly publishedOn: string | null;
}
export interface ProgressReport extends Row {
  readonly sentOn: string;
  readonly note: string | null;
}

export interface CaseRecord {
  readonly caseId: number;
  readonly caseName: string;
  readonly details: CaseDetails | null;
  readonly people: readonly RecordPerson[];
  readonly subjects: readonly { personId: number; namePublic: boolean; label: string | null }[];
  readonly assessments: readonly Assessment[];
  readonly notices: readonly Notice[];
  readonly interviews: readonly Interview[];
  readonly allegations: readonly Allegation[];
  readonly referrals: readonly Referral[];
  readonly chargingDecisions: readonly ChargingDecision[];
  readonly counts: readonly Count[];
  readonly appearances: readonly Appearance[];
  readonly sentences: readonly Sentence[];
  readonly appeals: readonly Appeal[];
  readonly proceedings: readonly Proceeding[];
  readonly findings: readonly FindingRecord[];
  readonly outcomes: readonly OutcomeRecord[];
  readonly barred: readonly BarredEntry[];
  readonly recommendations: readonly Recommendation[];
  readonly progressReports: readonly ProgressReport[];
}

export type DeadlineStatus = 'open' | 'met' | 'met_late' | 'overdue' | 'not_computable';
export interface Deadline {
  readonly kind:
    | 's127_limitation'
    | 'progress_report'
    | 'barred_list_report'
    | 'recommendation_response'
    | 'response_publication';
  readonly about: string;
  readonly personId: number | null;
  /** Null: not computable (the period runs from a month or a year). */
  readonly due: string | null;
  readonly basis: string;
  readonly status: DeadlineStatus;
  readonly doneOn: string | null;
  readonly daysLeft: number | null;
}
export interface TimelineEvent {
  readonly date: string;
  readonly at: string | null;
  readonly kind: string;
  readonly what: string;
  readonly personId: number | null;
}
export interface CitedMessage {
  readonly id: number;
  readonly conversationId: number;
  readonly seq: number;
  readonly sender: string | null;
  readonly utc: string;
  readonly excerpt: string;
}

export interface RecordView {
  readonly record: CaseRecord;
  readonly today: string;
  readonly deadlines: readonly Deadline[];
  readonly timeline: readonly TimelineEvent[];
  readonly citedMessages: readonly CitedMessage[];
}

/** One change: `{action, ...fields}` as the API takes it (the server validates every field). */
export type RecordAction = { readonly action: string } & Readonly<Record<string, unknown>>;

export function getRecord(caseId: number, today?: string): Promise<RecordView> {
  return request<RecordView>('GET', `/api/cases/${caseId}/record${query({ today })}`);
}

export function recordAction(
  caseId: number,
  action: RecordAction,
  today?: string,
): Promise<RecordView & { result: unknown }> {
  return request('POST', `/api/cases/${caseId}/record/actions${query({ today })}`, action);
}

export interface SummaryDraft {
  readonly id: number;
  readonly version: number;
  readonly source: 'generated' | 'edited';
  readonly markdown: string;
  readonly final: boolean;
  readonly createdAt: string;
  readonly createdBy: string;
}
export interface SummaryView {
  readonly generated: { readonly markdown: string; readonly html: string };
  readonly drafts: readonly SummaryDraft[];
  readonly current: (SummaryDraft & { readonly html: string }) | null;
  readonly final: boolean;
}

export function getSummary(caseId: number): Promise<SummaryView> {
  return request<SummaryView>('GET', `/api/cases/${caseId}/record/summary`);
}

export async function saveSummaryDraft(caseId: number, markdown: string): Promise<SummaryDraft> {
  return (
    await request<{ draft: SummaryDraft }>('POST', `/api/cases/${caseId}/record/summary/drafts`, { markdown })
  ).draft;
}

export async function finaliseSummary(caseId: number): Promise<SummaryDraft> {
  return (await request<{ draft: SummaryDraft }>('POST', `/api/cases/${caseId}/record/summary/finalise`))
    .draft;
}
