/**
 * The authorisation matrix: every route × every role × own case / other case → the expected status.
 * "own" is Op Alpha (every non-admin role below is a member); "other" is Op Beta (only `outsider`).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import type { Backend } from '../support/backends.js';
import { eachBackend } from '../support/each-backend.js';
import { makeWorld, type World } from '../support/world.js';

type Who = 'anonymous' | 'admin1' | 'lead1' | 'reviewer1' | 'readonly1' | 'outsider';
type Where = 'own' | 'other';

interface RouteCase {
  readonly name: string;
  readonly kind: 'read' | 'code' | 'lead' | 'admin' | 'user';
  /** The answer when access is granted, where it is not 200 (e.g. 404: the world has no such thing). */
  readonly allowed?: number;
  request(
    w: World,
    where: Where,
  ):
    | { method: 'GET' | 'PUT' | 'POST' | 'DELETE'; url: string; payload?: unknown }
    | Promise<{ method: 'GET' | 'PUT' | 'POST' | 'DELETE'; url: string; payload?: unknown }>;
}

const pick = (w: World, where: Where) => (where === 'own' ? w.a : w.b);

const batchIds = new Map<number, number>();

/**
 * A fresh QC item for each request (a second decision or a resolution can be given once): queued
 * straight in the store on the case's last messages, first reviewer reviewer2 (never a requester
 * here); `disagreed` gives it a second decision already, so a lead can resolve it.
 */
const qcNext = new Map<number, number>();
async function freshQc(w: World, where: Where, disagreed: boolean): Promise<number> {
  const c = pick(w, where);
  const k = qcNext.get(c.caseId) ?? c.messageIds.length - 1;
  qcNext.set(c.caseId, k - 1);
  const first = (await w.store.users.findByUsername('reviewer2'))!.id;
  const id = (await w.store.qc.enqueue({
    messageId: c.messageIds[k]!,
    caseId: c.caseId,
    firstUserId: first,
    firstVersion: 1,
    reason: 'sample',
  }))!;
  if (disagreed) await w.store.qc.second({ id, userId: first, decision: 'unsure', agreed: false });
  return id;
}
const closeIds = new Map<number, number>();
const finishIds = new Map<number, number>();

/**
 * The case's public summary open for edits, with a draft: a summary can be finalised only once, so
 * each request to the summary routes first undoes the last request's "final" straight in the store.
 */
async function openSummary(w: World, where: Where): Promise<number> {
  const caseId = pick(w, where).caseId;
  const drafts = await w.store.record.list<{ id: number; final: boolean }>('record_summaries', caseId);
  for (const d of drafts)
    if (d.final) await w.store.record.update('record_summaries', d.id, { final: false });
  if (drafts.length === 0) {
    const { RecordService } = await import('../../src/cases/record-service.js');
    await new RecordService(w.store, caseId, 'test', { now: () => new Date() }).saveDraft(
      '# Summary\n',
      'edited',
    );
  }
  return caseId;
}

/**
 * A made report of the case for the report status and download rows (started by admin1, who may on
 * either case, and waited for): an unused-material schedule, quick on the world's 200 messages.
 */
const reportIds = new Map<number, string>();
async function madeReport(w: World, where: Where): Promise<string> {
  const caseId = pick(w, where).caseId;
  const known = reportIds.get(caseId);
  if (known) return known;
  const s = await w.login('admin1');
  const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf };
  let res;
  // The "POST report" row may still have two reports running on the case (429: wait for one).
  for (let i = 0; ; i++) {
    res = await w.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/reports`,
      headers,
      payload: { kind: 'unused', format: 'csv' },
    });
    if (res.statusCode !== 429 || i > 600) break;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  const id = (res.json() as { report: { id: string } }).report.id;
  for (let i = 0; i < 600; i++) {
    const r = await w.app.inject({ method: 'GET', url: `/api/reports/${id}`, headers });
    const status = (r.json() as { report: { status: string } }).report.status;
    if (status === 'done') break;
    if (status !== 'running') throw new Error(`report ${id}: ${r.body}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
  reportIds.set(caseId, id);
  return id;
}

/** A fresh login for each request that adds or disables one (usernames are unique). */
let userSerial = 0;
async function freshUser(w: World): Promise<number> {
  const { addUser } = await import('../../src/review/users.js');
  const u = await addUser(w.store, {
    username: `matrix${++userSerial}`,
    password: 'correct horse battery staple',
    role: 'reviewer',
    actor: 'test',
  });
  return u.id;
}

/** A term on the case's list for each request that takes one off. */
async function listedTerm(w: World, where: Where): Promise<string> {
  const { addCaseTerm } = await import('../../src/review/term-list.js');
  const term = `matrix term ${++userSerial}`;
  await addCaseTerm(w.store, {
    caseId: pick(w, where).caseId,
    term,
    category: 'other_derogatory',
    severity: 'low',
    note: null,
    actor: 'test',
  });
  return term;
}

/** An analysis job of the case, queued straight in the store (no worker runs here). */
async function queuedJob(w: World, where: Where): Promise<number> {
  const { queueAnalysis } = await import('../../src/jobs/index.js');
  return (await queueAnalysis(w.store, pick(w, where).caseId, 'test')).id;
}

const ROUTES: readonly RouteCase[] = [
  {
    name: 'GET admin users',
    kind: 'admin',
    request: () => ({ method: 'GET', url: '/api/admin/users' }),
  },
  {
    name: 'POST admin users',
    kind: 'admin',
    request: () => ({
      method: 'POST',
      url: '/api/admin/users',
      payload: {
        username: `added${++userSerial}`,
        password: 'correct horse battery staple',
        role: 'reviewer',
      },
    }),
  },
  {
    name: 'POST admin user disable',
    kind: 'admin',
    request: async (w) => ({ method: 'POST', url: `/api/admin/users/${await freshUser(w)}/disable` }),
  },
  {
    // reviewer2 is on Op Alpha already (changed: false) and not on Op Beta, where it stays unused.
    name: 'POST case member',
    kind: 'admin',
    request: (w, x) => ({
      method: 'POST',
      url: `/api/cases/${pick(w, x).caseId}/members`,
      payload: { username: 'reviewer2' },
    }),
  },
  {
    // admin1 is on no case: nothing changes, whoever asks.
    name: 'DELETE case member',
    kind: 'admin',
    request: (w, x) => ({ method: 'DELETE', url: `/api/cases/${pick(w, x).caseId}/members/admin1` }),
  },
  {
    name: 'POST analyse (queued)',
    kind: 'lead',
    request: (w, x) => ({ method: 'POST', url: `/api/cases/${pick(w, x).caseId}/analyse` }),
  },
  {
    name: 'GET analyses',
    kind: 'read',
    request: (w, x) => ({ method: 'GET', url: `/api/cases/${pick(w, x).caseId}/analyses` }),
  },
  {
    name: 'GET job',
    kind: 'read',
    request: async (w, x) => ({ method: 'GET', url: `/api/jobs/${await queuedJob(w, x)}` }),
  },
  {
    name: 'POST search term',
    kind: 'lead',
    request: (w, x) => ({
      method: 'POST',
      url: `/api/cases/${pick(w, x).caseId}/search-terms`,
      payload: { term: 'matrix', category: 'other_derogatory', severity: 'low' },
    }),
  },
  {
    name: 'POST search term remove',
    kind: 'lead',
    request: async (w, x) => ({
      method: 'POST',
      url: `/api/cases/${pick(w, x).caseId}/search-terms/remove`,
      payload: { term: await listedTerm(w, x) },
    }),
  },
  {
    name: 'GET senders',
    kind: 'read',
    request: (w, x) => ({ method: 'GET', url: `/api/cases/${pick(w, x).caseId}/senders?name=ali` }),
  },
  {
    // Started, but not waited for: at most two run per case, so each request waits for its own.
    name: 'POST report',
    kind: 'lead',
    allowed: 202,
    request: async (w, x) => ({
      method: 'POST',
      url: `/api/cases/${pick(w, x).caseId}/reports`,
      payload: { kind: 'charges', format: 'xlsx' },
    }),
  },
  {
    // Authorised callers get as far as validation (no file named): nothing is imported here; the
    // upload itself is test/server/exhibit-upload.test.ts and test/web/upload.browser.test.ts.
    name: 'POST exhibit upload',
    kind: 'lead',
    allowed: 400,
    request: (w, x) => ({ method: 'POST', url: `/api/cases/${pick(w, x).caseId}/exhibits` }),
  },
  {
    name: 'GET identities',
    kind: 'read',
    request: (w, x) => ({ method: 'GET', url: `/api/cases/${pick(w, x).caseId}/identities` }),
  },
  {
    // No such person: authorised callers get the rule's refusal (400), nothing is recorded.
    name: 'POST identity decision',
    kind: 'lead',
    allowed: 400,
    request: (w, x) => ({
      method: 'POST',
      url: `/api/cases/${pick(w, x).caseId}/identities`,
      payload: { participant: 1, person: 99999, decision: 'confirmed' },
    }),
  },
  {
    name: 'GET case reports',
    kind: 'lead',
    request: (w, x) => ({ method: 'GET', url: `/api/cases/${pick(w, x).caseId}/reports` }),
  },
  {
    name: 'GET report status',
    kind: 'lead',
    request: async (w, x) => ({ method: 'GET', url: `/api/reports/${await madeReport(w, x)}` }),
  },
  {
    name: 'GET report file',
    kind: 'lead',
    request: async (w, x) => ({ method: 'GET', url: `/api/reports/${await madeReport(w, x)}/file` }),
  },
  {
    name: 'GET case record',
    kind: 'read',
    request: (w, x) => ({ method: 'GET', url: `/api/cases/${pick(w, x).caseId}/record` }),
  },
  {
    // A progress report can be recorded again and again (a case without details has no start date).
    name: 'POST case record action',
    kind: 'lead',
    request: (w, x) => ({
      method: 'POST',
      url: `/api/cases/${pick(w, x).caseId}/record/actions`,
      payload: { action: 'progress', on: '2024-06-05', note: 'matrix' },
    }),
  },
  {
    name: 'GET public summary',
    kind: 'read',
    request: (w, x) => ({ method: 'GET', url: `/api/cases/${pick(w, x).caseId}/record/summary` }),
  },
  {
    name: 'POST public summary draft',
    kind: 'lead',
    request: async (w, x) => ({
      method: 'POST',
      url: `/api/cases/${await openSummary(w, x)}/record/summary/drafts`,
      payload: { markdown: '# Summary\n\nmatrix\n' },
    }),
  },
  {
    name: 'POST public summary finalise',
    kind: 'lead',
    request: async (w, x) => ({
      method: 'POST',
      url: `/api/cases/${await openSummary(w, x)}/record/summary/finalise`,
    }),
  },
  {
    // The world's messages have no stored attachments: granted access meets 404, refused access 403.
    name: 'GET message media',
    kind: 'read',
    allowed: 404,
    request: (w, x) => ({ method: 'GET', url: `/api/messages/${pick(w, x).messageIds[0]}/media` }),
  },
  {
    name: 'GET message media info',
    kind: 'read',
    allowed: 404,
    request: (w, x) => ({ method: 'GET', url: `/api/messages/${pick(w, x).messageIds[0]}/media/info` }),
  },
  {
    name: 'GET search terms',
    kind: 'read',
    request: (w, x) => ({ method: 'GET', url: `/api/cases/${pick(w, x).caseId}/search-terms` }),
  },
  {
    name: 'POST search-term report',
    kind: 'code',
    request: (w, x) => ({
      method: 'POST',
      url: `/api/cases/${pick(w, x).caseId}/search-terms/reports`,
      payload: { note: 'matrix' },
    }),
  },
  {
    name: 'GET search-term reports',
    kind: 'read',
    request: (w, x) => ({ method: 'GET', url: `/api/cases/${pick(w, x).caseId}/search-terms/reports` }),
  },
  {
    name: 'GET conduct',
    kind: 'read',
    request: (w, x) => ({ method: 'GET', url: `/api/cases/${pick(w, x).caseId}/conduct` }),
  },
  {
    name: 'POST qc sample',
    kind: 'lead',
    request: (w, x) => ({
      method: 'POST',
      url: `/api/cases/${pick(w, x).caseId}/qc/sample`,
      payload: { size: 1 },
    }),
  },
  {
    name: 'GET qc queue',
    kind: 'read',
    request: (w, x) => ({ method: 'GET', url: `/api/cases/${pick(w, x).caseId}/qc` }),
  },
  {
    name: 'GET qc agreement',
    kind: 'read',
    request: (w, x) => ({ method: 'GET', url: `/api/cases/${pick(w, x).caseId}/qc/agreement` }),
  },
  {
    name: 'PUT qc settings',
    kind: 'lead',
    request: (w, x) => ({
      method: 'PUT',
      url: `/api/cases/${pick(w, x).caseId}/qc/settings`,
      payload: { share: 0 },
    }),
  },
  {
    name: 'POST qc second',
    kind: 'code',
    request: async (w, x) => ({
      method: 'POST',
      url: `/api/qc/${await freshQc(w, x, false)}/second`,
      payload: { decision: 'offensive' },
    }),
  },
  {
    name: 'POST qc resolve',
    kind: 'lead',
    request: async (w, x) => ({
      method: 'POST',
      url: `/api/qc/${await freshQc(w, x, true)}/resolve`,
      payload: { resolution: 'matrix' },
    }),
  },
  {
    name: 'POST batches',
    kind: 'lead',
    request: (w, x) => ({
      method: 'POST',
      url: `/api/cases/${pick(w, x).caseId}/batches`,
      payload: { name: 'matrix', spec: { kind: 'priority', minScore: 0.5 } },
    }),
  },
  {
    name: 'GET batches',
    kind: 'read',
    request: (w, x) => ({ method: 'GET', url: `/api/cases/${pick(w, x).caseId}/batches` }),
  },
  {
    name: 'GET batch messages',
    kind: 'read',
    request: (w, x) => ({ method: 'GET', url: `/api/batches/${batchIds.get(pick(w, x).caseId)}/messages` }),
  },
  {
    name: 'POST batch assign',
    kind: 'lead',
    request: (w, x) => ({
      method: 'POST',
      url: `/api/batches/${batchIds.get(pick(w, x).caseId)}/assign`,
      payload: { assignee: null },
    }),
  },
  {
    name: 'POST batch close',
    kind: 'lead',
    request: (w, x) => ({ method: 'POST', url: `/api/batches/${closeIds.get(pick(w, x).caseId)}/close` }),
  },
  {
    // A fully reviewed batch given to reviewer1 (own case) and outsider (other case); leads may too.
    name: 'POST batch finish',
    kind: 'code',
    request: (w, x) => ({ method: 'POST', url: `/api/batches/${finishIds.get(pick(w, x).caseId)}/finish` }),
  },
  { name: 'GET my queue', kind: 'user', request: () => ({ method: 'GET', url: '/api/me/batches' }) },
  {
    name: 'GET members',
    kind: 'read',
    request: (w, x) => ({ method: 'GET', url: `/api/cases/${pick(w, x).caseId}/members` }),
  },
  {
    name: 'GET reviewers',
    kind: 'read',
    request: (w, x) => ({ method: 'GET', url: `/api/cases/${pick(w, x).caseId}/reviewers` }),
  },
  {
    name: 'GET membership',
    kind: 'read',
    request: (w, x) => ({ method: 'GET', url: `/api/cases/${pick(w, x).caseId}/membership` }),
  },
  { name: 'GET /api/me', kind: 'user', request: () => ({ method: 'GET', url: '/api/me' }) },
  { name: 'GET /api/cases', kind: 'user', request: () => ({ method: 'GET', url: '/api/cases' }) },
  {
    name: 'GET /api/cases/:id',
    kind: 'read',
    request: (w, x) => ({ method: 'GET', url: `/api/cases/${pick(w, x).caseId}` }),
  },
  {
    name: 'GET messages window',
    kind: 'read',
    request: (w, x) => ({
      method: 'GET',
      url: `/api/conversations/${pick(w, x).conversationId}/messages?from=0&limit=5`,
    }),
  },
  {
    name: 'GET seq (jump to date)',
    kind: 'read',
    request: (w, x) => ({
      method: 'GET',
      url: `/api/conversations/${pick(w, x).conversationId}/seq?utc=2023-04-01T05:00:00Z`,
    }),
  },
  {
    name: 'GET next-flag',
    kind: 'read',
    request: (w, x) => ({
      method: 'GET',
      url: `/api/conversations/${pick(w, x).conversationId}/next-flag?after=0`,
    }),
  },
  {
    name: 'GET search',
    kind: 'read',
    request: (w, x) => ({ method: 'GET', url: `/api/cases/${pick(w, x).caseId}/search?q=message` }),
  },
  {
    name: 'GET history',
    kind: 'read',
    request: (w, x) => ({ method: 'GET', url: `/api/messages/${pick(w, x).messageIds[1]}/history` }),
  },
  {
    name: 'PUT code',
    kind: 'code',
    request: async (w, x) => {
      const id = pick(w, x).messageIds[2]!;
      const baseVersion = (await w.store.codes.get(id))?.version ?? 0;
      return {
        method: 'PUT',
        url: `/api/messages/${id}/code`,
        payload: {
          decision: 'unsure',
          categories: ['test'],
          standards: [],
          potentialS127: false,
          note: 'matrix',
          baseVersion,
        },
      };
    },
  },
  {
    name: 'POST reviewed',
    kind: 'code',
    request: (w, x) => ({
      method: 'POST',
      url: `/api/conversations/${pick(w, x).conversationId}/reviewed`,
      payload: { fromSeq: 10, toSeq: 12 },
    }),
  },
];

const ROLE: Record<Exclude<Who, 'anonymous'>, { role: string; member: Where }> = {
  admin1: { role: 'admin', member: 'own' },
  lead1: { role: 'lead', member: 'own' },
  reviewer1: { role: 'reviewer', member: 'own' },
  readonly1: { role: 'readonly', member: 'own' },
  outsider: { role: 'reviewer', member: 'other' },
};

function expected(route: RouteCase, who: Who, where: Where): number {
  if (who === 'anonymous') return 401;
  if (route.kind === 'user') return 200;
  const { role, member } = ROLE[who];
  if (route.kind === 'admin') return role === 'admin' ? (route.allowed ?? 200) : 403;
  if (role !== 'admin' && member !== where) return 403;
  if (route.kind === 'code' && role === 'readonly') return 403;
  if (route.kind === 'lead' && role !== 'admin' && role !== 'lead') return 403;
  return route.allowed ?? 200;
}

eachBackend('Review server: authorisation matrix', (backend: Backend) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(backend);
    // No QC share: the "PUT code" row's recodes by several users must not meet a blind second review.
    for (const c of [w.a, w.b]) await w.store.qc.setShare(c.caseId, 0, 'test');
    qcNext.clear();
    reportIds.clear();
    const { createBatch } = await import('../../src/review/batches.js');
    const { markReviewed } = await import('../../src/review/coding.js');
    for (const c of [w.a, w.b]) {
      const b = await createBatch(w.store, {
        caseId: c.caseId,
        name: 'seeded',
        spec: { kind: 'conversation', conversationId: c.conversationId, fromSeq: 0, toSeq: 9 },
        assignee: null,
        actor: 'test',
      });
      batchIds.set(c.caseId, b.id);
      const spec = { kind: 'conversation', conversationId: c.conversationId, fromSeq: 0, toSeq: 1 } as const;
      const toClose = await createBatch(w.store, {
        caseId: c.caseId,
        name: 'to close',
        spec,
        assignee: null,
        actor: 'test',
      });
      closeIds.set(c.caseId, toClose.id);
      const assignee = c === w.a ? 'reviewer1' : 'outsider';
      const toFinish = await createBatch(w.store, {
        caseId: c.caseId,
        name: 'done',
        spec,
        assignee,
        actor: 'test',
      });
      finishIds.set(c.caseId, toFinish.id);
      const user = (await w.store.users.findByUsername(assignee))!;
      await markReviewed(w.store, {
        user,
        caseId: c.caseId,
        conversationId: c.conversationId,
        fromSeq: 0,
        toSeq: 1,
      });
    }
  });
  afterAll(async () => {
    await w.app.close();
    await backend.cleanup();
  });

  const whos: Who[] = ['anonymous', 'admin1', 'lead1', 'reviewer1', 'readonly1', 'outsider'];
  for (const route of ROUTES) {
    it(`${route.name}: every role, own case and other case`, async () => {
      const got: string[] = [];
      const want: string[] = [];
      for (const who of whos) {
        for (const where of ['own', 'other'] as const) {
          const r = await route.request(w, where);
          const headers: Record<string, string> = {};
          if (who !== 'anonymous') {
            const s = await w.login(who);
            headers.cookie = s.cookie;
            headers['x-csrf-token'] = s.csrf;
          }
          const res = await w.app.inject({
            method: r.method,
            url: r.url,
            headers,
            ...(r.payload ? { payload: r.payload as object } : {}),
          });
          got.push(`${who}/${where}: ${res.statusCode}`);
          want.push(`${who}/${where}: ${expected(route, who, where)}`);
          if (res.statusCode >= 400 && res.statusCode !== route.allowed) {
            expect((res.json() as { error: { code: string } }).error.code).toMatch(
              /^(unauthenticated|forbidden)$/u,
            );
          }
        }
      }
      expect(got).toEqual(want);
    });
  }

  it('GET /api/cases lists only the cases the user is a member of (admins: all)', async () => {
    const names = async (who: Who) => {
      const s = await w.login(who);
      const res = await w.app.inject({ method: 'GET', url: '/api/cases', headers: { cookie: s.cookie } });
      return (res.json() as { cases: { name: string }[] }).cases.map((c) => c.name);
    };
    expect(await names('admin1')).toEqual(['Op Alpha', 'Op Beta']);
    expect(await names('reviewer1')).toEqual(['Op Alpha']);
    expect(await names('outsider')).toEqual(['Op Beta']);
  });

  it('missing things are 404 for members and admins; malformed ids are 400', async () => {
    const s = await w.login('reviewer1');
    const admin = await w.login('admin1');
    for (const session of [s, admin]) {
      for (const url of [
        '/api/cases/99999',
        '/api/conversations/99999/messages',
        '/api/messages/99999/history',
      ]) {
        const res = await w.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
        expect(res.statusCode, url).toBe(404);
      }
    }
    for (const url of ['/api/cases/abc', '/api/conversations/-1/messages', '/api/messages/1.5/history']) {
      const res = await w.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
      expect(res.statusCode, url).toBe(400);
    }
  });
});
