/**
 * Issue 21, items 1–4: the evidence store under concurrent imports, planted bytes, interrupted
 * imports and sources that change while they are copied. Real imports, real databases.
 */
import {
  appendFileSync,
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addExhibit } from '../../src/evidence/import-sequence.js';
import type { AddExhibitRequest } from '../../src/evidence/import-request.js';
import { EvidenceStore } from '../../src/evidence/evidence-store.js';
import { verifyWorkspace } from '../../src/evidence/verify.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { BACKENDS, makeWorkspace, PG_SKIPPED, type Workspace } from '../support/cli.js';
import { makeZip } from '../support/zip.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'scrutineer-evidence-'));
let n = 0;
function file(name: string, content: string | Uint8Array): string {
  const dir = path.join(scratch, String(++n));
  mkdirSync(dir);
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

const CHAT = [
  '13/03/2021, 09:10 - PC Dan Hughes: morning all',
  '13/03/2021, 09:11 - Sgt Kate Morris: IMG-20210313-WA0001.jpg (file attached)',
  '14/03/2021, 10:00 - PC Dan Hughes: see you',
].join('\n');
const PHOTO = new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7) % 256));

if (PG_SKIPPED) describe.skip(`evidence store on PostgreSQL (${PG_SKIPPED})`, () => undefined);

describe.each(BACKENDS)('evidence store on %s', (backend) => {
  const open: { ws: Workspace; stores: Store[] }[] = [];
  afterEach(async () => {
    for (const o of open.splice(0)) {
      for (const s of o.stores) await s.close();
      await o.ws.cleanup();
    }
  });

  /** A workspace with one case, and a way to open more stores on it (as other processes would). */
  async function workspace(): Promise<{ ws: Workspace; store(): Promise<Store> }> {
    const ws = await makeWorkspace(backend);
    const entry = { ws, stores: [] as Store[] };
    open.push(entry);
    const store = async () => {
      const s = await openStore({ workspace: ws.dir, databaseUrl: ws.databaseUrl });
      entry.stores.push(s);
      return s;
    };
    expect((await ws.cli(['case', 'create', 'Op Test'])).code).toBe(0);
    return { ws, store };
  }

  const request = (f: string, ref: string, extra: Partial<AddExhibitRequest> = {}): AddExhibitRequest => ({
    caseNameOrId: 'Op Test',
    file: f,
    ref,
    timezone: 'Europe/London',
    dateOrder: 'dmy',
    actor: 'test-investigator',
    ...extra,
  });

  it('a failed import never removes an original that an import which committed meanwhile uses', async () => {
    const { ws, store } = await workspace();
    const [a, b] = [await store(), await store()];
    const chat = file('WhatsApp Chat with Team 3.txt', CHAT);
    const zip = file(
      'WhatsApp Chat with Team 3.zip',
      makeZip({ '_chat.txt': CHAT, 'IMG-20210313-WA0001.jpg': PHOTO }),
    );
    // A stores the chat first; B (another process) finds the same bytes as its zip's chat entry,
    // reuses them and commits; then A fails.
    const failed = addExhibit(
      a,
      ws.dir,
      request(chat, 'AB/1', {
        afterStored: async () => {
          await addExhibit(b, ws.dir, request(zip, 'AB/2'));
          throw new Error('injected failure after the other import committed');
        },
      }),
    );
    await expect(failed).rejects.toThrow('injected failure');
    const v = await verifyWorkspace(a, ws.dir);
    expect(v.files.filter((f) => !f.ok)).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.files.map((f) => f.file).sort()).toEqual([
      'WhatsApp Chat with Team 3.zip',
      'WhatsApp Chat with Team 3.zip!IMG-20210313-WA0001.jpg',
      'WhatsApp Chat with Team 3.zip!_chat.txt',
    ]);
    expect(v.orphans).toEqual([]);
    expect(await a.evidenceClaims.list()).toEqual([]);
    // And A, tried again, imports: its original is the file B's entry uses.
    const again = await addExhibit(a, ws.dir, request(chat, 'AB/1'));
    expect(again.messages).toBe(3);
    expect((await verifyWorkspace(a, ws.dir)).ok).toBe(true);
  });

  it('a failed import alone leaves the evidence store as it found it', async () => {
    const { ws, store } = await workspace();
    const s = await store();
    const zip = file(
      'WhatsApp Chat with Team 3.zip',
      makeZip({ '_chat.txt': CHAT, 'IMG-20210313-WA0001.jpg': PHOTO }),
    );
    await expect(
      addExhibit(
        s,
        ws.dir,
        request(zip, 'AB/1', { afterStored: () => Promise.reject(new Error('injected')) }),
      ),
    ).rejects.toThrow('injected');
    expect(existsSync(path.join(ws.dir, 'evidence', 'sha256'))).toBe(false);
    expect(await s.evidenceClaims.list()).toEqual([]);
  });

  it('never trusts a content address: bytes planted over a stored copy are refused, not reused', async () => {
    const { ws, store } = await workspace();
    const s = await store();
    const first = await addExhibit(s, ws.dir, request(file('WhatsApp Chat with Team 3.txt', CHAT), 'AB/1'));
    const stored = path.join(ws.dir, first.exhibit.storedPath);
    chmodSync(stored, 0o644);
    writeFileSync(stored, CHAT.replace('morning all', 'nothing to see'));
    // The same chat arrives again inside a zip: its entry's address holds other bytes now.
    const zip = file('WhatsApp Chat with Team 3.zip', makeZip({ '_chat.txt': CHAT }));
    await expect(addExhibit(s, ws.dir, request(zip, 'AB/2'))).rejects.toThrow(
      /_chat\.txt: the evidence store already holds different bytes at evidence\/sha256\/.* altered or planted/,
    );
    expect(await s.exhibits.findByRef(first.exhibit.caseId, 'AB/2')).toBeNull();
    const v = await verifyWorkspace(s, ws.dir);
    expect(v.ok).toBe(false);
    expect(v.files.find((f) => !f.ok)?.problem).toBe('hash differs from intake');
  });

  it('bytes planted at a free content address are swept before the import, and the genuine ones stored', async () => {
    const { ws, store } = await workspace();
    const s = await store();
    const chat = file('WhatsApp Chat with Team 3.txt', CHAT);
    const sha = (await import('node:crypto')).createHash('sha256').update(readFileSync(chat)).digest('hex');
    const planted = path.join(ws.dir, 'evidence', 'sha256', sha.slice(0, 2), sha);
    mkdirSync(path.dirname(planted), { recursive: true });
    writeFileSync(planted, 'planted');
    mkdirSync(path.join(ws.dir, 'evidence', 'tmp'), { recursive: true });
    writeFileSync(path.join(ws.dir, 'evidence', 'tmp', '999-partial'), 'half a cop');
    // verify lists both before anything is cleaned …
    const before = await verifyWorkspace(s, ws.dir);
    expect(before.orphans).toEqual([
      { path: 'evidence/tmp/999-partial', kind: 'partial copy' },
      { path: `evidence/sha256/${sha.slice(0, 2)}/${sha}`, kind: 'unreferenced original' },
    ]);
    // … and the next import, with no other import running, removes them first.
    await addExhibit(s, ws.dir, request(chat, 'AB/1'));
    expect(readFileSync(planted).equals(readFileSync(chat))).toBe(true);
    const after = await verifyWorkspace(s, ws.dir);
    expect(after.orphans).toEqual([]);
    expect(after.ok).toBe(true);
  });

  it('does not sweep while another import holds claims', async () => {
    const { ws, store } = await workspace();
    const [a, b] = [await store(), await store()];
    mkdirSync(path.join(ws.dir, 'evidence', 'tmp'), { recursive: true });
    const partial = path.join(ws.dir, 'evidence', 'tmp', 'other-import-partial');
    const running = new EvidenceStore(ws.dir, a.evidenceClaims);
    await running.begin();
    // The running import's copy in progress (written after its begin, as put does).
    writeFileSync(partial, 'being written');
    await addExhibit(b, ws.dir, request(file('WhatsApp Chat with Team 3.txt', CHAT), 'AB/1'));
    expect(existsSync(partial)).toBe(true);
    const v = await verifyWorkspace(b, ws.dir);
    expect(v.runningImports).toBe(1);
    await running.release();
  });

  it('refuses a source file that changes while it is copied', async () => {
    const { ws, store } = await workspace();
    const s = await store();
    const big = file('WhatsApp Chat with Team 3.txt', `${CHAT}\n`.repeat(200_000));
    let writing = true;
    const writer = (async () => {
      while (writing) {
        appendFileSync(big, '14/03/2021, 10:01 - PC Dan Hughes: one more\n');
        await new Promise((r) => setImmediate(r));
      }
    })();
    const evidence = new EvidenceStore(ws.dir, s.evidenceClaims);
    await evidence.begin();
    try {
      await expect(evidence.putFile(big, 'WhatsApp Chat with Team 3.txt')).rejects.toThrow(
        /^WhatsApp Chat with Team 3\.txt: the file changed while it was being copied \(before: \d+ bytes.*after: \d+ bytes/,
      );
    } finally {
      writing = false;
      await writer;
      await evidence.release();
    }
    expect((await verifyWorkspace(s, ws.dir)).orphans).toEqual([]);
  });

  it('accepts a source only touched while it is copied (re-hashed, same bytes)', async () => {
    const { ws, store } = await workspace();
    const s = await store();
    const chat = file('WhatsApp Chat with Team 3.txt', `${CHAT}\n`.repeat(50_000));
    const evidence = new EvidenceStore(ws.dir, s.evidenceClaims);
    await evidence.begin();
    const { utimesSync } = await import('node:fs');
    const touching = new Promise<void>((r) =>
      setImmediate(() => {
        utimesSync(chat, new Date(), new Date(Date.now() + 5000));
        r();
      }),
    );
    const stored = await evidence.putFile(chat, 'WhatsApp Chat with Team 3.txt');
    await touching;
    expect(readFileSync(path.join(ws.dir, stored.storedPath)).equals(readFileSync(chat))).toBe(true);
    await evidence.release();
  });
});
