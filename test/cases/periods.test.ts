/**
 * How statutory periods are counted (docs/record.md "How periods are counted"): a period "beginning
 * with" a day includes it and ends at the end of the day before the corresponding date; "within N
 * days of" a day excludes it. Boundary tests at month ends and 29 February, and the s127(5)
 * limitation, deadlines and charge acceptance that use them.
 */
import { describe, expect, it } from 'vitest';

import { limitationFor } from '../../src/analysis/conduct/counts.js';
import {
  lastDayOfDaysAfter,
  lastDayOfMonthsBeginningWith,
  lastDayOfYearsBeginningWith,
} from '../../src/cases/periods.js';
import { progressReportDates, publicationDue, responseDue } from '../../src/cases/deadlines.js';

describe('periods beginning with a day', () => {
  it('3 years beginning with 14 May 2021 end on 13 May 2024 (the issue 15 example)', () => {
    expect(lastDayOfYearsBeginningWith('2021-05-14', 3)).toBe('2024-05-13');
  });

  it('29 February: the 3 years beginning with it end on 28 February; from 1 March, too', () => {
    expect(lastDayOfYearsBeginningWith('2020-02-29', 3)).toBe('2023-02-28');
    expect(lastDayOfYearsBeginningWith('2020-03-01', 3)).toBe('2023-02-28');
    expect(lastDayOfYearsBeginningWith('2020-02-28', 3)).toBe('2023-02-27');
    // Into a leap year: 3 years beginning with 1 March 2021 end on 29 February 2024.
    expect(lastDayOfYearsBeginningWith('2021-03-01', 3)).toBe('2024-02-29');
    expect(lastDayOfYearsBeginningWith('2021-02-28', 3)).toBe('2024-02-27');
  });

  it('month ends: 6 months beginning with 31 August end on the last day of February', () => {
    expect(lastDayOfMonthsBeginningWith('2023-08-31', 6)).toBe('2024-02-29');
    expect(lastDayOfMonthsBeginningWith('2022-08-31', 6)).toBe('2023-02-28');
    expect(lastDayOfMonthsBeginningWith('2022-08-30', 6)).toBe('2023-02-28');
    expect(lastDayOfMonthsBeginningWith('2022-08-29', 6)).toBe('2023-02-28');
    expect(lastDayOfMonthsBeginningWith('2022-08-28', 6)).toBe('2023-02-27');
    expect(lastDayOfMonthsBeginningWith('2023-01-31', 6)).toBe('2023-07-30');
    expect(lastDayOfMonthsBeginningWith('2023-03-31', 6)).toBe('2023-09-30');
  });

  it('beginning with the 1st: the last day of the month before; over a year end', () => {
    expect(lastDayOfMonthsBeginningWith('2023-09-01', 6)).toBe('2024-02-29');
    expect(lastDayOfMonthsBeginningWith('2023-12-01', 12)).toBe('2024-11-30');
    expect(lastDayOfMonthsBeginningWith('2023-01-01', 12)).toBe('2023-12-31');
    expect(lastDayOfMonthsBeginningWith('2023-07-15', 6)).toBe('2024-01-14');
  });

  it('days "within N days of" a day exclude that day', () => {
    expect(lastDayOfDaysAfter('2024-01-01', 56)).toBe('2024-02-26');
    expect(lastDayOfDaysAfter('2024-02-20', 21)).toBe('2024-03-12'); // over 29 February
    expect(() => lastDayOfDaysAfter('2024-02-30', 1)).toThrow(/not a date/u);
  });
});

describe('s127(5) limitation', () => {
  it('the last day is the day before the third anniversary of sending', () => {
    const l = limitationFor('2021-05-14T10:00:00.000Z', { today: '2024-05-13' });
    expect(l).toMatchObject({ threeYearDate: '2024-05-13', limitationDate: '2024-05-13', daysLeft: 0 });
    expect(limitationFor('2021-05-14T10:00:00.000Z', { today: '2024-05-14' }).daysLeft).toBe(-1);
  });

  it('local date of sending: 23:30 UTC on 13 May is 14 May in London', () => {
    expect(limitationFor('2021-05-13T23:30:00.000Z', {}).limitationDate).toBe('2024-05-13');
    expect(limitationFor('2021-05-13T23:30:00.000Z', { zone: 'UTC' }).limitationDate).toBe('2024-05-12');
  });

  it('6 months beginning with the evidence-sufficient date, when earlier', () => {
    expect(limitationFor('2021-05-14T10:00:00.000Z', { evidenceSufficient: '2023-08-31' })).toMatchObject({
      sixMonthDate: '2024-02-29',
      limitationDate: '2024-02-29',
      limitedBy: 'six_months',
    });
    expect(limitationFor('2021-05-14T10:00:00.000Z', { evidenceSufficient: '2023-11-14' })).toMatchObject({
      sixMonthDate: '2024-05-13',
      limitedBy: 'three_years',
    });
  });
});

describe('deadlines', () => {
  it('progress report: due the day after the 12 months beginning with the start', () => {
    expect(progressReportDates('2021-05-14', null, '2022-06-01')).toEqual(['2022-05-14', '2022-11-14']);
    // Finished on the period's last day: no report; a day later: one is due.
    expect(progressReportDates('2021-05-14', '2022-05-13', '2024-01-01')).toEqual([]);
    expect(progressReportDates('2021-05-14', '2022-05-14', '2024-01-01')).toEqual(['2022-05-14']);
    expect(progressReportDates('2021-08-31', null, '2022-09-01')).toEqual(['2022-08-31', '2023-03-01']);
  });

  it('response within 56 days of the recommendation, publication within 21 days of the response', () => {
    expect(responseDue({ madeOn: '2024-01-01', extensions: [] })).toBe('2024-02-26');
    expect(
      responseDue({ madeOn: '2024-01-01', extensions: [{ days: 14, reason: 'x', grantedOn: '2024-02-01' }] }),
    ).toBe('2024-03-11');
    expect(publicationDue('2024-02-20')).toBe('2024-03-12');
  });
});
