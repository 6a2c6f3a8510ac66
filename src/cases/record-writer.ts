/**
 * What every record action shares: loading the record, and `change`, the one transaction that loads
 * the record, checks the dates and the rules, writes, and appends the audit entry
 * (`record.<action>`), so a change and its audit entry commit together or not at all. The actions
 * themselves live by concern (record-case.ts, record-misconduct.ts, record-prosecution.ts,
 * record-learning.ts, record-drafts.ts); record-service.ts lists them.
 */
import type { Repos, Store } from '../store/open-store.js';
import type { NewRecordRow } from '../store/repositories/record.js';
import { UserError } from '../domain/errors.js';
import { presentPerson } from './people-service.js';
import { todayInEngland } from './periods.js';
import { EventDates } from './rules-process.js';
import type {
  Allegation,
  Appeal,
  Appearance,
  Assessment,
  BarredEntry,
  CaseRecordData,
  ChargingDecision,
  Count,
  FindingRecord,
  Interview,
  Notice,
  OutcomeRecord,
  Proceeding,
  ProgressReport,
  Recommendation,
  Referral,
  Sentence,
  SummaryDraft,
} from '../contract/record.js';

/** Each record table's rows, as the domain reads them. */
export interface RecordRows {
  record_assessments: Assessment;
  record_notices: Notice;
  record_interviews: Interview;
  record_allegations: Allegation;
  record_referrals: Referral;
  record_charging_decisions: ChargingDecision;
  record_counts: Count;
  record_appearances: Appearance;
  record_sentences: Sentence;
  record_appeals: Appeal;
  record_proceedings: Proceeding;
  record_findings: FindingRecord;
  record_outcomes: OutcomeRecord;
  record_barred: BarredEntry;
  record_recommendations: Recommendation;
  record_progress_reports: ProgressReport;
  record_summaries: SummaryDraft;
}
export type RecordTable = keyof RecordRows;

/** Loads everything the record holds about a case. */
export async function loadRecord(repos: Repos, caseId: number): Promise<CaseRecordData> {
  const theCase = await repos.cases.get(caseId);
  if (!theCase) throw new UserError(`no case ${caseId}`, { code: 'no_case' });
  const r = repos.record;
  const list = <T extends RecordTable>(table: T) => r.list<RecordRows[T]>(table, caseId);
  return {
    caseId,
    caseName: theCase.name,
    details: await r.details(caseId),
    people: (await repos.people.list(caseId)).map(presentPerson),
    subjects: await r.subjects(caseId),
    assessments: await list('record_assessments'),
    notices: await list('record_notices'),
    interviews: await list('record_interviews'),
    allegations: await list('record_allegations'),
    referrals: await list('record_referrals'),
    chargingDecisions: await list('record_charging_decisions'),
    counts: await list('record_counts'),
    appearances: await list('record_appearances'),
    sentences: await list('record_sentences'),
    appeals: await list('record_appeals'),
    proceedings: await list('record_proceedings'),
    findings: await list('record_findings'),
    outcomes: await list('record_outcomes'),
    barred: await list('record_barred'),
    recommendations: await list('record_recommendations'),
    progressReports: await list('record_progress_reports'),
  };
}

/** The messages the record's counts and allegations cite, with their UTC instants. */
export async function citedMessageTimes(repos: Repos, record: CaseRecordData): Promise<Map<number, string>> {
  const ids = [
    ...record.counts.flatMap((c) => c.messageIds),
    ...record.allegations.flatMap((a) => a.messageIds),
  ];
  return repos.record.messageTimes(record.caseId, ids);
}

export interface RecordServiceOptions {
  /** The clock: "today" in England, for the rule that the record holds only what has happened. */
  readonly now: () => Date;
  /** The reason a date before the investigation's start is right (kept in the audit entry). */
  readonly force?: string | null;
}

/** What an action returns from inside `change`: its audit subject and detail, and its result. */
export interface Changed<T> {
  readonly subject: string;
  readonly detail: unknown;
  readonly result: T;
}

/** One case's record as one actor changes it; `tx` set when it runs inside a batch. */
export class RecordWriter {
  constructor(
    readonly store: Store,
    readonly caseId: number,
    readonly actor: string,
    readonly options: RecordServiceOptions,
    readonly tx: Repos | null = null,
  ) {}

  /** Today's date in England, by the injected clock. */
  today(): string {
    return todayInEngland(this.options.now());
  }

  /** The same writer inside the transaction `repos`. */
  within(repos: Repos): RecordWriter {
    return new RecordWriter(this.store, this.caseId, this.actor, this.options, repos);
  }

  /** Runs `fn` in the current transaction, or in a new one. */
  transaction<T>(fn: (repos: Repos) => Promise<T>): Promise<T> {
    return this.tx ? fn(this.tx) : this.store.transaction(fn);
  }

  /** Loads the record, runs `fn` and appends its audit entry, all in one transaction. */
  change<T>(
    action: string,
    fn: (repos: Repos, record: CaseRecordData, dates: EventDates) => Promise<Changed<T>>,
  ): Promise<T> {
    return this.transaction(async (repos) => {
      const record = await loadRecord(repos, this.caseId);
      const dates = new EventDates(record, this.today(), this.options.force ?? null);
      const { subject, detail, result } = await fn(repos, record, dates);
      await repos.audit.append({
        actor: this.actor,
        action: `record.${action}`,
        caseId: this.caseId,
        subject,
        // A date accepted only with --force keeps its reason here (issue 15 defect 4).
        detail: { ...(detail as Record<string, unknown>), ...dates.auditDetail() },
      });
      return result;
    });
  }

  /** Adds a row of the case and returns it as the domain reads it. */
  async insert<T extends RecordTable>(
    repos: Repos,
    table: T,
    values: NewRecordRow<T>,
  ): Promise<RecordRows[T]> {
    const id = await repos.record.add(table, this.caseId, this.actor, values);
    return this.row(repos, table, id);
  }

  /** Changes a row of the case and returns it as it now is. */
  async modify<T extends RecordTable>(
    repos: Repos,
    table: T,
    id: number,
    values: Partial<NewRecordRow<T>>,
  ): Promise<RecordRows[T]> {
    await repos.record.update(table, id, values);
    return this.row(repos, table, id);
  }

  private async row<T extends RecordTable>(repos: Repos, table: T, id: number): Promise<RecordRows[T]> {
    return (await repos.record.get<RecordRows[T]>(table, this.caseId, id))!;
  }
}
