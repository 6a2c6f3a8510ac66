/** Review batches: created by leads, evaluated from their definition, with progress. */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { caseMembership } from '../../src/analysis/conduct-case.js';
import { ConductResponse, MembershipResponse } from '../../src/contract/conduct-schemas.js';
import type { MessageT } from '../../src/contract/schemas.js';
import type { Backend } from '../support/backends.js';
import { eachBackend } from '../support/each-backend.js';
import {
  A_MESSAGES,
  B_MESSAGES,
  isFlagged,
  makeWorld,
  utcOf,
  type Session,
  type World,
} from '../support/world.js';

interface BatchT {
  id: number;
  name: string;
  kind: string;
  assignee: string | null;
  status: string;
  messages: number;
  reviewed: number;
  left: number;
  coverage: number;
}

eachBackend('Review server: batches', (backend: Backend) => {
  let w: World;
  let lead: Session;
  let rev: Session;
  beforeAll(async () => {
    w = await makeWorld(backend);
    lead = await w.login('lead1');
    rev = await w.login('reviewer1');
  });
  afterAll(async () => {
    await w.app.close();
    await backend.cleanup();
  });

  const create = (s: Session, payload: object) =>
    w.app.inject({
      method: 'POST',
      url: `/api/cases/${w.a.caseId}/batches`,
      payload,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
  const get = async <T>(s: Session, url: string): Promise<T> => {
    const res = await w.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json() as T;
  };

  it('a lead creates batches of three kinds; their messages and progress follow the definition', async () => {
    const conv = await create(lead, {
      name: 'First fifty',
      spec: { kind: 'conversation', conversationId: w.a.conversationId, fromSeq: 0, toSeq: 49 },
      assignee: 'reviewer1',
    });
    expect(conv.statusCode).toBe(200);
    const c = (conv.json() as { batch: BatchT }).batch;
    expect(c).toMatchObject({
      name: 'First fifty',
      kind: 'conversation',
      assignee: 'reviewer1',
      messages: 50,
      reviewed: 0,
    });

    const dates = await create(lead, {
      name: 'Day two',
      spec: { kind: 'date_range', from: utcOf(24), to: utcOf(48) },
    });
    expect((dates.json() as { batch: BatchT }).batch).toMatchObject({ messages: 24 });
    const prio = await create(lead, {
      name: 'Race flags',
      spec: { kind: 'priority', minScore: 0.5, category: 'race' },
    });
    expect((prio.json() as { batch: BatchT }).batch).toMatchObject({ messages: 10 });

    const page = await get<{ hits: MessageT[]; next: number | null }>(
      rev,
      `/api/batches/${c.id}/messages?limit=20`,
    );
    expect(page.hits.map((h) => h.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(page.next).toBe(page.hits[19]!.id);
    const flagged = await get<{ hits: MessageT[] }>(
      rev,
      `/api/batches/${(prio.json() as { batch: BatchT }).batch.id}/messages?limit=500`,
    );
    expect(flagged.hits.every((h) => isFlagged(h.seq) && h.flag?.categories[0]?.name === 'race')).toBe(true);

    // Reviewing part of the batch shows as progress.
    const marked = await w.app.inject({
      method: 'POST',
      url: `/api/conversations/${w.a.conversationId}/reviewed`,
      payload: { fromSeq: 0, toSeq: 9 },
      headers: { cookie: rev.cookie, 'x-csrf-token': rev.csrf },
    });
    expect(marked.statusCode).toBe(200);
    const list = await get<{ batches: BatchT[] }>(rev, `/api/cases/${w.a.caseId}/batches`);
    expect(list.batches.map((b) => [b.name, b.messages, b.reviewed])).toEqual([
      ['First fifty', 50, 10],
      ['Day two', 24, 0],
      ['Race flags', 10, 1],
    ]);
    expect(list.batches[0]!.coverage).toBe(0.2);
  });

  it('refuses batches a lead should not make: other case conversation, unknown or read-only assignee, bad spec', async () => {
    for (const payload of [
      { name: 'x', spec: { kind: 'conversation', conversationId: w.b.conversationId } },
      { name: 'x', spec: { kind: 'priority', minScore: 0.5 }, assignee: 'readonly1' },
      { name: 'x', spec: { kind: 'priority', minScore: 0.5 }, assignee: 'outsider' },
      { name: 'x', spec: { kind: 'priority', minScore: 2 } },
      { name: 'x', spec: { kind: 'date_range', from: utcOf(5), to: utcOf(1) } },
      { name: '', spec: { kind: 'priority', minScore: 0.5 } },
    ]) {
      const res = await create(lead, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await create(rev, { name: 'x', spec: { kind: 'priority', minScore: 0.5 } })).statusCode).toBe(
      403,
    );
    const audit = await w.store.audit.list({ caseId: w.a.caseId, limit: 10_000 });
    expect(audit.filter((e) => e.action === 'batch.create')).toHaveLength(3);
    expect(await w.store.audit.verify()).toMatchObject({ ok: true });
  });

  const post = (s: Session, url: string, payload?: object) =>
    w.app.inject({
      method: 'POST',
      url,
      ...(payload ? { payload } : {}),
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });

  it('a reviewer finishes their own batch only when nothing is left; the queue shows progress', async () => {
    const rev2 = await w.login('reviewer2');
    const made = await create(lead, {
      name: 'Five',
      spec: { kind: 'conversation', conversationId: w.a.conversationId, fromSeq: 100, toSeq: 104 },
      assignee: 'reviewer1',
    });
    const id = (made.json() as { batch: BatchT }).batch.id;
    const queue = await get<{ batches: (BatchT & { caseId: number; caseName: string })[] }>(
      rev,
      '/api/me/batches',
    );
    expect(queue.batches.find((b) => b.id === id)).toMatchObject({
      name: 'Five',
      caseId: w.a.caseId,
      caseName: 'Op Alpha',
      status: 'open',
      messages: 5,
      reviewed: 0,
      left: 5,
    });
    expect((await get<{ batches: BatchT[] }>(rev2, '/api/me/batches')).batches).toEqual([]);

    // Not theirs: 403. Theirs but unreviewed: 409 naming how many are left.
    expect((await post(rev2, `/api/batches/${id}/finish`)).statusCode).toBe(403);
    const early = await post(rev, `/api/batches/${id}/finish`);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      error: { code: 'not_done', message: '5 messages are not reviewed yet in this batch.' },
      left: 5,
    });
    await post(rev, `/api/conversations/${w.a.conversationId}/reviewed`, { fromSeq: 100, toSeq: 103 });
    const almost = await post(rev, `/api/batches/${id}/finish`);
    expect(almost.json()).toMatchObject({
      error: { message: '1 message is not reviewed yet in this batch.' },
    });
    const coded = await w.app.inject({
      method: 'PUT',
      url: `/api/messages/${w.a.messageIds[104]}/code`,
      payload: {
        decision: 'not_offensive',
        categories: [],
        standards: [],
        potentialS127: false,
        note: '',
        baseVersion: 0,
      },
      headers: { cookie: rev.cookie, 'x-csrf-token': rev.csrf },
    });
    expect(coded.statusCode).toBe(200);
    const done = await post(rev, `/api/batches/${id}/finish`);
    expect(done.statusCode).toBe(200);
    expect((done.json() as { batch: BatchT }).batch).toMatchObject({
      status: 'finished',
      left: 0,
      coverage: 1,
    });
    expect((await post(rev, `/api/batches/${id}/finish`)).statusCode).toBe(200);
    const audit = await w.store.audit.list({ caseId: w.a.caseId, limit: 10_000 });
    expect(audit.filter((e) => e.action === 'batch.finish' && e.subject === `batch:${id}`)).toHaveLength(1);
  });

  it('a lead reassigns and closes batches; reviewers cannot; closed batches leave every queue', async () => {
    const rev2 = await w.login('reviewer2');
    const made = await create(lead, {
      name: 'Handover',
      spec: { kind: 'date_range', from: utcOf(150), to: utcOf(160) },
      assignee: 'reviewer1',
    });
    const id = (made.json() as { batch: BatchT }).batch.id;
    expect((await post(rev, `/api/batches/${id}/assign`, { assignee: 'reviewer2' })).statusCode).toBe(403);
    expect((await post(rev, `/api/batches/${id}/close`)).statusCode).toBe(403);
    for (const assignee of ['readonly1', 'outsider', 'nobody-at-all']) {
      expect((await post(lead, `/api/batches/${id}/assign`, { assignee })).statusCode, assignee).toBe(400);
    }
    const moved = await post(lead, `/api/batches/${id}/assign`, { assignee: 'reviewer2' });
    expect(moved.statusCode).toBe(200);
    expect((moved.json() as { batch: BatchT }).batch.assignee).toBe('reviewer2');
    const ids = async (s: Session) =>
      (await get<{ batches: BatchT[] }>(s, '/api/me/batches')).batches.map((b) => b.id);
    expect(await ids(rev)).not.toContain(id);
    expect(await ids(rev2)).toContain(id);

    const closed = await post(lead, `/api/batches/${id}/close`);
    expect((closed.json() as { batch: BatchT }).batch).toMatchObject({ status: 'closed', left: 10 });
    expect((await post(lead, `/api/batches/${id}/close`)).statusCode).toBe(200);
    expect(await ids(rev2)).not.toContain(id);
    expect((await post(lead, `/api/batches/${id}/assign`, { assignee: 'reviewer1' })).statusCode).toBe(409);
    expect((await post(rev2, `/api/batches/${id}/finish`)).statusCode).toBe(409);
    const all = await get<{ batches: BatchT[] }>(rev, `/api/cases/${w.a.caseId}/batches`);
    expect(all.batches.find((b) => b.id === id)).toMatchObject({ status: 'closed', assignee: 'reviewer2' });

    const audit = await w.store.audit.list({ caseId: w.a.caseId, limit: 10_000 });
    const mine = audit.filter((e) => e.subject === `batch:${id}`).map((e) => e.action);
    expect(mine).toEqual(['batch.create', 'batch.assign', 'batch.close']);
    expect(await w.store.audit.verify()).toMatchObject({ ok: true });
  });

  /** Every page of a batch, `limit` at a time, following `next`; fails on a page that repeats a cursor. */
  const allPages = async (s: Session, batchId: number, limit: number) => {
    const hits: MessageT[] = [];
    let pages = 0;
    let after: number | null = null;
    do {
      const page: { hits: MessageT[]; next: number | null } = await get(
        s,
        `/api/batches/${batchId}/messages?limit=${limit}${after === null ? '' : `&after=${after}`}`,
      );
      expect(page.hits.length).toBeLessThanOrEqual(limit);
      if (page.next !== null) {
        expect(page.hits).toHaveLength(limit);
        expect(page.next).toBe(page.hits[limit - 1]!.id);
      }
      hits.push(...page.hits);
      after = page.next;
      pages++;
      expect(pages).toBeLessThan(1000);
    } while (after !== null);
    return { hits, pages };
  };

  it('a priority batch pages highest score first (ties in time order), every message exactly once', async () => {
    // A newer run for case B with many tied scores (0.7 and 0.55 are not exact in a PostgreSQL real).
    const scoreOf = (seq: number) => [0.7, 0.3, 0.9, 0.7, 0.15, 0.55, 0.3][seq % 7]!;
    const run = await w.store.flags.startRun({
      caseId: w.b.caseId,
      actor: 'test',
      version: {},
      termListId: null,
    });
    await w.store.flags.insertMany(
      w.b.messageIds.map((messageId, seq) => ({
        runId: run.id,
        caseId: w.b.caseId,
        messageId,
        score: scoreOf(seq),
        flagged: scoreOf(seq) >= 0.5,
        categories: [{ name: 'race', score: scoreOf(seq) }],
        spans: [],
      })),
    );
    await w.store.flags.finishRun(run.id, { messages: w.b.messageIds.length, flagged: 0 });
    const admin = await w.login('admin1');
    const made = await w.app.inject({
      method: 'POST',
      url: `/api/cases/${w.b.caseId}/batches`,
      payload: { name: 'Worst first', spec: { kind: 'priority', minScore: 0.3 } },
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
    });
    expect(made.statusCode).toBe(200);
    const batch = (made.json() as { batch: BatchT }).batch;
    const expected = Array.from({ length: B_MESSAGES }, (_, seq) => seq)
      .filter((seq) => scoreOf(seq) >= 0.3)
      .sort((a, b) => scoreOf(b) - scoreOf(a) || a - b);
    expect(batch.messages).toBe(expected.length);

    for (const limit of [1, 3, 4, 500]) {
      const { hits, pages } = await allPages(admin, batch.id, limit);
      expect(pages).toBe(Math.max(1, Math.ceil(expected.length / limit)));
      // Exactly the batch, each message once, in (score desc, utc, id) order.
      expect(hits.map((h) => h.seq)).toEqual(expected);
      expect(new Set(hits.map((h) => h.id)).size).toBe(hits.length);
      const scores = hits.map((h) => h.flag!.score);
      expect(scores.every((x, i) => i === 0 || x <= scores[i - 1]!)).toBe(true);
      for (let i = 1; i < hits.length; i++) {
        if (scores[i] === scores[i - 1]) expect(hits[i]!.utc > hits[i - 1]!.utc).toBe(true);
      }
    }
    // A cursor outside the case ends the batch rather than starting it again.
    const foreign = await get<{ hits: MessageT[]; next: number | null }>(
      admin,
      `/api/batches/${batch.id}/messages?limit=5&after=${w.a.messageIds[3]}`,
    );
    expect(foreign).toEqual({ hits: [], next: null });
  });

  it('date-range and conversation batches still page in time order, every message exactly once', async () => {
    const made = await create(lead, {
      name: 'Whole case',
      spec: { kind: 'date_range', from: utcOf(0), to: utcOf(A_MESSAGES) },
    });
    const dates = (made.json() as { batch: BatchT }).batch;
    expect(dates.messages).toBe(A_MESSAGES);
    const { hits, pages } = await allPages(rev, dates.id, 7);
    expect(pages).toBe(Math.ceil(A_MESSAGES / 7));
    expect(hits.map((h) => h.seq)).toEqual(Array.from({ length: A_MESSAGES }, (_, i) => i));
    expect(hits.every((h, i) => i === 0 || h.utc > hits[i - 1]!.utc)).toBe(true);

    const conv = await create(lead, {
      name: 'Run of flagged and not',
      spec: { kind: 'conversation', conversationId: w.a.conversationId, fromSeq: 20, toSeq: 44 },
    });
    const run = await allPages(rev, (conv.json() as { batch: BatchT }).batch.id, 10);
    expect(run.pages).toBe(3);
    // Flagged (0.9) and unflagged (0.1) messages mixed: time order, not score order.
    expect(run.hits.map((h) => h.seq)).toEqual(Array.from({ length: 25 }, (_, i) => 20 + i));
  });

  it('lists the case members, who reviewed how much and when, and the membership timelines as the CLI prints them', async () => {
    const members = await get<{ members: { username: string; role: string }[] }>(
      rev,
      `/api/cases/${w.a.caseId}/members`,
    );
    expect(members.members.map((m) => `${m.username}:${m.role}`)).toEqual([
      'lead1:lead',
      'readonly1:readonly',
      'reviewer1:reviewer',
      'reviewer2:reviewer',
    ]);
    const reviewers = await get<{
      reviewers: { username: string; messages: number; first: string; last: string }[];
    }>(rev, `/api/cases/${w.a.caseId}/reviewers`);
    // reviewer1 marked 0–9 and 100–103 and coded 104 in the tests above; nobody else reviewed.
    expect(reviewers.reviewers.map((r) => [r.username, r.messages])).toEqual([['reviewer1', 15]]);
    expect(reviewers.reviewers[0]!.first <= reviewers.reviewers[0]!.last).toBe(true);
    const membership = await get<{ timelines: unknown[] }>(rev, `/api/cases/${w.a.caseId}/membership`);
    expect(membership.timelines.length).toBeGreaterThan(0);
    expect(membership).toEqual(
      JSON.parse(JSON.stringify({ timelines: await caseMembership(w.store, w.a.caseId) })) as unknown,
    );
    // The contract describes exactly what is sent (zod drops keys it does not know, so an extra or a
    // missing field, or a word outside its lists, shows here): the web app's types are derived from it.
    expect(MembershipResponse.parse(membership)).toEqual(membership);
    const conduct = await get<{ people: unknown[] }>(rev, `/api/cases/${w.a.caseId}/conduct`);
    expect(conduct.people.length).toBeGreaterThan(0);
    expect(ConductResponse.parse(conduct)).toEqual(conduct);
  });
});
