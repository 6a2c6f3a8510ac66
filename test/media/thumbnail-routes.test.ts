/**
 * Thumbnails and image text over the API (issue 17): case members only, made from the hashed copy,
 * audited; a changed copy is refused; a non-image is refused.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { loadImage } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EvidenceStore } from '../../src/evidence/evidence-store.js';
import { hashPassword } from '../../src/review/passwords.js';
import { buildServer } from '../../src/server/index.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { renderTextImage } from '../support/fixtures/media/images.js';
import { BACKENDS, makeWorkspace, type Workspace } from '../support/cli.js';
import { makeZip } from '../support/zip.js';

const photo = renderTextImage({
  lines: ['thumbnail test'],
  style: 'meme',
  format: 'jpeg',
  seed: 3,
  width: 800,
});

describe.each(BACKENDS)('image thumbnails over the API on %s', (backend) => {
  let ws: Workspace;
  let store: Store;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let dir: string;
  const cookies = new Map<string, string>();
  const ids = new Map<string, number>();

  beforeAll(async () => {
    ws = await makeWorkspace(backend);
    await ws.cli(['case', 'create', 'Op Thumb']);
    await ws.cli(['case', 'create', 'Op Elsewhere']);
    dir = mkdtempSync(path.join(tmpdir(), 'scrutineer-thumb-'));
    const zip = path.join(dir, 'WhatsApp Chat with Van 2.zip');
    writeFileSync(
      zip,
      makeZip({
        'WhatsApp Chat with Van 2.txt': [
          '03/03/2022, 07:00 - PC Amy Cole: IMG-20220303-WA0001.jpg (file attached)',
          '03/03/2022, 07:01 - PC Amy Cole: notes.pdf (file attached)',
          '03/03/2022, 07:02 - PC Amy Cole: IMG-20220303-WA0002.jpg (file attached)',
        ].join('\n'),
        'IMG-20220303-WA0001.jpg': photo.bytes,
        'notes.pdf': new TextEncoder().encode('%PDF-1.4 not an image'),
        'IMG-20220303-WA0002.jpg': renderTextImage({ lines: ['second'], style: 'clean', format: 'jpeg' })
          .bytes,
      }),
    );
    const added = await ws.cli(['exhibit', 'add', 'Op Thumb', zip, '--ref', 'T/1', '--date-order', 'dmy']);
    expect(added.code, added.err).toBe(0);
    store = await openStore({ workspace: ws.dir, databaseUrl: ws.databaseUrl });
    const caseId = (await store.cases.findByName('Op Thumb'))!.id;
    const other = (await store.cases.findByName('Op Elsewhere'))!.id;
    for await (const m of store.messages.iterate(caseId)) ids.set(m.text.split(' ')[0]!, m.id);
    const passwordHash = await hashPassword('thumbnail test password');
    for (const [username, where] of [
      ['member', caseId],
      ['outsider', other],
    ] as const) {
      const u = await store.users.create({ username, passwordHash, role: 'readonly', createdBy: 'test' });
      await store.caseMembers.add({ caseId: where, userId: u.id, addedBy: 'test' });
    }
    app = await buildServer({ store, workspace: ws.dir, webRoot: null });
    for (const username of ['member', 'outsider']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/login',
        payload: { username, password: 'thumbnail test password' },
      });
      cookies.set(username, String(res.headers['set-cookie']).split(';')[0]!);
    }
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await ws?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const get = (who: string, name: string, suffix: string) =>
    app.inject({
      method: 'GET',
      url: `/api/messages/${ids.get(name)}/media/${suffix}`,
      headers: { cookie: cookies.get(who)! },
    });

  it('gives a case member a WebP thumbnail no larger than asked, with the original hash, audited', async () => {
    const res = await get('member', 'IMG-20220303-WA0001.jpg', 'thumbnail?size=160');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('image/webp');
    const file = (await store.exhibits.fileOfMessage(ids.get('IMG-20220303-WA0001.jpg')!))!;
    expect(res.headers['x-content-sha256']).toBe(file.sha256);
    const img = await loadImage(res.rawPayload);
    expect([img.width, img.height]).toEqual([160, 120]);
    expect(res.headers['x-thumbnail-size']).toBe('160x120');
    const audit = (await store.audit.list({})).filter((a) => a.action === 'evidence.thumbnail');
    expect(audit.map((a) => [a.actor, a.subject, JSON.parse(a.detailJson).size])).toEqual([
      ['member', `message:${ids.get('IMG-20220303-WA0001.jpg')}`, 160],
    ]);
  });

  it('refuses those outside the case, odd sizes, and attachments that are not images', async () => {
    expect((await get('outsider', 'IMG-20220303-WA0001.jpg', 'thumbnail')).statusCode).toBe(403);
    expect((await get('member', 'IMG-20220303-WA0001.jpg', 'thumbnail?size=5000')).statusCode).toBe(400);
    const pdf = await get('member', 'notes.pdf', 'thumbnail');
    expect([pdf.statusCode, pdf.json().error.code]).toEqual([415, 'not_an_image']);
    expect((await get('outsider', 'IMG-20220303-WA0001.jpg', 'text')).statusCode).toBe(403);
    expect((await get('member', 'IMG-20220303-WA0001.jpg', 'text')).json()).toEqual({ texts: [] });
  });

  it('finds a message through its image text over the API, says so, and gives the reading', async () => {
    const messageId = ids.get('IMG-20220303-WA0001.jpg')!;
    const file = (await store.exhibits.fileOfMessage(messageId))!;
    // A reading as `scrutineer ocr` stores it (OCR itself is tested in ocr.test.ts).
    const stored = await store.mediaTexts.insert({
      caseId: (await store.cases.findByName('Op Thumb'))!.id,
      exhibitFileId: file.id,
      sha256: file.sha256,
      engine: 'tesseract.js',
      engineVersion: 'test',
      language: 'eng',
      pass: 'original',
      confidence: 91,
      text: 'THUMBNAIL TEST',
      words: [],
      error: null,
      ms: 1,
      createdBy: 'test',
    });
    const caseId = (await store.cases.findByName('Op Thumb'))!.id;
    const search = await app.inject({
      method: 'GET',
      url: `/api/cases/${caseId}/search?q=thumbnail`,
      headers: { cookie: cookies.get('member')! },
    });
    expect(search.statusCode, search.body).toBe(200);
    expect(search.json().hits.map((h: { id: number }) => h.id)).toEqual([messageId]);
    expect(search.json().imageHits).toEqual([messageId]);
    const text = (await get('member', 'IMG-20220303-WA0001.jpg', 'text')).json();
    expect(text.texts).toMatchObject([
      { id: stored.id, text: 'THUMBNAIL TEST', confidence: 91, sha256: file.sha256 },
    ]);
  });

  // The evidence store is a folder on either backend: once is enough (defined on SQLite only, not
  // listed as skipped on PostgreSQL).
  if (backend === 'sqlite')
    it('refuses a stored copy whose bytes no longer match its hash', async () => {
      const name = 'IMG-20220303-WA0002.jpg';
      const file = (await store.exhibits.fileOfMessage(ids.get(name)!))!;
      const abs = new EvidenceStore(ws.dir).absolutePath(file.storedPath!);
      chmodSync(abs, 0o644);
      writeFileSync(abs, renderTextImage({ lines: ['tampered'], style: 'clean', format: 'jpeg' }).bytes);
      const res = await get('member', name, 'thumbnail');
      expect([res.statusCode, res.json().error.code]).toEqual([409, 'evidence_changed']);
    });
});
