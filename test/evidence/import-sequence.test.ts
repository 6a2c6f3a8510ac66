/**
 * Issue 20: an export is read from a plan decided from its first lines. Where the end of the file
 * contradicts that plan (here: the group is renamed after the first 50,000 lines), the import's
 * one transaction is rolled back and the file read again, whole file first: the exhibit comes out
 * as the two-pass read makes it, with no row stored twice.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { addExhibit } from '../../src/evidence/import-sequence.js';
import { openStore, type Store } from '../../src/store/open-store.js';

const dir = mkdtempSync(path.join(tmpdir(), 'scrutineer-replan-'));
let store: Store;
beforeAll(async () => {
  store = await openStore({ workspace: path.join(dir, 'ws') });
  await store.cases.create({ name: 'Op Replan', createdBy: 'dc' });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('an export whose end contradicts its start', () => {
  it('is read again whole-file-first, in the same one import', async () => {
    const lines = ['13/01/2024, 09:00 - Dan: day 13 says the order'];
    for (let i = 1; i < 60_000; i++)
      lines.push(`14/01/2024, 10:${String(i % 60).padStart(2, '0')} - Ana: m ${i}`);
    lines.push('15/01/2024, 08:00 - Ana changed the subject from "Shift" to "Night shift"');
    const file = path.join(dir, 'chat.txt');
    writeFileSync(file, lines.join('\n'));
    const outcome = await addExhibit(store, path.join(dir, 'ws'), {
      caseNameOrId: 'Op Replan',
      file,
      ref: 'R/1',
      timezone: 'Europe/London',
      dateOrder: 'auto',
      actor: 'dc',
    });
    expect(outcome.messages).toBe(60_001);
    expect(outcome.conversation.name).toBe('Night shift');
    expect(await store.exhibits.list(outcome.exhibit.caseId)).toHaveLength(1);
    expect(await store.messages.count(outcome.exhibit.caseId)).toBe(60_001);
  }, 120_000);
});
