/**
 * The record CLI's word options take the contract's lists: --help shows each list, a value outside
 * it is refused as the command line is read (one usage line naming the option, the list and the
 * value; exit 2) and nothing is written; a Standard given in any case is stored in its exact words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadRecord } from '../../src/cases/record-service.js';
import {
  APPEAL_OUTCOMES,
  CASE_STATUSES,
  INTERVIEW_KINDS,
  MODES,
  PROCEEDING_LEVELS,
  SEVERITIES,
} from '../../src/contract/record.js';
import { openStore } from '../../src/store/open-store.js';
import { BACKENDS, makeWorkspace, type Workspace } from '../support/cli.js';
import { addSubjects, caseWithChat, recordDates, serveReg17 } from '../support/record-case.js';

const CASE = 'Words';
const CHAT = ['01/03/2021, 09:00 - Ann: first', '02/03/2021, 22:00 - Ann: second'].join('\n');

describe.each(BACKENDS)('record word options on %s', { timeout: 180_000 }, (backend) => {
  let ws: Workspace;

  /** The record and the number of audit entries of the case, as stored. */
  async function stored(): Promise<{ record: string; audit: number }> {
    const store = await openStore({ workspace: ws.dir, databaseUrl: ws.databaseUrl });
    try {
      const theCase = (await store.cases.findByName(CASE))!;
      return {
        record: JSON.stringify(await loadRecord(store, theCase.id)),
        audit: (await store.audit.list({ caseId: theCase.id })).length,
      };
    } finally {
      await store.close();
    }
  }

  beforeAll(async () => {
    ws = await makeWorkspace(backend);
    await caseWithChat(ws, CASE, CHAT);
    await addSubjects(ws, CASE, [['Ann', 'serving', 'yes']]);
    await recordDates(ws, CASE);
    await serveReg17(ws, CASE, 'Ann');
  });
  afterAll(async () => ws.cleanup());

  const refusals: [flag: string, list: readonly string[], args: string[], bad: string][] = [
    ['--mode', MODES, ['case', CASE], 'freelance'],
    ['--status', CASE_STATUSES, ['case', CASE], 'archived'],
    ['--severity', SEVERITIES, ['assess', CASE, 'Ann', '--on', '2021-06-20'], 'awful'],
    ['--kind', INTERVIEW_KINDS, ['interview', CASE, 'Ann', '--on', '2021-07-01'], 'informal'],
    ['--outcome', APPEAL_OUTCOMES, ['appeal', CASE, 'Ann', '--outcome-on', '2022-01-01'], 'quashed'],
    ['--level', PROCEEDING_LEVELS, ['hearing', CASE, '--start', '2022-01-01'], 'serious'],
    // not_applicable is a list of the record, but `barred` takes it as --not-applicable REASON.
    [
      '--list',
      ['barred', 'advisory'],
      ['barred', CASE, 'Ann', '--reported-on', '2022-01-01'],
      'not_applicable',
    ],
    ['--format', ['md', 'html'], ['summary', CASE], 'pdf'],
  ];

  it.each(refusals)(
    'refuses %s outside its list: one usage line, exit 2, nothing written',
    async (flag, list, args, bad) => {
      const before = await stored();
      const r = await ws.cli(['record', ...args, flag, bad]);
      expect(r.code, r.err).toBe(2);
      expect(r.err.split('\n').filter(Boolean)).toEqual([
        `scrutineer: ${flag} must be one of ${list.join(', ')} (got "${bad}")`,
      ]);
      expect(r.out).toBe('');
      expect(await stored()).toEqual(before);
    },
  );

  it('shows each list in --help', async () => {
    const help = async (sub: string) => {
      const r = await ws.cli(['record', sub, '--help']);
      expect(r.code).toBe(0);
      return r.out.replace(/\s+/gu, ' ');
    };
    const choices = (list: readonly string[]) => `(choices: ${list.map((w) => `"${w}"`).join(', ')}`;
    const caseHelp = await help('case');
    expect(caseHelp).toContain(choices(MODES));
    expect(caseHelp).toContain(choices(CASE_STATUSES));
    expect(await help('interview')).toContain(choices(INTERVIEW_KINDS));
    expect(await help('appeal')).toContain(choices(APPEAL_OUTCOMES));
    expect(await help('barred')).toContain(choices(['barred', 'advisory']));
  });

  it('takes a word of each list, and a Standard in any case stored in its exact words', async () => {
    await ws.json(['record', 'case', CASE, '--mode', 'directed', '--status', 'suspended']);
    const interview = await ws.json<{ kind: string }>([
      'record',
      'interview',
      CASE,
      'Ann',
      '--on',
      '2021-07-01',
    ]);
    expect(interview.kind).toBe('misconduct');
    const notice = await ws.json<{ standards: string[] }>([
      ...['record', 'notice', CASE, 'Ann', '--kind', 'criminal_letter', '--on', '2021-07-02'],
      ...['--standard', 'honesty and integrity'],
    ]);
    expect(notice.standards).toEqual(['Honesty and Integrity']);
    const shown = await ws.json<{ details: { mode: string; status: string } }>(['record', 'show', CASE]);
    expect(shown.details).toMatchObject({ mode: 'directed', status: 'suspended' });
  });
});
