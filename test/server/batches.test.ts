/** Review batches: created by leads, evaluated from their definition, with progress. */
import { afterAll, beforeAll, expect, it } from 'vitest';

import type { MessageT } from '../../src/server/schemas.js';
import type { Backend } from '../store/backends.js';
import { eachBackend } from './each-backend.js';
import { isFlagged, makeWorld, utcOf, type Session, type World } from './world.js';

interface BatchT {
  id: number;
  name: string;
  kind: string;
  assignee: string | null;
  messages: number;
  reviewed: number;
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
});
