/**
 * The case record's words and shapes, shared by the record service, the store, the API, the CLI and
 * the web forms: the fixed lists (in the order the forms offer them), how codes read to people, and
 * the rows the record holds. Dates of events are calendar dates (YYYY-MM-DD, England and Wales);
 * `createdAt` is the instant a row was recorded.
 */
import type { z } from 'zod/v4';

import type { ReadonlyDeep } from './readonly-deep.js';
import type * as S from './record-schemas.js';

export const SEVERITIES = ['misconduct', 'gross_misconduct', 'practice_requiring_improvement'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * How the investigation is run: the watchdog's own (independent), directed or supervised by it, or
 * by the force itself (local) (Police Reform Act 2002, Sch. 3 para 15; docs/record.md "CLI").
 */
export const MODES = ['independent', 'directed', 'supervised', 'local'] as const;
export type Mode = (typeof MODES)[number];
/** Where the case stands (docs/record.md "CLI", `record case --status`). */
export const CASE_STATUSES = ['open', 'suspended', 'proceedings', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const NOTICE_KINDS = ['reg17', 'criminal_letter'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
/** Under misconduct or criminal caution, or both (docs/record.md "CLI", `record interview --kind`). */
export const INTERVIEW_KINDS = ['misconduct', 'criminal', 'both'] as const;
export type InterviewKind = (typeof INTERVIEW_KINDS)[number];
export const CHARGING_DECISIONS = ['charge', 'no_charge'] as const;
export type ChargingDecisionWord = (typeof CHARGING_DECISIONS)[number];
export const VERDICTS = ['convicted', 'acquitted', 'withdrawn'] as const;
export type Verdict = (typeof VERDICTS)[number];
/** What became of an appeal against conviction or sentence (docs/record.md "CLI", `record appeal`). */
export const APPEAL_OUTCOMES = ['allowed', 'dismissed', 'abandoned', 'varied'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];
/** The reg. 23 decision (Police (Conduct) Regulations 2020): a case to answer, and for what. */
export const CASE_TO_ANSWER = ['misconduct', 'gross_misconduct', 'no_case'] as const;
export type CaseToAnswer = (typeof CASE_TO_ANSWER)[number];
export const PROCEEDING_KINDS = ['meeting', 'hearing'] as const;
export type ProceedingKind = (typeof PROCEEDING_KINDS)[number];
export const PROCEEDING_LEVELS = ['misconduct', 'gross_misconduct'] as const;
export type ProceedingLevel = (typeof PROCEEDING_LEVELS)[number];
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

/** The deadlines the record works out (src/cases/deadlines.ts). */
export const DEADLINE_KINDS = [
  's127_limitation',
  'progress_report',
  'barred_list_report',
  'recommendation_response',
  'response_publication',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
/**
 * open: not yet due or met; met / met_late: done (by / after the date); overdue: passed, not done;
 * not_computable: the period runs from a month or a year, not a day (or it was done in a month
 * that holds the last day), so no one can say.
 */
export const DEADLINE_STATUSES = ['open', 'met', 'met_late', 'overdue', 'not_computable'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/** Only subjects have a misconduct or criminal process (docs/record.md "Rules"). */
export const PERSON_ROLES = ['subject', 'witness', 'other'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];
/**
 * Serving officer, former officer, special constable, police staff: the rules read it on the date
 * that matters ("would have been dismissed" and the advisory list are for former officers).
 */
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

// The rows the record holds: the zod schemas of src/contract/record-schemas.ts are their one
// description (the API's reply, the web app's types); the services read them read-only.
type Shape<S extends z.ZodType> = ReadonlyDeep<z.infer<S>>;
export type TeamMember = Shape<typeof S.Member>;
export type CaseDetails = Shape<typeof S.CaseDetails>;
export type SubjectSettings = Shape<typeof S.SubjectSettings>;
export type Assessment = Shape<typeof S.Assessment>;
export type Notice = Shape<typeof S.Notice>;
export type Interview = Shape<typeof S.Interview>;
export type Allegation = Shape<typeof S.Allegation>;
export type Referral = Shape<typeof S.Referral>;
export type ChargingDecision = Shape<typeof S.ChargingDecision>;
export type Count = Shape<typeof S.Count>;
export type Appearance = Shape<typeof S.Appearance>;
export type Sentence = Shape<typeof S.Sentence>;
export type Appeal = Shape<typeof S.Appeal>;
export type Proceeding = Shape<typeof S.Proceeding>;
export type FindingRecord = Shape<typeof S.FindingRecord>;
export type OutcomeRecord = Shape<typeof S.OutcomeRecord>;
export type BarredEntry = Shape<typeof S.BarredEntry>;
export type Extension = Shape<typeof S.Extension>;
export type Recommendation = Shape<typeof S.Recommendation>;
export type ProgressReport = Shape<typeof S.ProgressReport>;
export type SummaryDraft = Shape<typeof S.SummaryDraft>;
/** A person of the case, as the record needs them (from `store.people`). */
export type RecordPerson = Shape<typeof S.RecordPerson>;
/** A deadline of the case as of a day. */
export type Deadline = Shape<typeof S.Deadline>;
/** One dated event of the case's timeline. */
export type TimelineEvent = Shape<typeof S.TimelineEvent>;
/** Everything the record holds about one case. */
export type CaseRecordData = Shape<typeof S.CaseRecord>;
/**
 * What a record action takes, as the service's input: the action's fields (defaults applied)
 * without the `action` word, so the API, the CLI and the service share one description.
 */
export type ActionInput<A extends S.RecordActionT['action']> = Omit<
  Extract<S.RecordActionT, { action: A }>,
  'action'
>;
