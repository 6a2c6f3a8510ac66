/**
 * Issue 15 defect 8 and the summary fields, at the level of the generator (pure): criminal letters
 * counted among and beside misconduct notices; Standards separated by semicolons where officers
 * differ; free text ends with a full stop; no empty Barred list paragraph; a late response says so.
 */
import { describe, expect, it } from 'vitest';

import { generateSummary } from '../../src/cases/summary.js';
import type { CaseRecordData, RecordPerson } from '../../src/contract/record.js';

const base = { caseId: 1, publishable: true, createdAt: '', createdBy: 't' };
const person = (id: number, name: string): RecordPerson => ({
  id,
  name,
  role: 'subject',
  force: 'Northshire Police',
  rank: null,
  warrantNumber: null,
  status: 'serving',
  barredListApplies: true,
  statusHistory: [],
  employment: [],
});

function record(over: Partial<CaseRecordData>): CaseRecordData {
  return {
    caseId: 1,
    caseName: 'Prose',
    details: null,
    people: [person(1, 'Ann'), person(2, 'Bob'), person(3, 'Cat')],
    subjects: [],
    assessments: [],
    notices: [],
    interviews: [],
    allegations: [],
    referrals: [],
    chargingDecisions: [],
    counts: [],
    appearances: [],
    sentences: [],
    appeals: [],
    proceedings: [],
    findings: [],
    outcomes: [],
    barred: [],
    recommendations: [],
    progressReports: [],
    ...over,
  };
}
const notice = (id: number, personId: number, kind: 'reg17' | 'criminal_letter') => ({
  ...base,
  id,
  personId,
  kind,
  servedOn: '2021-06-15',
  conduct: null,
  standards: [],
  severity: null,
});

describe('the summary in plain prose', () => {
  it('criminal letters: "of them" only for officers who also had a misconduct notice', () => {
    const md = generateSummary(
      record({
        notices: [
          notice(1, 1, 'reg17'),
          notice(2, 2, 'reg17'),
          notice(3, 1, 'criminal_letter'),
          notice(4, 3, 'criminal_letter'),
        ],
      }),
      { messages: 0, members: 0 },
    );
    expect(md).toContain(
      '2 officers were served a misconduct notice (Regulation 17 notice). 1 of them was also served a criminal letter (told they were under criminal investigation). 1 other officer was served a criminal letter (told they were under criminal investigation).',
    );
  });

  it('different findings per officer: Standards separated by semicolons; not "all 2 of 2"', () => {
    const allegation = (id: number, personId: number, standard: string) => ({
      ...base,
      id,
      personId,
      standard: standard as never,
      description: 'd',
      messageIds: [],
      caseToAnswer: 'gross_misconduct' as const,
      caseToAnswerOn: '2022-01-01',
    });
    const md = generateSummary(
      record({
        allegations: [
          allegation(1, 1, 'Authority, Respect and Courtesy'),
          allegation(2, 1, 'Discreditable Conduct'),
          allegation(3, 1, 'Equality and Diversity'),
          allegation(4, 2, 'Discreditable Conduct'),
        ],
        proceedings: [
          {
            ...base,
            id: 1,
            kind: 'hearing',
            level: 'gross_misconduct',
            public: true,
            startOn: '2022-12-05',
            endOn: null,
            panel: [],
            heldBy: null,
          },
        ],
        findings: [1, 2, 3, 4].map((a) => ({
          ...base,
          id: a,
          allegationId: a,
          proceedingId: 1,
          finding: 'proven' as const,
          foundOn: '2022-12-05',
        })),
      }),
      { messages: 0, members: 0 },
    );
    expect(md).toContain('found the case against all 2 officers proven:');
    expect(md).toContain(
      '- Officer A: breaches proven of Authority, Respect and Courtesy; Equality and Diversity; and Discreditable Conduct.',
    );
    expect(md).not.toMatch(/all \d+ of \d+/u);
  });

  it('barred list: "will be added" with no entry yet, and no empty paragraph; full stops after free text; a late response', () => {
    const md = generateSummary(
      record({
        outcomes: [
          {
            ...base,
            id: 1,
            personId: 1,
            proceedingId: 1,
            outcome: 'dismissal_without_notice',
            decidedOn: '2022-12-09',
          },
        ],
        recommendations: [
          {
            ...base,
            id: 1,
            reference: 'R1',
            recipients: ['Org'],
            text: 'do better',
            rationale: null,
            legalBasis: null,
            madeOn: '2023-01-01',
            extensions: [],
            responseText: 'we will',
            responseOn: '2023-03-01',
            response: 'accepted',
            publishedOn: null,
            responseUrl: null,
          },
        ],
      }),
      { messages: 0, members: 0 },
    );
    expect(md).toContain(
      '## Barred list\n\nOfficer A will be added to the College of Policing barred list.\n',
    );
    expect(md).not.toMatch(/\n\n\n/u);
    expect(md).toContain(
      '- R1, made on 1 January 2023 to Org: Do better. The response was received on 1 March 2023, after it was due on 26 February 2023: accepted. We will.',
    );
  });

  it('messages analysed: "more than 6,000" stays a lower bound unless more were imported', () => {
    const details = (messagesAnalysed: number | null, messagesAnalysedMoreThan: boolean) => ({
      caseId: 1,
      reference: null,
      operation: null,
      investigatingBody: null,
      mode: null,
      forces: [],
      status: null,
      referralDate: null,
      startDate: null,
      evidenceSufficientDate: null,
      reportDate: null,
      team: [],
      cameToLight: null,
      messagesAnalysed,
      messagesAnalysedMoreThan,
      publishable: true,
      updatedAt: '',
      updatedBy: 't',
    });
    const say = (n: number | null, moreThan: boolean, imported: number) =>
      generateSummary(record({ details: details(n, moreThan) }), { messages: imported, members: 7 });
    expect(say(6000, true, 1200)).toContain('Investigators analysed more than 6,000 messages.');
    expect(say(6000, false, 1200)).toContain('Investigators analysed 6,000 messages.');
    // 6,500 imported and counted: exact, and more than the lower bound says.
    expect(say(6000, true, 6500)).toContain('Investigators analysed 6,500 messages.');
    expect(say(null, false, 1200)).toContain(
      'Investigators analysed 1,200 messages from a group chat of 7 members.',
    );
  });

  it('partial dates: a referral, verdicts and a sentence known only to the month or year, in words', () => {
    const count = (id: number, personId: number, verdictOn: string) => ({
      ...base,
      id,
      personId,
      number: 1,
      offence: 's127(1)(a) Communications Act 2003',
      description: null,
      messageIds: [id],
      chargedOn: '2022-01-05',
      verdict: 'convicted' as const,
      verdictOn,
    });
    const md = generateSummary(
      record({
        referrals: [
          { ...base, id: 1, referredOn: '2021-11', prosecutor: 'Crown Prosecution Service', exhibits: [] },
        ],
        counts: [count(1, 1, '2022-09-06'), count(2, 2, '2022-09')],
        sentences: [{ ...base, id: 1, personId: 1, sentencedOn: '2022', sentence: "12 weeks' imprisonment" }],
      }),
      { messages: 0, members: 0 },
    );
    expect(md).toContain(
      'In November 2021 a file of evidence was referred to the Crown Prosecution Service.',
    );
    // The month first: it begins before the day it may contain.
    expect(md).toContain('The verdicts were given in September 2022 and on 6 September 2022:');
    expect(md).toContain("Sentenced in 2022: 12 weeks' imprisonment.");
    expect(md).not.toMatch(/\b2022-09\b|\b2021-11\b/u);
  });
});
