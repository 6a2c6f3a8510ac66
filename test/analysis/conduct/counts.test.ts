import { describe, expect, it } from 'vitest';
import {
  analyseConduct,
  candidateCounts,
  countsFor,
  limitationFor,
  mergeOffensiveMarks,
} from '../../../src/analysis/conduct/index.js';
import { Script } from '../../support/conduct-script.js';

describe('s127 limitation dates', () => {
  it('3 years beginning with the day of sending (so ending the day before the anniversary)', () => {
    expect(limitationFor('2021-04-28T09:15:00.000Z', { today: '2024-04-01' })).toEqual({
      sentOn: '2021-04-28',
      threeYearDate: '2024-04-27',
      sixMonthDate: null,
      limitationDate: '2024-04-27',
      limitedBy: 'three_years',
      daysLeft: 26,
    });
  });

  it('uses the local date: 23:30 UTC on 30 June is 1 July in London', () => {
    expect(limitationFor('2021-06-30T23:30:00.000Z', {}).sentOn).toBe('2021-07-01');
    expect(limitationFor('2021-06-30T23:30:00.000Z', {}).limitationDate).toBe('2024-06-30');
    expect(limitationFor('2021-06-30T23:30:00.000Z', { zone: 'UTC' }).limitationDate).toBe('2024-06-29');
  });

  it('29 February: 3 years beginning with it end on 28 February; beginning with 1 March, too', () => {
    expect(limitationFor('2020-02-29T12:00:00.000Z', {}).limitationDate).toBe('2023-02-28');
    expect(limitationFor('2021-02-28T12:00:00.000Z', {}).limitationDate).toBe('2024-02-27');
    expect(limitationFor('2021-03-01T12:00:00.000Z', {}).limitationDate).toBe('2024-02-29');
  });

  it('the six-month rule wins when earlier; 6 months beginning with 31 August end with February', () => {
    const leap = limitationFor('2021-03-10T10:00:00.000Z', {
      evidenceSufficient: '2023-08-31',
      today: '2024-02-01',
    });
    expect(leap).toMatchObject({
      threeYearDate: '2024-03-09',
      sixMonthDate: '2024-02-29',
      limitationDate: '2024-02-29',
      limitedBy: 'six_months',
      daysLeft: 28,
    });
    const plain = limitationFor('2021-03-10T10:00:00.000Z', { evidenceSufficient: '2022-08-31' });
    expect(plain).toMatchObject({
      sixMonthDate: '2023-02-28',
      limitationDate: '2023-02-28',
      limitedBy: 'six_months',
    });
  });

  it('the three-year rule wins when the six-month date is later', () => {
    expect(limitationFor('2021-03-10T10:00:00.000Z', { evidenceSufficient: '2023-12-01' })).toMatchObject({
      sixMonthDate: '2024-05-31',
      limitationDate: '2024-03-09',
      limitedBy: 'three_years',
    });
  });

  it('days left: 0 on the last day, negative after, across a clock change', () => {
    const sent = '2021-04-28T09:15:00.000Z';
    expect(limitationFor(sent, { today: '2024-04-27' }).daysLeft).toBe(0);
    expect(limitationFor(sent, { today: '2024-04-28' }).daysLeft).toBe(-1);
    expect(limitationFor(sent, { today: '2024-03-25' }).daysLeft).toBe(33);
    expect(limitationFor(sent, { today: '2023-04-28' }).daysLeft).toBe(365);
  });

  it('rejects dates that do not parse', () => {
    expect(() => limitationFor('2021-04-28T09:15:00.000Z', { today: '28/04/2024' })).toThrow(/today/);
    expect(() => limitationFor('yesterday', {})).toThrow(/not an ISO time/);
  });
});

describe('candidate counts', () => {
  it('lists each offensive message a person sent, in sending order, with its deadline', () => {
    const counts = candidateCounts(
      [
        { messageId: 2, utc: '2022-05-01T10:00:00.000Z', categories: ['race_ethnicity'], basis: 'coded' },
        { messageId: 1, utc: '2021-01-01T10:00:00.000Z', categories: ['sex_women'], basis: 'flagged' },
      ],
      { today: '2024-06-01', evidenceSufficient: '2024-03-15' },
    );
    expect(
      counts.map((c) => [c.messageId, c.limitationDate, c.limitedBy, c.daysLeft, c.expired, c.basis]),
    ).toEqual([
      [1, '2023-12-31', 'three_years', -153, true, 'flagged'],
      [2, '2024-09-14', 'six_months', 105, false, 'coded'],
    ]);
  });

  it('per sender, from the conduct report', () => {
    const s = new Script(1);
    for (const n of ['Abe', 'Bea']) {
      s.participant(n);
      s.memberAllAlong(n);
    }
    const a1 = s.offend('Abe', 'x', ['race_ethnicity'], 'coded');
    s.say('Bea', 'ok');
    const a2 = s.offend('Abe', 'y', ['profanity'], 'flagged');
    const report = analyseConduct({
      messages: s.messages,
      events: s.events,
      participants: s.participants,
      offensive: s.offensive,
    });
    const counts = countsFor(report, s.messages, { today: '2022-03-01' });
    expect(counts).toHaveLength(1);
    expect(counts[0]).toMatchObject({ person: 'participant:k:Abe', name: 'Abe' });
    expect(counts[0]!.counts.map((c) => [c.messageId, c.limitationDate, c.daysLeft])).toEqual([
      [a1, '2024-02-29', 730],
      [a2, '2024-02-29', 730],
    ]);
  });
});

describe('offensive marks', () => {
  it('reviewer codes win wherever a message was coded; flags fill the rest', () => {
    expect(
      mergeOffensiveMarks(
        [
          { messageId: 1, categories: ['race_ethnicity'], offensive: true },
          { messageId: 2, categories: [], offensive: false },
        ],
        [
          { messageId: 1, categories: ['profanity'], score: 0.9 },
          { messageId: 2, categories: ['profanity'], score: 0.8 },
          { messageId: 3, categories: ['sex_women'], score: 0.7 },
        ],
      ),
    ).toEqual([
      { messageId: 1, categories: ['race_ethnicity'], basis: 'coded' },
      { messageId: 3, categories: ['sex_women'], basis: 'flagged', score: 0.7 },
    ]);
  });
});
