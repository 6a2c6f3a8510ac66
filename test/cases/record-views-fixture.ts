/**
 * Deadlines and timelines of generated case records, for the check that splitting caseDeadlines
 * and caseTimeline into named parts changed nothing. `write-record-views-fixture.ts` ran
 * `recordViews` once on the code before the split and saved inputs and outputs in
 * fixtures/record-views.json; record-views.test.ts expects the same outputs from the current code.
 */
import { caseDeadlines } from '../../src/cases/deadlines.js';
import { caseTimeline, type TimelineExhibit } from '../../src/cases/timeline.js';
import {
  BARRED_LISTS,
  OUTCOMES,
  SEVERITIES,
  VERDICTS,
  type CaseRecordData,
  type SummaryDraft,
} from '../../src/contract/record.js';
import { mulberry32 } from '../support/random.js';

export const FIXTURE = new URL('fixtures/record-views.json', import.meta.url);

export interface RecordCase {
  readonly name: string;
  readonly record: CaseRecordData;
  readonly messageTimes: [number, string][];
  readonly exhibits: TimelineExhibit[];
  readonly drafts: SummaryDraft[];
  readonly todays: string[];
}

/** A random case record: every kind of row, some dated by month or year only, some left empty. */
export function recordCase(seed: number): RecordCase {
  const r = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const n = (max: number): number => Math.floor(r() * max);
  const base = Date.UTC(2019, 0, 1);
  const day = (): string => new Date(base + n(5 * 365) * 86_400_000).toISOString().slice(0, 10);
  const partial = (): string => {
    const d = day();
    const x = r();
    return x < 0.1 ? d.slice(0, 4) : x < 0.25 ? d.slice(0, 7) : d;
  };
  const maybe = <T>(f: () => T, p = 0.5): T | null => (r() < p ? f() : null);
  let id = 1;
  const row = () => ({
    id: id++,
    caseId: 1,
    publishable: r() < 0.5,
    createdAt: `${day()}T10:00:00.000Z`,
    createdBy: 'inv',
  });
  const people = [1, 2, 3, 4].map((pid) => ({
    id: pid,
    name: `Officer ${pid}`,
    role: pid === 4 ? ('witness' as const) : ('subject' as const),
    force: 'Force',
    rank: null,
    warrantNumber: null,
    status: 'serving' as const,
    barredListApplies: pid === 3 ? false : r() < 0.8 ? true : null,
    statusHistory: [],
    employment: [],
  }));
  const person = () => 1 + n(people.length + 1); // sometimes a person not in the list
  const sr = () => ({ ...row(), personId: person() });
  const many = <T>(max: number, f: () => T): T[] => Array.from({ length: n(max + 1) }, f);
  const messageTimes: [number, string][] = Array.from({ length: 20 }, (_, i) => [
    100 + i,
    new Date(base + n(4 * 365) * 86_400_000 + n(86_400_000)).toISOString(),
  ]);
  const ids = () => many(3, () => 100 + n(24)); // a few ids have no time
  const counts = many(6, () => {
    const chargedOn = maybe(day);
    return {
      ...sr(),
      number: 1 + n(5),
      offence: 's127(1)(a) Communications Act 2003',
      description: null,
      messageIds: ids(),
      chargedOn,
      verdict: maybe(() => pick(VERDICTS), 0.4),
      verdictOn: maybe(partial, 0.4),
    };
  });
  const recommendations = many(3, () => {
    const responseOn = maybe(partial);
    return {
      ...row(),
      reference: `R${id}`,
      recipients: ['the force', 'the college'].slice(0, 1 + n(2)),
      text: 'learn',
      rationale: null,
      legalBasis: null,
      madeOn: partial(),
      extensions: many(2, () => ({ days: 1 + n(60), reason: 'more time', grantedOn: day() })),
      responseText: responseOn ? 'ok' : null,
      responseOn,
      response: responseOn ? pick(['accepted', 'not_accepted', 'partly'] as const) : null,
      publishedOn: responseOn ? maybe(partial) : null,
      responseUrl: null,
    };
  });
  const allegations = many(5, () => ({
    ...sr(),
    standard: 'Discreditable Conduct' as const,
    description: 'said it',
    messageIds: ids(),
    caseToAnswer: maybe(() => pick(['misconduct', 'gross_misconduct', 'no_case'] as const)),
    caseToAnswerOn: maybe(() => pick(['2022-03-01', '2022-04-01', day()])),
  }));
  const proceedings = many(2, () => {
    const startOn = partial();
    return {
      ...row(),
      kind: pick(['meeting', 'hearing'] as const),
      level: pick(['misconduct', 'gross_misconduct'] as const),
      public: r() < 0.5,
      startOn,
      endOn: pick([null, startOn, partial()]),
      panel: [],
      heldBy: null,
    };
  });
  const record: CaseRecordData = {
    caseId: 1,
    caseName: `case ${seed}`,
    details:
      r() < 0.1
        ? null
        : {
            caseId: 1,
            reference: 'REF',
            operation: null,
            investigatingBody: maybe(() => 'the IOPC'),
            mode: maybe(() => 'independent'),
            forces: [],
            status: null,
            referralDate: maybe(day),
            startDate: maybe(day, 0.8),
            evidenceSufficientDate: maybe(day),
            reportDate: maybe(day),
            team: [],
            cameToLight: null,
            messagesAnalysed: null,
            messagesAnalysedMoreThan: false,
            publishable: true,
            updatedAt: '2023-01-01T00:00:00.000Z',
            updatedBy: 'inv',
          },
    people,
    subjects: [],
    assessments: many(3, () => ({
      ...sr(),
      severity: pick(SEVERITIES),
      assessedOn: partial(),
      rationale: null,
    })),
    notices: many(3, () => ({
      ...sr(),
      kind: pick(['reg17', 'criminal_letter'] as const),
      servedOn: partial(),
      conduct: null,
      standards: [],
      severity: null,
    })),
    interviews: many(3, () => ({ ...sr(), heldOn: day(), kind: 'misconduct', note: null })),
    allegations,
    referrals: many(2, () => ({ ...row(), referredOn: partial(), prosecutor: 'CPS', exhibits: ['A/1'] })),
    chargingDecisions: many(2, () => ({
      ...sr(),
      decidedOn: day(),
      decision: pick(['charge', 'no_charge'] as const),
      note: null,
    })),
    counts,
    appearances: many(3, () => ({
      ...sr(),
      appearedOn: partial(),
      court: 'court',
      purpose: maybe(() => 'trial'),
    })),
    sentences: many(2, () => ({ ...sr(), sentencedOn: partial(), sentence: 'fine' })),
    appeals: many(2, () => ({
      ...sr(),
      lodgedOn: partial(),
      grounds: null,
      outcome: maybe(() => 'dismissed'),
      outcomeOn: maybe(partial),
    })),
    proceedings,
    findings: many(5, () => ({
      ...row(),
      allegationId: 1,
      proceedingId: 1,
      finding: pick(['proven', 'not_proven'] as const),
      foundOn: pick(['2022-05-05', '2022-06-06', partial()]),
    })),
    outcomes: many(4, () => ({
      ...sr(),
      proceedingId: null,
      outcome: pick(OUTCOMES),
      decidedOn: partial(),
    })),
    barred: many(3, () => ({ ...sr(), list: pick(BARRED_LISTS), reportedOn: maybe(partial), reason: null })),
    recommendations,
    progressReports: many(4, () => ({ ...row(), sentOn: day(), note: null })),
  };
  const exhibits = many(3, () => ({
    ref: `E/${id++}`,
    originalName: 'chat.txt',
    addedAt: `${day()}T0${n(10)}:00:00.000Z`,
    addedBy: 'inv',
  }));
  const drafts = many(3, () => ({
    ...row(),
    version: 1 + n(4),
    source: 'edited' as const,
    markdown: '# summary',
    final: r() < 0.5,
  }));
  return {
    name: `record, seed ${seed}`,
    record,
    messageTimes,
    exhibits,
    drafts,
    todays: [day(), day(), '2026-12-06'],
  };
}

export const recordCases = (): RecordCase[] => Array.from({ length: 16 }, (_, i) => recordCase(i + 1));

/** The deadlines as of each day, and the timeline, as plain JSON. */
export function recordViews(c: RecordCase): unknown {
  const times = new Map(c.messageTimes);
  return JSON.parse(
    JSON.stringify({
      deadlines: c.todays.map((today) => caseDeadlines(c.record, times, today)),
      timeline: caseTimeline(c.record, c.exhibits, c.drafts),
    }),
  );
}
