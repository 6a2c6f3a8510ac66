/**
 * Request and response shapes of the case record routes (docs/api.md, "Case record"). The rules
 * themselves (dates in order, no outcome without a finding, …) are the record service's
 * (src/cases/rules.ts); these schemas only check each field's form.
 *
 * Why one file over 500 lines: it is the record API's whole request/response surface, one schema per action, read alongside docs/api.md.
 */
import { parsePartialDate } from '../domain/partial-date.js';
import { DateTime } from 'luxon';
import { z } from 'zod/v4';

import {
  APPEAL_OUTCOMES,
  BARRED_LISTS,
  CASE_STATUSES,
  CASE_TO_ANSWER,
  CHARGING_DECISIONS,
  DEADLINE_KINDS,
  DEADLINE_STATUSES,
  FINDINGS,
  INTERVIEW_KINDS,
  MODES,
  NOTICE_KINDS,
  OUTCOMES,
  PROCEEDING_KINDS,
  PROCEEDING_LEVELS,
  RESPONSES,
  MARK_KINDS,
  PERSON_ROLES,
  PERSON_STATUSES,
  SEVERITIES,
  VERDICTS,
} from './record.js';
import { STANDARDS } from './standards.js';

const id = z.number().int().positive().max(2_147_483_647);

/** A calendar date that exists, YYYY-MM-DD (England and Wales). */
export const RecordDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/u, 'a date YYYY-MM-DD')
  .refine((s) => DateTime.fromISO(s).isValid, 'not a date that exists');

/**
 * A record date at its precision: a day (YYYY-MM-DD), a month (YYYY-MM) or a year (YYYY), for the
 * events a published account may date only by month or year (src/domain/partial-date.ts).
 */
export const RecordPartialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/u, 'a date YYYY-MM-DD, or YYYY-MM / YYYY for a month or a year')
  .refine((s) => parsePartialDate(s) !== null, 'not a date that exists');

const text = (max = 2000) => z.string().trim().min(1).max(max);
const optText = (max = 2000) => text(max).optional();
const publishable = z.boolean().optional().describe('may appear in the public summary (default: private)');
const messageIds = z.array(id).max(1000);
const TeamMember = z.object({ name: text(200), role: z.string().trim().max(200).nullable() });

// ---- actions ----------------------------------------------------------------------------------

export const RecordAction = z.discriminatedUnion('action', [
  z
    .object({
      action: z.literal('case'),
      reference: optText(200),
      operation: optText(200),
      investigatingBody: optText(200),
      mode: z.enum(MODES).optional(),
      forces: z.array(text(200)).max(50).optional(),
      status: z.enum(CASE_STATUSES).optional(),
      referralDate: RecordDate.optional(),
      startDate: RecordDate.optional(),
      evidenceSufficientDate: RecordDate.optional(),
      reportDate: RecordDate.optional(),
      team: z.array(TeamMember).max(100).optional(),
      cameToLight: optText(2000).describe('how the evidence came to light, for the summary'),
      messagesAnalysed: z
        .number()
        .int()
        .min(0)
        .optional()
        .describe('messages analysed across all the evidence, where not all of it was imported'),
      messagesAnalysedMoreThan: z
        .boolean()
        .optional()
        .describe('messagesAnalysed is a lower bound: the summary says "more than N messages"'),
      publishable,
    })
    .describe("the case's details and key dates (fields left out keep their value)"),
  z
    .object({
      action: z.literal('person'),
      name: text(200),
      role: z.enum(PERSON_ROLES),
      force: optText(200),
      rank: optText(200),
      warrantNumber: optText(100),
      status: z.enum(PERSON_STATUSES).optional(),
      barredListApplies: z.boolean().optional(),
    })
    .describe('a person of the case (a subject, witness or other), as `scrutineer person add`'),
  z
    .object({
      action: z.literal('subject'),
      personId: id,
      namePublic: z.boolean().optional(),
      label: z.string().trim().max(100).nullable().optional(),
    })
    .describe('how a subject is named in the public summary'),
  z.object({
    action: z.literal('assess'),
    personId: id,
    severity: z.enum(SEVERITIES),
    on: RecordPartialDate,
    rationale: optText(),
    publishable,
  }),
  z.object({
    action: z.literal('notice'),
    personId: id,
    kind: z.enum(NOTICE_KINDS),
    on: RecordPartialDate,
    conduct: optText(),
    standards: z.array(z.enum(STANDARDS)).max(10).optional(),
    severity: z.enum(SEVERITIES).optional(),
    publishable,
  }),
  z.object({
    action: z.literal('interview'),
    personId: id,
    on: RecordDate,
    kind: z.enum(INTERVIEW_KINDS).default('misconduct'),
    note: optText(),
    publishable,
  }),
  z
    .object({
      action: z.literal('allegation'),
      personId: id,
      standards: z.array(z.enum(STANDARDS)).min(1).max(10),
      description: text(),
      messageIds: messageIds.default([]),
      publishable,
    })
    .describe('one allegation per standard, all recorded or none'),
  z.object({
    action: z.literal('refer'),
    on: RecordPartialDate,
    prosecutor: optText(200),
    exhibits: z.array(text(100)).max(200).default([]),
    publishable,
  }),
  z.object({
    action: z.literal('charging'),
    personId: id,
    on: RecordDate,
    decision: z.enum(CHARGING_DECISIONS),
    note: optText(),
    publishable,
  }),
  z
    .object({
      action: z.literal('count'),
      personId: id,
      messageIds: messageIds.min(1),
      on: RecordDate.optional().describe('date charged; left out, the count is proposed'),
      offence: optText(200),
      description: optText(),
      publishable,
    })
    .describe('a new count: proposed without `on`, charged with it'),
  z.object({ action: z.literal('charge'), countId: id, on: RecordDate }).describe('charges a proposed count'),
  z.object({
    action: z.literal('appearance'),
    personId: id,
    on: RecordPartialDate,
    court: text(200),
    purpose: optText(200),
    publishable,
  }),
  z
    .object({
      action: z.literal('verdict'),
      countIds: z.array(id).min(1).max(200),
      verdict: z.enum(VERDICTS),
      on: RecordPartialDate,
    })
    .describe('the same verdict on each count, all recorded or none'),
  z.object({
    action: z.literal('sentence'),
    personId: id,
    on: RecordPartialDate,
    sentence: text(),
    publishable,
  }),
  z
    .object({
      action: z.literal('appeal'),
      personId: id,
      on: RecordPartialDate.optional().describe('date lodged; left out, the outcome of the latest appeal'),
      grounds: optText(),
      outcome: z.enum(APPEAL_OUTCOMES).optional(),
      outcomeOn: RecordPartialDate.optional(),
      publishable,
    })
    .describe('an appeal lodged, or the outcome of the latest one'),
  z
    .object({
      action: z.literal('case-to-answer'),
      allegationIds: z.array(id).min(1).max(200),
      decision: z.enum(CASE_TO_ANSWER),
      on: RecordDate,
    })
    .describe('the reg. 23 decision on each allegation, all recorded or none'),
  z
    .object({
      action: z.literal('proceeding'),
      kind: z.enum(PROCEEDING_KINDS).default('hearing'),
      level: z.enum(PROCEEDING_LEVELS).default('gross_misconduct'),
      public: z.boolean().optional().describe('default: public for a hearing, private for a meeting'),
      startOn: RecordPartialDate,
      endOn: RecordPartialDate.optional(),
      panel: z.array(TeamMember).max(20).default([]),
      heldBy: optText(200).describe('who held it, e.g. "the Metropolitan Police Service"'),
      publishable,
    })
    .describe('a misconduct meeting or hearing'),
  z
    .object({
      action: z.literal('finding'),
      allegationIds: z.array(id).min(1).max(200),
      proceedingId: id,
      finding: z.enum(FINDINGS),
      on: RecordPartialDate,
      publishable,
    })
    .describe('the same finding on each allegation, all recorded or none'),
  z.object({
    action: z.literal('outcome'),
    personId: id,
    outcome: z.enum(OUTCOMES),
    on: RecordPartialDate,
    proceedingId: id.nullable().default(null),
    publishable,
  }),
  z
    .object({
      action: z.literal('barred'),
      personId: id,
      list: z.enum(BARRED_LISTS).default('barred'),
      reportedOn: RecordPartialDate.optional(),
      reason: optText().describe('why the list does not apply (list not_applicable)'),
      publishable,
    })
    .describe('a barred or advisory list entry, or why the list does not apply'),
  z.object({
    action: z.literal('recommendation'),
    reference: text(50),
    recipients: z.array(text(200)).min(1).max(20),
    text: text(20_000),
    rationale: optText(20_000),
    legalBasis: optText(500),
    on: RecordPartialDate,
    publishable,
  }),
  z.object({
    action: z.literal('extend'),
    reference: text(50),
    days: z.number().int().min(1).max(3650),
    reason: text(),
    on: RecordDate,
  }),
  z.object({
    action: z.literal('response'),
    reference: text(50),
    on: RecordPartialDate,
    response: z.enum(RESPONSES),
    text: text(20_000),
  }),
  z.object({
    action: z.literal('publish'),
    reference: text(50),
    on: RecordDate,
    url: optText(500).describe('where the published response can be read'),
  }),
  z.object({ action: z.literal('progress'), on: RecordDate, note: optText() }),
  z
    .object({ action: z.literal('mark'), kind: z.enum(MARK_KINDS), id, publishable: z.boolean() })
    .describe('marks a fact publishable or private'),
]);
export type RecordActionT = z.output<typeof RecordAction>;

export const RecordQuery = z.object({
  today: RecordDate.optional().describe(
    'the day the deadlines are worked out for (default: today in England)',
  ),
  force: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .optional()
    .describe('why a date before the investigation started is right (kept in the audit entry), as --force'),
});

export const DraftBody = z.object({ markdown: z.string().min(1).max(500_000) });

// ---- responses --------------------------------------------------------------------------------

// The record's rows: the one description of them. src/contract/record.ts derives the types the
// services use from these (read-only), the web app takes `CaseRecordT`.
// A word field is its list's enum. Every stored value was checked against the same list when it
// was written (the CLI, the API and the demo have since the record began; notice standards are
// stored in their exact words), and the routes do not parse their replies, so a row changed by
// hand outside a list is still served as stored (docs/record.md "Word lists").
const date = z.string().describe('YYYY-MM-DD');
const nDate = date.nullable();
const Row = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  publishable: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string(),
});
const SubjectRow = Row.extend({ personId: z.number().int() });
export const Member = z.object({ name: z.string(), role: z.string().nullable() });

export const CaseDetails = z.object({
  caseId: z.number().int(),
  reference: z.string().nullable(),
  operation: z.string().nullable(),
  investigatingBody: z.string().nullable(),
  mode: z.enum(MODES).nullable(),
  forces: z.array(z.string()),
  status: z.enum(CASE_STATUSES).nullable(),
  referralDate: nDate,
  startDate: nDate,
  /** The date the prosecutor had sufficient evidence: the s127(5) six-month limit runs from it. */
  evidenceSufficientDate: nDate,
  /** The investigation report (reg. 21): the investigation is finished. */
  reportDate: nDate,
  team: z.array(Member),
  /** How the evidence came to light, in the words of the summary. */
  cameToLight: z.string().nullable(),
  /** Messages analysed across all the evidence, where more than was imported. */
  messagesAnalysed: z.number().int().nullable(),
  /** `messagesAnalysed` is a lower bound: the summary says "more than 6,000 messages". */
  messagesAnalysedMoreThan: z.boolean(),
  publishable: z.boolean(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
/** A person of the case, as the record needs them (from `store.people`). */
export const RecordPerson = z.object({
  id: z.number().int(),
  name: z.string(),
  role: z.enum(PERSON_ROLES),
  force: z.string().nullable(),
  rank: z.string().nullable(),
  warrantNumber: z.string().nullable(),
  status: z.enum(PERSON_STATUSES).nullable(),
  barredListApplies: z.boolean().nullable(),
  /** Status from a date, oldest first (empty: the status never changed). Rules read `statusOn`. */
  statusHistory: z.array(
    z.object({ status: z.enum(PERSON_STATUSES), from: nDate, note: z.string().nullable() }),
  ),
  /** Employment history (force, from, to), for what links the members in the summary. */
  employment: z.array(z.object({ force: z.string(), from: nDate, to: nDate })),
});
export const SubjectSettings = z.object({
  personId: z.number().int(),
  caseId: z.number().int(),
  namePublic: z.boolean(),
  label: z.string().nullable(),
});
export const Assessment = SubjectRow.extend({
  severity: z.enum(SEVERITIES),
  assessedOn: date,
  rationale: z.string().nullable(),
});
export const Notice = SubjectRow.extend({
  kind: z.enum(NOTICE_KINDS),
  servedOn: date,
  conduct: z.string().nullable(),
  standards: z.array(z.enum(STANDARDS)),
  severity: z.enum(SEVERITIES).nullable(),
});
export const Interview = SubjectRow.extend({
  heldOn: date,
  kind: z.enum(INTERVIEW_KINDS),
  note: z.string().nullable(),
});
export const Allegation = SubjectRow.extend({
  standard: z.enum(STANDARDS),
  description: z.string(),
  messageIds: z.array(z.number().int()),
  caseToAnswer: z.enum(CASE_TO_ANSWER).nullable(),
  caseToAnswerOn: nDate,
});
export const Referral = Row.extend({
  referredOn: date,
  prosecutor: z.string(),
  exhibits: z.array(z.string()),
});
export const ChargingDecision = SubjectRow.extend({
  decidedOn: date,
  decision: z.enum(CHARGING_DECISIONS),
  note: z.string().nullable(),
});
export const Count = SubjectRow.extend({
  /** The count's number on this defendant's charge sheet (1, 2, …). */
  number: z.number().int(),
  offence: z.string(),
  description: z.string().nullable(),
  messageIds: z.array(z.number().int()),
  chargedOn: nDate.describe('null while the count is proposed'),
  verdict: z.enum(VERDICTS).nullable(),
  verdictOn: nDate,
});
export const Appearance = SubjectRow.extend({
  appearedOn: date,
  court: z.string(),
  purpose: z.string().nullable(),
});
export const Sentence = SubjectRow.extend({ sentencedOn: date, sentence: z.string() });
export const Appeal = SubjectRow.extend({
  lodgedOn: date,
  grounds: z.string().nullable(),
  outcome: z.enum(APPEAL_OUTCOMES).nullable(),
  outcomeOn: nDate,
});
export const Proceeding = Row.extend({
  kind: z.enum(PROCEEDING_KINDS),
  level: z.enum(PROCEEDING_LEVELS),
  public: z.boolean(),
  startOn: date,
  endOn: nDate,
  panel: z.array(Member),
  /** Who held it (e.g. "the Metropolitan Police Service"). */
  heldBy: z.string().nullable(),
});
export const FindingRecord = Row.extend({
  allegationId: z.number().int(),
  proceedingId: z.number().int(),
  finding: z.enum(FINDINGS),
  foundOn: date,
});
export const OutcomeRecord = SubjectRow.extend({
  proceedingId: z.number().int().nullable(),
  outcome: z.enum(OUTCOMES),
  decidedOn: date,
});
export const BarredEntry = SubjectRow.extend({
  list: z.enum(BARRED_LISTS),
  reportedOn: nDate,
  reason: z.string().nullable(),
});
export const Extension = z.object({ days: z.number().int(), reason: z.string(), grantedOn: date });
export const Recommendation = Row.extend({
  reference: z.string(),
  recipients: z.array(z.string()),
  text: z.string(),
  rationale: z.string().nullable(),
  legalBasis: z.string().nullable(),
  madeOn: date,
  extensions: z.array(Extension),
  responseText: z.string().nullable(),
  responseOn: nDate,
  response: z.enum(RESPONSES).nullable(),
  publishedOn: nDate,
  /** Where the published response can be read. */
  responseUrl: z.string().nullable(),
});
export const ProgressReport = Row.extend({ sentOn: date, note: z.string().nullable() });

/** Everything the record holds about one case. */
export const CaseRecord = z.object({
  caseId: z.number().int(),
  caseName: z.string(),
  details: CaseDetails.nullable(),
  people: z.array(RecordPerson),
  subjects: z.array(SubjectSettings),
  assessments: z.array(Assessment),
  notices: z.array(Notice),
  interviews: z.array(Interview),
  allegations: z.array(Allegation),
  referrals: z.array(Referral),
  chargingDecisions: z.array(ChargingDecision),
  counts: z.array(Count),
  appearances: z.array(Appearance),
  sentences: z.array(Sentence),
  appeals: z.array(Appeal),
  proceedings: z.array(Proceeding),
  findings: z.array(FindingRecord),
  outcomes: z.array(OutcomeRecord),
  barred: z.array(BarredEntry),
  recommendations: z.array(Recommendation),
  progressReports: z.array(ProgressReport),
});

export const Deadline = z.object({
  kind: z.enum(DEADLINE_KINDS),
  /** What the deadline is for, e.g. "count 2 of PC A", "recommendation R1". */
  about: z.string(),
  personId: z.number().int().nullable(),
  due: nDate.describe('the last day (inclusive); null: not computable (it runs from a month or a year)'),
  basis: z.string().describe('how the date was worked out'),
  status: z.enum(DEADLINE_STATUSES),
  /** When it was met, where it was. */
  doneOn: nDate,
  daysLeft: z
    .number()
    .int()
    .nullable()
    .describe('calendar days from today to due (negative: passed); null without due'),
});

export const TimelineEvent = z.object({
  /** YYYY-MM-DD (an exhibit's intake keeps its full instant in `at`). */
  date,
  at: z.string().nullable().describe("an exhibit's intake instant"),
  kind: z.string(),
  what: z.string(),
  personId: z.number().int().nullable(),
});

export const CitedMessage = z.object({
  id: z.number().int(),
  conversationId: z.number().int(),
  seq: z.number().int(),
  sender: z.string().nullable(),
  displayedAuthor: z.string().nullable().describe('the name an export wrote a system line under'),
  utc: z.string(),
  excerpt: z.string().describe('the first 140 characters of the text'),
});

export const RecordResponse = z.object({
  record: CaseRecord,
  today: date,
  deadlines: z.array(Deadline),
  timeline: z.array(TimelineEvent),
  citedMessages: z
    .array(CitedMessage)
    .describe('the messages the allegations and counts cite, with their thread positions'),
});
export const RecordActionResponse = RecordResponse.extend({
  result: z.unknown().describe('what the action recorded (the row, or the rows of a several-id action)'),
});

export const SummaryDraft = Row.extend({
  version: z.number().int(),
  source: z.enum(['generated', 'edited']),
  markdown: z.string(),
  final: z.boolean(),
});
export const SummaryResponse = z.object({
  generated: z
    .object({ markdown: z.string(), html: z.string() })
    .describe('the summary generated from the publishable facts now'),
  drafts: z.array(SummaryDraft).describe('saved drafts, oldest first'),
  current: SummaryDraft.extend({ html: z.string() })
    .nullable()
    .describe('the final summary, else the latest draft'),
  final: z.boolean(),
});
export const DraftResponse = z.object({ draft: SummaryDraft });

// The shapes as TypeScript types, for the web app (web/src/api/record.ts).
export type CaseRecordT = z.infer<typeof CaseRecord>;
export type DeadlineT = z.infer<typeof Deadline>;
export type TimelineEventT = z.infer<typeof TimelineEvent>;
export type CitedMessageT = z.infer<typeof CitedMessage>;
export type RecordResponseT = z.infer<typeof RecordResponse>;
export type RecordActionResponseT = z.infer<typeof RecordActionResponse>;
export type SummaryDraftT = z.infer<typeof SummaryDraft>;
export type SummaryResponseT = z.infer<typeof SummaryResponse>;
export type DraftResponseT = z.infer<typeof DraftResponse>;
