/**
 * The review server computes the conduct picture on a worker thread with its own connection to the
 * store: it must give exactly what the same analysis gives in process, on both stores.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { caseConductViews } from '../../src/analysis/conduct-case.js';
import { ConductWorker } from '../../src/analysis/conduct-in-worker.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { TERMS, twoPhones } from '../support/two-phones.js';
import { BACKENDS, makeWorkspace, type Workspace } from '../support/cli.js';

describe.each(BACKENDS)('the conduct analysis on a worker thread on %s', (backend) => {
  let ws: Workspace;
  let store: Store;
  let caseId: number;
  let worker: ConductWorker;

  beforeAll(async () => {
    ws = await makeWorkspace(backend);
    const file = path.join(ws.dir, 'WhatsApp Chat with Shift B.txt');
    writeFileSync(file, twoPhones(20211).exportText);
    expect((await ws.cli(['case', 'create', 'Op Worker'])).code).toBe(0);
    const added = await ws.cli([
      'exhibit',
      'add',
      'Op Worker',
      file,
      '--ref',
      'W/1',
      '--timezone',
      'UTC',
      '--date-order',
      'dmy',
    ]);
    expect(added.code, added.err).toBe(0);
    for (const t of TERMS) {
      const r = await ws.cli([
        'terms',
        'add',
        'Op Worker',
        t.term,
        '--category',
        t.category,
        '--severity',
        'high',
      ]);
      expect(r.code, r.err).toBe(0);
    }
    expect((await ws.cli(['analyse', 'Op Worker'])).code).toBe(0);
    store = await openStore({ workspace: ws.dir, databaseUrl: ws.databaseUrl });
    caseId = (await store.cases.list()).find((c) => c.name === 'Op Worker')!.id;
    worker = new ConductWorker(store.reopen);
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await store?.close();
    await ws?.cleanup();
  });

  it('gives the same picture as the analysis in process, with and without withheld codes', async () => {
    const inProcess = await caseConductViews(store, caseId, new Set());
    expect(inProcess.conduct.people.length).toBeGreaterThan(2);
    expect(inProcess.conduct.offensiveMessages.length).toBeGreaterThan(0);
    expect(inProcess.membership.length).toBeGreaterThan(0);
    // Two at once: the worker answers each request by its id.
    const [a, b] = await Promise.all([worker.run(caseId, new Set()), worker.run(caseId, new Set())]);
    expect(a).toEqual(inProcess);
    expect(b).toEqual(inProcess);

    const withheld = new Set(inProcess.conduct.offensiveMessages.slice(0, 1).map((m) => m.messageId));
    expect(await worker.run(caseId, withheld)).toEqual(await caseConductViews(store, caseId, withheld));
  });

  it("passes the analysis's errors back, and refuses work once closed", async () => {
    const broken = new ConductWorker({
      workspace: path.join(ws.dir, 'WhatsApp Chat with Shift B.txt', 'x'),
      databaseUrl: null,
    });
    await expect(broken.run(caseId, new Set())).rejects.toThrow(/ENOTDIR|not a directory/u);
    await broken.close();
    const other = new ConductWorker(store.reopen);
    const pending = expect(other.run(caseId, new Set())).rejects.toThrow(/closed/u);
    await other.close();
    await pending;
    await expect(other.run(caseId, new Set())).rejects.toThrow(/closed/u);
  });
});
