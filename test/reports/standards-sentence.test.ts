/**
 * Issue 15, reports: the evidence bundle's standards sentence must agree with its own table. A
 * member who received 2 offensive messages and challenged 1 was described as having "received 1
 * offensive message … and challenged none of them" beside a table saying received 2, challenged 1.
 */
import { describe, expect, it } from 'vitest';
import { analyseConduct } from '../../src/analysis/conduct/index.js';
import { Script } from '../support/conduct-script.js';

describe('the Challenging and Reporting standard sentence', () => {
  it('states the same received and challenged figures as the table', () => {
    const s = new Script(1);
    for (const n of ['Abe', 'Bea']) {
      s.participant(n);
      s.memberAllAlong(n);
    }
    s.say('Bea', 'morning');
    s.tick();
    s.offend('Abe', 'zorblax everywhere', ['race_ethnicity'], 'coded');
    s.tick();
    s.say('Bea', 'that is out of order mate');
    s.tick(120);
    s.offend('Abe', 'zorblax again', ['race_ethnicity'], 'coded');
    const report = analyseConduct({
      messages: s.messages,
      events: s.events,
      participants: s.participants,
      offensive: s.offensive,
    });
    const bea = report.people.find((p) => p.name === 'Bea')!;
    expect([bea.receivedOffensiveWhileMember, bea.challenged]).toEqual([2, 1]);
    const reason = bea.standards.find(
      (x) => x.standard === 'Challenging and Reporting Improper Conduct',
    )!.reason;
    expect(reason).toBe(
      'received 2 offensive messages by others while a member and challenged 1; 1 went unchallenged (1 silent, 0 endorsed); no report is in the evidence',
    );
  });
});
