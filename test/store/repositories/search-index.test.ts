/**
 * Issue 20: the SQLite full-text index is built after the import commits. Search must stay exact
 * (the same hits as an index built with the rows, on both stores), must refuse rather than return
 * partial hits while a case's index is building, and a build cut short resumes on the next open.
 */
import { afterAll, describe, expect, it } from 'vitest';

import type { Store } from '../../../src/store/open-store.js';
import { SEARCH_PLAN } from '../../../src/store/repositories/search-plan.js';
import { backends, sqliteBackend } from '../../support/backends.js';
import { parsed, rows, seed, type Seeded } from '../../support/store-fixtures.js';

const TEXTS = [
  'Stop and search at the station tonight',
  'Café on the corner 😂',
  'cafe closed',
  'The van is outside 👍🏽',
  'thumbs 👍',
  'email bob@example.com about the rota',
  'STATION briefing at 6',
  'searching for the van keys',
  'nothing here',
];

/** Query → the seqs it must find (on both stores, however the index was built). */
const EXPECTED: Record<string, number[]> = {
  station: [0, 6],
  cafe: [1, 2],
  'search*': [0, 7],
  '"stop and search"': [0],
  'van NOT keys': [3],
  '👍': [3, 4],
  '👍🏽': [3],
  bob: [5],
  'station OR cafe': [0, 1, 2, 6],
  missingword: [],
};

async function importFixture(store: Store): Promise<Seeded> {
  const s = await seed(store);
  const messages = TEXTS.map((text, seq) =>
    parsed({ seq, text, utc: new Date(Date.UTC(2021, 3, 28, 9, seq)).toISOString() }),
  );
  await store.transaction((r) => r.messages.insertMany(rows(s, messages)));
  return s;
}

async function hits(store: Store, caseId: number): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = {};
  for (const q of Object.keys(EXPECTED)) {
    const page = await store.messages.query(caseId, { search: q });
    out[q] = page.messages.map((m) => m.seq).sort((a, b) => a - b);
  }
  return out;
}

for (const backend of backends()) {
  if (backend.skipReason !== null) {
    describe.skip(`${backend.name} search index (skipped: ${backend.skipReason})`, () => {
      it('needs a PostgreSQL server', () => undefined);
    });
    continue;
  }
  describe(`${backend.name} search index`, () => {
    afterAll(() => backend.cleanup());

    it('finds the same hits as an index built with the rows', async () => {
      const opened = await backend.open();
      const s = await importFixture(opened.store);
      expect(await hits(opened.store, s.caseId)).toEqual(EXPECTED);
      expect(await opened.store.searchIndex.check()).toEqual({ ok: true, pending: 0, problem: null });
      if (backend.name === 'sqlite') {
        // What the import used to do inside its transaction: index every message from its row.
        await opened.raw(`insert into messages_fts (messages_fts) values ('rebuild')`);
        expect(await hits(opened.store, s.caseId)).toEqual(EXPECTED);
      }
    });

    it('finds the same hits whichever way SQLite plans the page (few, more, very many hits)', async () => {
      const { store } = await backend.open();
      const s = await importFixture(store);
      const saved = { ...SEARCH_PLAN };
      try {
        for (const [listBelow, probeAbove] of [
          [0, 1_000_000], // every query with a hit scans the case against a hit list
          [0, 0], // every query with a hit probes the index message by message (prefix* scans)
        ] as const) {
          Object.assign(SEARCH_PLAN, { listBelow, probeAbove });
          expect(await hits(store, s.caseId)).toEqual(EXPECTED);
          const paged = await store.messages.query(s.caseId, { search: 'station OR cafe', limit: 1 });
          const next = await store.messages.query(s.caseId, {
            search: 'station OR cafe',
            limit: 3,
            afterId: paged.nextAfterId!,
          });
          expect([...paged.messages, ...next.messages].map((m) => m.seq)).toEqual([0, 1, 2, 6]);
        }
      } finally {
        Object.assign(SEARCH_PLAN, saved);
      }
    });

    it('leaves nothing pending when the import rolls back', async () => {
      const { store } = await backend.open();
      const s = await seed(store);
      await expect(
        store.transaction(async (r) => {
          await r.messages.insertMany(rows(s, [parsed({ seq: 0, text: 'van' })]));
          throw new Error('killed half-way');
        }),
      ).rejects.toThrow('killed half-way');
      expect(await store.searchIndex.pending()).toBe(0);
      expect(await store.messages.count(s.caseId)).toBe(0);
      expect(await store.messages.count(s.caseId, { search: 'van' })).toBe(0);
    });
  });
}

describe('sqlite search index building after the commit', () => {
  const backend = sqliteBackend();
  afterAll(() => backend.cleanup());

  it('refuses search while building, says how far it is, and resumes on the next open', async () => {
    const opened = await backend.open();
    const { store } = opened;
    const s = await importFixture(store);
    // What a process stopped right after its import committed leaves: the rows, no index entries.
    await opened.raw(`insert into messages_fts (messages_fts) values ('delete-all')`);
    await opened.raw(
      `insert into search_index_pending (case_id, next_id, last_id) select case_id, min(id), max(id) from messages`,
    );
    await expect(store.messages.count(s.caseId, { search: 'van' })).rejects.toMatchObject({
      details: { code: 'search_index_building' },
      message: expect.stringContaining('0 of 9 messages indexed') as string,
    });
    await expect(store.messages.query(s.caseId, { search: 'van' })).rejects.toMatchObject({
      details: { code: 'search_index_building' },
    });
    expect(await store.messages.count(s.caseId)).toBe(9);
    expect((await store.messages.stats(s.caseId)).searchIndexed).toBe(0);
    expect(await store.searchIndex.check()).toMatchObject({ ok: false, pending: 9 });

    const again = await opened.reopen();
    await again.close(); // waits for the build the open resumed
    expect(await store.searchIndex.pending()).toBe(0);
    expect((await store.messages.stats(s.caseId)).searchIndexed).toBe(9);
    expect(await hits(store, s.caseId)).toEqual(EXPECTED);
    expect(await store.searchIndex.check()).toEqual({ ok: true, pending: 0, problem: null });
  });

  it('verify sees an index that lacks messages although nothing is pending', async () => {
    const opened = await backend.open();
    await importFixture(opened.store);
    await opened.raw(`insert into messages_fts (messages_fts) values ('delete-all')`);
    const check = await opened.store.searchIndex.check();
    expect(check.ok).toBe(false);
    expect(check.problem).toMatch(/does not match the messages/);
  });
});
