/** Stored attachments through the API: the hashed bytes, images inline, the rest as downloads, audited. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { hashPassword } from '../../src/review/passwords.js';
import { buildServer } from '../../src/server/index.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { BACKENDS, makeWorkspace, type Workspace } from '../support/cli.js';
import { makeZip } from '../support/zip.js';

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1, 2, 3]);
const SVG = new TextEncoder().encode(
  '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
);

describe.each(BACKENDS)('stored attachments over the API on %s', (backend) => {
  let ws: Workspace;
  let store: Store;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let caseId: number;
  const cookies = new Map<string, string>();
  const ids = new Map<string, number>();

  beforeAll(async () => {
    ws = await makeWorkspace(backend);
    await ws.cli(['case', 'create', 'Op Media']);
    await ws.cli(['case', 'create', 'Op Other']);
    const dir = mkdtempSync(path.join(tmpdir(), 'scrutineer-media-'));
    const zip = path.join(dir, 'WhatsApp Chat with Night Shift.zip');
    writeFileSync(
      zip,
      makeZip({
        'WhatsApp Chat with Night Shift.txt': [
          '01/02/2022, 22:00 - PC Amy Cole: IMG-20220201-WA0001.jpg (file attached)',
          '01/02/2022, 22:01 - PC Amy Cole: drawing.svg (file attached)',
          '01/02/2022, 22:02 - PC Dan Hughes: no attachment here',
        ].join('\n'),
        'IMG-20220201-WA0001.jpg': JPEG,
        'drawing.svg': SVG,
      }),
    );
    const added = await ws.cli(['exhibit', 'add', 'Op Media', zip, '--ref', 'M/1', '--date-order', 'dmy']);
    expect(added.code, added.err).toBe(0);
    store = await openStore({ workspace: ws.dir, databaseUrl: ws.databaseUrl });
    caseId = (await store.cases.findByName('Op Media'))!.id;
    const other = (await store.cases.findByName('Op Other'))!.id;
    for await (const m of store.messages.iterate(caseId)) ids.set(m.text.split(' ')[0]!, m.id);
    const passwordHash = await hashPassword('media test password');
    for (const [username, where] of [
      ['viewer', caseId],
      ['outsider', other],
    ] as const) {
      const u = await store.users.create({ username, passwordHash, role: 'readonly', createdBy: 'test' });
      await store.caseMembers.add({ caseId: where, userId: u.id, addedBy: 'test' });
    }
    app = await buildServer({ store, workspace: ws.dir, webRoot: null });
    for (const username of ['viewer', 'outsider']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/login',
        payload: { username, password: 'media test password' },
      });
      cookies.set(username, String(res.headers['set-cookie']).split(';')[0]!);
    }
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await ws?.cleanup();
  });

  const get = (who: string, messageId: number) =>
    app.inject({
      method: 'GET',
      url: `/api/messages/${messageId}/media`,
      headers: { cookie: cookies.get(who)! },
    });

  it('serves the stored bytes of an image inline, with its hash, and audits the access', async () => {
    const id = ids.get('IMG-20220201-WA0001.jpg')!;
    const res = await get('viewer', id);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['content-disposition']).toMatch(/^inline;/);
    expect(new Uint8Array(res.rawPayload)).toEqual(JPEG);
    const file = await store.exhibits.fileOfMessage(id);
    expect(res.headers['x-content-sha256']).toBe(file!.sha256);
    const audit = (await store.audit.list({ caseId })).filter((e) => e.action === 'evidence.view');
    expect(audit.map((e) => [e.actor, e.subject])).toEqual([['viewer', `message:${id}`]]);
    expect((await store.audit.verify()).ok).toBe(true);
  });

  it('serves anything but a raster image as a download, never as a page', async () => {
    const res = await get('viewer', ids.get('drawing.svg')!);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses other cases and messages without a stored attachment', async () => {
    expect((await get('outsider', ids.get('IMG-20220201-WA0001.jpg')!)).statusCode).toBe(403);
    expect((await get('viewer', ids.get('no')!)).statusCode).toBe(404);
    expect(
      (await app.inject({ method: 'GET', url: `/api/messages/${ids.get('drawing.svg')}/media` })).statusCode,
    ).toBe(401);
  });
});
