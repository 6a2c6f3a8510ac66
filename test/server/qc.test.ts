/**
 * Second review: the QC rules (every offensive decision, a seeded share of the rest, a lead's
 * sample), the blind (no one who may give the second decision sees the first), second decisions
 * never by the first reviewer, lead resolution, Cohen's kappa per pair, and the audit trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { qcDraw } from '../../src/review/qc.js';
import type { MessageT } from '../../src/contract/schemas.js';
import type { Backend } from '../support/backends.js';
import { eachBackend } from '../support/each-backend.js';
import { makeWorld, type Session, type World } from '../support/world.js';

interface Item {
  id: number;
  messageId: number;
  status: string;
  reason: string;
  firstBy: string;
  firstVersion: number;
  firstDecision: string | null;
  secondBy: string | null;
  secondDecision: string | null;
  resolution: string | null;
  message: MessageT;
}

interface Agreement {
  share: number;
  counts: Record<string, number>;
  pairs: {
    a: string;
    b: string;
    n: number;
    agreed: number;
    observed: number;
    expected: number;
    kappa: number;
  }[];
}

describe('the QC share draw', () => {
  it('is a fixed number in [0, 1) per (case, message), different across messages', () => {
    expect(qcDraw(1, 2)).toBe(qcDraw(1, 2));
    expect(qcDraw(1, 2)).not.toBe(qcDraw(2, 1));
    const draws = Array.from({ length: 2000 }, (_, i) => qcDraw(7, i + 1));
    expect(draws.every((d) => d >= 0 && d < 1)).toBe(true);
    // Roughly uniform: a tenth of them under 0.1.
    const under = draws.filter((d) => d < 0.1).length;
    expect(under).toBeGreaterThan(140);
    expect(under).toBeLessThan(260);
  });
});

eachBackend('Review server: second review (QC)', (backend: Backend) => {
  let w: World;
  let lead: Session;
  let rev1: Session;
  let rev2: Session;
  let ro: Session;
  beforeAll(async () => {
    w = await makeWorld(backend);
    lead = await w.login('lead1');
    rev1 = await w.login('reviewer1');
    rev2 = await w.login('reviewer2');
    ro = await w.login('readonly1');
  });
  afterAll(async () => {
    await w.app.close();
    await backend.cleanup();
  });

  const send = (s: Session, method: 'PUT' | 'POST', url: string, payload: object) =>
    w.app.inject({ method, url, payload, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
  const get = async <T>(s: Session, url: string): Promise<T> => {
    const res = await w.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json() as T;
  };
  const code = (s: Session, seq: number, decision: string, baseVersion = 0, note = '') =>
    send(s, 'PUT', `/api/messages/${w.a.messageIds[seq]}/code`, {
      decision,
      categories: decision === 'offensive' ? ['race'] : [],
      standards: [],
      potentialS127: false,
      note,
      baseVersion,
    });
  const setShare = (s: Session, share: number) =>
    send(s, 'PUT', `/api/cases/${w.a.caseId}/qc/settings`, { share });
  const items = async (s: Session, qs = '') =>
    (await get<{ items: Item[] }>(s, `/api/cases/${w.a.caseId}/qc${qs}`)).items;
  const itemFor = async (seq: number) => (await items(lead)).find((i) => i.messageId === w.a.messageIds[seq]);

  it('the QC share defaults to 0.1; only a lead sets it, within 0–1, and the change is audited', async () => {
    expect((await get<Agreement>(rev1, `/api/cases/${w.a.caseId}/qc/agreement`)).share).toBe(0.1);
    expect((await setShare(rev1, 0.5)).statusCode).toBe(403);
    expect((await setShare(lead, 1.5)).statusCode).toBe(400);
    expect((await setShare(lead, -0.1)).statusCode).toBe(400);
    const ok = await setShare(lead, 0);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ share: 0 });
    expect((await get<Agreement>(ro, `/api/cases/${w.a.caseId}/qc/agreement`)).share).toBe(0);
    const audit = await w.store.audit.list({ caseId: w.a.caseId, limit: 10_000 });
    expect(audit.find((e) => e.action === 'qc.share')).toMatchObject({ actor: 'lead1' });
    // Other cases keep their own share.
    expect(await w.store.qc.share(w.b.caseId)).toBe(0.1);
  });

  it('every offensive decision is queued by the coding write itself, once, however often it is recoded', async () => {
    expect((await code(rev1, 5, 'not_offensive')).statusCode).toBe(200);
    expect(await itemFor(5)).toBeUndefined(); // share 0: not picked
    expect((await code(rev1, 6, 'offensive')).statusCode).toBe(200);
    const item = (await itemFor(6))!;
    expect(item).toMatchObject({
      status: 'pending',
      reason: 'offensive',
      firstBy: 'reviewer1',
      firstVersion: 1,
    });
    // Recoded by the first reviewer (still offensive, then unsure): the same item, now checking v3.
    expect((await code(rev1, 6, 'offensive', 1, 'again')).statusCode).toBe(200);
    expect((await code(rev1, 6, 'unsure', 2)).statusCode).toBe(200);
    const again = (await items(lead)).filter((i) => i.messageId === w.a.messageIds[6]);
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ id: item.id, firstVersion: 3, reason: 'offensive' });
    // A message first coded not offensive is queued when it is recoded offensive.
    expect((await code(rev1, 5, 'offensive', 1)).statusCode).toBe(200);
    expect(await itemFor(5)).toMatchObject({ reason: 'offensive', firstVersion: 2 });
    const history = await get<{ entries: { action: string; detail: { reason?: string } }[] }>(
      lead,
      `/api/messages/${w.a.messageIds[6]}/history`,
    );
    expect(history.entries.map((e) => e.action)).toEqual(['code.set', 'qc.queue', 'code.set', 'code.set']);
    expect(history.entries[1]!.detail.reason).toBe('offensive');
  });

  it('a share of the other decisions is queued, chosen by the seeded draw (reproducible)', async () => {
    expect((await setShare(lead, 0.5)).statusCode).toBe(200);
    const seqs = Array.from({ length: 30 }, (_, i) => 100 + i);
    for (const seq of seqs)
      expect((await code(rev1, seq, seq % 2 ? 'not_offensive' : 'unsure')).statusCode).toBe(200);
    const queued = new Set((await items(lead)).map((i) => i.messageId));
    const expected = seqs.filter((seq) => qcDraw(w.a.caseId, w.a.messageIds[seq]!) < 0.5);
    expect(seqs.filter((seq) => queued.has(w.a.messageIds[seq]!))).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(seqs.length);
    for (const seq of expected) expect((await itemFor(seq))!.reason).toBe('share');
    expect((await setShare(lead, 0)).statusCode).toBe(200);
  });

  it('is blind: no one who may give the second decision sees the first, in any view, until they have given it', async () => {
    const seq = 13; // flagged in the test world
    const id = w.a.messageIds[seq]!;
    expect((await code(rev1, seq, 'offensive', 0, 'a slur')).statusCode).toBe(200);
    const window = (s: Session) =>
      get<{ messages: MessageT[] }>(
        s,
        `/api/conversations/${w.a.conversationId}/messages?from=${seq}&limit=1`,
      );
    const search = (s: Session, qs: string) =>
      get<{ hits: MessageT[] }>(s, `/api/cases/${w.a.caseId}/search?${qs}`);
    const history = (s: Session) =>
      get<{ entries: { action: string; detail: unknown }[] }>(s, `/api/messages/${id}/history`);

    // The first reviewer, the lead (and admins) see it.
    for (const s of [rev1, lead]) {
      const m = (await window(s)).messages[0]!;
      expect(m).toMatchObject({ blind: false, code: { decision: 'offensive', by: 'reviewer1' } });
    }
    // Another reviewer (and a read-only user) do not: not in the thread, search, history or queue.
    for (const s of [rev2, ro]) {
      const m = (await window(s)).messages[0]!;
      expect(m.code).toBeNull();
      expect(m.blind).toBe(true);
      expect(m.reviewed).toBe(true);
      const hits = (await search(s, 'q=message&limit=500')).hits.filter((h) => h.id === id);
      expect(hits).toHaveLength(1);
      expect(hits[0]!.code).toBeNull();
      expect((await search(s, 'status=offensive&limit=500')).hits.map((h) => h.id)).not.toContain(id);
      const h = await history(s);
      expect(JSON.stringify(h)).not.toMatch(/offensive|a slur/u);
      expect(h.entries.filter((e) => e.action === 'code.set')).toEqual([]);
      const queue = (await items(s)).find((i) => i.messageId === id)!;
      expect(queue.firstDecision).toBeNull();
      expect(queue.message.code).toBeNull();
      expect(JSON.stringify(queue)).not.toMatch(/a slur|"offensive"/u);
    }
    expect((await search(rev1, 'status=offensive&limit=500')).hits.map((h) => h.id)).toContain(id);

    // The conduct picture would show the code through its offensive messages: withheld there too.
    const plain = w.a.messageIds[15]!; // not flagged: only the code makes it offensive
    expect((await code(rev1, 15, 'offensive')).statusCode).toBe(200);
    const offensiveIn = async (s: Session) =>
      (
        await get<{ offensiveMessages: { messageId: number }[]; basis: { coded: number } }>(
          s,
          `/api/cases/${w.a.caseId}/conduct`,
        )
      ).offensiveMessages.map((o) => o.messageId);
    expect(await offensiveIn(lead)).toContain(plain);
    expect(await offensiveIn(rev1)).toContain(plain);
    expect(await offensiveIn(rev2)).not.toContain(plain);
    expect(JSON.stringify(await history(lead))).toMatch(/a slur/u);

    // Overwriting the withheld code would reveal it (a 409 carries the current code): refused, without it.
    for (const base of [0, 1]) {
      const res = await code(rev2, seq, 'not_offensive', base);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ error: { code: 'qc_pending' }, current: null });
    }
    expect((await w.store.codes.get(id))!.version).toBe(1);

    // The second reviewer's queue: pending items that are not their own first decisions.
    const mine = await items(rev2, '?secondable=true');
    expect(mine.map((i) => i.messageId)).toContain(id);
    expect(mine.every((i) => i.status === 'pending' && i.firstBy !== 'reviewer2')).toBe(true);
    expect((await items(rev1, '?secondable=true')).map((i) => i.messageId)).not.toContain(id);

    // Once the second decision is in, the code is no longer withheld.
    const item = mine.find((i) => i.messageId === id)!;
    const second = await send(rev2, 'POST', `/api/qc/${item.id}/second`, { decision: 'not_offensive' });
    expect(second.statusCode).toBe(200);
    expect((second.json() as { item: Item }).item).toMatchObject({
      status: 'disagreed',
      firstDecision: 'offensive',
      secondDecision: 'not_offensive',
      secondBy: 'reviewer2',
    });
    expect((await window(rev2)).messages[0]).toMatchObject({ blind: false, code: { decision: 'offensive' } });
    expect((await history(rev2)).entries.map((e) => e.action)).toEqual(['code.set', 'qc.queue', 'qc.second']);
  });

  it('second decisions never by the first reviewer; disagreements resolved by a lead; the lead sample too', async () => {
    // Fresh messages, share 0: offensive ones are queued, the rest only by a lead's sample.
    for (const seq of [21, 22, 23, 24]) {
      expect((await code(rev1, seq, seq % 2 ? 'offensive' : 'not_offensive')).statusCode).toBe(200);
    }
    const before = (await items(lead)).length;
    expect((await send(rev1, 'POST', `/api/cases/${w.a.caseId}/qc/sample`, { size: 10 })).statusCode).toBe(
      403,
    );
    const sampled = await send(lead, 'POST', `/api/cases/${w.a.caseId}/qc/sample`, { size: 1000 });
    expect(sampled.statusCode).toBe(200);
    const added = (sampled.json() as { added: number }).added;
    expect(added).toBeGreaterThanOrEqual(2); // 22 and 24 at least
    expect((await send(lead, 'POST', `/api/cases/${w.a.caseId}/qc/sample`, { size: 10 })).json()).toEqual({
      added: 0,
    });
    expect((await items(lead)).length).toBe(before + added);
    expect((await itemFor(22))!.reason).toBe('sample');
    expect((await itemFor(21))!.reason).toBe('offensive');

    const agreeItem = (await itemFor(21))!;
    // The first reviewer cannot second-review their own decision.
    expect(
      (await send(rev1, 'POST', `/api/qc/${agreeItem.id}/second`, { decision: 'offensive' })).statusCode,
    ).toBe(403);
    const agree = await send(rev2, 'POST', `/api/qc/${agreeItem.id}/second`, { decision: 'offensive' });
    expect((agree.json() as { item: Item }).item).toMatchObject({ status: 'agreed', secondBy: 'reviewer2' });
    expect(
      (await send(rev2, 'POST', `/api/qc/${agreeItem.id}/second`, { decision: 'offensive' })).statusCode,
    ).toBe(409);
    expect(
      (await send(lead, 'POST', `/api/qc/${agreeItem.id}/resolve`, { resolution: 'n/a' })).statusCode,
    ).toBe(409);

    const other = (await itemFor(22))!;
    const disagree = await send(rev2, 'POST', `/api/qc/${other.id}/second`, { decision: 'offensive' });
    expect((disagree.json() as { item: Item }).item).toMatchObject({
      status: 'disagreed',
      firstDecision: 'not_offensive',
      secondDecision: 'offensive',
    });
    // The resolution queue shows both decisions and who made them.
    const queue = await items(lead, '?status=disagreed');
    expect(queue.find((i) => i.id === other.id)).toMatchObject({
      firstBy: 'reviewer1',
      firstDecision: 'not_offensive',
      secondBy: 'reviewer2',
      secondDecision: 'offensive',
    });
    expect((await send(rev2, 'POST', `/api/qc/${other.id}/resolve`, { resolution: 'mine' })).statusCode).toBe(
      403,
    );
    expect((await send(lead, 'POST', `/api/qc/${other.id}/resolve`, { resolution: ' ' })).statusCode).toBe(
      400,
    );
    const resolved = await send(lead, 'POST', `/api/qc/${other.id}/resolve`, {
      resolution: 'Context shows banter; keep first.',
    });
    expect((resolved.json() as { item: Item }).item).toMatchObject({
      status: 'resolved',
      resolution: 'Context shows banter; keep first.',
      firstDecision: 'not_offensive',
    });

    const history = await get<{ entries: { action: string }[] }>(
      lead,
      `/api/messages/${other.messageId}/history`,
    );
    expect(history.entries.map((e) => e.action)).toEqual(['code.set', 'qc.second', 'qc.resolve']);
    expect(await w.store.audit.verify()).toMatchObject({ ok: true });
  });

  it("reports Cohen's kappa per reviewer pair from the decisions as they were compared", async () => {
    // So far reviewer1 → reviewer2: (offensive, not_offensive), (offensive, offensive),
    // (not_offensive, offensive). po = 1/3; rev1 offensive 2/3, rev2 offensive 2/3 → pe = 4/9 + 1/9 = 5/9.
    const a = await get<Agreement>(rev1, `/api/cases/${w.a.caseId}/qc/agreement`);
    expect(a.counts).toMatchObject({ agreed: 1, disagreed: 1, resolved: 1 });
    expect(a.counts.pending).toBeGreaterThan(0);
    expect(a.pairs).toHaveLength(1);
    const p = a.pairs[0]!;
    expect(p).toMatchObject({ a: 'reviewer1', b: 'reviewer2', n: 3, agreed: 1 });
    expect(p.observed).toBeCloseTo(1 / 3, 12);
    expect(p.expected).toBeCloseTo(5 / 9, 12);
    expect(p.kappa).toBeCloseTo((1 / 3 - 5 / 9) / (1 - 5 / 9), 12);
    // A later change of the code does not rewrite what was compared.
    const id = w.a.messageIds[21]!;
    const v = (await w.store.codes.get(id))!.version;
    expect((await code(lead, 21, 'unsure', v)).statusCode).toBe(200);
    expect((await get<Agreement>(lead, `/api/cases/${w.a.caseId}/qc/agreement`)).pairs[0]).toEqual(p);
  });
});
