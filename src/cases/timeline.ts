/**
 * The whole case in date order: from evidence intake (each exhibit's `added_at`) through the
 * investigation, the criminal and misconduct routes, to the learning recommendations and the
 * publication of responses. Pure: built from the loaded record and the case's exhibits.
 */
import { label, type CaseRecordData, type SummaryDraft, type TimelineEvent } from '../contract/record.js';

export type { TimelineEvent };

export interface TimelineExhibit {
  readonly ref: string;
  readonly originalName: string;
  readonly addedAt: string;
  readonly addedBy: string;
}

/**
 * On one day, the order things happen in court and at a hearing: the charge, the court sitting
 * (e.g. "trial, day 2"), then verdicts, sentence and appeal; the hearing, then findings, then the
 * outcome. Other kinds keep the order they were added in (0).
 */
const SAME_DAY: Readonly<Record<string, number>> = {
  charge: -1,
  prosecution: 0,
  proceedings: 0,
  verdict: 1,
  findings: 1,
  sentence: 2,
  outcome: 2,
  appeal: 3,
};
const sameDay = (e: TimelineEvent): number => SAME_DAY[e.kind] ?? 0;

export function caseTimeline(
  record: CaseRecordData,
  exhibits: readonly TimelineExhibit[],
  drafts: readonly SummaryDraft[] = [],
): TimelineEvent[] {
  const ev = new Events(record);
  for (const e of exhibits)
    ev.add(e.addedAt, 'evidence', `exhibit ${e.ref} (${e.originalName}) taken in by ${e.addedBy}`);
  investigation(ev, record);
  prosecution(ev, record);
  ev.add(record.details?.reportDate, 'investigation', 'investigation report (reg. 21)');
  misconduct(ev, record);
  learning(ev, record);
  for (const s of drafts)
    if (s.final) ev.add(s.createdAt, 'publication', `public summary v${s.version} marked final`);
  return inDateOrder(ev.list);
}

/** The events as they are added, each with a day (an instant keeps its time in `at`). */
class Events {
  readonly list: TimelineEvent[] = [];

  constructor(private readonly record: CaseRecordData) {}

  name(id: number): string {
    return this.record.people.find((p) => p.id === id)?.name ?? `person ${id}`;
  }

  add(date: string | null | undefined, kind: string, what: string, personId: number | null = null): void {
    if (date)
      this.list.push({ date: date.slice(0, 10), at: date.length > 10 ? date : null, kind, what, personId });
  }
}

/** Referral, start, assessments, notices, interviews and progress reports. */
function investigation(ev: Events, record: CaseRecordData): void {
  const d = record.details;
  ev.add(d?.referralDate, 'referral', `case referred to ${d?.investigatingBody ?? 'the investigating body'}`);
  ev.add(d?.startDate, 'investigation', `investigation started${d?.mode ? ` (${d.mode})` : ''}`);
  for (const a of record.assessments)
    ev.add(a.assessedOn, 'assessment', `${ev.name(a.personId)} assessed: ${label(a.severity)}`, a.personId);
  for (const n of record.notices)
    ev.add(n.servedOn, 'notice', `${label(n.kind)} served on ${ev.name(n.personId)}`, n.personId);
  for (const i of record.interviews)
    ev.add(i.heldOn, 'interview', `${ev.name(i.personId)} interviewed (${i.kind})`, i.personId);
  for (const p of record.progressReports)
    ev.add(p.sentOn, 'progress report', 'investigation progress report sent');
}

/** The criminal route: referral to the prosecutor, charging, counts, court, sentence and appeal. */
function prosecution(ev: Events, record: CaseRecordData): void {
  for (const r of record.referrals)
    ev.add(r.referredOn, 'prosecution', `file referred to ${r.prosecutor} (${r.exhibits.length} exhibit(s))`);
  for (const c of record.chargingDecisions)
    ev.add(
      c.decidedOn,
      'charging decision',
      `${c.decision === 'charge' ? 'charge' : 'no charge'}: ${ev.name(c.personId)}`,
      c.personId,
    );
  for (const c of record.counts) {
    ev.add(
      c.chargedOn,
      'charge',
      `${ev.name(c.personId)} charged, count ${c.number} (${c.offence})`,
      c.personId,
    );
    ev.add(c.verdictOn, 'verdict', `${ev.name(c.personId)}, count ${c.number}: ${c.verdict}`, c.personId);
  }
  for (const a of record.appearances)
    ev.add(
      a.appearedOn,
      'court',
      `${ev.name(a.personId)} at ${a.court}${a.purpose ? ` (${a.purpose})` : ''}`,
      a.personId,
    );
  for (const s of record.sentences)
    ev.add(s.sentencedOn, 'sentence', `${ev.name(s.personId)} sentenced: ${s.sentence}`, s.personId);
  for (const a of record.appeals) {
    ev.add(a.lodgedOn, 'appeal', `${ev.name(a.personId)} appealed`, a.personId);
    ev.add(a.outcomeOn, 'appeal', `${ev.name(a.personId)}'s appeal ${a.outcome}`, a.personId);
  }
}

/** The misconduct route: case to answer, proceedings, findings (per day), outcomes, barred list. */
function misconduct(ev: Events, record: CaseRecordData): void {
  const ctaDates = new Map<string, number>();
  for (const a of record.allegations)
    if (a.caseToAnswerOn) ctaDates.set(a.caseToAnswerOn, (ctaDates.get(a.caseToAnswerOn) ?? 0) + 1);
  for (const [date, n] of ctaDates)
    ev.add(date, 'case to answer', `case-to-answer decision on ${n} allegation(s)`);
  for (const p of record.proceedings) {
    ev.add(p.startOn, 'proceedings', `${label(p.level)} ${p.kind} opened${p.public ? ' (public)' : ''}`);
    if (p.endOn && p.endOn !== p.startOn)
      ev.add(p.endOn, 'proceedings', `${label(p.level)} ${p.kind} closed`);
  }
  const findingDays = new Map<string, { proven: number; notProven: number }>();
  for (const f of record.findings) {
    const x = findingDays.get(f.foundOn) ?? { proven: 0, notProven: 0 };
    if (f.finding === 'proven') x.proven++;
    else x.notProven++;
    findingDays.set(f.foundOn, x);
  }
  for (const [date, x] of findingDays)
    ev.add(date, 'findings', `findings: ${x.proven} proven, ${x.notProven} not proven`);
  for (const o of record.outcomes)
    ev.add(o.decidedOn, 'outcome', `${ev.name(o.personId)}: ${label(o.outcome)}`, o.personId);
  for (const b of record.barred)
    if (b.list !== 'not_applicable')
      ev.add(
        b.reportedOn,
        'barred list',
        `${ev.name(b.personId)} reported to the ${b.list} list`,
        b.personId,
      );
}

/** Learning recommendations: made, extended, responded to, the response published. */
function learning(ev: Events, record: CaseRecordData): void {
  for (const r of record.recommendations) {
    ev.add(
      r.madeOn,
      'recommendation',
      `learning recommendation ${r.reference} made to ${r.recipients.join(', ')}`,
    );
    for (const e of r.extensions)
      ev.add(e.grantedOn, 'recommendation', `response to ${r.reference} extended by ${e.days} days`);
    ev.add(
      r.responseOn,
      'recommendation',
      `response to ${r.reference} received (${label(r.response ?? '')})`,
    );
    ev.add(r.publishedOn, 'publication', `response to ${r.reference} published`);
  }
}

/** By day, then instant, then the order things happen on one day (SAME_DAY), then as added. */
function inDateOrder(ev: readonly TimelineEvent[]): TimelineEvent[] {
  const order = (e: TimelineEvent) => e.at ?? `${e.date}T99`;
  return ev
    .map((e, i) => ({ e, i }))
    .sort((a, b) =>
      a.e.date < b.e.date
        ? -1
        : a.e.date > b.e.date
          ? 1
          : order(a.e) < order(b.e)
            ? -1
            : order(a.e) > order(b.e)
              ? 1
              : sameDay(a.e) - sameDay(b.e) || a.i - b.i,
    )
    .map(({ e }) => e);
}
