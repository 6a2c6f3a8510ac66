/**
 * Shared set-up of the case-record tests that drive the CLI (test/cases): a case over a small chat,
 * its officers, the record's dates and Regulation 17 notices, and the check that a refused change
 * is one line, exit 1, and writes nothing. One copy, so every rule is held to the same check.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';

import { loadRecord } from '../../src/cases/record-service.js';
import { openStore } from '../../src/store/open-store.js';
import type { Workspace } from './cli.js';

/** What `--json` prints for a change: the row written, or the rows (one allegation per standard). */
export type Written = { id: number } & { id: number }[];

/** `scrutineer ARGS --json`, parsed; throws with the error line when the command fails. */
export function written(ws: Workspace, args: readonly string[]): Promise<Written> {
  return ws.json<Written>(args);
}

async function snapshot(ws: Workspace, caseName: string): Promise<{ record: string; audit: number }> {
  const store = await openStore({ workspace: ws.dir, databaseUrl: ws.databaseUrl });
  try {
    const theCase = (await store.cases.findByName(caseName))!;
    const record = JSON.stringify(await loadRecord(store, theCase.id));
    return { record, audit: (await store.audit.list({ caseId: theCase.id })).length };
  } finally {
    await store.close();
  }
}

/** `args` is refused with `message`: exit 1, one line, and neither a row nor an audit entry written. */
export async function expectRefused(
  ws: Workspace,
  caseName: string,
  message: string,
  args: readonly string[],
): Promise<void> {
  const before = await snapshot(ws, caseName);
  const r = await ws.cli(args);
  expect(r.code, r.out).toBe(1);
  expect(r.err.split('\n').filter(Boolean)).toHaveLength(1);
  expect(r.err).toContain(message);
  expect(await snapshot(ws, caseName)).toEqual(before);
}

/** A case named `caseName` holding `chat` as exhibit R/1 (day-first dates); its message ids in order. */
export async function caseWithChat(ws: Workspace, caseName: string, chat: string): Promise<number[]> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'scrutineer-record-')), 'chat.txt');
  writeFileSync(file, chat);
  await ws.json(['case', 'create', caseName]);
  await ws.json(['exhibit', 'add', caseName, file, '--ref', 'R/1', '--date-order', 'dmy']);
  const lines = (await ws.cli(['messages', caseName, '--jsonl'])).out.trim().split('\n');
  return lines.map((l) => (JSON.parse(l) as { id: number }).id);
}

/** An officer under investigation: name, status, whether the barred list applies, and their force. */
export type Subject = readonly [
  name: string,
  status: 'serving' | 'former',
  barredList: 'yes' | 'no',
  force?: string,
];

export async function addSubjects(
  ws: Workspace,
  caseName: string,
  subjects: readonly Subject[],
): Promise<void> {
  for (const [name, status, applies, force] of subjects)
    await written(ws, [
      ...['person', 'add', caseName, '--name', name, '--role', 'subject', '--status', status],
      ...(force === undefined ? [] : ['--force', force]),
      ...['--barred-list-applies', applies],
    ]);
}

/** The record's dates these tests share: referred 1 June 2021, investigation from 10 June, evidence
 * sufficient for a charge on 10 January 2022 (so the s127(5) time limit ends on 9 July 2022). */
export async function recordDates(ws: Workspace, caseName: string): Promise<void> {
  await written(ws, [
    ...['record', 'case', caseName, '--referral-date', '2021-06-01', '--start-date', '2021-06-10'],
    ...['--evidence-sufficient', '2022-01-10'],
  ]);
}

/** `person` assessed as gross misconduct (12 June 2021) and served a Regulation 17 notice (15 June). */
export async function serveReg17(ws: Workspace, caseName: string, person: string): Promise<void> {
  await written(ws, [
    'record',
    'assess',
    caseName,
    person,
    '--severity',
    'gross_misconduct',
    '--on',
    '2021-06-12',
  ]);
  await written(ws, [
    ...['record', 'notice', caseName, person, '--kind', 'reg17', '--on', '2021-06-15'],
    ...['--conduct', 'messages', '--standard', 'Discreditable Conduct'],
  ]);
}
