/** Second review: sample, second decisions (never by the first reviewer), lead resolution, audit. */
import { afterAll, beforeAll, expect, it } from 'vitest';

import type { Backend } from '../store/backends.js';
import { eachBackend } from './each-backend.js';
import { makeWorld, type Session, type World } from './world.js';

interface Item {
  id: number;
  messageId: number;
  status: string;
  firstBy: string;
  secondBy: string | null;
  secondDecision: string | null;
  resolution: string | null;
}

eachBackend('Review server: second review (QC)', (backend: Backend) => {
  let w: World;
  let lead: Session;
  let rev1: Session;
  let rev2: Session;
  beforeAll(async () => {
    w = await makeWorld(backend);
    lead = await w.login('lead1');
    rev1 = await w.login('reviewer1');
    rev2 = await w.login('reviewer2');
  });
  afterAll(async () => {
    await w.app.close();
    await backend.cleanup();
  });

  const send = (s: Session, url: string, payload: object) =>
    w.app.inject({
      method: url.includes('/code') ? 'PUT' : 'POST',
      url,
      payload,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });

  it('samples coded messages, takes a second decision from someone else, and lets a lead resolve disagreement', async () => {
    for (const seq of [1, 2, 3, 4]) {
      const res = await send(rev1, `/api/messages/${w.a.messageIds[seq]}/code`, {
        decision: seq % 2 ? 'offensive' : 'not_offensive',
        categories: [],
        standards: [],
        potentialS127: false,
        note: '',
        baseVersion: 0,
      });
      expect(res.statusCode).toBe(200);
    }
    expect((await send(rev1, `/api/cases/${w.a.caseId}/qc/sample`, { size: 10 })).statusCode).toBe(403);
    const sampled = await send(lead, `/api/cases/${w.a.caseId}/qc/sample`, { size: 3 });
    expect(sampled.json()).toEqual({ added: 3 });
    expect((await send(lead, `/api/cases/${w.a.caseId}/qc/sample`, { size: 10 })).json()).toEqual({
      added: 1,
    });
    expect((await send(lead, `/api/cases/${w.a.caseId}/qc/sample`, { size: 10 })).json()).toEqual({
      added: 0,
    });

    const list = await w.app.inject({
      method: 'GET',
      url: `/api/cases/${w.a.caseId}/qc?status=pending`,
      headers: { cookie: rev2.cookie },
    });
    const items = (list.json() as { items: Item[] }).items;
    expect(items).toHaveLength(4);
    expect(items.every((i) => i.firstBy === 'reviewer1' && i.status === 'pending')).toBe(true);
    expect(JSON.stringify(items)).not.toMatch(/offensive/u); // the first decisions are not in the queue

    const first = items[0]!;
    const current = (await w.store.codes.get(first.messageId))!;
    // The first reviewer cannot second-review their own decision.
    expect((await send(rev1, `/api/qc/${first.id}/second`, { decision: current.decision })).statusCode).toBe(
      403,
    );
    const agree = await send(rev2, `/api/qc/${first.id}/second`, { decision: current.decision });
    expect((agree.json() as { item: Item }).item).toMatchObject({ status: 'agreed', secondBy: 'reviewer2' });
    expect((await send(rev2, `/api/qc/${first.id}/second`, { decision: current.decision })).statusCode).toBe(
      409,
    );
    expect((await send(lead, `/api/qc/${first.id}/resolve`, { resolution: 'n/a' })).statusCode).toBe(409);

    const second = items[1]!;
    const other =
      (await w.store.codes.get(second.messageId))!.decision === 'offensive' ? 'not_offensive' : 'offensive';
    const disagree = await send(rev2, `/api/qc/${second.id}/second`, { decision: other });
    expect((disagree.json() as { item: Item }).item.status).toBe('disagreed');
    expect((await send(rev2, `/api/qc/${second.id}/resolve`, { resolution: 'mine' })).statusCode).toBe(403);
    const resolved = await send(lead, `/api/qc/${second.id}/resolve`, {
      resolution: 'Context shows banter; keep first.',
    });
    expect((resolved.json() as { item: Item }).item).toMatchObject({
      status: 'resolved',
      resolution: 'Context shows banter; keep first.',
    });

    const history = await w.app.inject({
      method: 'GET',
      url: `/api/messages/${second.messageId}/history`,
      headers: { cookie: lead.cookie },
    });
    expect((history.json() as { entries: { action: string }[] }).entries.map((e) => e.action)).toEqual([
      'code.set',
      'qc.second',
      'qc.resolve',
    ]);
    expect(await w.store.audit.verify()).toMatchObject({ ok: true });
  });
});
