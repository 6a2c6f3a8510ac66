/**
 * Every rule of the case record refuses the change with its message (exit 1, one line), and a refused
 * change leaves neither the row nor an audit entry behind. On SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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

const CASE = 'Rules';
const CHAT = [
  '01/03/2021, 09:00 - Ann created group "Shift C"',
  '01/03/2021, 09:05 - Ann: those zorblax again',
  '02/03/2021, 22:00 - Bob: zorblax everywhere',
  '03/03/2021, 22:00 - Bob: morning',
].join('\n');

describe.each(BACKENDS)('record rules on %s', { timeout: 180_000 }, (backend) => {
  let ws: Workspace;
  let msgIds: number[];
  let allegation: number;
  let hearing: number;
  let meeting: number;

  const ok = (...args: string[]) => written(ws, args);
  const refused = (message: string, ...args: string[]) => expectRefused(ws, CASE, message, args);

  beforeAll(async () => {
    ws = await makeWorkspace(backend);
    msgIds = await caseWithChat(ws, CASE, CHAT);
    await ws.cli(['case', 'create', 'Other']);
    await addSubjects(ws, CASE, [
      ['Ann', 'serving', 'yes', 'Northshire Police'],
      ['Bob', 'former', 'no', 'Elsewhere Constabulary'],
      ['Cat', 'former', 'yes', 'Northshire Police'],
    ]);
    await ok('person', 'add', CASE, '--name', 'Wit', '--role', 'witness');
    await recordDates(ws, CASE);
    for (const p of ['Ann', 'Bob', 'Cat']) await serveReg17(ws, CASE, p);
    allegation = (
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
        String(msgIds[1]),
      )
    )[0]!.id;
    await ok(
      'record',
      'allegation',
      CASE,
      'Bob',
      '--standard',
      'Equality and Diversity',
      '--description',
      'sent',
      '--messages',
      String(msgIds[2]),
    );
    await ok(
      'record',
      'allegation',
      CASE,
      'Cat',
      '--standard',
      'Challenging and Reporting Improper Conduct',
      '--description',
      'silent',
    );
    await ok('record', 'case', CASE, '--report-date', '2022-03-01');
    await ok(
      'record',
      'case-to-answer',
      CASE,
      String(allegation),
      String(allegation + 1),
      String(allegation + 2),
      '--decision',
      'gross_misconduct',
      '--on',
      '2022-03-10',
    );
    hearing = (await ok('record', 'hearing', CASE, '--start', '2022-05-01', '--end', '2022-05-03')).id;
    meeting = (
      await ok(
        'record',
        'hearing',
        CASE,
        '--kind',
        'meeting',
        '--level',
        'misconduct',
        '--start',
        '2022-05-01',
      )
    ).id;
    await ok('record', 'refer', CASE, '--on', '2021-09-01', '--exhibit', 'R/1');
    await ok('record', 'charging', CASE, 'Ann', '--on', '2021-12-01', '--decision', 'charge');
  }, 120_000);
  afterAll(async () => ws.cleanup());

  it('a refused change leaves neither the row nor an audit entry behind', async () => {
    const store = await openStore({ workspace: ws.dir, databaseUrl: ws.databaseUrl });
    try {
      const theCase = (await store.cases.findByName(CASE))!;
      const before = await loadRecord(store, theCase.id);
      const audit = (await store.audit.list({ caseId: theCase.id })).length;
      await refused(
        'no outcome without a finding',
        'record',
        'outcome',
        CASE,
        'Ann',
        '--outcome',
        'written_warning',
        '--proceeding',
        String(hearing),
        '--on',
        '2022-05-03',
      );
      // A batch refused part-way: the first decision is valid, the second is not; neither is kept.
      await refused(
        'no allegation 9999 in this case',
        'record',
        'case-to-answer',
        CASE,
        String(allegation),
        '9999',
        '--decision',
        'misconduct',
        '--on',
        '2022-03-11',
      );
      expect(await loadRecord(store, theCase.id)).toEqual(before);
      expect((await store.audit.list({ caseId: theCase.id })).length).toBe(audit);
      expect((await store.audit.verify()).ok).toBe(true);
      expect((await store.audit.list({ caseId: theCase.id })).map((e) => e.action)).toContain(
        'record.case-to-answer',
      );
    } finally {
      await store.close();
    }
  });

  it('no outcome without a finding', async () => {
    await refused(
      'no outcome without a finding',
      'record',
      'outcome',
      CASE,
      'Ann',
      '--outcome',
      'written_warning',
      '--proceeding',
      String(hearing),
      '--on',
      '2022-05-03',
    );
    await refused(
      'no outcome without a finding',
      'record',
      'outcome',
      CASE,
      'Ann',
      '--outcome',
      'reflective_practice',
      '--on',
      '2022-05-03',
    );
  });

  it('"would have been dismissed" only for former officers; dismissal only at a hearing, never of a former officer', async () => {
    await ok(
      'record',
      'finding',
      CASE,
      String(allegation),
      '--proceeding',
      String(hearing),
      '--finding',
      'proven',
      '--on',
      '2022-05-03',
    );
    await ok(
      'record',
      'finding',
      CASE,
      String(allegation),
      '--proceeding',
      String(meeting),
      '--finding',
      'proven',
      '--on',
      '2022-05-02',
    );
    await refused(
      '"would have been dismissed" is only for a former officer; Ann was serving on 2022-05-03',
      'record',
      'outcome',
      CASE,
      'Ann',
      '--outcome',
      'would_have_been_dismissed',
      '--proceeding',
      String(hearing),
      '--on',
      '2022-05-03',
    );
    await refused(
      'dismissal without notice can only be decided at a misconduct hearing, not a meeting',
      'record',
      'outcome',
      CASE,
      'Ann',
      '--outcome',
      'dismissal_without_notice',
      '--proceeding',
      String(meeting),
      '--on',
      '2022-05-03',
    );
    await refused(
      'gross misconduct goes to a misconduct hearing, not a meeting',
      'record',
      'hearing',
      CASE,
      '--kind',
      'meeting',
      '--start',
      '2022-05-01',
    );
    await ok(
      'record',
      'finding',
      CASE,
      String(allegation + 1),
      '--proceeding',
      String(hearing),
      '--finding',
      'proven',
      '--on',
      '2022-05-03',
    );
    await refused(
      'Bob was a former officer on 2022-05-03 and cannot be dismissed',
      'record',
      'outcome',
      CASE,
      'Bob',
      '--outcome',
      'dismissal_without_notice',
      '--proceeding',
      String(hearing),
      '--on',
      '2022-05-03',
    );
    await refused(
      'dates out of order: the outcome (2022-05-02) cannot be before the finding (2022-05-03)',
      'record',
      'outcome',
      CASE,
      'Ann',
      '--outcome',
      'dismissal_without_notice',
      '--proceeding',
      String(hearing),
      '--on',
      '2022-05-02',
    );
    await ok(
      'record',
      'outcome',
      CASE,
      'Ann',
      '--outcome',
      'dismissal_without_notice',
      '--proceeding',
      String(hearing),
      '--on',
      '2022-05-03',
    );
    await ok(
      'record',
      'outcome',
      CASE,
      'Bob',
      '--outcome',
      'would_have_been_dismissed',
      '--proceeding',
      String(hearing),
      '--on',
      '2022-05-03',
    );
    await ok(
      'record',
      'finding',
      CASE,
      String(allegation + 2),
      '--proceeding',
      String(hearing),
      '--finding',
      'not_proven',
      '--on',
      '2022-05-03',
    );
    await refused(
      'no allegation against Cat was found proven: the only outcome is no further action',
      'record',
      'outcome',
      CASE,
      'Cat',
      '--outcome',
      'final_written_warning',
      '--proceeding',
      String(hearing),
      '--on',
      '2022-05-03',
    );
  });

  it('barred list entries only where the list applies', async () => {
    await refused(
      'the barred list does not apply to Bob: the officer is subject to different regulations',
      'record',
      'barred',
      CASE,
      'Bob',
      '--reported-on',
      '2022-05-06',
    );
    await refused(
      'Cat has no outcome of dismissal or "would have been dismissed"',
      'record',
      'barred',
      CASE,
      'Cat',
      '--reported-on',
      '2022-05-06',
    );
    await refused('dates out of order', 'record', 'barred', CASE, 'Ann', '--reported-on', '2022-05-01');
    // A month may be given (issue 15): refused only when it wholly precedes the outcome (3 May 2022).
    await refused(
      'the barred list report (2022-04) cannot be before the outcome (2022-05-03)',
      ...['record', 'barred', CASE, 'Ann', '--reported-on', '2022-04'],
    );
    await refused(
      '--reported-on 2099 is after today',
      'record',
      'barred',
      CASE,
      'Ann',
      '--reported-on',
      '2099',
    );
    await ok('record', 'barred', CASE, 'Bob', '--not-applicable', 'force outside the legislation');
    await ok('record', 'barred', CASE, 'Ann', '--reported-on', '2022-05-06');
    const { deadlines } = await ws.json<{ deadlines: { kind: string; due: string; status: string }[] }>([
      'record',
      'deadlines',
      CASE,
      '--today',
      '2022-06-01',
    ]);
    expect(deadlines.filter((d) => d.kind === 'barred_list_report')).toEqual([
      expect.objectContaining({ due: '2022-05-10', status: 'met' }),
    ]);
  });

  it('verdicts only for charged counts; charges only after a decision, within the time limit', async () => {
    const proposed = await ok('record', 'charge', CASE, 'Ann', '--messages', String(msgIds[1]));
    await refused(
      'count ' + proposed.id + ' was never charged: verdicts are only for charged counts',
      'record',
      'verdict',
      CASE,
      String(proposed.id),
      '--verdict',
      'convicted',
      '--on',
      '2022-06-01',
    );
    await refused(
      'no count 9999 in this case',
      'record',
      'verdict',
      CASE,
      '9999',
      '--verdict',
      'convicted',
      '--on',
      '2022-06-01',
    );
    // Evidence sufficient 10 January 2022: the 6 months beginning with it end on 9 July 2022, so
    // a charge on 10 July is one day too late (issue 15 defect 1).
    await refused(
      'out of time: the s127(5) limitation date of this count is 2022-07-09',
      'record',
      'charge',
      CASE,
      '--count',
      String(proposed.id),
      '--on',
      '2022-07-10',
    );
    await refused(
      'no charging decision to charge Cat',
      'record',
      'charge',
      CASE,
      'Cat',
      '--messages',
      String(msgIds[2]),
      '--on',
      '2022-02-01',
    );
    await refused(
      'not in this case',
      'record',
      'charge',
      CASE,
      'Ann',
      '--messages',
      '999999',
      '--on',
      '2022-02-01',
    );
    await ok('record', 'charge', CASE, '--count', String(proposed.id), '--on', '2022-02-01');
    await refused(
      'dates out of order: the verdict (2022-01-15) cannot be before the charge (2022-02-01)',
      'record',
      'verdict',
      CASE,
      String(proposed.id),
      '--verdict',
      'convicted',
      '--on',
      '2022-01-15',
    );
    await refused(
      'Ann was not convicted of any count: no sentence',
      'record',
      'sentence',
      CASE,
      'Ann',
      '--on',
      '2022-06-01',
      '--sentence',
      'fine',
    );
    await ok('record', 'verdict', CASE, String(proposed.id), '--verdict', 'convicted', '--on', '2022-06-01');
    await refused(
      'already has a verdict',
      'record',
      'verdict',
      CASE,
      String(proposed.id),
      '--verdict',
      'acquitted',
      '--on',
      '2022-06-02',
    );
  });

  it('allegations cite only the case’s messages; subjects only; dates in order and real', async () => {
    const other = await ws.cli(['messages', 'Other', '--jsonl']);
    expect(other.out).toBe('');
    await refused(
      'message 999999 is not in this case',
      'record',
      'allegation',
      CASE,
      'Ann',
      '--standard',
      'Discreditable Conduct',
      '--description',
      'x',
      '--messages',
      '999999',
    );
    await refused(
      '"Being Rude" is not a Standard of Professional Behaviour',
      'record',
      'allegation',
      CASE,
      'Ann',
      '--standard',
      'Being Rude',
      '--description',
      'x',
    );
    await refused(
      'Wit is a witness in this case, not a subject',
      'record',
      'assess',
      CASE,
      'Wit',
      '--severity',
      'misconduct',
      '--on',
      '2021-07-01',
    );
    await refused(
      '"2021-02-30" is not a date',
      'record',
      'assess',
      CASE,
      'Ann',
      '--severity',
      'misconduct',
      '--on',
      '2021-02-30',
    );
    await refused(
      'dates out of order: the Regulation 17 notice to Ann (2021-06-01) cannot be served before the investigation started (2021-06-10)',
      'record',
      'notice',
      CASE,
      'Ann',
      '--kind',
      'reg17',
      '--on',
      '2021-06-01',
      '--conduct',
      'x',
      '--standard',
      'Discreditable Conduct',
    );
    await refused(
      'dates out of order: the investigation cannot start',
      'record',
      'case',
      CASE,
      '--start-date',
      '2021-05-01',
    );
    await refused(
      'Ann cannot be interviewed (2021-06-14) before being served a Regulation 17 notice',
      'record',
      'interview',
      CASE,
      'Ann',
      '--on',
      '2021-06-14',
    );
    await refused(
      'cannot be interviewed (2021-06-20) before being served a criminal letter',
      'record',
      'interview',
      CASE,
      'Ann',
      '--on',
      '2021-06-20',
      '--kind',
      'criminal',
    );
    await refused(
      'no exhibit NOPE/1 in this case',
      'record',
      'refer',
      CASE,
      '--on',
      '2021-09-01',
      '--exhibit',
      'NOPE/1',
    );
    // A --severity outside its list is a usage error (exit 2): test/cli/record-words.test.ts.
  });

  it('recommendations: response after it was made, publication after the response', async () => {
    await ok(
      'record',
      'recommendation',
      CASE,
      '--reference',
      'L1',
      '--recipient',
      'Northshire Police',
      '--text',
      'Train supervisors',
      '--on',
      '2022-06-01',
    );
    await refused(
      'recommendation L1 has no response to publish yet',
      'record',
      'publish',
      CASE,
      'L1',
      '--on',
      '2022-06-10',
    );
    await refused(
      'dates out of order: the response (2022-05-01)',
      'record',
      'response',
      CASE,
      'L1',
      '--on',
      '2022-05-01',
      '--response',
      'accepted',
      '--text',
      'ok',
    );
    await ok(
      'record',
      'extend',
      CASE,
      'L1',
      '--days',
      '14',
      '--reason',
      'board meets monthly',
      '--on',
      '2022-07-01',
    );
    await ok('record', 'response', CASE, 'L1', '--on', '2022-08-05', '--response', 'partly', '--text', 'ok');
    await refused(
      'dates out of order: the publication (2022-08-01)',
      'record',
      'publish',
      CASE,
      'L1',
      '--on',
      '2022-08-01',
    );
    const { deadlines } = await ws.json<{ deadlines: { kind: string; due: string; status: string }[] }>([
      'record',
      'deadlines',
      CASE,
      '--today',
      '2022-08-10',
    ]);
    expect(deadlines.find((d) => d.kind === 'recommendation_response')).toMatchObject({
      due: '2022-08-10',
      status: 'met',
    });
    expect(deadlines.find((d) => d.kind === 'response_publication')).toMatchObject({
      due: '2022-08-26',
      status: 'open',
    });
  });
});
