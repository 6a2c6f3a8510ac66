/** Coding, conflicts, reviewed marks, coverage, thread windows, search, navigation and history. */
import { afterAll, beforeAll, expect, it } from 'vitest';

import type { CodeT, MessageT } from '../../src/contract/schemas.js';
import type { Backend } from '../support/backends.js';
import { eachBackend } from '../support/each-backend.js';
import { A_MESSAGES, isFlagged, makeWorld, utcOf, type Session, type World } from '../support/world.js';

eachBackend('Review server: coding and review', (backend: Backend) => {
  let w: World;
  let rev: Session;
  let rev2: Session;
  let lead: Session;
  beforeAll(async () => {
    w = await makeWorld(backend);
    rev = await w.login('reviewer1');
    rev2 = await w.login('reviewer2');
    lead = await w.login('lead1');
    // Several reviewers recode the same messages here. An offensive code goes to a blind second
    // review, which withholds it from other reviewers (test/server/qc.test.ts); with no QC share,
    // no other decision does.
    await w.store.qc.setShare(w.a.caseId, 0, 'test');
  });
  afterAll(async () => {
    await w.app.close();
    await backend.cleanup();
  });

  const get = async <T>(s: Session, url: string): Promise<T> => {
    const res = await w.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json() as T;
  };
  const send = (s: Session, method: 'PUT' | 'POST', url: string, payload: object) =>
    w.app.inject({ method, url, payload, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
  const code = (decision: string, baseVersion: number, extra: object = {}) => ({
    decision,
    categories: ['race'],
    standards: ['Equality and Diversity', 'Discreditable Conduct'],
    potentialS127: true,
    note: 'mocks a victim',
    baseVersion,
    ...extra,
  });

  it('reads a window of a thread by seq, with flag, code and reviewed per message', async () => {
    const conv = w.a.conversationId;
    const page = await get<{ total: number; messages: MessageT[] }>(
      rev,
      `/api/conversations/${conv}/messages?from=100&limit=20`,
    );
    expect(page.total).toBe(A_MESSAGES);
    expect(page.messages.map((m) => m.seq)).toEqual(Array.from({ length: 20 }, (_, i) => 100 + i));
    const m = page.messages[3]!;
    expect(m).toMatchObject({
      seq: 103,
      conversationId: conv,
      sender: 'Bob',
      kind: 'text',
      text: 'message number 103',
      localTime: '28/04/2021, 10:15',
      zone: 'Europe/London',
      utc: utcOf(103),
      timeResolution: 'exact',
      edited: false,
      media: null,
      exhibit: 'AB/1',
      lineStart: 104,
      lineEnd: 104,
      keyId: null,
      replyTo: null,
      reactions: [],
      deleted: false,
      code: null,
      reviewed: false,
    });
    expect(m.flag).toEqual({
      score: 0.9,
      flagged: true,
      categories: [{ name: 'race', score: 0.9 }],
      spans: [{ start: 0, end: 7, text: 'message', category: 'race', reason: 'test' }],
    });
    expect(page.messages[0]!.flag).toMatchObject({ flagged: false, score: 0.1 });
    const tail = await get<{ total: number; messages: MessageT[] }>(
      rev,
      `/api/conversations/${conv}/messages?from=190&limit=500`,
    );
    expect(tail.messages).toHaveLength(10);
    const over = await w.app.inject({
      method: 'GET',
      url: `/api/conversations/${conv}/messages?limit=501`,
      headers: { cookie: rev.cookie },
    });
    expect(over.statusCode).toBe(400);
  });

  it('codes a message, reads it back, and refuses a stale baseVersion with 409 and both versions', async () => {
    const id = w.a.messageIds[23]!;
    const first = await send(rev, 'PUT', `/api/messages/${id}/code`, code('offensive', 0));
    expect(first.statusCode).toBe(200);
    const c1 = (first.json() as { code: CodeT }).code;
    expect(c1).toMatchObject({
      messageId: id,
      decision: 'offensive',
      categories: ['race'],
      standards: ['Equality and Diversity', 'Discreditable Conduct'],
      potentialS127: true,
      note: 'mocks a victim',
      version: 1,
      by: 'reviewer1',
    });
    expect(Date.parse(c1.at)).not.toBeNaN();

    // The lead (another reviewer would be blind to the offensive code until their second review).
    const second = await send(
      lead,
      'PUT',
      `/api/messages/${id}/code`,
      code('unsure', 1, { note: 'context?' }),
    );
    expect(second.statusCode).toBe(200);
    expect((second.json() as { code: CodeT }).code).toMatchObject({
      version: 2,
      by: 'lead1',
      decision: 'unsure',
    });

    // reviewer1 still has version 1 on screen.
    const stale = await send(
      rev,
      'PUT',
      `/api/messages/${id}/code`,
      code('not_offensive', 1, { note: 'mine' }),
    );
    expect(stale.statusCode).toBe(409);
    const body = stale.json() as { error: { code: string }; current: CodeT; yours: Record<string, unknown> };
    expect(body.error.code).toBe('conflict');
    expect(body.current).toMatchObject({ version: 2, by: 'lead1', decision: 'unsure', note: 'context?' });
    expect(body.yours).toMatchObject({ decision: 'not_offensive', note: 'mine', baseVersion: 1 });
    // A "first" code on a coded message is a conflict too.
    expect((await send(rev, 'PUT', `/api/messages/${id}/code`, code('offensive', 0))).statusCode).toBe(409);
    // A version from the future as well.
    expect((await send(rev, 'PUT', `/api/messages/${id}/code`, code('offensive', 7))).statusCode).toBe(409);

    const window = await get<{ messages: MessageT[] }>(
      rev,
      `/api/conversations/${w.a.conversationId}/messages?from=23&limit=1`,
    );
    expect(window.messages[0]!.code).toMatchObject({ version: 2, decision: 'unsure' });
    expect(window.messages[0]!.reviewed).toBe(true);
  });

  it('validates a code: decisions and standards are exactly the documented strings', async () => {
    const id = w.a.messageIds[24]!;
    for (const bad of [
      code('rude', 0),
      code('offensive', 0, { standards: ['Honesty'] }),
      code('offensive', -1),
      { decision: 'offensive' },
    ]) {
      const res = await send(rev, 'PUT', `/api/messages/${id}/code`, bad);
      expect(res.statusCode).toBe(400);
    }
    expect(await w.store.codes.get(id)).toBeNull();
  });

  it('loses no decision under concurrent writes: one of many same-version writes wins, the rest get 409', async () => {
    const id = w.a.messageIds[40]!;
    const sessions = [rev, rev2, lead];
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        send(sessions[i % 3]!, 'PUT', `/api/messages/${id}/code`, code('unsure', 0, { note: `writer ${i}` })),
      ),
    );
    const ok = results.filter((r) => r.statusCode === 200);
    expect(ok).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(23);
    const winner = (ok[0]!.json() as { code: CodeT }).code;
    expect(await w.store.codes.get(id)).toMatchObject({ version: 1, note: winner.note });

    // A chain of writers each holding the latest version: every write lands, in order.
    let version = 1;
    for (let i = 0; i < 6; i++) {
      const res = await send(
        sessions[i % 3]!,
        'PUT',
        `/api/messages/${id}/code`,
        code('unsure', version, { note: `step ${i}` }),
      );
      expect(res.statusCode).toBe(200);
      version = (res.json() as { code: CodeT }).code.version;
    }
    expect(version).toBe(7);
    const history = await get<{ entries: { action: string; detail: { version: number; note: string } }[] }>(
      rev,
      `/api/messages/${id}/history`,
    );
    expect(history.entries.filter((e) => e.action === 'code.set').map((e) => e.detail.version)).toEqual([
      1, 2, 3, 4, 5, 6, 7,
    ]);
  });

  it('marks a visible run reviewed: coverage rises, codes stay, marking again adds nothing', async () => {
    const before = (
      await get<{ cases: { id: number; reviewed: number; coverage: number }[] }>(rev, '/api/cases')
    ).cases.find((c) => c.id === w.a.caseId)!;
    const res = await send(rev, 'POST', `/api/conversations/${w.a.conversationId}/reviewed`, {
      fromSeq: 20,
      toSeq: 69,
    });
    expect(res.statusCode).toBe(200);
    const marked = (res.json() as { marked: number }).marked;
    // 23 and 40 in that run were coded by reviewer1 already, so they count as reviewed by them.
    expect(marked).toBe(48);
    const after = (
      await get<{ cases: { id: number; reviewed: number; coverage: number }[] }>(rev, '/api/cases')
    ).cases.find((c) => c.id === w.a.caseId)!;
    expect(before.reviewed).toBe(2);
    expect(after.reviewed).toBe(50);
    expect(after.coverage).toBe(50 / A_MESSAGES);
    expect((await w.store.codes.get(w.a.messageIds[23]!))?.version).toBe(2);
    const again = await send(rev, 'POST', `/api/conversations/${w.a.conversationId}/reviewed`, {
      fromSeq: 20,
      toSeq: 69,
    });
    expect((again.json() as { marked: number }).marked).toBe(0);
    const detail = await get<{ reviewed: number; coverage: number; messages: number }>(
      rev,
      `/api/cases/${w.a.caseId}`,
    );
    expect(detail.reviewed).toBe(after.reviewed);
    expect(detail.messages).toBe(A_MESSAGES);
    const bad = await send(rev, 'POST', `/api/conversations/${w.a.conversationId}/reviewed`, {
      fromSeq: 9,
      toSeq: 3,
    });
    expect(bad.statusCode).toBe(400);
    const history = await get<{ entries: { action: string; actor: string }[] }>(
      rev,
      `/api/messages/${w.a.messageIds[30]}/history`,
    );
    expect(history.entries).toEqual([
      expect.objectContaining({ action: 'review.nothing_of_note', actor: 'reviewer1' }),
    ]);
  });

  it('case overview: flags by category, activity by sender and month, conversations, exhibits', async () => {
    const d = await get<{
      case: { id: number; name: string };
      flagsByCategory: Record<string, number>;
      activity: { sender: string; month: string; messages: number }[];
      conversations: { id: number; name: string; messages: number; participants: number }[];
      exhibits: { ref: string; sha256: string }[];
      timeZone: string;
    }>(lead, `/api/cases/${w.a.caseId}`);
    expect(d.case).toEqual({ id: w.a.caseId, name: 'Op Alpha' });
    expect(d.flagsByCategory).toEqual({ race: 10, misogyny: 10 });
    expect(d.activity.reduce((n, a) => n + a.messages, 0)).toBe(A_MESSAGES);
    expect(new Set(d.activity.map((a) => a.month))).toEqual(new Set(['2023-04']));
    // Each conversation's first and last message: the record's edges (issue 18, defect 1).
    expect(d.conversations).toEqual([
      {
        id: w.a.conversationId,
        name: 'Team',
        messages: A_MESSAGES,
        participants: 0,
        first: '2023-04-01T00:00:00.000Z',
        last: '2023-04-09T07:00:00.000Z',
      },
    ]);
    expect(d.exhibits.map((e) => e.ref)).toEqual(['AB/1']);
    // The zone every time is shown in (issue 18, defect 8): the one the exhibit was read in.
    expect(d.timeZone).toBe('Europe/London');
  });

  it('jumps to a date and to the next flagged message', async () => {
    const conv = w.a.conversationId;
    expect(await get(rev, `/api/conversations/${conv}/seq?utc=${encodeURIComponent(utcOf(57))}`)).toEqual({
      seq: 57,
    });
    expect(
      await get(rev, `/api/conversations/${conv}/seq?utc=${encodeURIComponent('2023-04-03T10:30:00Z')}`),
    ).toEqual({ seq: 59 });
    expect(await get(rev, `/api/conversations/${conv}/seq?utc=2023-04-02`)).toEqual({ seq: 24 });
    expect(await get(rev, `/api/conversations/${conv}/seq?utc=2030-01-01`)).toEqual({ seq: null });
    const bad = await w.app.inject({
      method: 'GET',
      url: `/api/conversations/${conv}/seq?utc=yesterday`,
      headers: { cookie: rev.cookie },
    });
    expect(bad.statusCode).toBe(400);
    expect(await get(rev, `/api/conversations/${conv}/next-flag`)).toEqual({ seq: 3 });
    expect(await get(rev, `/api/conversations/${conv}/next-flag?after=3`)).toEqual({ seq: 13 });
    expect(await get(rev, `/api/conversations/${conv}/next-flag?after=193`)).toEqual({ seq: null });
  });

  it('searches with words and filters, paged in time order', async () => {
    type Hits = { hits: MessageT[]; next: number | null };
    const base = `/api/cases/${w.a.caseId}/search`;
    const banana = await get<Hits>(rev, `${base}?q=banana`);
    expect(banana.hits.map((h) => h.seq)).toEqual(Array.from({ length: 29 }, (_, i) => i * 7));
    expect(banana.next).toBeNull();
    const bob = await get<Hits>(rev, `${base}?q=banana&sender=Bob`);
    expect(bob.hits.every((h) => h.sender === 'Bob' && h.text.includes('banana'))).toBe(true);
    const range = await get<Hits>(rev, `${base}?from=${utcOf(10)}&to=${utcOf(15)}`);
    expect(range.hits.map((h) => h.seq)).toEqual([10, 11, 12, 13, 14]);
    const race = await get<Hits>(rev, `${base}?category=race`);
    expect(race.hits.map((h) => h.seq)).toEqual(Array.from({ length: 10 }, (_, i) => 3 + i * 20));
    const flagged = await get<Hits>(rev, `${base}?minScore=0.5&limit=500`);
    expect(flagged.hits.map((h) => h.seq)).toEqual(
      Array.from({ length: A_MESSAGES }, (_, i) => i).filter(isFlagged),
    );
    const offensive = await get<Hits>(rev, `${base}?status=offensive`);
    expect(offensive.hits).toEqual([]); // both coded messages are "unsure" by now
    const unsure = await get<Hits>(rev, `${base}?status=unsure`);
    expect(unsure.hits.map((h) => h.seq)).toEqual([23, 40]);
    const reviewed = await get<Hits>(rev, `${base}?status=reviewed&limit=500`);
    expect(reviewed.hits.every((h) => h.reviewed)).toBe(true);
    const unreviewed = await get<Hits>(rev, `${base}?status=unreviewed&limit=500`);
    expect(unreviewed.hits.every((h) => !h.reviewed)).toBe(true);
    expect(reviewed.hits.length + unreviewed.hits.length).toBe(A_MESSAGES);

    // Paging: 7 at a time through the banana hits.
    const seen: number[] = [];
    let after: number | null = null;
    do {
      const page: Hits = await get<Hits>(
        rev,
        `${base}?q=banana&limit=7${after === null ? '' : `&after=${after}`}`,
      );
      seen.push(...page.hits.map((h) => h.seq));
      after = page.next;
    } while (after !== null);
    expect(seen).toEqual(banana.hits.map((h) => h.seq));

    const badQuery = await w.app.inject({
      method: 'GET',
      url: `${base}?q=${encodeURIComponent('"unclosed')}`,
      headers: { cookie: rev.cookie },
    });
    expect(badQuery.statusCode).toBe(400);
    const badStatus = await w.app.inject({
      method: 'GET',
      url: `${base}?status=maybe`,
      headers: { cookie: rev.cookie },
    });
    expect(badStatus.statusCode).toBe(400);
  });

  it('history lists the coding entries; the audit chain still verifies', async () => {
    const id = w.a.messageIds[23]!;
    const h = await get<{
      entries: { at: string; actor: string; action: string; detail: Record<string, unknown> }[];
    }>(rev, `/api/messages/${id}/history`);
    const coding = h.entries.filter((e) => e.action === 'code.set');
    expect(coding.map((e) => [e.actor, e.detail.version, e.detail.decision])).toEqual([
      ['reviewer1', 1, 'offensive'],
      ['lead1', 2, 'unsure'],
    ]);
    expect(coding[0]!.detail).toMatchObject({
      categories: ['race'],
      standards: ['Equality and Diversity', 'Discreditable Conduct'],
      potentialS127: true,
      note: 'mocks a victim',
    });
    const audit = await w.store.audit.list({ caseId: w.a.caseId, limit: 10_000 });
    expect(audit.some((e) => e.subject === `message:${id}` && e.action === 'code.set')).toBe(true);
    expect(await w.store.audit.verify()).toMatchObject({ ok: true });
  });
});
