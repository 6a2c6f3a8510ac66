/**
 * Partial dates (issue 15): a day, a month or a year, never an invented day. Boundaries: month ends,
 * 29 February, the year's ends, malformed and impossible forms, ordering of spans.
 */
import { describe, expect, it } from 'vitest';

import {
  certainlyBefore,
  compareDates,
  dateInWords,
  firstDay,
  isDay,
  lastDay,
  onDate,
  parsePartialDate,
  precisionOf,
} from '../../src/domain/partial-date.js';

describe('partial dates', () => {
  it('parses each precision with only the parts it has', () => {
    expect(parsePartialDate('2022-12-05')).toEqual({ precision: 'day', year: 2022, month: 12, day: 5 });
    expect(parsePartialDate('2022-12')).toEqual({ precision: 'month', year: 2022, month: 12 });
    expect(parsePartialDate('2022')).toEqual({ precision: 'year', year: 2022 });
  });

  it('refuses what is not a date that exists', () => {
    for (const bad of [
      '2022-13',
      '2022-00',
      '2023-02-29',
      '2022-04-31',
      '22-12',
      '2022-1',
      '2022/12',
      '',
      'Dec 2022',
    ])
      expect(parsePartialDate(bad), bad).toBeNull();
    expect(parsePartialDate('2024-02-29')).not.toBeNull();
  });

  it('spans: first and last day, at month ends and in leap years', () => {
    expect([firstDay('2022-12'), lastDay('2022-12')]).toEqual(['2022-12-01', '2022-12-31']);
    expect([firstDay('2024-02'), lastDay('2024-02')]).toEqual(['2024-02-01', '2024-02-29']);
    expect(lastDay('2023-02')).toBe('2023-02-28');
    expect(lastDay('2022-04')).toBe('2022-04-30');
    expect([firstDay('2022'), lastDay('2022')]).toEqual(['2022-01-01', '2022-12-31']);
    expect([firstDay('2022-12-05'), lastDay('2022-12-05')]).toEqual(['2022-12-05', '2022-12-05']);
    expect([precisionOf('2022'), isDay('2022-12'), isDay('2022-12-05')]).toEqual(['year', false, true]);
  });

  it('is certainly before only when its whole span is', () => {
    expect(certainlyBefore('2022-11', '2022-12-01')).toBe(true);
    expect(certainlyBefore('2022-11-30', '2022-12')).toBe(true);
    expect(certainlyBefore('2022-12', '2022-12-31')).toBe(false);
    expect(certainlyBefore('2022-12-01', '2022-12')).toBe(false);
    expect(certainlyBefore('2022', '2023-01-01')).toBe(true);
    expect(certainlyBefore('2022', '2022-12')).toBe(false);
  });

  it('orders by the first day, a span before the days it holds', () => {
    expect(['2022-12-05', '2022', '2022-12', '2022-11-30'].sort(compareDates)).toEqual([
      '2022',
      '2022-11-30',
      '2022-12',
      '2022-12-05',
    ]);
  });

  it('is written as it was recorded', () => {
    expect(dateInWords('2022-12-05')).toBe('5 December 2022');
    expect(dateInWords('2022-12')).toBe('December 2022');
    expect(dateInWords('2022')).toBe('2022');
    expect(onDate('2022-12-05')).toBe('on 5 December 2022');
    expect(onDate('2022-12')).toBe('in December 2022');
    expect(onDate('2022')).toBe('in 2022');
  });
});
