/**
 * The rules of the case record, as pure checks: each takes the record as it stands and the change
 * proposed, and throws a UserError that says what is wrong and what to do instead. The service
 * (record-service.ts) runs them inside the transaction that makes the change.
 *
 * Just over 500 lines, on purpose: one check per record action, in the order of the process, so
 * the whole rule book reads in one place. Rules added for issue 15 (dates, the process in order,
 * counts tied to the defendant, status on a date) are in rules-process.ts.
 */
import { certainlyBefore, firstDay, parsePartialDate } from '../domain/partial-date.js';
import { DateTime } from 'luxon';

import { UserError } from '../domain/errors.js';
import { countLimitation } from './deadlines.js';
import { checkNotAfterOutcome, requireMisconductNotice, statusOn } from './rules-process.js';
import {
  BARRING_OUTCOMES,
  HEARING_ONLY_OUTCOMES,
  label,
  type Allegation,
  type BarredList,
  type CaseRecordData,
  type Count,
  type Outcome,
  type Proceeding,
  type RecordPerson,
  type Recommendation,
} from '../contract/record.js';
import { STANDARDS, type Standard } from '../contract/standards.js';

const fail = (message: string, code = 'record_rule'): never => {
  throw new UserError(message, { code });
};

/** A calendar date YYYY-MM-DD that exists. */
export function checkDate(value: string, what: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(value) || !DateTime.fromISO(value).isValid)
    fail(`${what} "${value}" is not a date (YYYY-MM-DD)`, 'bad_date');
  return value;
}

/** "Dates in order": `later` must not be before `earlier`. */
/** A record date at day, month or year precision (YYYY-MM-DD, YYYY-MM or YYYY). */
export function checkPartialDate(value: string, what: string): string {
  if (!parsePartialDate(value))
    fail(
      `${what} "${value}" is not a date (YYYY-MM-DD, or YYYY-MM / YYYY for a month or a year)`,
      'bad_date',
    );
  return value;
}

/** Refused only when certainly out of order: a month or a year may hold the other date. */
export function checkOrder(earlier: string | null | undefined, later: string, what: string): void {
  if (earlier && certainlyBefore(later, earlier)) fail(`dates out of order: ${what}`, 'dates_out_of_order');
}

export function checkStandard(value: string): Standard {
  const found = STANDARDS.find((s) => s.toLowerCase() === value.trim().toLowerCase());
  if (!found)
    fail(
      `"${value}" is not a Standard of Professional Behaviour; the ten are: ${STANDARDS.join('; ')}`,
      'bad_standard',
    );
  return found!;
}

export function subject(record: CaseRecordData, personId: number): RecordPerson {
  const p = record.people.find((x) => x.id === personId);
  if (!p) return fail(`no person ${personId} in this case`, 'no_person');
  if (p.role !== 'subject')
    fail(
      `${p.name} is a ${p.role} in this case, not a subject: only subjects have notices, allegations, charges and outcomes`,
      'not_subject',
    );
  return p;
}

/** The case's key dates: referral to the watchdog, start, investigation report, in that order. */
export function checkCaseDates(d: {
  referralDate: string | null;
  startDate: string | null;
  reportDate: string | null;
}): void {
  checkOrder(
    d.referralDate,
    d.startDate ?? '9999-12-31',
    `the investigation cannot start (${d.startDate}) before the referral (${d.referralDate})`,
  );
  if (d.reportDate) {
    checkOrder(
      d.startDate,
      d.reportDate,
      `the investigation report (${d.reportDate}) cannot be before the investigation started (${d.startDate})`,
    );
  }
}

export function checkAssessment(record: CaseRecordData, personId: number, on: string): void {
  const p = subject(record, personId);
  checkOrder(
    record.details?.referralDate,
    on,
    `the assessment of ${p.name} (${on}) cannot be before the referral (${record.details?.referralDate})`,
  );
  checkNotAfterOutcome(record, p, 'assessment', on);
}

export function checkNotice(
  record: CaseRecordData,
  n: {
    personId: number;
    kind: string;
    servedOn: string;
    conduct: string | null;
    standards: readonly string[];
  },
): void {
  const p = subject(record, n.personId);
  checkOrder(
    record.details?.startDate,
    n.servedOn,
    `the ${label(n.kind)} to ${p.name} (${n.servedOn}) cannot be served before the investigation started (${record.details?.startDate})`,
  );
  if (n.kind === 'reg17') {
    checkNotAfterOutcome(record, p, 'misconduct notice', n.servedOn);
    if (!n.conduct)
      fail('a Regulation 17 notice states the conduct alleged: give --conduct', 'notice_incomplete');
    if (n.standards.length === 0)
      fail(
        'a Regulation 17 notice names the standards said to be breached: give --standard',
        'notice_incomplete',
      );
    const assessed = record.assessments.filter((a) => a.personId === n.personId);
    if (assessed.length === 0)
      fail(
        `a Regulation 17 notice states the severity assessment: record an assessment of ${p.name} first (record assess)`,
        'notice_without_assessment',
      );
    const first = assessed.map((a) => a.assessedOn).sort()[0]!;
    checkOrder(
      first,
      n.servedOn,
      `the notice to ${p.name} (${n.servedOn}) cannot be before the assessment (${first})`,
    );
  }
}

export function checkInterview(
  record: CaseRecordData,
  i: { personId: number; kind: string; heldOn: string },
): void {
  const p = subject(record, i.personId);
  const needs =
    i.kind === 'criminal'
      ? ['criminal_letter']
      : i.kind === 'both'
        ? ['reg17', 'criminal_letter']
        : ['reg17'];
  for (const kind of needs) {
    const served = record.notices.filter(
      (n) => n.personId === i.personId && n.kind === kind && firstDay(n.servedOn) <= i.heldOn,
    );
    if (served.length === 0)
      fail(
        `${p.name} cannot be interviewed (${i.heldOn}) before being served a ${label(kind)}`,
        'interview_before_notice',
      );
  }
}

export function checkAllegation(
  record: CaseRecordData,
  a: { personId: number; messageIds: readonly number[] },
  messageTimes: ReadonlyMap<number, string>,
): void {
  const p = subject(record, a.personId);
  requireMisconductNotice(record, p, 'allegation', null);
  checkMessages(a.messageIds, messageTimes);
}

export function checkMessages(ids: readonly number[], messageTimes: ReadonlyMap<number, string>): void {
  const missing = ids.filter((id) => !messageTimes.has(id));
  if (missing.length)
    fail(
      `message${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not in this case`,
      'message_not_in_case',
    );
}

export function checkReferral(
  record: CaseRecordData,
  referredOn: string,
  missingExhibits: readonly string[],
): void {
  if (missingExhibits.length)
    fail(
      `no exhibit ${missingExhibits.join(', ')} in this case (see \`scrutineer exhibit list\`)`,
      'no_exhibit',
    );
  checkOrder(
    record.details?.startDate,
    referredOn,
    `the referral to the prosecutor (${referredOn}) cannot be before the investigation started (${record.details?.startDate})`,
  );
}

export function checkChargingDecision(record: CaseRecordData, personId: number, on: string): void {
  const p = subject(record, personId);
  const referral = record.referrals.map((r) => r.referredOn).sort()[0];
  if (!referral) fail('no referral to the prosecutor is recorded: record refer first', 'no_referral');
  checkOrder(
    referral,
    on,
    `the charging decision on ${p.name} (${on}) cannot be before the referral (${referral})`,
  );
}

/** A count, proposed (no charge date) or charged. */
export function checkCount(
  record: CaseRecordData,
  c: { personId: number; messageIds: readonly number[]; chargedOn: string | null },
  messageTimes: ReadonlyMap<number, string>,
): void {
  const p = subject(record, c.personId);
  if (c.messageIds.length === 0)
    fail('a count is one message or a tight exchange: give --messages', 'count_without_message');
  checkMessages(c.messageIds, messageTimes);
  if (c.chargedOn) checkCharge(record, p, c.messageIds, c.chargedOn, messageTimes);
}

export function checkCharge(
  record: CaseRecordData,
  p: RecordPerson,
  messageIds: readonly number[],
  chargedOn: string,
  messageTimes: ReadonlyMap<number, string>,
): void {
  const decision = record.chargingDecisions
    .filter((d) => d.personId === p.id && d.decision === 'charge' && d.decidedOn <= chargedOn)
    .at(-1);
  if (!decision)
    fail(
      `no charging decision to charge ${p.name} on or before ${chargedOn}: record the prosecutor's decision first (record charging)`,
      'charge_without_decision',
    );
  const sent = messageIds.map((id) => messageTimes.get(id)!).sort();
  const lastSent = sent.at(-1)!.slice(0, 10);
  checkOrder(
    lastSent,
    chargedOn,
    `the charge (${chargedOn}) cannot be before the message was sent (${lastSent})`,
  );
  const l = countLimitation(sent, record.details?.evidenceSufficientDate ?? null);
  if (chargedOn > l.limitationDate)
    fail(
      `out of time: the s127(5) limitation date of this count is ${l.limitationDate} (${
        l.limitedBy === 'six_months'
          ? 'the last day of the 6 months beginning with the evidence-sufficient date'
          : 'the last day of the 3 years beginning with the day of sending'
      }); a charge on ${chargedOn} is too late`,
      'out_of_time',
    );
}

export function findCount(record: CaseRecordData, id: number): Count {
  return record.counts.find((c) => c.id === id) ?? fail(`no count ${id} in this case`, 'no_count');
}

export function checkVerdict(record: CaseRecordData, countId: number, on: string): Count {
  const c = findCount(record, countId);
  if (c.chargedOn === null)
    fail(`count ${countId} was never charged: verdicts are only for charged counts`, 'verdict_uncharged');
  if (c.verdict !== null)
    fail(`count ${countId} already has a verdict (${c.verdict} on ${c.verdictOn})`, 'verdict_exists');
  checkOrder(c.chargedOn, on, `the verdict (${on}) cannot be before the charge (${c.chargedOn})`);
  return c;
}

export function checkSentence(record: CaseRecordData, personId: number, on: string): void {
  const p = subject(record, personId);
  const convictions = record.counts.filter((c) => c.personId === personId && c.verdict === 'convicted');
  if (convictions.length === 0)
    fail(`${p.name} was not convicted of any count: no sentence`, 'sentence_without_conviction');
  const last = convictions
    .map((c) => c.verdictOn!)
    .sort()
    .at(-1)!;
  checkOrder(last, on, `the sentence (${on}) cannot be before the conviction (${last})`);
}

export function checkAppeal(
  record: CaseRecordData,
  personId: number,
  lodgedOn: string,
  outcomeOn: string | null,
): void {
  const p = subject(record, personId);
  const convictions = record.counts.filter((c) => c.personId === personId && c.verdict === 'convicted');
  if (convictions.length === 0)
    fail(`${p.name} was not convicted of any count: nothing to appeal`, 'appeal_without_conviction');
  const first = convictions.map((c) => c.verdictOn!).sort()[0]!;
  checkOrder(first, lodgedOn, `the appeal (${lodgedOn}) cannot be before the conviction (${first})`);
  if (outcomeOn)
    checkOrder(
      lodgedOn,
      outcomeOn,
      `the appeal's outcome (${outcomeOn}) cannot be before it was lodged (${lodgedOn})`,
    );
}

export function findAllegation(record: CaseRecordData, id: number): Allegation {
  return (
    record.allegations.find((a) => a.id === id) ?? fail(`no allegation ${id} in this case`, 'no_allegation')
  );
}

export function checkCaseToAnswer(record: CaseRecordData, allegationId: number, on: string): void {
  const a = findAllegation(record, allegationId);
  requireMisconductNotice(record, subject(record, a.personId), 'case-to-answer decision', on);
  const report = record.details?.reportDate;
  if (!report)
    fail(
      'the case-to-answer decision follows the investigation report: record its date first (record case --report-date)',
      'no_report',
    );
  checkOrder(
    report,
    on,
    `the case-to-answer decision (${on}) cannot be before the investigation report (${report})`,
  );
}

export function checkProceeding(
  record: CaseRecordData,
  p: { kind: string; level: string; startOn: string; endOn: string | null },
): void {
  if (p.level === 'gross_misconduct' && p.kind !== 'hearing')
    fail('gross misconduct goes to a misconduct hearing, not a meeting', 'gross_misconduct_meeting');
  const decided = record.allegations.filter((a) => a.caseToAnswer && a.caseToAnswer !== 'no_case');
  if (decided.length === 0)
    fail(
      'no allegation has a case to answer: record the case-to-answer decisions first (record case-to-answer)',
      'no_case_to_answer',
    );
  const last = decided
    .map((a) => a.caseToAnswerOn!)
    .sort()
    .at(-1)!;
  checkOrder(
    record.details?.reportDate,
    p.startOn,
    `the ${p.kind} (${p.startOn}) cannot be before the investigation report`,
  );
  checkOrder(
    decided.map((a) => a.caseToAnswerOn!).sort()[0],
    p.startOn,
    `the ${p.kind} (${p.startOn}) cannot be before the case-to-answer decision (${last})`,
  );
  if (p.endOn)
    checkOrder(p.startOn, p.endOn, `the ${p.kind} cannot end (${p.endOn}) before it starts (${p.startOn})`);
}

export function findProceeding(record: CaseRecordData, id: number): Proceeding {
  return (
    record.proceedings.find((p) => p.id === id) ?? fail(`no proceeding ${id} in this case`, 'no_proceeding')
  );
}

export function checkFinding(
  record: CaseRecordData,
  allegationId: number,
  proceedingId: number,
  on: string,
): void {
  const a = findAllegation(record, allegationId);
  const proc = findProceeding(record, proceedingId);
  requireMisconductNotice(record, subject(record, a.personId), 'finding', on);
  if (!a.caseToAnswer || a.caseToAnswer === 'no_case')
    fail(
      `allegation ${allegationId} has ${a.caseToAnswer ? 'no case to answer' : 'no case-to-answer decision'}: it cannot be found proven or not proven`,
      'finding_without_case',
    );
  checkOrder(
    proc.startOn,
    on,
    `the finding (${on}) cannot be before the ${proc.kind} started (${proc.startOn})`,
  );
  if (record.findings.some((f) => f.allegationId === allegationId && f.proceedingId === proceedingId))
    fail(
      `allegation ${allegationId} already has a finding at ${proc.kind} ${proceedingId}`,
      'finding_exists',
    );
}

export function checkOutcome(
  record: CaseRecordData,
  o: { personId: number; outcome: Outcome; proceedingId: number | null; decidedOn: string },
): void {
  const p = subject(record, o.personId);
  requireMisconductNotice(record, p, 'outcome', o.decidedOn);
  // The status on the day of the outcome: an officer who resigned during the case is former then.
  const status = statusOn(p, o.decidedOn);
  if (o.outcome === 'would_have_been_dismissed' && status !== 'former')
    fail(
      `"would have been dismissed" is only for a former officer; ${p.name} was ${status ?? 'of unrecorded status'} on ${o.decidedOn} (if they left, record it: \`person update CASE "${p.name}" --status former --from DATE\`)`,
      'wwhbd_not_former',
    );
  if (o.outcome === 'dismissal_without_notice' && status === 'former')
    fail(
      `${p.name} was a former officer on ${o.decidedOn} and cannot be dismissed: the outcome is "would have been dismissed"`,
      'dismiss_former',
    );
  const proc = o.proceedingId === null ? null : findProceeding(record, o.proceedingId);
  if (HEARING_ONLY_OUTCOMES.includes(o.outcome) && proc?.kind !== 'hearing')
    fail(
      `${label(o.outcome)} can only be decided at a misconduct hearing${proc ? `, not a ${proc.kind}` : ': give --proceeding'}`,
      'outcome_needs_hearing',
    );
  const allegations = new Set(record.allegations.filter((a) => a.personId === o.personId).map((a) => a.id));
  const findings = record.findings.filter(
    (f) => allegations.has(f.allegationId) && (proc === null || f.proceedingId === proc.id),
  );
  if (o.outcome === 'reflective_practice') {
    const pri = record.assessments.some(
      (a) => a.personId === o.personId && a.severity === 'practice_requiring_improvement',
    );
    const noCase = record.allegations.some((a) => a.personId === o.personId && a.caseToAnswer === 'no_case');
    if (findings.length === 0 && !pri && !noCase)
      fail(
        `no finding, practice-requiring-improvement assessment or no-case decision for ${p.name}: no outcome without a finding`,
        'outcome_without_finding',
      );
  } else {
    if (proc === null)
      fail(
        `give --proceeding: the ${label(o.outcome)} outcome is decided at a meeting or hearing`,
        'outcome_needs_proceeding',
      );
    if (findings.length === 0)
      fail(
        `no finding on ${p.name}'s allegations at ${proc!.kind} ${proc!.id}: no outcome without a finding`,
        'outcome_without_finding',
      );
    if (o.outcome !== 'no_further_action' && !findings.some((f) => f.finding === 'proven'))
      fail(
        `no allegation against ${p.name} was found proven: the only outcome is no further action`,
        'sanction_without_proven',
      );
  }
  const last = findings
    .map((f) => f.foundOn)
    .sort()
    .at(-1);
  checkOrder(last, o.decidedOn, `the outcome (${o.decidedOn}) cannot be before the finding (${last})`);
  if (record.outcomes.some((x) => x.personId === o.personId && x.proceedingId === o.proceedingId))
    fail(`${p.name} already has an outcome${proc ? ` at ${proc.kind} ${proc.id}` : ''}`, 'outcome_exists');
}

export function checkBarred(
  record: CaseRecordData,
  b: { personId: number; list: BarredList; reportedOn: string | null; reason: string | null },
): void {
  const p = subject(record, b.personId);
  if (record.barred.some((x) => x.personId === b.personId))
    fail(`${p.name} already has a barred list entry or exemption`, 'barred_exists');
  if (b.list === 'not_applicable') {
    if (!b.reason) fail('say why the barred list does not apply: --not-applicable REASON', 'barred_reason');
    // The exemption belongs to the officer (e.g. subject to different regulations), from their settings.
    if (p.barredListApplies !== false)
      fail(
        `the barred list applies to ${p.name} (their settings say so${p.barredListApplies === null ? ' by default' : ''}): if ${p.name} is subject to different regulations, record it first (\`person update CASE "${p.name}" --barred-list-applies no\`)`,
        'barred_applies',
      );
    return;
  }
  requireMisconductNotice(record, p, `${b.list} list entry`, b.reportedOn);
  if (p.barredListApplies === false)
    fail(
      `the barred list does not apply to ${p.name}: the officer is subject to different regulations (their settings); record the reason with --not-applicable`,
      'barred_not_applicable',
    );
  if (!b.reportedOn) fail('give the date the entry was reported: --reported-on', 'barred_report_date');
  if (b.list === 'barred') {
    const barring = record.outcomes.filter(
      (o) => o.personId === b.personId && BARRING_OUTCOMES.includes(o.outcome),
    );
    if (barring.length === 0)
      fail(
        `${p.name} has no outcome of dismissal or "would have been dismissed": no barred list entry`,
        'barred_without_dismissal',
      );
    checkOrder(
      barring[0]!.decidedOn,
      b.reportedOn!,
      `the barred list report (${b.reportedOn}) cannot be before the outcome (${barring[0]!.decidedOn})`,
    );
  } else if (statusOn(p, b.reportedOn) !== 'former') {
    fail(
      `the advisory list is for officers who left while under investigation; ${p.name} was ${statusOn(p, b.reportedOn) ?? 'of unrecorded status'} on ${b.reportedOn}`,
      'advisory_not_former',
    );
  }
}

export function findRecommendation(record: CaseRecordData, ref: string): Recommendation {
  return (
    record.recommendations.find((r) => r.reference === ref || String(r.id) === ref) ??
    fail(`no learning recommendation "${ref}" in this case`, 'no_recommendation')
  );
}

export function checkResponse(rec: Recommendation, on: string): void {
  if (rec.responseOn)
    fail(`recommendation ${rec.reference} already has a response (${rec.responseOn})`, 'response_exists');
  checkOrder(
    rec.madeOn,
    on,
    `the response (${on}) cannot be before the recommendation was made (${rec.madeOn})`,
  );
}

export function checkPublication(rec: Recommendation, on: string): void {
  if (!rec.responseOn)
    fail(`recommendation ${rec.reference} has no response to publish yet`, 'publish_without_response');
  checkOrder(
    rec.responseOn,
    on,
    `the publication (${on}) cannot be before the response was received (${rec.responseOn})`,
  );
}
