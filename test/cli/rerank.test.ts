/** `scrutineer rerank CASE`: a re-rank from the CLI on each backend, checked against the stored run. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openStore, type Store } from '../../src/store/open-store.js';
import { BACKENDS, makeWorkspace, type Workspace } from '../support/cli.js';

const CASE = 'Op Rerank';
const CHAT = [
  '13/03/2021, 09:10 - PC Dan Hughes: morning all, van 4 is back on the road',
  '13/03/2021, 09:11 - PC Ryan Clarke: Saw Bluebell at the station again, state of her',
  '13/03/2021, 09:12 - Sgt Kate Morris: briefing at 10 in the yard',
  '13/03/2021, 09:13 - PC Ryan Clarke: Bluebell is back in the cells, state of it',
  '13/03/2021, 09:14 - PC Dan Hughes: ok sarge',
  '13/03/2021, 09:15 - PC Ryan Clarke: on my way',
].join('\n');

interface Out {
  case: { name: string };
  run: { id: number; positives: number; negatives: number; rankingSha256: string; createdBy: string };
  ranked: number;
  top: { messageId: number; score: number }[];
}

describe.each(BACKENDS)('CLI: rerank on %s', (backend) => {
  let ws: Workspace;
  let ids: number[];
  const withStore = async <T>(fn: (store: Store) => Promise<T>): Promise<T> => {
    const store = await openStore({ workspace: ws.dir, databaseUrl: ws.databaseUrl });
    try {
      return await fn(store);
    } finally {
      await store.close();
    }
  };

  beforeAll(async () => {
    ws = await makeWorkspace(backend);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'scrutineer-rerank-')), 'chat.txt');
    writeFileSync(file, CHAT);
    expect((await ws.cli(['case', 'create', CASE])).code).toBe(0);
    const added = await ws.cli(['exhibit', 'add', CASE, file, '--ref', 'RR/1']);
    expect(added.code, added.err).toBe(0);
    expect((await ws.cli(['analyse', CASE])).code).toBe(0);
    ids = (await ws.cli(['messages', CASE, '--jsonl'])).out
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { id: number }).id);
  });
  afterAll(async () => ws.cleanup());

  it('learns from the codes, prints the run, and the store and audit log hold it', async () => {
    await withStore(async (store) => {
      const caseId = (await store.cases.findByNameOrId(CASE))!.id;
      const values = { categories: [], standards: [], potentialS127: false, note: '' };
      const write = (i: number, decision: 'offensive' | 'not_offensive') =>
        store.codes.write({
          messageId: ids[i]!,
          caseId,
          baseVersion: 0,
          values: { ...values, decision },
          by: 'rev',
        });
      await write(1, 'offensive');
      await write(0, 'not_offensive');
      await write(2, 'not_offensive');
    });
    const out = await ws.json<Out>(['rerank', CASE, '--json']);
    expect(out).toMatchObject({
      case: { name: CASE },
      run: { positives: 1, negatives: 2, createdBy: 'test-investigator' },
      ranked: ids.length - 3,
    });
    // The other "Bluebell … state of" message is what the one offensive code points to.
    expect(out.top[0]!.messageId).toBe(ids[3]);
    await withStore(async (store) => {
      const caseId = (await store.cases.findByNameOrId(CASE))!.id;
      const latest = (await store.rerankRuns.latest(caseId))!;
      expect(latest.id).toBe(out.run.id);
      expect(latest.rankingSha256).toBe(out.run.rankingSha256);
      const entries = await store.audit.list({ caseId });
      expect(entries.filter((e) => e.action === 'rerank.run').map((e) => e.subject)).toEqual([
        `rerank:${latest.id}`,
      ]);
    });

    const text = await ws.cli(['rerank', CASE]);
    expect(text.code).toBe(0);
    expect(text.out).toContain('learned from 1 offensive and 2 not-offensive codes');
    await withStore(async (store) => {
      const caseId = (await store.cases.findByNameOrId(CASE))!.id;
      expect((await store.rerankRuns.list(caseId)).map((r) => r.rankingSha256)).toEqual([
        out.run.rankingSha256,
        out.run.rankingSha256,
      ]);
    });
  });

  it('a priority batch listed --ranked follows the latest re-rank; coded messages come last', async () => {
    const batch = await ws.json<{ id: number; messages: number }>([
      'batch',
      'create',
      CASE,
      '--name',
      'All by priority',
      '--priority',
      '--min-score',
      '0',
      '--json',
    ]);
    expect(batch.messages).toBe(ids.length);
    const listed = await ws.json<{ messages: { id: number }[] }>([
      'batch',
      'messages',
      String(batch.id),
      '--ranked',
      '--json',
    ]);
    const ranking = await withStore(async (store) => {
      const caseId = (await store.cases.findByNameOrId(CASE))!.id;
      return store.rerankRuns.ranking((await store.rerankRuns.latest(caseId))!.id);
    });
    expect(listed.messages.map((m) => m.id)).toEqual([
      ...ranking.map((r) => r.messageId),
      ...[ids[0]!, ids[1]!, ids[2]!],
    ]);
    // The message the one offensive code resembles leads the batch.
    expect(listed.messages[0]!.id).toBe(ids[3]);
  });

  it('refuses a case that does not exist', async () => {
    const r = await ws.cli(['rerank', 'No Such Case']);
    expect(r.code).not.toBe(0);
  });
});
