/**
 * Issue 18.4 through the API: a lead edits the case's term list and starts an analysis that the job
 * queue runs; search gives totals and the sender filter close names; an admin manages users and case
 * membership. Each write is audited as its CLI twin is. Refusals per role: test/server/authz.test.ts.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { runWorker } from '../../src/jobs/index.js';
import type { Backend } from '../support/backends.js';
import { eachBackend } from '../support/each-backend.js';
import { A_MESSAGES, makeWorld, PASSWORD, type Session, type World } from '../support/world.js';

eachBackend('Review server: terms, analysis, totals, senders, admin', (backend: Backend) => {
  let w: World;
  let lead: Session;
  let admin: Session;
  beforeAll(async () => {
    w = await makeWorld(backend);
    lead = await w.login('lead1');
    admin = await w.login('admin1');
  });
  afterAll(async () => {
    await w.app.close();
    await backend.cleanup();
  });

  const call = async <T>(s: Session, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) => {
    const res = await w.app.inject({
      method,
      url,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    return { status: res.statusCode, body: res.json() as T };
  };
  const actions = async (caseId?: number) =>
    (await w.store.audit.list(caseId === undefined ? {} : { caseId })).map((e) => e.action);

  it('adds and removes terms: each a new version of the list, audited; a missing term is refused', async () => {
    const url = `/api/cases/${w.a.caseId}/search-terms`;
    const added = await call<{ list: { version: number; terms: { term: string }[] } }>(lead, 'POST', url, {
      term: '  banana split ',
      category: 'other_derogatory',
      severity: 'high',
    });
    expect(added.status).toBe(200);
    expect(added.body.list.terms).toEqual([
      { term: 'banana split', category: 'other_derogatory', severity: 'high' },
    ]);
    const removed = await call<{ list: { version: number; terms: unknown[] } }>(
      lead,
      'POST',
      `${url}/remove`,
      {
        term: 'banana split',
      },
    );
    expect(removed.body.list).toMatchObject({ version: added.body.list.version + 1, terms: [] });
    const again = await call<{ error: { code: string } }>(lead, 'POST', `${url}/remove`, {
      term: 'banana split',
    });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('no_term');
    const bad = await call(lead, 'POST', url, { term: 'x', category: 'not-a-category' });
    expect(bad.status).toBe(400);
    expect((await actions(w.a.caseId)).filter((a) => a.startsWith('terms.'))).toEqual([
      'terms.add',
      'terms.remove',
    ]);
  });

  it('queues an analysis that a worker runs; the job is followed to done', async () => {
    const queued = await call<{ job: { id: number; status: string } }>(
      lead,
      'POST',
      `/api/cases/${w.a.caseId}/analyse`,
    );
    expect(queued.body.job.status).toBe('queued');
    const before = await w.store.flags.run(w.a.caseId);
    await runWorker({ store: w.store, workspace: '/nonexistent', once: true, pollMs: 10 });
    const job = await call<{ job: { status: string; error: string | null } }>(
      lead,
      'GET',
      `/api/jobs/${queued.body.job.id}`,
    );
    expect(job.body.job).toMatchObject({ status: 'done', error: null });
    const after = await w.store.flags.run(w.a.caseId);
    expect(after!.id).toBeGreaterThan(before!.id);
    const list = await call<{ jobs: { id: number }[] }>(lead, 'GET', `/api/cases/${w.a.caseId}/analyses`);
    expect(list.body.jobs[0]!.id).toBe(queued.body.job.id);
  });

  it('gives the search total on the first page, however many pages there are', async () => {
    const first = await call<{ hits: unknown[]; next: number | null; total: number | null }>(
      lead,
      'GET',
      `/api/cases/${w.a.caseId}/search?q=message&limit=50`,
    );
    expect(first.body.hits).toHaveLength(50);
    expect(first.body.total).toBe(A_MESSAGES - Math.ceil(A_MESSAGES / 7));
    const second = await call<{ total: number | null }>(
      lead,
      'GET',
      `/api/cases/${w.a.caseId}/search?q=message&limit=50&after=${first.body.next}`,
    );
    expect(second.body.total).toBeNull();
  });

  it('suggests the close sender names for a name that matches none', async () => {
    const close = await call<{ matched: string[]; candidates: string[] }>(
      lead,
      'GET',
      `/api/cases/${w.a.caseId}/senders?name=ali`,
    );
    expect(close.body).toEqual({ matched: [], candidates: ['Alice'] });
    const exact = await call<{ matched: string[] }>(
      lead,
      'GET',
      `/api/cases/${w.a.caseId}/senders?name=ALICE`,
    );
    expect(exact.body.matched).toEqual(['Alice']);
  });

  it('lets an admin add a user, put them on a case and off it, and disable them; all audited', async () => {
    const made = await call<{ user: { id: number; username: string; cases: number[] } }>(
      admin,
      'POST',
      '/api/admin/users',
      {
        username: 'newbie',
        password: PASSWORD,
        role: 'reviewer',
      },
    );
    expect(made.status).toBe(200);
    expect(made.body.user).toMatchObject({ username: 'newbie', cases: [] });
    const weak = await call(admin, 'POST', '/api/admin/users', {
      username: 'weak',
      password: 'x',
      role: 'reviewer',
    });
    expect(weak.status).toBe(400);
    const add = await call<{ changed: boolean }>(admin, 'POST', `/api/cases/${w.a.caseId}/members`, {
      username: 'newbie',
    });
    expect(add.body.changed).toBe(true);
    const users = await call<{ users: { username: string; cases: number[] }[] }>(
      admin,
      'GET',
      '/api/admin/users',
    );
    expect(users.body.users.find((u) => u.username === 'newbie')!.cases).toEqual([w.a.caseId]);
    const off = await call<{ changed: boolean }>(admin, 'DELETE', `/api/cases/${w.a.caseId}/members/newbie`);
    expect(off.body.changed).toBe(true);
    const disabled = await call<{ user: { disabled: boolean } }>(
      admin,
      'POST',
      `/api/admin/users/${made.body.user.id}/disable`,
    );
    expect(disabled.body.user.disabled).toBe(true);
    const login = await w.app.inject({
      method: 'POST',
      url: '/api/login',
      payload: { username: 'newbie', password: PASSWORD },
    });
    expect(login.statusCode).toBe(401);
    const trail = await actions();
    for (const a of ['user.create', 'case.member.add', 'case.member.remove', 'user.disable'])
      expect(trail).toContain(a);
  });
});
