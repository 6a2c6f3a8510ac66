/**
 * Record actions of the misconduct process (Police (Conduct) Regulations 2020): severity
 * assessment, notices, interviews, allegations, case to answer, meetings and hearings, findings,
 * outcomes and the barred list. Each runs in `RecordWriter.change` (one transaction with its audit
 * entry); the rules are in rules.ts and rules-process.ts.
 */
import type { RecordWriter } from './record-writer.js';
import * as rules from './rules.js';
import type { ActionInput, CaseToAnswer, Finding } from '../contract/record.js';

export type AssessInput = ActionInput<'assess'>;

export function assess(w: RecordWriter, i: AssessInput) {
  return w.change('assess', async (repos, record, dates) => {
    dates.check(i.on, '--on', { beforeStart: 'allow', partial: true });
    rules.checkAssessment(record, i.personId, i.on);
    const result = await w.insert(repos, 'record_assessments', {
      publishable: i.publishable ?? false,
      personId: i.personId,
      severity: i.severity,
      assessedOn: i.on,
      rationale: i.rationale ?? null,
    });
    return { subject: `person ${i.personId}`, detail: result, result };
  });
}

export type NoticeInput = ActionInput<'notice'>;

export function notice(w: RecordWriter, i: NoticeInput) {
  return w.change('notice', async (repos, record, dates) => {
    dates.check(i.on, '--on', { beforeStart: 'allow', partial: true });
    const standards = (i.standards ?? []).map(rules.checkStandard);
    rules.checkNotice(record, {
      personId: i.personId,
      kind: i.kind,
      servedOn: i.on,
      conduct: i.conduct ?? null,
      standards,
    });
    const latest = record.assessments.filter((a) => a.personId === i.personId).at(-1);
    const result = await w.insert(repos, 'record_notices', {
      publishable: i.publishable ?? false,
      personId: i.personId,
      kind: i.kind,
      servedOn: i.on,
      conduct: i.conduct ?? null,
      standards,
      severity: i.kind === 'reg17' ? (i.severity ?? latest?.severity ?? null) : null,
    });
    return { subject: `person ${i.personId}`, detail: result, result };
  });
}

export type InterviewInput = ActionInput<'interview'>;

export function interview(w: RecordWriter, i: InterviewInput) {
  return w.change('interview', async (repos, record, dates) => {
    dates.check(i.on, '--on');
    rules.checkInterview(record, { personId: i.personId, kind: i.kind, heldOn: i.on });
    const result = await w.insert(repos, 'record_interviews', {
      publishable: i.publishable ?? false,
      personId: i.personId,
      heldOn: i.on,
      kind: i.kind,
      note: i.note ?? null,
    });
    return { subject: `person ${i.personId}`, detail: result, result };
  });
}

export interface AllegationInput {
  personId: number;
  /** Any case ("discreditable conduct"): rules.checkStandard gives the exact words. */
  standard: string;
  description: string;
  messageIds: number[];
  publishable?: boolean;
}

export function allegation(w: RecordWriter, i: AllegationInput) {
  return w.change('allegation', async (repos, record) => {
    const standard = rules.checkStandard(i.standard);
    const times = await repos.record.messageTimes(w.caseId, i.messageIds);
    rules.checkAllegation(record, i, times);
    const result = await w.insert(repos, 'record_allegations', {
      publishable: i.publishable ?? false,
      personId: i.personId,
      standard,
      description: i.description,
      messageIds: i.messageIds,
      caseToAnswer: null,
      caseToAnswerOn: null,
    });
    return { subject: `person ${i.personId}`, detail: result, result };
  });
}

export function caseToAnswer(w: RecordWriter, allegationId: number, decision: CaseToAnswer, on: string) {
  return w.change('case-to-answer', async (repos, record, dates) => {
    dates.check(on, '--on');
    rules.checkCaseToAnswer(record, allegationId, on);
    const result = await w.modify(repos, 'record_allegations', allegationId, {
      caseToAnswer: decision,
      caseToAnswerOn: on,
    });
    return { subject: `allegation ${allegationId}`, detail: { decision, on }, result };
  });
}

export type ProceedingInput = ActionInput<'proceeding'>;

export function proceeding(w: RecordWriter, i: ProceedingInput) {
  return w.change('hearing', async (repos, record, dates) => {
    dates.check(i.startOn, '--start', { partial: true });
    if (i.endOn) dates.check(i.endOn, '--end', { partial: true });
    rules.checkProceeding(record, {
      kind: i.kind,
      level: i.level,
      startOn: i.startOn,
      endOn: i.endOn ?? null,
    });
    const result = await w.insert(repos, 'record_proceedings', {
      publishable: i.publishable ?? false,
      kind: i.kind,
      level: i.level,
      public: i.public ?? i.kind === 'hearing',
      startOn: i.startOn,
      endOn: i.endOn ?? null,
      panel: i.panel,
      heldBy: i.heldBy ?? null,
    });
    return { subject: `proceeding ${result.id}`, detail: result, result };
  });
}

export interface FindingInput {
  allegationId: number;
  proceedingId: number;
  finding: Finding;
  on: string;
  publishable?: boolean;
}

export function finding(w: RecordWriter, i: FindingInput) {
  return w.change('finding', async (repos, record, dates) => {
    dates.check(i.on, '--on', { partial: true });
    rules.checkFinding(record, i.allegationId, i.proceedingId, i.on);
    const result = await w.insert(repos, 'record_findings', {
      publishable: i.publishable ?? false,
      allegationId: i.allegationId,
      proceedingId: i.proceedingId,
      finding: i.finding,
      foundOn: i.on,
    });
    return { subject: `allegation ${i.allegationId}`, detail: result, result };
  });
}

export type OutcomeInput = ActionInput<'outcome'>;

export function outcome(w: RecordWriter, i: OutcomeInput) {
  return w.change('outcome', async (repos, record, dates) => {
    dates.check(i.on, '--on', { partial: true });
    rules.checkOutcome(record, { ...i, decidedOn: i.on });
    const result = await w.insert(repos, 'record_outcomes', {
      publishable: i.publishable ?? false,
      personId: i.personId,
      proceedingId: i.proceedingId,
      outcome: i.outcome,
      decidedOn: i.on,
    });
    return { subject: `person ${i.personId}`, detail: result, result };
  });
}

export type BarredInput = ActionInput<'barred'>;

export function barred(w: RecordWriter, i: BarredInput) {
  return w.change('barred', async (repos, record, dates) => {
    if (i.reportedOn) dates.check(i.reportedOn, '--reported-on', { partial: true });
    const entry = {
      personId: i.personId,
      list: i.list,
      reportedOn: i.reportedOn ?? null,
      reason: i.reason ?? null,
    };
    rules.checkBarred(record, entry);
    const result = await w.insert(repos, 'record_barred', { publishable: i.publishable ?? false, ...entry });
    return { subject: `person ${i.personId}`, detail: result, result };
  });
}
