/**
 * The whole case in date order: from evidence intake (each exhibit's `added_at`) through the
 * investigation, the criminal and misconduct routes, to the learning recommendations and the
 * publication of responses. Pure: built from the loaded record and the case's exhibits.
 */
import { label, type CaseRecordData, type SummaryDraft } from '../contract/record.js';

export interface TimelineEvent {
  /** YYYY-MM-DD (an exhibit's intake keeps its full instant in `at`). */
  readonly date: string;
  readonly at: string | null;
  readonly kind: string;
  readonly what: string;
  readonly personId: number | null;
}

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
  const ev: TimelineEvent[] = [];
  const name = (id: number) => record.people.find((p) => p.id === id)?.name ?? `person ${id}`;
  const add = (
    date: string | null | undefined,
    kind: string,
    what: string,
    personId: number | null = null,
  ) => {
    if (date) ev.push({ date: date.slice(0, 10), at: date.length > 10 ? date : null, kind, what, personId });
  };
  for (const e of exhibits)
    add(e.addedAt, 'evidence', `exhibit ${e.ref} (${e.originalName}) taken in by ${e.addedBy}`);
  const d = record.details;
  add(d?.referralDate, 'referral', `case referred to ${d?.investigatingBody ?? 'the investigating body'}`);
  add(d?.startDate, 'investigation', `investigation started${d?.mode ? ` (${d.mode})` : ''}`);
  for (const a of record.assessments)
    add(a.assessedOn, 'assessment', `${name(a.personId)} assessed: ${label(a.severity)}`, a.personId);
  for (const n of record.notices)
    add(n.servedOn, 'notice', `${label(n.kind)} served on ${name(n.personId)}`, n.personId);
  for (const i of record.interviews)
    add(i.heldOn, 'interview', `${name(i.personId)} interviewed (${i.kind})`, i.personId);
  for (const p of record.progressReports)
    add(p.sentOn, 'progress report', 'investigation progress report sent');
  for (const r of record.referrals)
    add(r.referredOn, 'prosecution', `file referred to ${r.prosecutor} (${r.exhibits.length} exhibit(s))`);
  for (const c of record.chargingDecisions)
    add(
      c.decidedOn,
      'charging decision',
      `${c.decision === 'charge' ? 'charge' : 'no charge'}: ${name(c.personId)}`,
      c.personId,
    );
  for (const c of record.counts) {
    add(c.chargedOn, 'charge', `${name(c.personId)} charged, count ${c.number} (${c.offence})`, c.personId);
    add(c.verdictOn, 'verdict', `${name(c.personId)}, count ${c.number}: ${c.verdict}`, c.personId);
  }
  for (const a of record.appearances)
    add(
      a.appearedOn,
      'court',
      `${name(a.personId)} at ${a.court}${a.purpose ? ` (${a.purpose})` : ''}`,
      a.personId,
    );
  for (const s of record.sentences)
    add(s.sentencedOn, 'sentence', `${name(s.personId)} sentenced: ${s.sentence}`, s.personId);
  for (const a of record.appeals) {
    add(a.lodgedOn, 'appeal', `${name(a.personId)} appealed`, a.personId);
    add(a.outcomeOn, 'appeal', `${name(a.personId)}'s appeal ${a.outcome}`, a.personId);
  }
  add(d?.reportDate, 'investigation', 'investigation report (reg. 21)');
  const ctaDates = new Map<string, number>();
  for (const a of record.allegations)
    if (a.caseToAnswerOn) ctaDates.set(a.caseToAnswerOn, (ctaDates.get(a.caseToAnswerOn) ?? 0) + 1);
  for (const [date, n] of ctaDates)
    add(date, 'case to answer', `case-to-answer decision on ${n} allegation(s)`);
  for (const p of record.proceedings) {
    add(p.startOn, 'proceedings', `${label(p.level)} ${p.kind} opened${p.public ? ' (public)' : ''}`);
    if (p.endOn && p.endOn !== p.startOn) add(p.endOn, 'proceedings', `${label(p.level)} ${p.kind} closed`);
  }
  const findingDays = new Map<string, { proven: number; notProven: number }>();
  for (const f of record.findings) {
    const x = findingDays.get(f.foundOn) ?? { proven: 0, notProven: 0 };
    if (f.finding === 'proven') x.proven++;
    else x.notProven++;
    findingDays.set(f.foundOn, x);
  }
  for (const [date, x] of findingDays)
    add(date, 'findings', `findings: ${x.proven} proven, ${x.notProven} not proven`);
  for (const o of record.outcomes)
    add(o.decidedOn, 'outcome', `${name(o.personId)}: ${label(o.outcome)}`, o.personId);
  for (const b of record.barred)
    if (b.list !== 'not_applicable')
      add(b.reportedOn, 'barred list', `${name(b.personId)} reported to the ${b.list} list`, b.personId);
  for (const r of record.recommendations) {
    add(
      r.madeOn,
      'recommendation',
      `learning recommendation ${r.reference} made to ${r.recipients.join(', ')}`,
    );
    for (const e of r.extensions)
      add(e.grantedOn, 'recommendation', `response to ${r.reference} extended by ${e.days} days`);
    add(r.responseOn, 'recommendation', `response to ${r.reference} received (${label(r.response ?? '')})`);
    add(r.publishedOn, 'publication', `response to ${r.reference} published`);
  }
  for (const s of drafts)
    if (s.final) add(s.createdAt, 'publication', `public summary v${s.version} marked final`);
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
