import { describe, expect, it } from 'vitest';

import { addWorkingDays, bankHolidays, easterSunday, isWorkingDay } from '../../src/cases/bank-holidays.js';
import {
  barredReportDue,
  caseDeadlines,
  countLimitation,
  progressReportDates,
  publicationDue,
  responseDue,
} from '../../src/cases/deadlines.js';
import type { CaseRecordData } from '../../src/contract/record.js';

// GOV.UK's published bank holidays for England and Wales.
const KNOWN: Record<number, string[]> = {
  2020: ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28'],
  2021: ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28'],
  2022: ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'],
  2023: ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26'],
  2024: ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2025: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
  2026: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
  2027: ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28'],
};

describe('bank holidays in England and Wales', () => {
  it.each(Object.entries(KNOWN))('%s matches the published list', (year, days) => {
    expect(bankHolidays(Number(year)).map((h) => h.date)).toEqual(days.map((d) => `${year}-${d}`));
  });

  it('names the moved and added days', () => {
    const n2020 = bankHolidays(2020).find((h) => h.date === '2020-05-08');
    expect(n2020?.name).toBe('Early May bank holiday');
    expect(bankHolidays(2022).map((h) => h.name)).toEqual(
      expect.arrayContaining(['Platinum Jubilee', 'State Funeral of Queen Elizabeth II']),
    );
    expect(bankHolidays(2022).some((h) => h.date === '2022-05-30')).toBe(false); // spring moved to 2 June
    expect(bankHolidays(2021).find((h) => h.date === '2021-12-27')?.name).toBe(
      'Christmas Day (substitute day)',
    );
  });

  it('computes Easter Sunday by the Gregorian computus', () => {
    expect(easterSunday(2019)).toEqual([4, 21]);
    expect(easterSunday(2024)).toEqual([3, 31]);
    expect(easterSunday(2038)).toEqual([4, 25]); // latest possible
    expect(easterSunday(2285)).toEqual([3, 22]); // earliest possible
  });

  it('counts working days over weekends and bank holidays', () => {
    expect(isWorkingDay('2020-05-08')).toBe(false);
    expect(isWorkingDay('2020-05-07')).toBe(true);
    expect(addWorkingDays('2020-05-01', 5)).toBe('2020-05-11'); // skips VE Day (Fri 8 May)
    expect(addWorkingDays('2022-06-01', 1)).toBe('2022-06-06'); // Jubilee Thursday and Friday
    expect(addWorkingDays('2022-09-16', 1)).toBe('2022-09-20'); // the State Funeral
    expect(addWorkingDays('2023-12-22', 5)).toBe('2024-01-03'); // Christmas, Boxing Day, New Year
    expect(addWorkingDays('2025-04-17', 1)).toBe('2025-04-22'); // Easter
  });
});

describe('deadline calculators', () => {
  it('barred list report: 5 working days after the outcome', () => {
    expect(barredReportDue('2023-07-07')).toBe('2023-07-14');
    expect(barredReportDue('2023-05-02')).toBe('2023-05-10'); // Coronation Monday 8 May
    expect(barredReportDue('2021-12-23')).toBe('2022-01-04'); // 24, 29, 30, 31 Dec, 4 Jan
  });

  it('recommendation response: 56 days, plus extensions; publication: 21 days after the response', () => {
    expect(responseDue({ madeOn: '2023-09-01', extensions: [] })).toBe('2023-10-27');
    expect(
      responseDue({
        madeOn: '2023-09-01',
        extensions: [
          { days: 14, reason: 'a', grantedOn: '2023-10-01' },
          { days: 7, reason: 'b', grantedOn: '2023-11-01' },
        ],
      }),
    ).toBe('2023-11-17');
    expect(responseDue({ madeOn: '2024-01-10', extensions: [] })).toBe('2024-03-06'); // leap year
    expect(publicationDue('2023-10-20')).toBe('2023-11-10');
    expect(publicationDue('2023-12-20')).toBe('2024-01-10');
  });

  it('progress reports: 12 months after the start, then every 6 months, until the report', () => {
    expect(progressReportDates('2021-03-15', null, '2023-01-01')).toEqual([
      '2022-03-15',
      '2022-09-15',
      '2023-03-15',
    ]);
    // 18 months beginning with 31 August 2021 end on 28 February 2023: due 1 March.
    expect(progressReportDates('2021-08-31', null, '2022-09-01')).toEqual(['2022-08-31', '2023-03-01']);
    expect(progressReportDates('2021-03-15', '2022-10-01', '2024-01-01')).toEqual([
      '2022-03-15',
      '2022-09-15',
    ]);
    expect(progressReportDates('2021-03-15', '2022-01-01', '2024-01-01')).toEqual([]); // finished in time
  });

  it('s127 limitation: the earlier of 3 years after sending and 6 months after evidence sufficient', () => {
    expect(countLimitation(['2020-02-29T12:00:00.000Z'], null)).toMatchObject({
      limitationDate: '2023-02-28',
      limitedBy: 'three_years',
    });
    expect(
      countLimitation(['2021-06-10T10:00:00.000Z', '2021-06-09T23:30:00.000Z'], '2023-08-31'),
    ).toMatchObject({
      sentOn: '2021-06-10', // 23:30 UTC on 9 June is 00:30 on 10 June in London
      limitationDate: '2024-02-29',
      limitedBy: 'six_months',
    });
    expect(countLimitation(['2021-06-10T10:00:00.000Z'], '2024-01-01')).toMatchObject({
      limitationDate: '2024-06-09',
      limitedBy: 'three_years',
    });
  });

  it('caseDeadlines: statuses met, late, open and overdue', () => {
    const base = { id: 1, caseId: 1, publishable: false, createdAt: '', createdBy: 't' };
    const record: CaseRecordData = {
      caseId: 1,
      caseName: 'X',
      details: {
        caseId: 1,
        reference: null,
        operation: null,
        investigatingBody: null,
        mode: null,
        forces: [],
        status: null,
        referralDate: null,
        startDate: '2021-01-10',
        evidenceSufficientDate: '2022-06-01',
        reportDate: null,
        team: [],
        cameToLight: null,
        messagesAnalysed: null,
        messagesAnalysedMoreThan: false,
        publishable: false,
        updatedAt: '',
        updatedBy: 't',
      },
      people: [
        {
          id: 7,
          name: 'PC A',
          role: 'subject',
          force: 'F',
          rank: null,
          warrantNumber: null,
          status: 'serving',
          barredListApplies: true,
          statusHistory: [],
          employment: [],
        },
      ],
      subjects: [],
      assessments: [],
      notices: [],
      interviews: [],
      allegations: [],
      referrals: [],
      chargingDecisions: [],
      counts: [
        {
          ...base,
          personId: 7,
          number: 1,
          offence: 's127',
          description: null,
          messageIds: [100],
          chargedOn: '2022-10-01',
          verdict: null,
          verdictOn: null,
        },
        {
          ...base,
          id: 2,
          personId: 7,
          number: 2,
          offence: 's127',
          description: null,
          messageIds: [101],
          chargedOn: null,
          verdict: null,
          verdictOn: null,
        },
      ],
      appearances: [],
      sentences: [],
      appeals: [],
      proceedings: [],
      findings: [],
      outcomes: [
        {
          ...base,
          personId: 7,
          proceedingId: 1,
          outcome: 'dismissal_without_notice',
          decidedOn: '2023-07-07',
        },
      ],
      barred: [{ ...base, personId: 7, list: 'barred', reportedOn: '2023-07-17', reason: null }],
      recommendations: [
        {
          ...base,
          reference: 'R1',
          recipients: ['Org'],
          text: 't',
          rationale: null,
          legalBasis: null,
          madeOn: '2023-09-01',
          extensions: [],
          responseText: 'ok',
          responseOn: '2023-10-20',
          response: 'accepted',
          publishedOn: null,
          responseUrl: null,
        },
      ],
      progressReports: [{ ...base, sentOn: '2022-01-05', note: null }],
    };
    const times = new Map([
      [100, '2021-05-01T10:00:00.000Z'],
      [101, '2021-05-02T10:00:00.000Z'],
    ]);
    const got = caseDeadlines(record, times, '2023-11-20');
    const find = (about: string) => got.find((d) => d.about.startsWith(about))!;
    expect(find('count 1')).toMatchObject({ due: '2022-11-30', status: 'met', doneOn: '2022-10-01' });
    expect(find('count 2')).toMatchObject({ due: '2022-11-30', status: 'overdue' });
    expect(find('investigation progress report 1')).toMatchObject({ due: '2022-01-10', status: 'met' });
    expect(find('investigation progress report 2')).toMatchObject({ due: '2022-07-10', status: 'overdue' });
    expect(find('barred list report')).toMatchObject({ due: '2023-07-14', status: 'met_late' });
    expect(find('response to recommendation R1')).toMatchObject({ due: '2023-10-27', status: 'met' });
    expect(find('publication')).toMatchObject({ due: '2023-11-10', status: 'overdue', daysLeft: -10 });
    expect(got.map((d) => d.due)).toEqual([...got.map((d) => d.due)].sort());
  });
});
