/** The lead's forms, one per change to the record (fields as `POST …/record/actions` takes them). */
import type { FormSpec } from './ActionForm';
import * as W from '@contract/record';
import type { RecordActionT } from '@contract/record-schemas';
import { STANDARDS } from '@contract/standards';

const on = (label = 'Date'): FormSpec['fields'][number] => ({
  name: 'on',
  label,
  kind: 'date',
  required: true,
});

/** A date that may be a month or a year where a published account gives no day (issue 15). */
const partialOn = (label = 'Date'): FormSpec['fields'][number] => ({
  ...on(label),
  kind: 'partial-date',
  hint: 'a day, or a month (YYYY-MM) or a year (YYYY) where no day is known',
});

/** A field of the case form, by its name in the contract's schema (a renamed field fails to compile). */
const caseField = (name: keyof Extract<RecordActionT, { action: 'case' }>): string => name;

export const FORMS = {
  case: {
    action: 'case',
    title: 'Edit case details',
    publishable: true,
    fields: [
      { name: 'reference', label: 'Reference', kind: 'text' },
      { name: 'operation', label: 'Operation', kind: 'text' },
      { name: 'investigatingBody', label: 'Investigating body', kind: 'text' },
      { name: 'mode', label: 'Mode of investigation', kind: 'select', options: W.MODES },
      { name: 'forces', label: 'Forces (one a line)', kind: 'lines' },
      { name: 'status', label: 'Status', kind: 'select', options: W.CASE_STATUSES },
      { name: 'referralDate', label: 'Referral to the investigating body', kind: 'date' },
      { name: 'startDate', label: 'Investigation started', kind: 'date' },
      {
        name: 'evidenceSufficientDate',
        label: 'Prosecutor had sufficient evidence',
        kind: 'date',
        hint: 's127(5): six months from this date',
      },
      { name: 'reportDate', label: 'Investigation report (reg. 21)', kind: 'date' },
      {
        name: caseField('messagesAnalysed'),
        label: 'Messages analysed',
        kind: 'number',
        hint: 'across all the evidence, where more was analysed than was imported',
      },
      {
        name: caseField('messagesAnalysedMoreThan'),
        label: 'More than this number (the summary says "more than N messages")',
        kind: 'checkbox',
        with: 'messagesAnalysed',
      },
    ],
  },
  person: {
    action: 'person',
    title: 'Add a subject',
    fields: [
      { name: 'name', label: 'Full name', kind: 'text', required: true },
      {
        name: 'role',
        label: 'Role',
        kind: 'select',
        options: W.PERSON_ROLES,
        required: true,
      },
      { name: 'status', label: 'Status', kind: 'select', options: W.PERSON_STATUSES },
      { name: 'force', label: 'Force', kind: 'text' },
      { name: 'rank', label: 'Rank', kind: 'text' },
      { name: 'warrantNumber', label: 'Warrant number', kind: 'text' },
    ],
  },
  assess: {
    action: 'assess',
    title: 'Add a severity assessment',
    publishable: true,
    fields: [
      { name: 'personId', label: 'Subject', kind: 'subject', required: true },
      { name: 'severity', label: 'Severity', kind: 'select', options: W.SEVERITIES, required: true },
      partialOn('Assessed on'),
      { name: 'rationale', label: 'Rationale', kind: 'textarea' },
    ],
  },
  notice: {
    action: 'notice',
    title: 'Add a notice',
    publishable: true,
    fields: [
      { name: 'personId', label: 'Subject', kind: 'subject', required: true },
      { name: 'kind', label: 'Kind', kind: 'select', options: W.NOTICE_KINDS, required: true },
      partialOn('Served on'),
      { name: 'conduct', label: 'Conduct alleged', kind: 'textarea' },
      { name: 'standards', label: 'Standards said to be breached', kind: 'checks', options: STANDARDS },
      {
        name: 'severity',
        label: 'Severity (default: the latest assessment)',
        kind: 'select',
        options: W.SEVERITIES,
      },
    ],
  },
  interview: {
    action: 'interview',
    title: 'Add an interview',
    publishable: true,
    fields: [
      { name: 'personId', label: 'Subject', kind: 'subject', required: true },
      on('Held on'),
      { name: 'kind', label: 'Kind', kind: 'select', options: W.INTERVIEW_KINDS },
      { name: 'note', label: 'Note', kind: 'textarea' },
    ],
  },
  allegation: {
    action: 'allegation',
    title: 'Add an allegation',
    publishable: true,
    fields: [
      { name: 'personId', label: 'Subject', kind: 'subject', required: true },
      { name: 'standards', label: 'Standards (one allegation each)', kind: 'checks', options: STANDARDS },
      { name: 'description', label: 'Description', kind: 'textarea', required: true },
      { name: 'messageIds', label: 'Supporting message ids', kind: 'ids', hint: 'comma-separated' },
    ],
  },
  refer: {
    action: 'refer',
    title: 'Record the referral to the prosecutor',
    publishable: true,
    fields: [
      partialOn('Referred on'),
      { name: 'prosecutor', label: 'Prosecutor (default: Crown Prosecution Service)', kind: 'text' },
      { name: 'exhibits', label: 'Exhibits in the file (one a line)', kind: 'lines' },
    ],
  },
  charging: {
    action: 'charging',
    title: 'Add a charging decision',
    publishable: true,
    fields: [
      { name: 'personId', label: 'Suspect', kind: 'subject', required: true },
      { name: 'decision', label: 'Decision', kind: 'select', options: W.CHARGING_DECISIONS, required: true },
      on('Decided on'),
      { name: 'note', label: 'Note', kind: 'textarea' },
    ],
  },
  count: {
    action: 'count',
    title: 'Add a count',
    publishable: true,
    fields: [
      { name: 'personId', label: 'Defendant', kind: 'subject', required: true },
      {
        name: 'messageIds',
        label: 'Message ids',
        kind: 'ids',
        required: true,
        hint: 'one message or a tight exchange',
      },
      { name: 'on', label: 'Charged on (leave empty: proposed)', kind: 'date' },
      { name: 'offence', label: 'Offence (default: s127(1)(a) Communications Act 2003)', kind: 'text' },
      { name: 'description', label: 'Description', kind: 'textarea' },
    ],
  },
  charge: {
    action: 'charge',
    title: 'Charge a proposed count',
    fields: [{ name: 'countId', label: 'Count', kind: 'count', required: true }, on('Charged on')],
  },
  appearance: {
    action: 'appearance',
    title: 'Add a court appearance',
    publishable: true,
    fields: [
      { name: 'personId', label: 'Defendant', kind: 'subject', required: true },
      partialOn('Appeared on'),
      { name: 'court', label: 'Court', kind: 'text', required: true },
      { name: 'purpose', label: 'Purpose', kind: 'text' },
    ],
  },
  verdict: {
    action: 'verdict',
    title: 'Add a verdict',
    fields: [
      { name: 'countIds', label: 'Counts', kind: 'counts' },
      { name: 'verdict', label: 'Verdict', kind: 'select', options: W.VERDICTS, required: true },
      partialOn('Verdict on'),
    ],
  },
  sentence: {
    action: 'sentence',
    title: 'Add a sentence',
    publishable: true,
    fields: [
      { name: 'personId', label: 'Defendant', kind: 'subject', required: true },
      partialOn('Sentenced on'),
      { name: 'sentence', label: 'Sentence', kind: 'text', required: true },
    ],
  },
  appeal: {
    action: 'appeal',
    title: 'Add an appeal or its outcome',
    publishable: true,
    fields: [
      { name: 'personId', label: 'Defendant', kind: 'subject', required: true },
      { name: 'on', label: 'Lodged on (leave empty: outcome of the latest appeal)', kind: 'partial-date' },
      { name: 'grounds', label: 'Grounds', kind: 'textarea' },
      { name: 'outcome', label: 'Outcome', kind: 'select', options: W.APPEAL_OUTCOMES },
      { name: 'outcomeOn', label: 'Outcome on', kind: 'partial-date' },
    ],
  },
  caseToAnswer: {
    action: 'case-to-answer',
    title: 'Add a case-to-answer decision',
    fields: [
      { name: 'allegationIds', label: 'Allegations', kind: 'allegations' },
      { name: 'decision', label: 'Decision', kind: 'select', options: W.CASE_TO_ANSWER, required: true },
      on('Decided on'),
    ],
  },
  proceeding: {
    action: 'proceeding',
    title: 'Add a meeting or hearing',
    publishable: true,
    fields: [
      { name: 'kind', label: 'Kind (default: hearing)', kind: 'select', options: W.PROCEEDING_KINDS },
      {
        name: 'level',
        label: 'Level (default: gross misconduct)',
        kind: 'select',
        options: W.PROCEEDING_LEVELS,
      },
      { name: 'startOn', label: 'Opened on', kind: 'partial-date', required: true },
      { name: 'endOn', label: 'Closed on', kind: 'partial-date' },
    ],
  },
  finding: {
    action: 'finding',
    title: 'Add a finding',
    publishable: true,
    fields: [
      { name: 'allegationIds', label: 'Allegations', kind: 'allegations' },
      { name: 'proceedingId', label: 'At', kind: 'proceeding', required: true },
      { name: 'finding', label: 'Finding', kind: 'select', options: W.FINDINGS, required: true },
      partialOn('Found on'),
    ],
  },
  outcome: {
    action: 'outcome',
    title: 'Add an outcome',
    publishable: true,
    fields: [
      { name: 'personId', label: 'Subject', kind: 'subject', required: true },
      { name: 'outcome', label: 'Outcome', kind: 'select', options: W.OUTCOMES, required: true },
      { name: 'proceedingId', label: 'At', kind: 'proceeding' },
      partialOn('Decided on'),
    ],
  },
  barred: {
    action: 'barred',
    title: 'Add a barred list entry',
    publishable: true,
    fields: [
      { name: 'personId', label: 'Subject', kind: 'subject', required: true },
      { name: 'list', label: 'List (default: barred)', kind: 'select', options: W.BARRED_LISTS },
      { name: 'reportedOn', label: 'Reported on', kind: 'partial-date' },
      { name: 'reason', label: 'Why the list does not apply', kind: 'text' },
    ],
  },
  recommendation: {
    action: 'recommendation',
    title: 'Add a learning recommendation',
    publishable: true,
    fields: [
      { name: 'reference', label: 'Reference', kind: 'text', required: true },
      { name: 'recipients', label: 'Recipient organisations (one a line)', kind: 'lines', required: true },
      { name: 'text', label: 'Recommendation', kind: 'textarea', required: true },
      { name: 'rationale', label: 'Rationale', kind: 'textarea' },
      partialOn('Made on'),
    ],
  },
  extend: {
    action: 'extend',
    title: 'Extend a response deadline',
    fields: [
      { name: 'reference', label: 'Recommendation', kind: 'recommendation', required: true },
      { name: 'days', label: 'Days', kind: 'number', required: true },
      { name: 'reason', label: 'Reason', kind: 'text', required: true },
      on('Granted on'),
    ],
  },
  response: {
    action: 'response',
    title: 'Add a response',
    fields: [
      { name: 'reference', label: 'Recommendation', kind: 'recommendation', required: true },
      { name: 'response', label: 'Response', kind: 'select', options: W.RESPONSES, required: true },
      { name: 'text', label: 'Response text', kind: 'textarea', required: true },
      partialOn('Received on'),
    ],
  },
  publish: {
    action: 'publish',
    title: 'Record the publication of a response',
    fields: [
      { name: 'reference', label: 'Recommendation', kind: 'recommendation', required: true },
      on('Published on'),
    ],
  },
  progress: {
    action: 'progress',
    title: 'Record a progress report sent',
    fields: [on('Sent on'), { name: 'note', label: 'Note', kind: 'text' }],
  },
} satisfies Record<string, FormSpec>;
