/**
 * The case record service: every change runs in one transaction that loads the record, checks the
 * rules (rules.ts), writes, and appends an audit entry (`record.<action>`), so the change and its
 * audit entry commit together or not at all.
 *
 * Over 500 lines on purpose: one short method per record action (each a transaction around rules
 * that live in rules.ts and rules-process.ts), so the service reads as the list of what the record
 * can hold.
 */
import type { Repos, Store } from '../store/open-store.js';
import type { RecordRowTable } from '../store/repositories/record-tables.js';
import { UserError } from '../domain/errors.js';
import { caseDeadlines, type Deadline } from './deadlines.js';
import { todayInEngland } from './periods.js';
import * as rules from './rules.js';
import { EventDates, checkCountMessages } from './rules-process.js';
import {
  OFFENCE_S127,
  RECOMMENDATION_BASIS,
  type Appeal,
  type Appearance,
  type Allegation,
  type Assessment,
  type BarredEntry,
  type BarredList,
  type CaseDetails,
  type CaseRecordData,
  type ChargingDecision,
  type Count,
  type FindingRecord,
  type Interview,
  type Notice,
  type OutcomeRecord,
  type Outcome,
  type Proceeding,
  type ProgressReport,
  type Recommendation,
  type Referral,
  type Sentence,
  type Severity,
  type SummaryDraft,
  type TeamMember,
  type MarkKind,
} from '../contract/record.js';

const flag = (b: boolean | undefined): 0 | 1 => (b ? 1 : 0);

/** Loads everything the record holds about a case. */
export async function loadRecord(repos: Repos, caseId: number): Promise<CaseRecordData> {
  const theCase = await repos.cases.get(caseId);
  if (!theCase) throw new UserError(`no case ${caseId}`, { code: 'no_case' });
  const r = repos.record;
  const people = await repos.people.list(caseId);
  return {
    caseId,
    caseName: theCase.name,
    details: await r.details(caseId),
    people: people.map((p) => ({
      id: p.id,
      name: p.name,
      role: p.role,
      force: p.force,
      rank: p.rank,
      warrantNumber: p.warrantNumber,
      status: p.status,
      barredListApplies: p.barredListApplies,
      statusHistory: p.statusHistory,
      employment: p.employment,
    })),
    subjects: await r.subjects(caseId),
    assessments: await r.list<Assessment>('record_assessments', caseId),
    notices: await r.list<Notice>('record_notices', caseId),
    interviews: await r.list<Interview>('record_interviews', caseId),
    allegations: await r.list<Allegation>('record_allegations', caseId),
    referrals: await r.list<Referral>('record_referrals', caseId),
    chargingDecisions: await r.list<ChargingDecision>('record_charging_decisions', caseId),
    counts: await r.list<Count>('record_counts', caseId),
    appearances: await r.list<Appearance>('record_appearances', caseId),
    sentences: await r.list<Sentence>('record_sentences', caseId),
    appeals: await r.list<Appeal>('record_appeals', caseId),
    proceedings: await r.list<Proceeding>('record_proceedings', caseId),
    findings: await r.list<FindingRecord>('record_findings', caseId),
    outcomes: await r.list<OutcomeRecord>('record_outcomes', caseId),
    barred: await r.list<BarredEntry>('record_barred', caseId),
    recommendations: await r.list<Recommendation>('record_recommendations', caseId),
    progressReports: await r.list<ProgressReport>('record_progress_reports', caseId),
  };
}

/** Participant -> person, for every identity confirmed and not since rejected (the latest decision). */
async function confirmedIdentities(repos: Repos, caseId: number): Promise<Map<number, number>> {
  const latest = new Map<string, { participantId: number; personId: number; decision: string }>();
  for (const d of await repos.people.decisions(caseId)) latest.set(`${d.participantId}:${d.personId}`, d);
  const out = new Map<number, number>();
  for (const d of latest.values()) if (d.decision === 'confirmed') out.set(d.participantId, d.personId);
  return out;
}

/** The messages the record's counts and allegations cite, with their UTC instants. */
export async function citedMessageTimes(repos: Repos, record: CaseRecordData): Promise<Map<number, string>> {
  const ids = [
    ...record.counts.flatMap((c) => c.messageIds),
    ...record.allegations.flatMap((a) => a.messageIds),
  ];
  return repos.record.messageTimes(record.caseId, ids);
}

export interface CaseDetailsInput {
  reference?: string;
  operation?: string;
  investigatingBody?: string;
  mode?: string;
  forces?: string[];
  status?: string;
  referralDate?: string;
  startDate?: string;
  evidenceSufficientDate?: string;
  reportDate?: string;
  team?: TeamMember[];
  cameToLight?: string;
  messagesAnalysed?: number;
  publishable?: boolean;
}

/** Where a fact can be marked publishable or private (`record mark`): one table for each of MARK_KINDS. */
export const MARKABLE: Readonly<Record<string, RecordRowTable>> = {
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
} satisfies Record<MarkKind, RecordRowTable>;

/** The CLI flag of each case date, for messages. */
const CASE_DATE_FLAGS: Record<string, string> = {
  referralDate: '--referral-date',
  startDate: '--start-date',
  evidenceSufficientDate: '--evidence-sufficient',
  reportDate: '--report-date',
};

export interface RecordServiceOptions {
  readonly force?: string | null;
  readonly today?: string;
}

export class RecordService {
  constructor(
    private readonly store: Store,
    readonly caseId: number,
    private readonly actor: string,
    /** `force`: the reason a date before the investigation's start is right; `today` for tests. */
    private readonly options: RecordServiceOptions = {},
  ) {}

  /** Set inside `batch`: the transaction every change joins. */
  private tx: Repos | null = null;

  /** Runs several changes in one transaction: all of them are recorded, or none. */
  async batch<T>(fn: (service: RecordService) => Promise<T>): Promise<T> {
    if (this.tx) return fn(this);
    return this.store.transaction(async (repos) => {
      const inner = new RecordService(this.store, this.caseId, this.actor, this.options);
      inner.tx = repos;
      return fn(inner);
    });
  }

  /** Loads the record, runs `fn` and appends its audit entry, all in one transaction. */
  private async change<T>(
    action: string,
    fn: (
      repos: Repos,
      record: CaseRecordData,
      dates: EventDates,
    ) => Promise<{ subject: string; detail: unknown; result: T }>,
  ): Promise<T> {
    const run = async (repos: Repos): Promise<T> => {
      const record = await loadRecord(repos, this.caseId);
      const dates = new EventDates(
        record,
        this.options.today ?? todayInEngland(),
        this.options.force ?? null,
      );
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
    };
    return this.tx ? run(this.tx) : this.store.transaction(run);
  }

  private base(publishable: boolean | undefined) {
    return { case_id: this.caseId, publishable: flag(publishable), created_by: this.actor };
  }

  private async added<R>(repos: Repos, table: RecordRowTable, id: number): Promise<R> {
    return (await repos.record.get<R>(table, this.caseId, id))!;
  }

  async load(): Promise<CaseRecordData> {
    return loadRecord(this.store, this.caseId);
  }

  async setCase(input: CaseDetailsInput): Promise<CaseDetails> {
    return this.change('case', async (repos, record, dates) => {
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
        publishable: input.publishable ?? old?.publishable ?? false,
      };
      rules.checkCaseDates(next);
      await repos.record.saveDetails({
        case_id: this.caseId,
        reference: next.reference,
        operation: next.operation,
        investigating_body: next.investigatingBody,
        mode: next.mode,
        forces_json: JSON.stringify(next.forces),
        status: next.status,
        referral_date: next.referralDate,
        start_date: next.startDate,
        evidence_sufficient_date: next.evidenceSufficientDate,
        report_date: next.reportDate,
        team_json: JSON.stringify(next.team),
        came_to_light: next.cameToLight,
        messages_analysed: next.messagesAnalysed,
        publishable: flag(next.publishable),
        updated_at: new Date().toISOString(),
        updated_by: this.actor,
      });
      const result = (await repos.record.details(this.caseId))!;
      return { subject: `case ${this.caseId}`, detail: { changed: input }, result };
    });
  }

  async setSubject(personId: number, input: { namePublic?: boolean; label?: string | null }) {
    return this.change('subject', async (repos, record) => {
      rules.subject(record, personId);
      const old = record.subjects.find((s) => s.personId === personId);
      const result = {
        personId,
        namePublic: input.namePublic ?? old?.namePublic ?? false,
        label: input.label === undefined ? (old?.label ?? null) : input.label,
      };
      await repos.record.saveSubject({
        person_id: personId,
        case_id: this.caseId,
        name_public: flag(result.namePublic),
        label: result.label,
        updated_at: new Date().toISOString(),
        updated_by: this.actor,
      });
      return { subject: `person ${personId}`, detail: result, result };
    });
  }

  async assess(i: {
    personId: number;
    severity: Severity;
    on: string;
    rationale?: string;
    publishable?: boolean;
  }) {
    return this.change('assess', async (repos, record, dates) => {
      dates.check(i.on, '--on', { beforeStart: 'allow' });
      rules.checkAssessment(record, i.personId, i.on);
      const id = await repos.record.add('record_assessments', {
        ...this.base(i.publishable),
        person_id: i.personId,
        severity: i.severity,
        assessed_on: i.on,
        rationale: i.rationale ?? null,
      });
      const result = await this.added<Assessment>(repos, 'record_assessments', id);
      return { subject: `person ${i.personId}`, detail: result, result };
    });
  }

  async notice(i: {
    personId: number;
    kind: 'reg17' | 'criminal_letter';
    on: string;
    conduct?: string;
    standards?: string[];
    severity?: Severity;
    publishable?: boolean;
  }) {
    return this.change('notice', async (repos, record, dates) => {
      dates.check(i.on, '--on', { beforeStart: 'allow' });
      const standards = (i.standards ?? []).map(rules.checkStandard);
      rules.checkNotice(record, {
        personId: i.personId,
        kind: i.kind,
        servedOn: i.on,
        conduct: i.conduct ?? null,
        standards,
      });
      const latest = record.assessments.filter((a) => a.personId === i.personId).at(-1);
      const id = await repos.record.add('record_notices', {
        ...this.base(i.publishable),
        person_id: i.personId,
        kind: i.kind,
        served_on: i.on,
        conduct: i.conduct ?? null,
        standards_json: JSON.stringify(standards),
        severity: i.kind === 'reg17' ? (i.severity ?? latest?.severity ?? null) : null,
      });
      const result = await this.added<Notice>(repos, 'record_notices', id);
      return { subject: `person ${i.personId}`, detail: result, result };
    });
  }

  async interview(i: { personId: number; on: string; kind: string; note?: string; publishable?: boolean }) {
    return this.change('interview', async (repos, record, dates) => {
      dates.check(i.on, '--on');
      rules.checkInterview(record, { personId: i.personId, kind: i.kind, heldOn: i.on });
      const id = await repos.record.add('record_interviews', {
        ...this.base(i.publishable),
        person_id: i.personId,
        held_on: i.on,
        kind: i.kind,
        note: i.note ?? null,
      });
      const result = await this.added<Interview>(repos, 'record_interviews', id);
      return { subject: `person ${i.personId}`, detail: result, result };
    });
  }

  async allegation(i: {
    personId: number;
    standard: string;
    description: string;
    messageIds: number[];
    publishable?: boolean;
  }) {
    return this.change('allegation', async (repos, record) => {
      const standard = rules.checkStandard(i.standard);
      const times = await repos.record.messageTimes(this.caseId, i.messageIds);
      rules.checkAllegation(record, i, times);
      const id = await repos.record.add('record_allegations', {
        ...this.base(i.publishable),
        person_id: i.personId,
        standard,
        description: i.description,
        message_ids_json: JSON.stringify(i.messageIds),
        case_to_answer: null,
        case_to_answer_on: null,
      });
      const result = await this.added<Allegation>(repos, 'record_allegations', id);
      return { subject: `person ${i.personId}`, detail: result, result };
    });
  }

  async refer(i: { on: string; prosecutor?: string; exhibits: string[]; publishable?: boolean }) {
    return this.change('refer', async (repos, record, dates) => {
      dates.check(i.on, '--on', { beforeStart: 'allow' });
      const missing: string[] = [];
      for (const ref of i.exhibits)
        if (!(await repos.exhibits.findByRef(this.caseId, ref))) missing.push(ref);
      rules.checkReferral(record, i.on, missing);
      const id = await repos.record.add('record_referrals', {
        ...this.base(i.publishable),
        referred_on: i.on,
        prosecutor: i.prosecutor ?? 'Crown Prosecution Service',
        exhibits_json: JSON.stringify(i.exhibits),
      });
      const result = await this.added<Referral>(repos, 'record_referrals', id);
      return { subject: `referral ${id}`, detail: result, result };
    });
  }

  async chargingDecision(i: {
    personId: number;
    on: string;
    decision: 'charge' | 'no_charge';
    note?: string;
    publishable?: boolean;
  }) {
    return this.change('charging', async (repos, record, dates) => {
      dates.check(i.on, '--on');
      rules.checkChargingDecision(record, i.personId, i.on);
      const id = await repos.record.add('record_charging_decisions', {
        ...this.base(i.publishable),
        person_id: i.personId,
        decided_on: i.on,
        decision: i.decision,
        note: i.note ?? null,
      });
      const result = await this.added<ChargingDecision>(repos, 'record_charging_decisions', id);
      return { subject: `person ${i.personId}`, detail: result, result };
    });
  }

  /** A new count (proposed when `on` is absent, charged otherwise). */
  async count(i: {
    personId: number;
    messageIds: number[];
    on?: string;
    offence?: string;
    description?: string;
    publishable?: boolean;
  }) {
    return this.change('charge', async (repos, record, dates) => {
      if (i.on) dates.check(i.on, '--on');
      const times = await repos.record.messageTimes(this.caseId, i.messageIds);
      rules.checkCount(
        record,
        { personId: i.personId, messageIds: i.messageIds, chargedOn: i.on ?? null },
        times,
      );
      checkCountMessages(
        record,
        rules.subject(record, i.personId),
        await repos.record.messageSenders(this.caseId, i.messageIds),
        await confirmedIdentities(repos, this.caseId),
      );
      if (new Set(i.messageIds).size !== i.messageIds.length)
        throw new UserError('a message appears twice in --messages', { code: 'count_duplicate' });
      const number =
        Math.max(0, ...record.counts.filter((c) => c.personId === i.personId).map((c) => c.number)) + 1;
      const id = await repos.record.add('record_counts', {
        ...this.base(i.publishable),
        person_id: i.personId,
        number,
        offence: i.offence ?? OFFENCE_S127,
        description: i.description ?? null,
        message_ids_json: JSON.stringify(i.messageIds),
        charged_on: i.on ?? null,
        verdict: null,
        verdict_on: null,
      });
      const result = await this.added<Count>(repos, 'record_counts', id);
      return { subject: `count ${id}`, detail: result, result };
    });
  }

  /** Charges a proposed count. */
  async chargeCount(countId: number, on: string) {
    return this.change('charge', async (repos, record, dates) => {
      dates.check(on, '--on');
      const c = rules.findCount(record, countId);
      if (c.chargedOn) throw new UserError(`count ${countId} was already charged on ${c.chargedOn}`);
      const times = await repos.record.messageTimes(this.caseId, c.messageIds);
      rules.checkCharge(record, rules.subject(record, c.personId), c.messageIds, on, times);
      await repos.record.update('record_counts', countId, { charged_on: on });
      const result = await this.added<Count>(repos, 'record_counts', countId);
      return { subject: `count ${countId}`, detail: { chargedOn: on }, result };
    });
  }

  async appearance(i: {
    personId: number;
    on: string;
    court: string;
    purpose?: string;
    publishable?: boolean;
  }) {
    return this.change('appearance', async (repos, record, dates) => {
      dates.check(i.on, '--on');
      const p = rules.subject(record, i.personId);
      const charged = record.counts.filter((c) => c.personId === i.personId && c.chargedOn);
      if (charged.length === 0) throw new UserError(`${p.name} has not been charged: no court appearance`);
      rules.checkOrder(
        charged.map((c) => c.chargedOn!).sort()[0],
        i.on,
        `the court appearance (${i.on}) cannot be before the charge`,
      );
      const id = await repos.record.add('record_appearances', {
        ...this.base(i.publishable),
        person_id: i.personId,
        appeared_on: i.on,
        court: i.court,
        purpose: i.purpose ?? null,
      });
      const result = await this.added<Appearance>(repos, 'record_appearances', id);
      return { subject: `person ${i.personId}`, detail: result, result };
    });
  }

  async verdict(countId: number, verdict: string, on: string) {
    return this.change('verdict', async (repos, record, dates) => {
      dates.check(on, '--on');
      rules.checkVerdict(record, countId, on);
      await repos.record.update('record_counts', countId, { verdict, verdict_on: on });
      const result = await this.added<Count>(repos, 'record_counts', countId);
      return { subject: `count ${countId}`, detail: { verdict, on }, result };
    });
  }

  async sentence(i: { personId: number; on: string; sentence: string; publishable?: boolean }) {
    return this.change('sentence', async (repos, record, dates) => {
      dates.check(i.on, '--on');
      rules.checkSentence(record, i.personId, i.on);
      const id = await repos.record.add('record_sentences', {
        ...this.base(i.publishable),
        person_id: i.personId,
        sentenced_on: i.on,
        sentence: i.sentence,
      });
      const result = await this.added<Sentence>(repos, 'record_sentences', id);
      return { subject: `person ${i.personId}`, detail: result, result };
    });
  }

  /** Lodges an appeal (`on`), or records the outcome of the defendant's latest appeal. */
  async appeal(i: {
    personId: number;
    on?: string;
    grounds?: string;
    outcome?: string;
    outcomeOn?: string;
    publishable?: boolean;
  }) {
    return this.change('appeal', async (repos, record, dates) => {
      if (i.outcomeOn) dates.check(i.outcomeOn, '--outcome-on');
      if (i.outcome && !i.outcomeOn) throw new UserError('give the date of the appeal outcome: --outcome-on');
      if (i.on) {
        dates.check(i.on, '--on');
        rules.checkAppeal(record, i.personId, i.on, i.outcomeOn ?? null);
        const id = await repos.record.add('record_appeals', {
          ...this.base(i.publishable),
          person_id: i.personId,
          lodged_on: i.on,
          grounds: i.grounds ?? null,
          outcome: i.outcome ?? null,
          outcome_on: i.outcomeOn ?? null,
        });
        const result = await this.added<Appeal>(repos, 'record_appeals', id);
        return { subject: `person ${i.personId}`, detail: result, result };
      }
      const latest = record.appeals.filter((a) => a.personId === i.personId).at(-1);
      if (!latest) throw new UserError('no appeal is recorded for this defendant: give --on to lodge one');
      if (!i.outcome) throw new UserError('give --on to lodge an appeal, or --outcome and --outcome-on');
      rules.checkAppeal(record, i.personId, latest.lodgedOn, i.outcomeOn ?? null);
      await repos.record.update('record_appeals', latest.id, { outcome: i.outcome, outcome_on: i.outcomeOn });
      const result = await this.added<Appeal>(repos, 'record_appeals', latest.id);
      return { subject: `person ${i.personId}`, detail: { outcome: i.outcome, on: i.outcomeOn }, result };
    });
  }

  async caseToAnswer(allegationId: number, decision: string, on: string) {
    return this.change('case-to-answer', async (repos, record, dates) => {
      dates.check(on, '--on');
      rules.checkCaseToAnswer(record, allegationId, on);
      await repos.record.update('record_allegations', allegationId, {
        case_to_answer: decision,
        case_to_answer_on: on,
      });
      const result = await this.added<Allegation>(repos, 'record_allegations', allegationId);
      return { subject: `allegation ${allegationId}`, detail: { decision, on }, result };
    });
  }

  async proceeding(i: {
    kind: 'meeting' | 'hearing';
    level: string;
    public?: boolean;
    startOn: string;
    endOn?: string;
    panel: TeamMember[];
    heldBy?: string;
    publishable?: boolean;
  }) {
    return this.change('hearing', async (repos, record, dates) => {
      dates.check(i.startOn, '--start');
      if (i.endOn) dates.check(i.endOn, '--end');
      rules.checkProceeding(record, {
        kind: i.kind,
        level: i.level,
        startOn: i.startOn,
        endOn: i.endOn ?? null,
      });
      const id = await repos.record.add('record_proceedings', {
        ...this.base(i.publishable),
        kind: i.kind,
        level: i.level,
        public: flag(i.public ?? i.kind === 'hearing'),
        start_on: i.startOn,
        end_on: i.endOn ?? null,
        panel_json: JSON.stringify(i.panel),
        held_by: i.heldBy ?? null,
      });
      const result = await this.added<Proceeding>(repos, 'record_proceedings', id);
      return { subject: `proceeding ${id}`, detail: result, result };
    });
  }

  async finding(i: {
    allegationId: number;
    proceedingId: number;
    finding: string;
    on: string;
    publishable?: boolean;
  }) {
    return this.change('finding', async (repos, record, dates) => {
      dates.check(i.on, '--on');
      rules.checkFinding(record, i.allegationId, i.proceedingId, i.on);
      const id = await repos.record.add('record_findings', {
        ...this.base(i.publishable),
        allegation_id: i.allegationId,
        proceeding_id: i.proceedingId,
        finding: i.finding,
        found_on: i.on,
      });
      const result = await this.added<FindingRecord>(repos, 'record_findings', id);
      return { subject: `allegation ${i.allegationId}`, detail: result, result };
    });
  }

  async outcome(i: {
    personId: number;
    outcome: Outcome;
    proceedingId: number | null;
    on: string;
    publishable?: boolean;
  }) {
    return this.change('outcome', async (repos, record, dates) => {
      dates.check(i.on, '--on');
      rules.checkOutcome(record, { ...i, decidedOn: i.on });
      const id = await repos.record.add('record_outcomes', {
        ...this.base(i.publishable),
        person_id: i.personId,
        proceeding_id: i.proceedingId,
        outcome: i.outcome,
        decided_on: i.on,
      });
      const result = await this.added<OutcomeRecord>(repos, 'record_outcomes', id);
      return { subject: `person ${i.personId}`, detail: result, result };
    });
  }

  async barred(i: {
    personId: number;
    list: BarredList;
    reportedOn?: string;
    reason?: string;
    publishable?: boolean;
  }) {
    return this.change('barred', async (repos, record, dates) => {
      if (i.reportedOn) dates.check(i.reportedOn, '--reported-on');
      const entry = {
        personId: i.personId,
        list: i.list,
        reportedOn: i.reportedOn ?? null,
        reason: i.reason ?? null,
      };
      rules.checkBarred(record, entry);
      const id = await repos.record.add('record_barred', {
        ...this.base(i.publishable),
        person_id: i.personId,
        list: i.list,
        reported_on: entry.reportedOn,
        reason: entry.reason,
      });
      const result = await this.added<BarredEntry>(repos, 'record_barred', id);
      return { subject: `person ${i.personId}`, detail: result, result };
    });
  }

  async recommendation(i: {
    reference: string;
    recipients: string[];
    text: string;
    rationale?: string;
    legalBasis?: string;
    on: string;
    publishable?: boolean;
  }) {
    return this.change('recommendation', async (repos, _record, dates) => {
      dates.check(i.on, '--on');
      if (i.recipients.length === 0)
        throw new UserError('a learning recommendation needs a --recipient organisation');
      const id = await repos.record.add('record_recommendations', {
        ...this.base(i.publishable),
        reference: i.reference,
        recipients_json: JSON.stringify(i.recipients),
        text: i.text,
        rationale: i.rationale ?? null,
        legal_basis: i.legalBasis ?? RECOMMENDATION_BASIS,
        made_on: i.on,
        extensions_json: '[]',
        response_text: null,
        response_on: null,
        response: null,
        published_on: null,
      });
      const result = await this.added<Recommendation>(repos, 'record_recommendations', id);
      return { subject: `recommendation ${i.reference}`, detail: result, result };
    });
  }

  async extend(ref: string, i: { days: number; reason: string; on: string }) {
    return this.change('extend', async (repos, record, dates) => {
      dates.check(i.on, '--on');
      const rec = rules.findRecommendation(record, ref);
      if (!(Number.isInteger(i.days) && i.days > 0))
        throw new UserError('--days must be a whole number above 0');
      if (rec.responseOn) throw new UserError(`recommendation ${rec.reference} already has its response`);
      rules.checkOrder(
        rec.madeOn,
        i.on,
        `the extension (${i.on}) cannot be before the recommendation (${rec.madeOn})`,
      );
      const extensions = [...rec.extensions, { days: i.days, reason: i.reason, grantedOn: i.on }];
      await repos.record.update('record_recommendations', rec.id, {
        extensions_json: JSON.stringify(extensions),
      });
      const result = await this.added<Recommendation>(repos, 'record_recommendations', rec.id);
      return {
        subject: `recommendation ${rec.reference}`,
        detail: { days: i.days, reason: i.reason, on: i.on },
        result,
      };
    });
  }

  async response(ref: string, i: { on: string; text: string; response: string }) {
    return this.change('response', async (repos, record, dates) => {
      dates.check(i.on, '--on');
      const rec = rules.findRecommendation(record, ref);
      rules.checkResponse(rec, i.on);
      await repos.record.update('record_recommendations', rec.id, {
        response_text: i.text,
        response_on: i.on,
        response: i.response,
      });
      const result = await this.added<Recommendation>(repos, 'record_recommendations', rec.id);
      return { subject: `recommendation ${rec.reference}`, detail: i, result };
    });
  }

  async publishResponse(ref: string, on: string, url?: string) {
    return this.change('publish', async (repos, record, dates) => {
      dates.check(on, '--on');
      const rec = rules.findRecommendation(record, ref);
      rules.checkPublication(rec, on);
      await repos.record.update('record_recommendations', rec.id, {
        published_on: on,
        response_url: url ?? null,
      });
      const result = await this.added<Recommendation>(repos, 'record_recommendations', rec.id);
      return {
        subject: `recommendation ${rec.reference}`,
        detail: { publishedOn: on, url: url ?? null },
        result,
      };
    });
  }

  async progressReport(on: string, note?: string) {
    return this.change('progress', async (repos, record, dates) => {
      dates.check(on, '--on', { beforeStart: 'allow' });
      rules.checkOrder(
        record.details?.startDate,
        on,
        `the progress report (${on}) cannot be before the investigation started`,
      );
      const id = await repos.record.add('record_progress_reports', {
        ...this.base(false),
        sent_on: on,
        note: note ?? null,
      });
      const result = await this.added<ProgressReport>(repos, 'record_progress_reports', id);
      return { subject: `progress report ${id}`, detail: result, result };
    });
  }

  /** Marks a fact publishable (it may appear in the public summary) or private. */
  async mark(kind: string, id: number, publishable: boolean) {
    return this.change('mark', async (repos) => {
      const table = MARKABLE[kind];
      if (!table) throw new UserError(`cannot mark "${kind}": one of ${Object.keys(MARKABLE).join(', ')}`);
      if (!(await repos.record.get(table, this.caseId, id)))
        throw new UserError(`no ${kind} ${id} in this case`);
      await repos.record.update(table, id, { publishable: flag(publishable) });
      return { subject: `${kind} ${id}`, detail: { publishable }, result: { kind, id, publishable } };
    });
  }

  async deadlines(today: string): Promise<Deadline[]> {
    rules.checkDate(today, '--today');
    const record = await this.load();
    return caseDeadlines(record, await citedMessageTimes(this.store, record), today);
  }

  // Summary drafts -------------------------------------------------------------------------------

  async drafts(): Promise<SummaryDraft[]> {
    return this.store.record.list<SummaryDraft>('record_summaries', this.caseId);
  }

  /** Stores a new draft (generated or edited); refused once a summary is final. */
  async saveDraft(markdown: string, source: 'generated' | 'edited'): Promise<SummaryDraft> {
    return this.store.transaction(async (repos) => {
      const drafts = await repos.record.list<SummaryDraft>('record_summaries', this.caseId);
      if (drafts.some((d) => d.final))
        throw new UserError('the public summary is final: it can no longer be edited', {
          code: 'summary_final',
        });
      const version = (drafts.at(-1)?.version ?? 0) + 1;
      const id = await repos.record.add('record_summaries', {
        ...this.base(true),
        version,
        source,
        markdown,
        final: 0,
      });
      await repos.audit.append({
        actor: this.actor,
        action: `record.summary.${source}`,
        caseId: this.caseId,
        subject: `summary v${version}`,
        detail: { version, source, chars: markdown.length },
      });
      return (await repos.record.get<SummaryDraft>('record_summaries', this.caseId, id))!;
    });
  }

  async finalise(): Promise<SummaryDraft> {
    return this.store.transaction(async (repos) => {
      const drafts = await repos.record.list<SummaryDraft>('record_summaries', this.caseId);
      if (drafts.some((d) => d.final))
        throw new UserError('the public summary is already final', { code: 'summary_final' });
      const latest = drafts.at(-1);
      if (!latest) throw new UserError('there is no summary draft to mark final');
      await repos.record.update('record_summaries', latest.id, { final: 1 });
      await repos.audit.append({
        actor: this.actor,
        action: 'record.summary.final',
        caseId: this.caseId,
        subject: `summary v${latest.version}`,
        detail: { version: latest.version },
      });
      return { ...latest, final: true };
    });
  }
}
