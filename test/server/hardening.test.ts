/** Issue 21, items 10 and 11 at the API: searches nested too deep are 400s; password spraying is throttled. */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { ADDRESS_FAILURES } from '../../src/server/login-throttle.js';
import { MAX_SEARCH_DEPTH } from '../../src/store/search-query.js';
import type { Backend } from '../support/backends.js';
import { eachBackend } from '../support/each-backend.js';
import { makeWorld, PASSWORD, type World } from '../support/world.js';

/** `(w0 OR (w1 OR … z))`: `levels` levels of OR inside one another. */
const nested = (levels: number): string =>
  `${Array.from({ length: levels }, (_, i) => `(w${i} OR`).join(' ')} z${')'.repeat(levels)}`;

eachBackend('Review server: hostile searches and password spraying', (backend: Backend) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(backend);
  });
  afterAll(async () => {
    await w.app.close();
    await backend.cleanup();
  });

  const search = async (q: string) => {
    const s = await w.login('reviewer1');
    return w.app.inject({
      method: 'GET',
      url: `/api/cases/${w.a.caseId}/search?q=${encodeURIComponent(q)}`,
      headers: { cookie: s.cookie },
    });
  };

  it('answers a search nested too deep with 400 and a one-line reason, not 500', async () => {
    const res = await search(nested(MAX_SEARCH_DEPTH + 1));
    expect(res.statusCode).toBe(400);
    const { error } = res.json() as { error: { code: string; message: string } };
    expect(error.code).toBe('bad_search');
    expect(error.message).toMatch(/nested more than 16 levels deep/);
    expect(error.message).not.toContain('\n');
    expect((await search(nested(MAX_SEARCH_DEPTH))).statusCode).toBe(200);
    expect((await search(`${'('.repeat(400)}banana${')'.repeat(400)}`)).statusCode).toBe(400);
  });

  it('runs a long NOT chain (a NOT a NOT a … ×100) as one exclusion', async () => {
    const res = await search(['banana', ...Array.from({ length: 99 }, (_, i) => `w${i}`)].join(' NOT '));
    expect(res.statusCode).toBe(200);
    expect((res.json() as { hits: unknown[] }).hits.length).toBeGreaterThan(0);
    expect((await search(Array(100).fill('a').join(' NOT '))).statusCode).toBe(200);
  });

  it(`throttles password spraying: ${ADDRESS_FAILURES} failed logins from one address, any usernames, then 429`, async () => {
    const from = (remoteAddress: string, username: string, password: string) =>
      w.app.inject({ method: 'POST', url: '/api/login', payload: { username, password }, remoteAddress });
    for (let i = 0; i < ADDRESS_FAILURES; i++)
      expect((await from('203.0.113.7', `user${i}`, 'Spring2024!')).statusCode).toBe(401);
    const blocked = await from('203.0.113.7', 'lead1', PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect((blocked.json() as { error: { code: string; message: string } }).error).toEqual({
      code: 'rate_limited',
      message: 'Too many failed logins from this address; try again in 15 minute(s).',
    });
    // Another address is not affected.
    expect((await from('203.0.113.8', 'lead1', PASSWORD)).statusCode).toBe(200);
  });
});
