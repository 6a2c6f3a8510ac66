/**
 * The record and people services on a fixed clock (issue 19: the clock is injected, so "today" is
 * the test's, not the machine's), against the real stores: a change and its audit entry together,
 * one published person shape, and partial dates bounded by that today (issue 15).
 */
import { afterAll, describe, expect, it } from 'vitest';

import { PeopleService } from '../../src/cases/people-service.js';
import { RecordService } from '../../src/cases/record-service.js';
import { backends } from '../support/backends.js';

// Noon on 15 March 2023 in England.
const now = () => new Date('2023-03-15T12:00:00Z');

for (const backend of backends().filter((b) => b.skipReason === null)) {
  describe(`record and people services on a fixed clock (${backend.name})`, () => {
    afterAll(() => backend.cleanup());

    it('"today" is the injected clock\'s; a month is future only once it begins after today', async () => {
      const { store } = await backend.open({ now });
      const theCase = await store.cases.create({ name: 'Clock', createdBy: 't' });
      const service = new RecordService(store, theCase.id, 't', { now });
      await service.setCase({ startDate: '2023-01-02' });
      const rec = (reference: string, on: string) =>
        service.recommendation({ reference, recipients: ['Org'], text: 'x', on });
      await expect(rec('R1', '2023-03-15')).resolves.toMatchObject({ madeOn: '2023-03-15' });
      await expect(rec('R2', '2023-03-16')).rejects.toThrow('--on 2023-03-16 is after today (2023-03-15)');
      await expect(rec('R3', '2023-03')).resolves.toMatchObject({ madeOn: '2023-03' });
      await expect(rec('R4', '2023-04')).rejects.toThrow('--on 2023-04 is after today (2023-03-15)');
      // December 2022 ends before the start (2 January 2023): only with --force.
      await expect(rec('R5', '2022-12')).rejects.toThrow('before the investigation started');
      const forced = new RecordService(store, theCase.id, 't', { now, force: 'from the file' });
      await expect(
        forced.recommendation({ reference: 'R5', recipients: ['Org'], text: 'x', on: '2022-12' }),
      ).resolves.toMatchObject({ madeOn: '2022-12' });
      const audit = await store.audit.list({ caseId: theCase.id });
      expect(audit.filter((a) => a.action === 'record.recommendation').map((a) => a.subject)).toEqual([
        'recommendation R1',
        'recommendation R3',
        'recommendation R5',
      ]);
      const deadlines = await service.deadlines('2023-03-15');
      expect(deadlines.find((d) => d.about === 'response to recommendation R1')).toMatchObject({
        status: 'open',
        due: '2023-05-10',
      });
      expect(deadlines.find((d) => d.about === 'response to recommendation R3')).toMatchObject({
        status: 'not_computable',
        due: null,
        daysLeft: null,
      });
    });

    it('people: one add and one update, each with its audit entry, one published shape', async () => {
      const { store } = await backend.open({ now });
      const theCase = await store.cases.create({ name: 'People', createdBy: 't' });
      const people = new PeopleService(store, theCase.id, 't', now);
      const added = await people.add({ name: ' Ann Ash ', role: 'subject', status: 'serving' });
      expect(added).toEqual({
        id: added.id,
        name: 'Ann Ash',
        role: 'subject',
        force: null,
        rank: null,
        warrantNumber: null,
        status: 'serving',
        barredListApplies: null,
        statusHistory: [],
        employment: [],
      });
      expect(await people.list()).toEqual([added]);
      // "Resigned in 2022": a year is enough; a later change cannot be dated before it.
      const updated = await people.update('ann ash', {
        status: { status: 'former', from: '2022', note: null },
      });
      expect(updated.statusHistory).toEqual([
        { status: 'serving', from: null, note: null },
        { status: 'former', from: '2022', note: null },
      ]);
      await expect(
        people.update('Ann Ash', { status: { status: 'serving', from: '2021-06', note: null } }),
      ).rejects.toThrow('before the last recorded change of status (2022)');
      await expect(
        people.update('Ann Ash', { status: { status: 'serving', from: '2023-04', note: null } }),
      ).rejects.toThrow('--from 2023-04 is after today (2023-03-15)');
      const audit = await store.audit.list({ caseId: theCase.id });
      expect(audit.map((a) => a.action)).toEqual(['person.add', 'person.update']);
    });
  });
}
