/**
 * Record actions about the case as a whole: its details and key dates, how a subject is named, the
 * progress reports, and marking a fact publishable or private. Each runs in `RecordWriter.change`
 * (one transaction with its audit entry).
 */
import { UserError } from '../domain/errors.js';
import type { RecordWriter, RecordTable } from './record-writer.js';
import * as rules from './rules.js';
import type {
  ActionInput,
  CaseDetails,
  MarkKind,
  ProgressReport,
  SubjectSettings,
} from '../contract/record.js';

/** The case's details as `record case` and the API's `case` action take them. */
export type CaseDetailsInput = ActionInput<'case'>;

/** Where a fact can be marked publishable or private (`record mark`): one table for each of MARK_KINDS. */
export const MARKABLE = {
  assessment: 'record_assessments',
  notice: 'record_notices',
  interview: 'record_interviews',
  allegation: 'record_allegations',
  referral: 'record_referrals',
  charging: 'record_charging_decisions',
  count: 'record_counts',
  appearance: 'record_appearances',
  sentence: 'record_sentences',
  appeal: 'record_appeals',
  proceeding: 'record_proceedings',
  finding: 'record_findings',
  outcome: 'record_outcomes',
  barred: 'record_barred',
  recommendation: 'record_recommendations',
} as const satisfies Record<MarkKind, RecordTable>;

/** The CLI flag of each case date, for messages. */
const CASE_DATE_FLAGS: Record<string, string> = {
  referralDate: '--referral-date',
  startDate: '--start-date',
  evidenceSufficientDate: '--evidence-sufficient',
  reportDate: '--report-date',
};

/** Sets the case's details; fields left out keep their value. */
export function setCase(w: RecordWriter, input: CaseDetailsInput): Promise<CaseDetails> {
  return w.change('case', async (repos, record, dates) => {
    const old = record.details;
    for (const [k, v] of Object.entries(input))
      if (k.endsWith('Date') && typeof v === 'string')
        dates.check(v, CASE_DATE_FLAGS[k] ?? k, { beforeStart: 'allow' });
    const next = {
      reference: input.reference ?? old?.reference ?? null,
      operation: input.operation ?? old?.operation ?? null,
      investigatingBody: input.investigatingBody ?? old?.investigatingBody ?? null,
      mode: input.mode ?? old?.mode ?? null,
      forces: input.forces ?? old?.forces ?? [],
      status: input.status ?? old?.status ?? null,
      referralDate: input.referralDate ?? old?.referralDate ?? null,
      startDate: input.startDate ?? old?.startDate ?? null,
      evidenceSufficientDate: input.evidenceSufficientDate ?? old?.evidenceSufficientDate ?? null,
      reportDate: input.reportDate ?? old?.reportDate ?? null,
      team: input.team ?? old?.team ?? [],
      cameToLight: input.cameToLight ?? old?.cameToLight ?? null,
      messagesAnalysed: input.messagesAnalysed ?? old?.messagesAnalysed ?? null,
      // A new number without the flag is exact; the flag alone qualifies the number kept.
      messagesAnalysedMoreThan:
        input.messagesAnalysedMoreThan ??
        (input.messagesAnalysed !== undefined ? false : (old?.messagesAnalysedMoreThan ?? false)),
      publishable: input.publishable ?? old?.publishable ?? false,
    };
    rules.checkCaseDates(next);
    await repos.record.saveDetails(w.caseId, w.actor, next);
    const result = (await repos.record.details(w.caseId))!;
    return { subject: `case ${w.caseId}`, detail: { changed: input }, result };
  });
}

/** How a subject is named in the public summary. */
export function setSubject(
  w: RecordWriter,
  personId: number,
  input: { namePublic?: boolean; label?: string | null },
): Promise<SubjectSettings> {
  return w.change('subject', async (repos, record) => {
    rules.subject(record, personId);
    const old = record.subjects.find((s) => s.personId === personId);
    const result = {
      personId,
      caseId: w.caseId,
      namePublic: input.namePublic ?? old?.namePublic ?? false,
      label: input.label === undefined ? (old?.label ?? null) : input.label,
    };
    await repos.record.saveSubject(result, w.actor);
    const { caseId: _caseId, ...detail } = result;
    return { subject: `person ${personId}`, detail, result: detail as SubjectSettings };
  });
}

/** A progress report sent to the complainant and the appropriate authority. */
export function progressReport(w: RecordWriter, on: string, note?: string): Promise<ProgressReport> {
  return w.change('progress', async (repos, record, dates) => {
    dates.check(on, '--on', { beforeStart: 'allow' });
    rules.checkOrder(
      record.details?.startDate,
      on,
      `the progress report (${on}) cannot be before the investigation started`,
    );
    const result = await w.insert(repos, 'record_progress_reports', {
      publishable: false,
      sentOn: on,
      note: note ?? null,
    });
    return { subject: `progress report ${result.id}`, detail: result, result };
  });
}

/** Marks a fact publishable (it may appear in the public summary) or private. */
export function mark(w: RecordWriter, kind: string, id: number, publishable: boolean) {
  return w.change('mark', async (repos) => {
    const table = (MARKABLE as Record<string, RecordTable>)[kind];
    if (!table) throw new UserError(`cannot mark "${kind}": one of ${Object.keys(MARKABLE).join(', ')}`);
    if (!(await repos.record.get(table, w.caseId, id))) throw new UserError(`no ${kind} ${id} in this case`);
    await repos.record.update(table, id, { publishable });
    return { subject: `${kind} ${id}`, detail: { publishable }, result: { kind, id, publishable } };
  });
}
