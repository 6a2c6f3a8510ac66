/** Login, sessions, CSRF, rate limiting, cookies, logging and the static app. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { LOGIN_ATTEMPTS } from '../../src/server/session-routes.js';
import type { Backend } from '../support/backends.js';
import { eachBackend } from '../support/each-backend.js';
import { makeWorld, PASSWORD, sha256, type World } from '../support/world.js';

eachBackend('Review server: sessions and security', (backend: Backend) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(backend);
  });
  afterAll(async () => {
    await w.app.close();
    await backend.cleanup();
  });

  it('logs in: user, CSRF token and an HttpOnly, SameSite=Strict session cookie; the token is stored hashed', async () => {
    const res = await w.app.inject({
      method: 'POST',
      url: '/api/login',
      payload: { username: 'reviewer1', password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { user: { username: string; role: string; id: number }; csrfToken: string };
    expect(body.user).toMatchObject({ username: 'reviewer1', role: 'reviewer' });
    expect(Object.keys(body.user).sort()).toEqual(['id', 'role', 'username']);
    expect(body.csrfToken.length).toBeGreaterThanOrEqual(40);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^scrutineer_session=[A-Za-z0-9_-]{43};/u);
    expect(setCookie).toMatch(/HttpOnly/u);
    expect(setCookie).toMatch(/SameSite=Strict/u);
    expect(setCookie).toMatch(/Path=\//u);
    expect(setCookie).not.toMatch(/Secure/u); // plain http in tests
    const token = res.cookies[0]!.value;
    expect(await w.store.sessions.find(token)).toBeNull();
    expect(await w.store.sessions.find(sha256(token))).not.toBeNull();

    const me = await w.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: `scrutineer_session=${token}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({ user: body.user, csrfToken: body.csrfToken });
    expect(me.headers['cache-control']).toBe('no-store');
    expect(me.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses a wrong password, an unknown user and a disabled user alike (401)', async () => {
    for (const payload of [
      { username: 'reviewer1', password: 'wrong password here' },
      { username: 'nobody', password: PASSWORD },
    ]) {
      const res = await w.app.inject({ method: 'POST', url: '/api/login', payload });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({
        error: { code: 'bad_credentials', message: 'Wrong username or password.' },
      });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    const { addUser } = await import('../../src/review/users.js');
    const u = await addUser(w.store, {
      username: 'leaver',
      password: PASSWORD,
      role: 'reviewer',
      actor: 'test',
    });
    const ok = await w.app.inject({
      method: 'POST',
      url: '/api/login',
      payload: { username: 'leaver', password: PASSWORD },
    });
    expect(ok.statusCode).toBe(200);
    await w.store.users.setDisabled(u.id, true);
    const again = await w.app.inject({
      method: 'POST',
      url: '/api/login',
      payload: { username: 'leaver', password: PASSWORD },
    });
    expect(again.statusCode).toBe(401);
    // The session opened before the account was disabled no longer works either.
    const me = await w.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: `scrutineer_session=${ok.cookies[0]!.value}` },
    });
    expect(me.statusCode).toBe(401);
  });

  it('validates the login body (400) and answers 401 without a session', async () => {
    const bad = await w.app.inject({ method: 'POST', url: '/api/login', payload: { username: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { code: string } }).error.code).toBe('invalid_request');
    for (const url of ['/api/me', '/api/cases']) {
      const res = await w.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(401);
      expect((res.json() as { error: { code: string } }).error.code).toBe('unauthenticated');
    }
    const forged = await w.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: 'scrutineer_session=forged' },
    });
    expect(forged.statusCode).toBe(401);
  });

  it(`rate-limits login: ${LOGIN_ATTEMPTS} attempts per address and username, then 429 even with the right password`, async () => {
    const { addUser } = await import('../../src/review/users.js');
    await addUser(w.store, { username: 'target', password: PASSWORD, role: 'reviewer', actor: 'test' });
    for (let i = 0; i < LOGIN_ATTEMPTS; i++) {
      const res = await w.app.inject({
        method: 'POST',
        url: '/api/login',
        payload: { username: 'target', password: `guess ${i} guess` },
      });
      expect(res.statusCode).toBe(401);
    }
    const blocked = await w.app.inject({
      method: 'POST',
      url: '/api/login',
      payload: { username: 'target', password: PASSWORD },
    });
    expect(blocked.statusCode).toBe(429);
    expect((blocked.json() as { error: { code: string } }).error.code).toBe('rate_limited');
    // Other usernames from the same address are not locked out by it.
    const other = await w.app.inject({
      method: 'POST',
      url: '/api/login',
      payload: { username: 'lead1', password: PASSWORD },
    });
    expect(other.statusCode).toBe(200);
  });

  it('requires the CSRF header on state-changing routes', async () => {
    const s = await w.login('reviewer2');
    const url = `/api/messages/${w.a.messageIds[0]}/code`;
    const payload = {
      decision: 'unsure',
      categories: [],
      standards: [],
      potentialS127: false,
      note: '',
      baseVersion: 0,
    };
    const none = await w.app.inject({ method: 'PUT', url, payload, headers: { cookie: s.cookie } });
    expect(none.statusCode).toBe(403);
    expect((none.json() as { error: { code: string } }).error.code).toBe('csrf');
    const wrong = await w.app.inject({
      method: 'PUT',
      url,
      payload,
      headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(43) },
    });
    expect(wrong.statusCode).toBe(403);
    const logout = await w.app.inject({ method: 'POST', url: '/api/logout', headers: { cookie: s.cookie } });
    expect(logout.statusCode).toBe(403);
    expect(await w.store.codes.get(w.a.messageIds[0]!)).toBeNull();
    const ok = await w.app.inject({
      method: 'PUT',
      url,
      payload,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
    expect(ok.statusCode).toBe(200);
  });

  it('logs out: the session ends and the cookie is cleared', async () => {
    const res = await w.app.inject({
      method: 'POST',
      url: '/api/login',
      payload: { username: 'readonly1', password: PASSWORD },
    });
    const cookie = `scrutineer_session=${res.cookies[0]!.value}`;
    const csrf = (res.json() as { csrfToken: string }).csrfToken;
    const out = await w.app.inject({
      method: 'POST',
      url: '/api/logout',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ ok: true });
    expect(String(out.headers['set-cookie'])).toMatch(/scrutineer_session=;/u);
    const me = await w.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('health is public; the OpenAPI document needs a session and lists every route', async () => {
    const health = await w.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ ok: true });
    expect((await w.app.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(401);
    const s = await w.login('readonly1');
    const doc = (
      await w.app.inject({ method: 'GET', url: '/api/openapi.json', headers: { cookie: s.cookie } })
    ).json() as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/api/cases',
        '/api/cases/{caseId}',
        '/api/cases/{caseId}/batches',
        '/api/cases/{caseId}/conduct',
        '/api/cases/{caseId}/qc',
        '/api/cases/{caseId}/qc/agreement',
        '/api/cases/{caseId}/qc/sample',
        '/api/cases/{caseId}/qc/settings',
        '/api/cases/{caseId}/record',
        '/api/cases/{caseId}/record/actions',
        '/api/cases/{caseId}/record/summary',
        '/api/cases/{caseId}/record/summary/drafts',
        '/api/cases/{caseId}/record/summary/finalise',
        '/api/cases/{caseId}/reports',
        '/api/cases/{caseId}/rerank',
        '/api/reports/{reportId}',
        '/api/reports/{reportId}/file',
        '/api/qc/{qcId}/second',
        '/api/qc/{qcId}/resolve',
        '/api/batches/{batchId}/messages',
        '/api/batches/{batchId}/assign',
        '/api/batches/{batchId}/close',
        '/api/batches/{batchId}/finish',
        '/api/me/batches',
        '/api/cases/{caseId}/members',
        '/api/cases/{caseId}/exhibits',
        '/api/cases/{caseId}/identities',
        '/api/cases/{caseId}/reviewers',
        '/api/cases/{caseId}/membership',
        '/api/cases/{caseId}/search',
        '/api/cases/{caseId}/search-terms',
        '/api/cases/{caseId}/search-terms/reports',
        '/api/cases/{caseId}/messages/{id}/similar',
        '/api/conversations/{conversationId}/messages',
        '/api/conversations/{conversationId}/next-flag',
        '/api/conversations/{conversationId}/reviewed',
        '/api/conversations/{conversationId}/seq',
        '/api/health',
        '/api/login',
        '/api/logout',
        '/api/me',
        '/api/messages/{messageId}/code',
        '/api/messages/{messageId}/history',
        '/api/messages/{messageId}/media',
        '/api/messages/{messageId}/media/info',
        '/api/messages/{messageId}/media/text',
        '/api/messages/{messageId}/media/thumbnail',
        '/api/openapi.json',
        '/api/admin/users',
        '/api/admin/users/{userId}/disable',
        '/api/cases/{caseId}/analyse',
        '/api/cases/{caseId}/analyses',
        '/api/cases/{caseId}/members/{username}',
        '/api/cases/{caseId}/search-terms/remove',
        '/api/cases/{caseId}/senders',
        '/api/jobs/{jobId}',
      ].sort(),
    );
    expect(doc.paths['/api/messages/{messageId}/code']!.put).toMatchObject({
      requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
    });
  });

  it('unknown API paths are JSON 404s', async () => {
    const res = await w.app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'Not found.' } });
  });
});

describe('Review server: static app and logging', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('serves the web app with index.html for app routes, and JSON 404 under /api', async () => {
    const { sqliteBackend } = await import('../support/backends.js');
    const backend = sqliteBackend();
    const webRoot = mkdtempSync(path.join(tmpdir(), 'scrutineer-web-'));
    dirs.push(webRoot);
    writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Scrutineer</title>');
    writeFileSync(path.join(webRoot, 'app.js'), 'console.log(1)');
    const w = await makeWorld(backend, { webRoot });
    try {
      const root = await w.app.inject({ method: 'GET', url: '/' });
      expect(root.statusCode).toBe(200);
      expect(root.body).toContain('<title>Scrutineer</title>');
      expect(root.headers['content-security-policy']).toContain("default-src 'self'");
      const deep = await w.app.inject({ method: 'GET', url: '/cases/1/threads/2?seq=5' });
      expect(deep.statusCode).toBe(200);
      expect(deep.body).toContain('<title>Scrutineer</title>');
      const js = await w.app.inject({ method: 'GET', url: '/app.js' });
      expect(js.headers['content-type']).toMatch(/javascript/u);
      const api = await w.app.inject({ method: 'GET', url: '/api/unknown' });
      expect(api.statusCode).toBe(404);
      expect(api.headers['content-type']).toMatch(/json/u);
      const escape = await w.app.inject({ method: 'GET', url: '/../../etc/passwd' });
      expect(escape.body).not.toContain('root:');
    } finally {
      await w.app.close();
      await backend.cleanup();
    }
  });

  it('never logs passwords, session tokens, CSRF tokens or cookies', async () => {
    const { sqliteBackend } = await import('../support/backends.js');
    const backend = sqliteBackend();
    let logged = '';
    const stream = new Writable({
      write(chunk, _enc, done) {
        logged += String(chunk);
        done();
      },
    });
    const w = await makeWorld(backend, { logger: { stream } });
    try {
      const s = await w.login('reviewer1');
      await w.app.inject({ method: 'GET', url: '/api/me?q=secret-search', headers: { cookie: s.cookie } });
      await w.app.inject({
        method: 'PUT',
        url: `/api/messages/${w.a.messageIds[5]}/code`,
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
        payload: {
          decision: 'unsure',
          categories: [],
          standards: [],
          potentialS127: false,
          note: '',
          baseVersion: 0,
        },
      });
      expect(logged).toContain('/api/login');
      expect(logged).not.toContain(PASSWORD);
      expect(logged).not.toContain(s.token);
      expect(logged).not.toContain(s.csrf);
      expect(logged).not.toContain('secret-search');
    } finally {
      await w.app.close();
      await backend.cleanup();
    }
  });
});
