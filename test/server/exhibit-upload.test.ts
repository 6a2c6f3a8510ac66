/**
 * Adding an exhibit through the API (issue 18): the upload goes through the CLI's own intake, so the
 * same import, the same refusals (as a 400 naming the problem) and the same audit entry, with the
 * signed-in user as the actor; only a lead of the case may.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { UploadResponse } from '../../src/contract/exhibit-schemas.js';
import { IdentitiesResponse } from '../../src/contract/identity-schemas.js';
import { hashPassword } from '../../src/review/passwords.js';
import { buildServer } from '../../src/server/index.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { BACKENDS, makeWorkspace, type Workspace } from '../support/cli.js';

const CHAT = ['01/03/2023, 09:00 - Sgt Grant: morning', '14/03/2023, 09:05 - PC Reid: morning all', ''].join(
  '\n',
);

describe.each(BACKENDS)('exhibit upload over the API on %s', (backend) => {
  let ws: Workspace;
  let store: Store;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let caseId: number;
  const sessions = new Map<string, { cookie: string; csrf: string }>();

  beforeAll(async () => {
    ws = await makeWorkspace(backend);
    await ws.cli(['case', 'create', 'Op Upload']);
    store = await openStore({ workspace: ws.dir, databaseUrl: ws.databaseUrl });
    caseId = (await store.cases.findByName('Op Upload'))!.id;
    const passwordHash = await hashPassword('upload test password');
    for (const [username, role] of [
      ['lead', 'lead'],
      ['reviewer', 'reviewer'],
    ] as const) {
      const u = await store.users.create({ username, passwordHash, role, createdBy: 'test' });
      await store.caseMembers.add({ caseId, userId: u.id, addedBy: 'test' });
    }
    app = await buildServer({ store, workspace: ws.dir, webRoot: null });
    for (const username of ['lead', 'reviewer']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/login',
        payload: { username, password: 'upload test password' },
      });
      sessions.set(username, {
        cookie: String(res.headers['set-cookie']).split(';')[0]!,
        csrf: (res.json() as { csrfToken: string }).csrfToken,
      });
    }
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await ws?.cleanup();
  });

  const upload = (who: string, ref: string, body: string, name = 'WhatsApp Chat with Team 3.txt') =>
    app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/exhibits?${new URLSearchParams({ fileName: name, ref, timezone: 'Europe/London' })}`,
      headers: {
        cookie: sessions.get(who)!.cookie,
        'x-csrf-token': sessions.get(who)!.csrf,
        'content-type': 'application/octet-stream',
      },
      payload: Buffer.from(body),
    });

  it('imports the upload as `exhibit add` does and audits it as the signed-in lead', async () => {
    const res = await upload('lead', 'UP/1', CHAT);
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json() as { exhibit: { ref: string; originalName: string }; messages: number };
    expect(out.exhibit).toMatchObject({ ref: 'UP/1', originalName: 'WhatsApp Chat with Team 3.txt' });
    expect(out.messages).toBe(2);
    // The answer, and the participants it brings in, are exactly what the contract describes (the
    // web app's types are derived from it; zod drops keys it does not know, so extras show too).
    expect(UploadResponse.parse(out)).toEqual(out);
    const ids = await app.inject({
      method: 'GET',
      url: `/api/cases/${caseId}/identities`,
      headers: { cookie: sessions.get('lead')!.cookie },
    });
    const identities = ids.json() as { participants: { name: string }[] };
    expect(identities.participants.map((p) => p.name).sort()).toEqual(['PC Reid', 'Sgt Grant']);
    expect(IdentitiesResponse.parse(identities)).toEqual(identities);
    const added = (await store.audit.list({ caseId })).filter((e) => e.action === 'exhibit.add');
    expect(added.map((e) => e.actor)).toEqual(['lead']);
    expect((await store.audit.verify()).ok).toBe(true);
  });

  it('refuses as the CLI does, with its message, and leaves nothing behind', async () => {
    const again = await upload('lead', 'UP/2', CHAT);
    expect(again.statusCode).toBe(400);
    expect((again.json() as { error: { message: string } }).error.message).toMatch(/UP\/1/u);
    const bad = await upload('lead', 'UP/3', 'not a chat at all\n', 'notes.txt');
    expect(bad.statusCode).toBe(400);
    expect((await store.exhibits.list(caseId)).map((e) => e.ref)).toEqual(['UP/1']);
  });

  it('is for leads only', async () => {
    expect((await upload('reviewer', 'UP/4', CHAT.replace('morning', 'evening'))).statusCode).toBe(403);
  });
});
