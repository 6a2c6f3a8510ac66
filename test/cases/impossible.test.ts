/**
 * Issue 15 defects 2 to 6: impossible records are refused with a one-line reason (exit 1) and
 * nothing is written (no row, no audit entry); a date before the investigation started needs
 * --force with a reason, kept in the audit entry; `person update` keeps a dated status history and
 * the rules read the status on the date that matters. On SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { todayInEngland } from '../../src/cases/periods.js';
import { loadRecord } from '../../src/cases/record-service.js';
import { openStore } from '../../src/store/open-store.js';
import { BACKENDS, makeWorkspace, type Workspace } from '../support/cli.js';
import {
  addSubjects,
  caseWithChat,
  expectRefused,
  recordDates,
  serveReg17,
  written,
} from '../support/record-case.js';

const CASE = 'Impossible';
const CHAT = [
  '01/03/2021, 09:00 - Ann created group "Shift C"',
  '01/03/2021, 09:05 - Ann: those zorblax again',
  '02/03/2021, 22:00 - Bob: zorblax everywhere',
  '03/03/2021, 22:00 - Ann: morning',
  '14/05/2021, 10:00 - Ann: zorblax in the cells',
].join('\n');

describe.each(BACKENDS)('impossible records refused on %s', { timeout: 180_000 }, (backend) => {
  let ws: Workspace;
  let msg: number[];

  const ok = (...args: string[]) => written(ws, args);
  const refused = (message: string, ...args: string[]) => expectRefused(ws, CASE, message, args);

  beforeAll(async () => {
    ws = await makeWorkspace(backend);
    msg = await caseWithChat(ws, CASE, CHAT);
    await addSubjects(ws, CASE, [
      ['Ann', 'serving', 'yes'],
      ['Bob', 'serving', 'yes'],
      ['Cat', 'serving', 'no'],
    ]);
    await recordDates(ws, CASE);
  });
  afterAll(async () => ws.cleanup());

  it('no misconduct step without a Regulation 17 notice (defect 2)', async () => {
    await refused(
      'no allegation for Ann: no misconduct notice (Regulation 17) was served on Ann',
      'record',
      'allegation',
      CASE,
      'Ann',
      '--standard',
      'Discreditable Conduct',
      '--description',
      'sent',
    );
    await serveReg17(ws, CASE, 'Ann');
    await ok(
      'record',
      'allegation',
      CASE,
      'Ann',
      '--standard',
      'Discreditable Conduct',
      '--description',
      'sent',
      '--messages',
      String(msg[1]),
    );
    await refused(
      'no outcome for Bob: no misconduct notice (Regulation 17) was served on Bob',
      'record',
      'outcome',
      CASE,
      'Bob',
      '--outcome',
      'reflective_practice',
      '--on',
      '2022-01-01',
    );
  });

  it("a count is the defendant's own message, once (defect 3); the s127(5) last day is accepted, the next refused (defect 1)", async () => {
    await ok('record', 'refer', CASE, '--on', '2021-09-01', '--exhibit', 'R/1');
    await ok('record', 'charging', CASE, 'Ann', '--on', '2021-12-01', '--decision', 'charge');
    await refused(
      'message ' + String(msg[2]) + ' was sent by Bob, not Ann',
      'record',
      'charge',
      CASE,
      'Ann',
      '--messages',
      String(msg[2]),
    );
    await refused(
      `message ${msg[0]} is a system line`,
      'record',
      'charge',
      CASE,
      'Ann',
      '--messages',
      String(msg[0]),
    );
    await ok('record', 'charge', CASE, 'Ann', '--messages', String(msg[1]), '--on', '2022-01-05');
    await refused(
      `message ${msg[1]} is already count 1 against Ann`,
      'record',
      'charge',
      CASE,
      'Ann',
      '--messages',
      String(msg[1]),
    );
    // Evidence sufficient 10 January 2022: the 6 months beginning with it end on 9 July 2022.
    await refused(
      'out of time: the s127(5) limitation date of this count is 2022-07-09',
      'record',
      'charge',
      CASE,
      'Ann',
      '--messages',
      String(msg[4]),
      '--on',
      '2022-07-10',
    );
    const last = await ok(
      'record',
      'charge',
      CASE,
      'Ann',
      '--messages',
      String(msg[4]),
      '--on',
      '2022-07-09',
    );
    expect(last).toMatchObject({ number: 2, chargedOn: '2022-07-09' });
  });

  it('dates after today are refused; before the start only with --force REASON, kept in the audit (defect 4)', async () => {
    const today = todayInEngland(new Date());
    await refused(
      `--on 2099-01-01 is after today (${today})`,
      'record',
      'verdict',
      CASE,
      '1',
      '--verdict',
      'convicted',
      '--on',
      '2099-01-01',
    );
    await refused(
      '--on 2021-05-01 is before the investigation started (2021-06-10): if that is right, give --force REASON',
      'record',
      'recommendation',
      CASE,
      '--reference',
      'R0',
      '--recipient',
      'Org',
      '--text',
      't',
      '--on',
      '2021-05-01',
    );
    await refused(
      '--start-date 2099-01-01 is after today',
      'record',
      'case',
      CASE,
      '--start-date',
      '2099-01-01',
    );
    const forced = await ok(
      'record',
      'recommendation',
      CASE,
      '--reference',
      'R0',
      '--recipient',
      'Org',
      '--text',
      't',
      '--on',
      '2021-05-01',
      '--force',
      'made by the previous investigation, before this one started',
    );
    expect(forced).toMatchObject({ madeOn: '2021-05-01' });
    const store = await openStore({ workspace: ws.dir, databaseUrl: ws.databaseUrl });
    try {
      const audit = await store.audit.list({ caseId: (await store.cases.findByName(CASE))!.id });
      expect(audit.at(-1)!.action).toBe('record.recommendation');
      expect(JSON.parse(audit.at(-1)!.detailJson)).toMatchObject({
        forced: {
          reason: 'made by the previous investigation, before this one started',
          dates: ['--on 2021-05-01'],
        },
      });
    } finally {
      await store.close();
    }
  });

  it("the barred-list exemption belongs to the officer's settings (defect 5)", async () => {
    await refused(
      'the barred list applies to Ann (their settings say so)',
      'record',
      'barred',
      CASE,
      'Ann',
      '--not-applicable',
      'different regulations',
    );
    await serveReg17(ws, CASE, 'Cat');
    await refused(
      'the barred list does not apply to Cat: the officer is subject to different regulations',
      'record',
      'barred',
      CASE,
      'Cat',
      '--reported-on',
      '2022-05-06',
    );
    await ok('record', 'barred', CASE, 'Cat', '--not-applicable', 'subject to different regulations');
  });

  it('person update keeps a dated status history; rules read the status on the day (defect 6)', async () => {
    const r = await ws.cli(['person', 'update', CASE, 'Bob', '--status', 'former']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--from');
    const bob = await ok(
      'person',
      'update',
      CASE,
      'Bob',
      '--status',
      'former',
      '--from',
      '2022-02-01',
      '--note',
      'resigned',
    );
    expect(bob).toMatchObject({
      status: 'former',
      statusHistory: [
        { status: 'serving', from: null, note: null },
        { status: 'former', from: '2022-02-01', note: 'resigned' },
      ],
    });
    const ann = await ok('person', 'update', CASE, 'Ann', '--status', 'former', '--from', '2022-06-01');
    expect(ann).toMatchObject({ status: 'former' });
    await refused(
      '--from 2022-05-01 is before the last recorded change of status',
      'person',
      'update',
      CASE,
      'Ann',
      '--status',
      'serving',
      '--from',
      '2022-05-01',
    );
    const store = await openStore({ workspace: ws.dir, databaseUrl: ws.databaseUrl });
    try {
      const record = await loadRecord(store, (await store.cases.findByName(CASE))!.id);
      const { statusOn } = await import('../../src/cases/rules-process.js');
      const a = record.people.find((p) => p.name === 'Ann')!;
      expect([statusOn(a, '2022-05-31'), statusOn(a, '2022-06-01'), statusOn(a, null)]).toEqual([
        'serving',
        'former',
        'former',
      ]);
    } finally {
      await store.close();
    }
  });

  it('partial dates: a month or a year where the record allows one; never in the future, never where a period needs a day', async () => {
    const rec = ['record', 'recommendation', CASE, '--reference', 'RP', '--recipient', 'Org', '--text', 't'];
    await refused('--on 2099-01 is after today', ...rec, '--on', '2099-01');
    await refused('--on 2099 is after today', ...rec, '--on', '2099');
    // May 2021 ends before the start (10 June 2021); June 2021 may hold a day after it.
    await refused('--on 2021-05 is before the investigation started (2021-06-10)', ...rec, '--on', '2021-05');
    await refused('--on "2021-13" is not a date', ...rec, '--on', '2021-13');
    // A charge stays a day: the s127(5) limit is counted to the day it was charged.
    await refused(
      '--on "2022-12" is not a date (YYYY-MM-DD)',
      ...['record', 'charge', CASE, 'Ann', '--messages', String(msg[3]), '--on', '2022-12'],
    );
    const made = await ok(...rec, '--on', '2021-06');
    expect(made).toMatchObject({ reference: 'RP', madeOn: '2021-06' });
    const { deadlines } = (await ok('record', 'deadlines', CASE, '--today', '2021-09-01')) as unknown as {
      deadlines: { about: string; status: string; due: string | null; daysLeft: number | null }[];
    };
    expect(deadlines.find((d) => d.about === 'response to recommendation RP')).toMatchObject({
      status: 'not_computable',
      due: null,
      daysLeft: null,
    });
  });

  it('partial dates for assessments, referrals, verdicts, sentences and appeals: refused only when certainly out of order', async () => {
    // Referral to the investigating body 1 June 2021, start 10 June 2021 (recordDates).
    await refused(
      'the assessment of Bob (2021-05) cannot be before the referral (2021-06-01)',
      ...['record', 'assess', CASE, 'Bob', '--severity', 'gross_misconduct', '--on', '2021-05'],
    );
    // June 2021 may hold a day after 1 June: the same month as a day-precision date is not out of order.
    expect(
      await ok('record', 'assess', CASE, 'Bob', '--severity', 'gross_misconduct', '--on', '2021-06'),
    ).toMatchObject({ assessedOn: '2021-06' });
    await refused(
      'the referral to the prosecutor (2021-05) cannot be before the investigation started (2021-06-10)',
      ...['record', 'refer', CASE, '--on', '2021-05', '--exhibit', 'R/1'],
    );
    expect(await ok('record', 'refer', CASE, '--on', '2021', '--exhibit', 'R/1')).toMatchObject({
      referredOn: '2021',
    });
    // Count 1 against Ann was charged on 5 January 2022.
    const verdict = (on: string) => ['record', 'verdict', CASE, '1', '--verdict', 'convicted', '--on', on];
    await refused('--on 2099 is after today', ...verdict('2099'));
    await refused('the verdict (2021-12) cannot be before the charge (2022-01-05)', ...verdict('2021-12'));
    await ok(...verdict('2022-01'));
    await refused(
      'the sentence (2021) cannot be before the conviction (2022-01)',
      ...['record', 'sentence', CASE, 'Ann', '--on', '2021', '--sentence', 'fine'],
    );
    expect(
      await ok('record', 'sentence', CASE, 'Ann', '--on', '2022-01-02', '--sentence', 'fine'),
    ).toMatchObject({ sentencedOn: '2022-01-02' });
    await ok('record', 'appeal', CASE, 'Ann', '--on', '2022-02');
    await refused(
      "the appeal's outcome (2022-01-31) cannot be before it was lodged (2022-02)",
      ...['record', 'appeal', CASE, 'Ann', '--outcome', 'dismissed', '--outcome-on', '2022-01-31'],
    );
    await ok('record', 'appeal', CASE, 'Ann', '--outcome', 'dismissed', '--outcome-on', '2022');
    const record = (await ok('record', 'show', CASE)) as unknown as {
      counts: { number: number; personId: number; verdictOn: string | null }[];
      appeals: { lodgedOn: string; outcomeOn: string | null }[];
    };
    expect(record.counts.find((c) => c.number === 1)?.verdictOn).toBe('2022-01');
    expect(record.appeals).toMatchObject([{ lodgedOn: '2022-02', outcomeOn: '2022' }]);
  });
});
