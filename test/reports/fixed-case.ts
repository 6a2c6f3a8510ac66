/**
 * A small fixed case for the report tests that compare whole reports (report-identity.test.ts) and
 * check how system lines written under a name are printed (system-lines.test.ts): an iOS export
 * whose group notices stand under the group's name ("Shift C: ‎Ann added Bob") and whose unknown
 * notice stands under a member's name ("Ann: ‎Nachricht gelöscht"), two flagged messages (a case
 * term), a case search term that hits the notice, an allegation citing a group notice, a charged
 * count, and one count citing the notice (written straight into the record table: the record's
 * service refuses a system line as a count, but the schedule prints whatever the table holds).
 *
 * The flags are an analysis run written through the store (not the flagger, whose changes would
 * change these reports), and one reviewer code.
 *
 * Built under a frozen clock, so every time the store writes (exhibit added, audit entries, the
 * analysis run, the term list) is the same on every run and the reports come out the same.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { vi } from 'vitest';
import { openStore, type Store } from '../../src/store/open-store.js';
import type { CaseRecord } from '../../src/store/types.js';
import { makeWorkspace, type Workspace } from '../support/cli.js';
import { tempDir } from '../support/device.js';

export const GROUP = 'Shift C';
/** The member an unknown notice was written under. */
export const NOTICE_AUTHOR = 'Ann';
const NOTICE = '\u200ENachricht gelöscht';

export const CHAT = [
  `[01/03/2021, 08:00:00] ${GROUP}: \u200EAnn created group “${GROUP}”`,
  `[01/03/2021, 08:00:01] ${GROUP}: \u200EAnn added Bob`,
  `[01/03/2021, 08:00:02] ${GROUP}: \u200EAnn added Cy`,
  '[01/03/2021, 09:05:00] Ann: those zorblax again',
  '[01/03/2021, 09:06:00] Bob: 😂 spot on',
  '[01/03/2021, 09:07:00] Cy: not appropriate that',
  '[02/03/2021, 22:00:00] Bob: zorblax everywhere tonight',
  `\u200E[02/03/2021, 22:01:00] ${NOTICE_AUTHOR}: ${NOTICE}`,
  '[03/03/2021, 07:00:00] Ann: morning all',
  '[03/03/2021, 07:05:00] Bob: morning',
  '[03/03/2021, 07:06:00] Cy: shift briefing at 8',
  '[03/03/2021, 07:07:00] Ann: on my way',
  '[04/03/2021, 12:00:00] Bob: lunch?',
  `[04/03/2021, 12:30:00] ${GROUP}: \u200ECy left`,
  '[05/03/2021, 18:00:00] Ann: quiet night',
].join('\n');

/** The instant the clock stands at while the case is built. */
export const FROZEN_AT = new Date('2026-01-15T10:00:00.000Z');

export interface FixedCase {
  readonly ws: Workspace;
  readonly dir: string;
  readonly store: Store;
  readonly theCase: CaseRecord;
  /** Message ids in export order (line 1 of CHAT first). */
  readonly ids: readonly number[];
  cleanup(): Promise<void>;
}

/** The fixed case on SQLite, its store open. Leaves the clock frozen: call `cleanup` to restore it. */
export async function fixedCase(): Promise<FixedCase> {
  vi.useFakeTimers({ toFake: ['Date'], now: FROZEN_AT });
  const ws = await makeWorkspace('sqlite');
  const dir = tempDir('scrutineer-fixed-case-');
  const run = async (...args: string[]) => {
    const r = await ws.cli(args);
    if (r.code !== 0) throw new Error(`scrutineer ${args.join(' ')}: ${r.err}`);
    return r;
  };
  const file = path.join(dir, 'WhatsApp Chat - Shift C.txt');
  writeFileSync(file, `${CHAT}\n`);
  await run('case', 'create', 'Fixed');
  await run(
    'exhibit',
    'add',
    'Fixed',
    file,
    '--ref',
    'F/1',
    '--timezone',
    'Europe/London',
    '--date-order',
    'dmy',
  );
  await run('terms', 'add', 'Fixed', 'zorblax', '--category', 'other_derogatory', '--severity', 'high');
  await run('terms', 'add', 'Fixed', 'gelöscht', '--category', 'other_derogatory', '--severity', 'high');
  const ids = (await run('messages', 'Fixed', '--jsonl')).out
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as { id: number }).id);
  const id = (line: number): string => String(ids[line - 1]);
  const store = await openStore({ workspace: ws.dir, databaseUrl: null });
  const theCase = (await store.cases.findByName('Fixed'))!;
  const [conversation] = await store.conversations.list(theCase.id);
  const participants = await store.participants.list(conversation!.id);
  for (const name of ['Ann', 'Bob']) {
    await run('person', 'add', 'Fixed', '--name', name, '--role', 'subject', '--status', 'serving');
    const participant = participants.find((p) => p.displayName === name)!;
    await run('identify', 'Fixed', '--confirm', String(participant.id), '--person', name);
  }
  await run('record', 'case', 'Fixed', '--referral-date', '2021-06-01', '--start-date', '2021-06-10');
  await run('record', 'assess', 'Fixed', 'Bob', '--severity', 'gross_misconduct', '--on', '2021-06-12');
  await run(
    'record',
    'notice',
    'Fixed',
    'Bob',
    '--kind',
    'reg17',
    '--on',
    '2021-06-15',
    '--conduct',
    'c',
    '--standard',
    'Discreditable Conduct',
  );
  await run(
    'record',
    'allegation',
    'Fixed',
    'Bob',
    '--standard',
    'Discreditable Conduct',
    '--description',
    'stayed after Cy left',
    '--messages',
    `${id(7)},${id(14)}`,
  );
  await run('record', 'refer', 'Fixed', '--on', '2021-09-01', '--exhibit', 'F/1');
  await run('record', 'charging', 'Fixed', 'Ann', '--on', '2021-12-01', '--decision', 'charge');
  await run('record', 'charge', 'Fixed', 'Ann', '--messages', id(4), '--on', '2022-01-05');
  await flagAndCode(store, theCase.id, ids);
  const ann = (await store.people.list(theCase.id)).find((p) => p.name === 'Ann')!;
  await store.record.add('record_counts', theCase.id, 'test-investigator', {
    personId: ann.id,
    number: 2,
    offence: 's127(1)(a) Communications Act 2003',
    description: 'a count citing a system line',
    messageIds: [ids[7]!],
    chargedOn: null,
    verdict: null,
    verdictOn: null,
    publishable: false,
  });
  return {
    ws,
    dir,
    store,
    theCase,
    ids,
    async cleanup() {
      vi.useRealTimers();
      await store.close();
      await ws.cleanup();
    },
  };
}

/** A finished analysis run flagging the two "zorblax" lines (4 and 7), and line 7 coded offensive. */
async function flagAndCode(store: Store, caseId: number, ids: readonly number[]): Promise<void> {
  const run = await store.flags.startRun({
    caseId,
    actor: 'test-investigator',
    version: { engine: 'fixed-flagger/1.0.0' },
    termListId: null,
  });
  await store.flags.insertMany(
    [4, 7].map((line) => ({
      runId: run.id,
      caseId,
      messageId: ids[line - 1]!,
      score: 0.875,
      flagged: true,
      categories: [{ name: 'other_derogatory', score: 0.875 }],
      spans: [{ start: 0, end: 7, text: 'zorblax', category: 'other_derogatory', reason: 'case term' }],
    })),
  );
  await store.flags.finishRun(run.id, { messages: ids.length, flagged: 2 });
  await store.codes.write({
    messageId: ids[6]!,
    caseId,
    baseVersion: 0,
    by: 'reviewer1',
    values: {
      decision: 'offensive',
      categories: ['other_derogatory'],
      standards: [],
      potentialS127: true,
      note: 'checked',
    },
  });
}
