/**
 * The case record's words and shapes, shared by the record service, the store, the API, the CLI and
 * the web forms: the fixed lists (in the order the forms offer them), how codes read to people, and
 * the rows the record holds. Dates of events are calendar dates (YYYY-MM-DD, England and Wales);
 * `createdAt` is the instant a row was recorded.
 */
import type { Standard } from './standards.js';

export const SEVERITIES = ['misconduct', 'gross_misconduct', 'practice_requiring_improvement'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const MODES = ['independent', 'directed', 'supervised', 'local'] as const;
export const CASE_STATUSES = ['open', 'suspended', 'proceedings', 'closed'] as const;

export const NOTICE_KINDS = ['reg17', 'criminal_letter'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const INTERVIEW_KINDS = ['misconduct', 'criminal', 'both'] as const;
export const CHARGING_DECISIONS = ['charge', 'no_charge'] as const;
export const VERDICTS = ['convicted', 'acquitted', 'withdrawn'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const APPEAL_OUTCOMES = ['allowed', 'dismissed', 'abandoned', 'varied'] as const;
export const CASE_TO_ANSWER = ['misconduct', 'gross_misconduct', 'no_case'] as const;
export const PROCEEDING_KINDS = ['meeting', 'hearing'] as const;
export type ProceedingKind = (typeof PROCEEDING_KINDS)[number];
export const PROCEEDING_LEVELS = ['misconduct', 'gross_misconduct'] as const;
export const FINDINGS = ['proven', 'not_proven'] as const;
export type Finding = (typeof FINDINGS)[number];

/** The lawful outcomes (Police (Conduct) Regulations 2020, reg. 42; reflective practice review). */
export const OUTCOMES = [
  'written_warning',
  'final_written_warning',
  'reduction_in_rank',
  'dismissal_without_notice',
  'would_have_been_dismissed',
  'no_further_action',
  'reflective_practice',
] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** Outcomes that only a misconduct hearing can give. */
export const HEARING_ONLY_OUTCOMES: readonly Outcome[] = [
  'reduction_in_rank',
  'dismissal_without_notice',
  'would_have_been_dismissed',
];
/** Outcomes after which the officer goes on the barred list (Police Barred List Regulations 2017). */
export const BARRING_OUTCOMES: readonly Outcome[] = ['dismissal_without_notice', 'would_have_been_dismissed'];

export const BARRED_LISTS = ['barred', 'advisory', 'not_applicable'] as const;
export type BarredList = (typeof BARRED_LISTS)[number];
export const RESPONSES = ['accepted', 'not_accepted', 'partly'] as const;
export type RecommendationResponse = (typeof RESPONSES)[number];

export const PERSON_ROLES = ['subject', 'witness', 'other'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];
export const PERSON_STATUSES = ['serving', 'former', 'special', 'staff'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

/** The facts that can be marked publishable or private (`record mark`). */
export const MARK_KINDS = [
  'assessment',
  'notice',
  'interview',
  'allegation',
  'referral',
  'charging',
  'count',
  'appearance',
  'sentence',
  'appeal',
  'proceeding',
  'finding',
  'outcome',
  'barred',
  'recommendation',
] as const;
export type MarkKind = (typeof MARK_KINDS)[number];

export const OFFENCE_S127 = 's127(1)(a) Communications Act 2003';
export const RECOMMENDATION_BASIS = 'Police Reform Act 2002, Schedule 3, paragraph 28A';

/**
 * Words for people, in reports and on the web pages; a code not listed reads as itself with spaces
 * for underscores.
 */
export const LABELS: Readonly<Record<string, string>> = {
  misconduct: 'misconduct',
  gross_misconduct: 'gross misconduct',
  practice_requiring_improvement: 'practice requiring improvement',
  reg17: 'Regulation 17 notice',
  criminal_letter: 'criminal letter',
  no_charge: 'no charge',
  written_warning: 'written warning',
  final_written_warning: 'final written warning',
  reduction_in_rank: 'reduction in rank',
  dismissal_without_notice: 'dismissal without notice',
  would_have_been_dismissed: 'would have been dismissed',
  no_further_action: 'no further action',
  reflective_practice: 'reflective practice review',
  proven: 'proven',
  not_proven: 'not proven',
  no_case: 'no case to answer',
  accepted: 'accepted',
  not_accepted: 'not accepted',
  partly: 'partly accepted',
  convicted: 'convicted',
  acquitted: 'acquitted',
  withdrawn: 'withdrawn',
  not_applicable: 'list does not apply',
  // Deadline kinds and states (src/cases/deadlines.ts).
  s127_limitation: 's127 limitation',
  progress_report: 'progress report',
  barred_list_report: 'barred list report',
  recommendation_response: 'recommendation response',
  response_publication: 'publication of response',
  met_late: 'met late',
};
export const label = (code: string): string => LABELS[code] ?? code.replace(/_/gu, ' ');

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
  readonly caseId: number;
  readonly reference: string | null;
  readonly operation: string | null;
  readonly investigatingBody: string | null;
  readonly mode: string | null;
  readonly forces: readonly string[];
  readonly status: string | null;
  readonly referralDate: string | null;
  readonly startDate: string | null;
  /** The date the prosecutor had sufficient evidence: the s127(5) six-month limit runs from it. */
  readonly evidenceSufficientDate: string | null;
  /** The investigation report (reg. 21): the investigation is finished. */
  readonly reportDate: string | null;
  readonly team: readonly TeamMember[];
  /** How the evidence came to light, in the words of the summary. */
  readonly cameToLight: string | null;
  /** Messages analysed across all the evidence, where more than was imported. */
  readonly messagesAnalysed: number | null;
  /** `messagesAnalysed` is a lower bound: the summary says "more than 6,000 messages". */
  readonly messagesAnalysedMoreThan: boolean;
  readonly publishable: boolean;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

export interface SubjectSettings {
  readonly personId: number;
  readonly caseId: number;
  readonly namePublic: boolean;
  readonly label: string | null;
}

export interface Assessment extends SubjectRow {
  readonly severity: Severity;
  readonly assessedOn: string;
  readonly rationale: string | null;
}
export interface Notice extends SubjectRow {
  readonly kind: NoticeKind;
  readonly servedOn: string;
  readonly conduct: string | null;
  readonly standards: readonly string[];
  readonly severity: Severity | null;
}
export interface Interview extends SubjectRow {
  readonly heldOn: string;
  readonly kind: string;
  readonly note: string | null;
}
export interface Allegation extends SubjectRow {
  readonly standard: Standard;
  readonly description: string;
  readonly messageIds: readonly number[];
  readonly caseToAnswer: (typeof CASE_TO_ANSWER)[number] | null;
  readonly caseToAnswerOn: string | null;
}
export interface Referral extends Row {
  readonly referredOn: string;
  readonly prosecutor: string;
  readonly exhibits: readonly string[];
}
export interface ChargingDecision extends SubjectRow {
  readonly decidedOn: string;
  readonly decision: (typeof CHARGING_DECISIONS)[number];
  readonly note: string | null;
}
export interface Count extends SubjectRow {
  /** The count's number on this defendant's charge sheet (1, 2, …). */
  readonly number: number;
  readonly offence: string;
  readonly description: string | null;
  readonly messageIds: readonly number[];
  /** Null while the count is proposed (in the file, not charged). */
  readonly chargedOn: string | null;
  readonly verdict: Verdict | null;
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
  readonly kind: ProceedingKind;
  readonly level: (typeof PROCEEDING_LEVELS)[number];
  readonly public: boolean;
  readonly startOn: string;
  readonly endOn: string | null;
  readonly panel: readonly TeamMember[];
  /** Who held it (e.g. "the Metropolitan Police Service"). */
  readonly heldBy: string | null;
}
export interface FindingRecord extends Row {
  readonly allegationId: number;
  readonly proceedingId: number;
  readonly finding: Finding;
  readonly foundOn: string;
}
export interface OutcomeRecord extends SubjectRow {
  readonly proceedingId: number | null;
  readonly outcome: Outcome;
  readonly decidedOn: string;
}
export interface BarredEntry extends SubjectRow {
  readonly list: BarredList;
  readonly reportedOn: string | null;
  readonly reason: string | null;
}
export interface Extension {
  readonly days: number;
  readonly reason: string;
  readonly grantedOn: string;
}
export interface Recommendation extends Row {
  readonly reference: string;
  readonly recipients: readonly string[];
  readonly text: string;
  readonly rationale: string | null;
  readonly legalBasis: string | null;
  readonly madeOn: string;
  readonly extensions: readonly Extension[];
  readonly responseText: string | null;
  readonly responseOn: string | null;
  readonly response: RecommendationResponse | null;
  readonly publishedOn: string | null;
  /** Where the published response can be read. */
  readonly responseUrl: string | null;
}
export interface ProgressReport extends Row {
  readonly sentOn: string;
  readonly note: string | null;
}
export interface SummaryDraft extends Row {
  readonly version: number;
  readonly source: 'generated' | 'edited';
  readonly markdown: string;
  readonly final: boolean;
}

/** A person of the case, as the record needs them (from `store.people`). */
export interface RecordPerson {
  readonly id: number;
  readonly name: string;
  readonly role: string;
  readonly force: string | null;
  readonly rank: string | null;
  readonly warrantNumber: string | null;
  readonly status: string | null;
  readonly barredListApplies: boolean | null;
  /** Status from a date, oldest first (empty: the status never changed). Rules read `statusOn`. */
  readonly statusHistory: readonly {
    readonly status: string;
    readonly from: string | null;
    readonly note: string | null;
  }[];
  /** Employment history (force, from, to), for what links the members in the summary. */
  readonly employment: readonly {
    readonly force: string;
    readonly from: string | null;
    readonly to: string | null;
  }[];
}

/** Everything the record holds about one case. */
export interface CaseRecordData {
  readonly caseId: number;
  readonly caseName: string;
  readonly details: CaseDetails | null;
  readonly people: readonly RecordPerson[];
  readonly subjects: readonly SubjectSettings[];
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
