/**
 * One suite, run against every backend: SQLite always, PostgreSQL when
 * SCRUTINEER_TEST_DATABASE_URL is set (each store in its own schema, dropped afterwards).
 */
import { afterAll, describe, expect, it } from 'vitest';

import { UserError } from '../../src/domain/errors.js';
import type { ImportReport } from '../../src/domain/import-report.js';
import type { ParsedMessage } from '../../src/domain/message.js';
import { auditHash } from '../../src/store/repositories/index.js';
import {
  toMembershipEventRow,
  toMessageRow,
  toParsedMessage,
  type MessageRecord,
} from '../../src/store/types.js';
import { backends, type Backend } from '../support/backends.js';
import { mulberry32 } from '../support/random.js';
import { fakeSha, parsed, rows, seed } from '../support/store-fixtures.js';

for (const backend of backends()) {
  const title = backend.name === 'sqlite' ? 'SQLite store suite' : 'PostgreSQL store suite';
  if (backend.skipReason !== null) {
    describe.skip(`${title} (skipped: ${backend.skipReason})`, () => {
      it('needs a PostgreSQL server', () => undefined);
    });
    continue;
  }
  describe(title, () => storeSuite(backend));
}

async function collect(it: AsyncIterable<MessageRecord>): Promise<MessageRecord[]> {
  const out: MessageRecord[] = [];
  for await (const m of it) out.push(m);
  return out;
}

function storeSuite(backend: Backend): void {
  afterAll(() => backend.cleanup());

  describe('opening and migrations', () => {
    it('reports its dialect and runs migrations once; reopening keeps the data', async () => {
      const { store, reopen, raw } = await backend.open();
      expect(store.dialect).toBe(backend.name);
      const before = await raw('select name from kysely_migration order by name');
      await store.cases.create({ name: 'Kept', createdBy: 'DC A' });
      await store.close();
      const again = await reopen();
      const third = await reopen();
      expect((await again.cases.list()).map((c) => c.name)).toEqual(['Kept']);
      expect(await third.cases.findByNameOrId('Kept')).not.toBeNull();
      const migrations = (await raw('select name from kysely_migration order by name')).map((r) => r.name);
      expect(migrations[0]).toBe('0001_initial');
      expect(new Set(migrations).size).toBe(migrations.length);
      expect(migrations).toEqual(before.map((r) => r.name));
    });

    it('uses ISO UTC times with milliseconds from the clock', async () => {
      const { store } = await backend.open({ now: () => new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)) });
      const c = await store.cases.create({ name: 'Clocked', createdBy: 'DC A' });
      expect(c.createdAt).toBe('2024-01-02T03:04:05.006Z');
    });
  });

  describe('transactions', () => {
    it('rolls everything back when the work fails', async () => {
      const { store, raw } = await backend.open();
      const failure = new Error('import failed half way');
      await expect(
        store.transaction(async (r) => {
          const s = await seed(r, 'Rolled back');
          const ids = await r.messages.insertMany(rows(s, [parsed({ text: 'unique rollback word' })]));
          await r.membershipEvents.insertMany([
            {
              caseId: s.caseId,
              conversationId: s.conversationId,
              messageId: ids[0]!,
              type: 'added',
              actor: 'Alice',
              targets: ['Bob'],
              value: null,
              previousValue: null,
              utc: '2021-04-28T09:15:00.000Z',
            },
          ]);
          await r.participants.upsertMany(s.conversationId, ['Alice']);
          await r.exhibits.addContinuity({ exhibitId: s.exhibitId, actor: 'DC A', action: 'received' });
          await r.audit.append({ actor: 'DC A', action: 'import', caseId: s.caseId });
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect(await store.cases.list()).toEqual([]);
      expect((await store.audit.verify()).entries).toBe(0);
      for (const table of [
        'cases',
        'exhibits',
        'conversations',
        'participants',
        'messages',
        'membership_events',
        'continuity',
        'audit_log',
      ]) {
        const [row] = await raw(`select count(*) as n from ${table}`);
        expect(Number(row!.n), table).toBe(0);
      }
      if (backend.name === 'sqlite') {
        const hits = await raw(`select rowid from messages_fts where messages_fts match 'rollback'`);
        expect(hits).toEqual([]);
      }
    });

    it('commits all of the work when it succeeds', async () => {
      const { store } = await backend.open();
      const result = await store.transaction(async (r) => {
        const s = await seed(r, 'Committed');
        await r.messages.insertMany(rows(s, [parsed({ text: 'committed words' })]));
        await r.audit.append({ actor: 'DC A', action: 'import', caseId: s.caseId });
        return s;
      });
      expect((await store.messages.query(result.caseId, { search: 'committed' })).messages).toHaveLength(1);
      expect(await store.audit.verify()).toMatchObject({ ok: true, entries: 1, head: { id: 1 } });
    });
  });

  describe('cases, exhibits, conversations, participants', () => {
    it('refuses a duplicate case name with a UserError', async () => {
      const { store } = await backend.open();
      await store.cases.create({ name: 'Op Alpha', createdBy: 'DC A' });
      await expect(store.cases.create({ name: 'Op Alpha', createdBy: 'DC B' })).rejects.toThrow(UserError);
      await expect(store.cases.create({ name: 'Op Alpha', createdBy: 'DC B' })).rejects.toThrow(
        /already exists/,
      );
    });

    it('finds a case by name or id and lists counts', async () => {
      const { store } = await backend.open();
      const s = await seed(store, 'Op Beta');
      await store.cases.create({ name: 'Op Empty', createdBy: 'DC A' });
      await store.messages.insertMany(rows(s, [parsed({ seq: 0 }), parsed({ seq: 1 })]));
      expect((await store.cases.findByNameOrId('Op Beta'))?.id).toBe(s.caseId);
      expect((await store.cases.findByNameOrId(String(s.caseId)))?.name).toBe('Op Beta');
      expect((await store.cases.findByNameOrId(s.caseId))?.name).toBe('Op Beta');
      expect(await store.cases.findByNameOrId('nope')).toBeNull();
      const list = await store.cases.list();
      expect(list.map((c) => [c.name, c.exhibits, c.messages])).toEqual([
        ['Op Beta', 1, 2],
        ['Op Empty', 0, 0],
      ]);
    });

    it('refuses the same exhibit twice in a case, by hash or by reference', async () => {
      const { store } = await backend.open();
      const s = await seed(store, 'Op Gamma');
      const first = await store.exhibits.get(s.exhibitId);
      const base = {
        caseId: s.caseId,
        originalName: 'again.txt',
        size: 1,
        storedPath: 'x',
        format: 'whatsapp-text' as const,
        addedBy: 'DC A',
      };
      await expect(store.exhibits.create({ ...base, ref: 'AB/2', sha256: first!.sha256 })).rejects.toThrow(
        /already exhibit AB\/1/,
      );
      await expect(store.exhibits.create({ ...base, ref: 'AB/1', sha256: fakeSha() })).rejects.toThrow(
        UserError,
      );
      // The same file in another case is fine.
      const other = await store.cases.create({ name: 'Op Other', createdBy: 'DC A' });
      const e = await store.exhibits.create({
        ...base,
        caseId: other.id,
        ref: 'AB/1',
        sha256: first!.sha256,
      });
      expect(await store.exhibits.findBySha256(other.id, first!.sha256.toUpperCase())).toEqual(e);
      expect((await store.exhibits.list(s.caseId)).map((x) => x.ref)).toEqual(['AB/1']);
      expect((await store.exhibits.listAll()).map((x) => x.caseId)).toEqual([s.caseId, other.id]);
    });

    it('records exhibit files and continuity, and continuity is append-only', async () => {
      const { store, raw } = await backend.open();
      const s = await seed(store);
      const files = await store.exhibits.addFiles([
        {
          exhibitId: s.exhibitId,
          pathInArchive: '_chat.txt',
          size: 10,
          sha256: fakeSha(),
          storedPath: null,
          role: 'chat',
        },
        {
          exhibitId: s.exhibitId,
          pathInArchive: 'IMG-20210428-WA0001.jpg',
          size: 5_000_000_000,
          sha256: fakeSha(),
          storedPath: 'exhibits/1/media/IMG-20210428-WA0001.jpg',
          role: 'media',
        },
      ]);
      expect(files.map((f) => f.pathInArchive)).toEqual(['_chat.txt', 'IMG-20210428-WA0001.jpg']);
      expect(await store.exhibits.listFiles(s.exhibitId)).toEqual(files);
      expect(files[1]!.size).toBe(5_000_000_000);
      await store.exhibits.addContinuity({
        exhibitId: s.exhibitId,
        actor: 'DC A',
        action: 'received',
        detail: 'bag 123',
      });
      await store.exhibits.addContinuity({
        exhibitId: s.exhibitId,
        actor: 'DC A',
        action: 'hashed',
        at: '2024-01-01T00:00:00.000Z',
      });
      const cont = await store.exhibits.listContinuity(s.exhibitId);
      expect(cont.map((c) => [c.action, c.detail])).toEqual([
        ['received', 'bag 123'],
        ['hashed', null],
      ]);
      await expect(raw(`update continuity set actor = 'someone else'`)).rejects.toThrow(/append-only/);
      await expect(raw(`delete from continuity`)).rejects.toThrow(/append-only/);
    });

    it('upserts participants by display name and counts them per conversation', async () => {
      const { store } = await backend.open();
      const s = await seed(store);
      const first = await store.participants.upsertMany(s.conversationId, [
        'Alice',
        'Bob',
        '~ Carol 🚓',
        'Alice',
      ]);
      const second = await store.participants.upsertMany(s.conversationId, ['Bob', 'Dan']);
      expect([...first.keys()].sort()).toEqual(['Alice', 'Bob', '~ Carol 🚓']);
      expect(second.get('Bob')).toBe(first.get('Bob'));
      expect(await store.participants.upsert(s.conversationId, 'Alice')).toBe(first.get('Alice'));
      expect((await store.participants.list(s.conversationId)).map((p) => p.displayName)).toEqual([
        'Alice',
        'Bob',
        '~ Carol 🚓',
        'Dan',
      ]);
      await store.messages.insertMany(
        rows(s, [parsed({ seq: 0 })]).map((m) => ({ ...m, participantId: first.get('Alice')! })),
      );
      const convs = await store.conversations.list(s.caseId);
      expect(convs).toHaveLength(1);
      expect(convs[0]).toMatchObject({ name: 'Team', exhibitId: s.exhibitId, messages: 1, participants: 4 });
    });
  });

  describe('messages', () => {
    it('round-trips every field of a message', async () => {
      const { store } = await backend.open();
      const s = await seed(store);
      const file = await store.exhibits.addFile({
        exhibitId: s.exhibitId,
        pathInArchive: 'IMG-1.jpg',
        size: 1,
        sha256: fakeSha(),
        storedPath: 'm/IMG-1.jpg',
        role: 'media',
      });
      const samples: ParsedMessage[] = [
        parsed({ seq: 0, text: '\u200Eline one\r\nline two\n', edited: true }),
        parsed({
          seq: 1,
          kind: 'media',
          text: 'IMG-1.jpg (file attached)\nA caption',
          media: { fileName: 'IMG-1.jpg', omitted: false, caption: 'A caption' },
          time: {
            localText: '31/10/2021, 01:30',
            zone: 'Europe/London',
            utc: '2021-10-31T00:30:00.000Z',
            resolution: 'ambiguous',
          },
        }),
        parsed({
          seq: 2,
          kind: 'poll',
          text: 'POLL:\nLunch?\nOPTION: Pizza (2 votes)',
          poll: { question: 'Lunch?', options: [{ text: 'Pizza', votes: 2 }] },
        }),
        parsed({
          seq: 3,
          kind: 'location',
          text: 'live location shared',
          location: { url: null, live: true },
        }),
        parsed({
          seq: 4,
          sender: null,
          kind: 'system',
          text: 'Alice added Bob',
          source: { type: 'table', table: 'message', rowId: 9_007_199_254 },
        }),
        parsed({
          seq: 5,
          kind: 'deleted',
          text: 'This message was deleted',
          source: { type: 'xml', modelId: 'm-42' },
        }),
      ];
      const newRows = samples.map((m, i) => toMessageRow(m, { ...s, mediaFileId: i === 1 ? file.id : null }));
      const ids = await store.messages.insertMany(newRows);
      expect(ids).toHaveLength(samples.length);
      expect(new Set(ids).size).toBe(samples.length);
      for (let i = 0; i < samples.length; i++) {
        const got = await store.messages.get(ids[i]!);
        expect(got).toEqual({ id: ids[i], ...newRows[i] });
        expect(toParsedMessage(got!)).toEqual(samples[i]);
      }
      expect((await store.messages.get(ids[1]!))!.mediaFileId).toBe(file.id);
    });

    it('returns ids in input order across chunks', async () => {
      const { store } = await backend.open();
      const s = await seed(store);
      const input = Array.from({ length: 12_345 }, (_, i) => parsed({ seq: i, text: `message ${i}` }));
      const ids = await store.messages.insertMany(rows(s, input));
      expect(ids).toHaveLength(input.length);
      for (const i of [0, 199, 200, 4999, 5000, 12_344]) {
        expect((await store.messages.get(ids[i]!))!.seq).toBe(i);
      }
      for (let i = 1; i < ids.length; i++) expect(ids[i]!).toBeGreaterThan(ids[i - 1]!);
    });

    it('filters by sender, time, kind and conversation, and pages by keyset in time order', async () => {
      const { store } = await backend.open();
      const s = await seed(store);
      const conv2 = await store.conversations.create({
        caseId: s.caseId,
        name: 'Other group',
        exhibitId: s.exhibitId,
      });
      const other = await seed(store, 'Unrelated case');
      const random = mulberry32(7);
      const senders = ['Alice', 'Bob', 'Carol', null];
      const kinds = ['text', 'text', 'media', 'system'] as const;
      const base = Date.UTC(2021, 3, 1);
      const input = Array.from({ length: 1500 }, (_, i) => {
        const sender = senders[Math.floor(random() * senders.length)]!;
        // Out of time order, with many equal times so the id tiebreak matters.
        const utc = new Date(base + Math.floor(random() * 300) * 60_000).toISOString();
        return parsed({
          seq: i,
          sender,
          kind: sender === null ? 'system' : kinds[i % 3]!,
          utc,
          text: `m${i}`,
        });
      });
      const ids = await store.messages.insertMany(
        input.map((m, i) =>
          toMessageRow(m, { ...s, conversationId: i % 5 === 0 ? conv2.id : s.conversationId }),
        ),
      );
      await store.messages.insertMany(rows(other, [parsed({ seq: 0 })]));
      const all = input
        .map((m, i) => ({ id: ids[i]!, m, conversationId: i % 5 === 0 ? conv2.id : s.conversationId }))
        .sort((a, b) => (a.m.time.utc < b.m.time.utc ? -1 : a.m.time.utc > b.m.time.utc ? 1 : a.id - b.id));

      const page = async (filters: Parameters<typeof store.messages.query>[1]) => {
        const out: number[] = [];
        let afterId: number | undefined;
        let pages = 0;
        for (;;) {
          const p = await store.messages.query(s.caseId, {
            ...filters,
            limit: 97,
            ...(afterId ? { afterId } : {}),
          });
          expect(p.messages.length).toBeLessThanOrEqual(97);
          out.push(...p.messages.map((m) => m.id));
          pages++;
          if (p.nextAfterId === null) break;
          afterId = p.nextAfterId;
        }
        return { out, pages };
      };

      const everything = await page({});
      expect(everything.out).toEqual(all.map((x) => x.id));
      expect(everything.pages).toBe(Math.ceil(1500 / 97));

      const from = new Date(base + 100 * 60_000).toISOString();
      const to = new Date(base + 200 * 60_000).toISOString();
      const cases: [Parameters<typeof store.messages.query>[1], (x: (typeof all)[number]) => boolean][] = [
        [{ sender: 'Bob' }, (x) => x.m.sender === 'Bob'],
        [{ sender: null }, (x) => x.m.sender === null],
        [{ kind: 'media' }, (x) => x.m.kind === 'media'],
        [{ from, to }, (x) => x.m.time.utc >= from && x.m.time.utc < to],
        [{ conversationId: conv2.id }, (x) => x.conversationId === conv2.id],
        [
          { sender: 'Alice', from, conversationId: s.conversationId },
          (x) => x.m.sender === 'Alice' && x.m.time.utc >= from && x.conversationId === s.conversationId,
        ],
      ];
      for (const [filters, keep] of cases) {
        const expected = all.filter(keep).map((x) => x.id);
        expect((await page(filters)).out, JSON.stringify(filters)).toEqual(expected);
        expect(await store.messages.count(s.caseId, filters!)).toBe(expected.length);
      }

      const streamed = await collect(store.messages.iterate(s.caseId, { limit: 250 }));
      expect(streamed.map((m) => m.id)).toEqual(all.map((x) => x.id));
      await expect(store.messages.query(s.caseId, { afterId: 999_999_999 })).rejects.toThrow(UserError);
    });

    it('summarises a case', async () => {
      const { store } = await backend.open();
      const s = await seed(store);
      const empty = await store.messages.stats(s.caseId);
      expect(empty).toEqual({
        messages: 0,
        byKind: {},
        bySender: [],
        conversations: [{ id: s.conversationId, name: 'Team', messages: 0, participants: 0 }],
        first: null,
        last: null,
        searchIndexed: 0,
      });
      await store.participants.upsertMany(s.conversationId, ['Alice', 'Bob']);
      await store.messages.insertMany(
        rows(s, [
          parsed({ seq: 0, sender: 'Bob', utc: '2021-04-28T10:00:00.000Z' }),
          parsed({ seq: 1, sender: 'Alice', utc: '2021-04-28T09:00:00.000Z' }),
          parsed({ seq: 2, sender: 'Bob', kind: 'media', utc: '2021-04-29T09:00:00.000Z' }),
          parsed({ seq: 3, sender: null, kind: 'system', utc: '2021-04-27T09:00:00.000Z' }),
        ]),
      );
      expect(await store.messages.stats(s.caseId)).toEqual({
        messages: 4,
        byKind: { media: 1, system: 1, text: 2 },
        bySender: [
          { sender: 'Bob', messages: 2 },
          { sender: 'Alice', messages: 1 },
          { sender: null, messages: 1 },
        ],
        conversations: [{ id: s.conversationId, name: 'Team', messages: 4, participants: 2 }],
        first: '2021-04-27T09:00:00.000Z',
        last: '2021-04-29T09:00:00.000Z',
        searchIndexed: 4,
      });
    });

    it('stores membership events and import reports', async () => {
      const { store } = await backend.open();
      const s = await seed(store);
      const sys = parsed({
        seq: 0,
        sender: null,
        kind: 'system',
        text: 'Alice added Bob and Carol',
        system: {
          type: 'added',
          actor: 'Alice',
          targets: ['Bob', 'Carol'],
          value: null,
          previousValue: null,
        },
      });
      const [id] = await store.messages.insertMany(rows(s, [sys]));
      const event = toMembershipEventRow(sys, { ...s, messageId: id! });
      await store.membershipEvents.insertMany([event!]);
      const events = await store.membershipEvents.list(s.caseId);
      expect(events).toEqual([{ id: events[0]!.id, ...event }]);
      expect(
        await store.membershipEvents.list(s.caseId, { conversationId: s.conversationId + 1000 }),
      ).toEqual([]);
      const msg = await store.messages.get(id!);
      expect(toParsedMessage(msg!, sys.system)).toEqual(sys);

      const report: ImportReport = {
        kind: 'export',
        lines: 3,
        messages: 1,
        reportedLines: [
          { line: 1, byteStart: 0, byteEnd: 3, reason: 'before_first_header', text: '\uFEFFhi' },
        ],
        notices: [{ code: 'date_order_inferred', message: 'day first', line: 2 }],
        dateOrder: 'dmy',
        dateOrderBasis: 'line 2 has day 28',
        headerStyle: 'android-24h',
        encoding: 'utf-8',
      };
      await store.importReports.insert(s.exhibitId, report);
      expect(await store.importReports.get(s.exhibitId)).toEqual(report);
      expect(await store.importReports.get(s.exhibitId + 1000)).toBeNull();
    });
  });

  describe('full-text search', () => {
    const texts = [
      /* 0 */ 'The Police officer was RUDE',
      /* 1 */ 'officers went to the station',
      /* 2 */ 'policing is hard 😂😂',
      /* 3 */ 'stop and search tonight',
      /* 4 */ 'search and stop the car',
      /* 5 */ 'thumbs 👍🏽 from me',
      /* 6 */ 'just 👍',
      /* 7 */ '\u200Eemail bob@example.com about IMG-20210428-WA0001.jpg',
      /* 8 */ 'Café naïve ＦＵＬＬＷＩＤＴＨ',
      /* 9 */ 'family 👨‍👩‍👧 photo and 🏴󠁧󠁢󠁥󠁮󠁧󠁿 flag',
      /* 10 */ 'don\'t say "that" <Media omitted>',
    ];
    let ctx: {
      store: Awaited<ReturnType<Backend['open']>>['store'];
      s: Awaited<ReturnType<typeof seed>>;
      ids: number[];
    };

    const search = async (q: string): Promise<number[]> => {
      const p = await ctx.store.messages.query(ctx.s.caseId, { search: q, limit: 100 });
      return p.messages.map((m) => ctx.ids.indexOf(m.id)).sort((a, b) => a - b);
    };

    it('indexes messages', async () => {
      const { store } = await backend.open();
      const s = await seed(store);
      // Another case holding the same words must never leak into results.
      const other = await seed(store, 'Other');
      await store.messages.insertMany(rows(other, [parsed({ text: texts[0]! })]));
      const ids = await store.messages.insertMany(
        rows(
          s,
          texts.map((text, seq) =>
            parsed({ seq, text, utc: `2021-04-28T09:${String(seq).padStart(2, '0')}:00.000Z` }),
          ),
        ),
      );
      ctx = { store, s, ids };
    });

    it.each([
      ['police', [0]],
      ['POLICE', [0]],
      ['polic*', [0, 2]],
      ['officer*', [0, 1]],
      ['officer', [0]],
      ['police OR officers', [0, 1]],
      ['police officer', [0]],
      ['police AND rude', [0]],
      ['officer* NOT police', [1]],
      ['"stop and search"', [3]],
      ['stop search', [3, 4]],
      ['"search and stop"', [4]],
      ['"police officer" OR (stop NOT tonight)', [0, 4]],
      ['(officer* OR policing) NOT rude', [1, 2]],
      ['😂', [2]],
      ['👍', [5, 6]],
      ['👍🏽', [5]],
      ['👨‍👩‍👧', [9]],
      ['🏴󠁧󠁢󠁥󠁮󠁧󠁿', [9]],
      ['bob', [7]],
      ['example', [7]],
      ['bob@example.com', [7]],
      ['wa0001', [7]],
      ['email', [7]],
      ['café', [8]],
      ['cafe', [8]], // Latin accents fold (issue 13.9)
      ['fullwidth', [8]],
      ["don't", [10]],
      ['media omitted', [10]],
      ['"that"', [10]],
      ['and', [3, 4, 9]],
      ['nothinglikethis', []],
    ])('%s', async (q, expected) => {
      expect(await search(q)).toEqual(expected);
    });

    it('combines search with other filters and pages through hits', async () => {
      const p1 = await ctx.store.messages.query(ctx.s.caseId, { search: 'stop OR police*', limit: 2 });
      expect(p1.messages.map((m) => ctx.ids.indexOf(m.id))).toEqual([0, 3]);
      const p2 = await ctx.store.messages.query(ctx.s.caseId, {
        search: 'stop OR police*',
        limit: 2,
        afterId: p1.nextAfterId!,
      });
      expect(p2.messages.map((m) => ctx.ids.indexOf(m.id))).toEqual([4]);
      expect(p2.nextAfterId).toBeNull();
      expect(
        await ctx.store.messages.count(ctx.s.caseId, { search: 'stop', from: '2021-04-28T09:04:00.000Z' }),
      ).toBe(1);
    });

    it('rejects a malformed query with a UserError', async () => {
      for (const q of ['', '"open', 'a AND', 'NOT a', '(a', 'a)', '!!!', 'a OR NOT b']) {
        await expect(ctx.store.messages.query(ctx.s.caseId, { search: q }), q).rejects.toThrow(UserError);
      }
    });

    it('treats query syntax characters of each engine as plain text', async () => {
      for (const q of ["'", 'a:b', 'x & y', 'NEAR(a b)', 'search_text:police', 'a | b', '\\', 'col:*']) {
        const r = ctx.store.messages.query(ctx.s.caseId, { search: q });
        await r.catch((e: unknown) => expect(e, q).toBeInstanceOf(UserError));
      }
      expect(await search('search_text:police')).toEqual([]);
      expect(await search('officer:was')).toEqual([0]);
    });
  });

  describe('audit log', () => {
    it('chains entries and verifies them', async () => {
      const { store } = await backend.open();
      const s = await seed(store);
      const a = await store.audit.append({
        actor: 'DC A',
        action: 'case.create',
        caseId: s.caseId,
        detail: { b: 1, a: [1, 'x'] },
      });
      const b = await store.audit.append({
        actor: 'DC B',
        action: 'search',
        subject: 'police*',
        detail: { hits: 3 },
      });
      expect(a.id).toBe(1);
      expect(a.prevHash).toBe('0'.repeat(64));
      expect(a.detailJson).toBe('{"a":[1,"x"],"b":1}');
      expect(b.prevHash).toBe(a.hash);
      expect(b.hash).toBe(auditHash({ ...b }));
      expect(await store.audit.list()).toEqual([a, b]);
      expect(await store.audit.list({ caseId: s.caseId })).toEqual([a]);
      expect(await store.audit.list({ afterId: 1 })).toEqual([b]);
      expect(await store.audit.verify()).toEqual({ ok: true, entries: 2, head: { id: 2, hash: b.hash } });
      expect(await store.audit.findByHash(a.hash)).toEqual(a);
      expect(await store.audit.findByHash('f'.repeat(64))).toBeNull();
    });

    it('serialises concurrent appends into one unbroken chain', async () => {
      const { store } = await backend.open();
      await Promise.all(
        Array.from({ length: 25 }, (_, i) => store.audit.append({ actor: `u${i}`, action: 'view' })),
      );
      const { store: second } = { store: store };
      await Promise.all(Array.from({ length: 5 }, () => second.audit.append({ actor: 'x', action: 'view' })));
      expect(await store.audit.verify()).toMatchObject({ ok: true, entries: 30, head: { id: 30 } });
    });

    it('keeps one chain when another process appends or an append rolls back (the head guess is checked)', async () => {
      const { store, reopen } = await backend.open();
      const other = await reopen();
      await store.audit.append({ actor: 'a', action: 'one' });
      await other.audit.append({ actor: 'b', action: 'two' });
      await store.audit.appendMany([
        { actor: 'a', action: 'three' },
        { actor: 'a', action: 'four' },
      ]);
      await expect(
        store.transaction(async (r) => {
          await r.audit.append({ actor: 'a', action: 'rolled back' });
          throw new Error('undo');
        }),
      ).rejects.toThrow('undo');
      await store.audit.append({ actor: 'a', action: 'five' });
      // Alternating (a second SQLite connection in the same process cannot wait for the first).
      for (let i = 0; i < 10; i++)
        await (i % 2 ? store : other).audit.append({ actor: 'x', action: `c${i}` });
      await other.audit.append({ actor: 'b', action: 'six' });
      const entries = await store.audit.list();
      expect(entries.slice(0, 5).map((e) => e.action)).toEqual(['one', 'two', 'three', 'four', 'five']);
      expect(entries.at(-1)!.action).toBe('six');
      expect(await store.audit.verify()).toEqual({
        ok: true,
        entries: 16,
        head: { id: 16, hash: entries.at(-1)!.hash },
      });
    });

    it('refuses changes, and detects them when the protection is bypassed', async () => {
      const { store, raw } = await backend.open();
      for (let i = 0; i < 5; i++)
        await store.audit.append({ actor: 'DC A', action: `step ${i}`, detail: { i } });
      await expect(raw(`update audit_log set actor = 'DC Z' where id = 3`)).rejects.toThrow(/append-only/);
      await expect(raw(`delete from audit_log where id = 3`)).rejects.toThrow(/append-only/);
      expect((await store.audit.verify()).ok).toBe(true);

      // Someone with direct database access removes the protection and edits an entry.
      await raw(
        backend.name === 'sqlite'
          ? 'drop trigger audit_log_no_update'
          : 'drop trigger audit_log_append_only on audit_log',
      );
      await raw(`update audit_log set detail_json = '{"i":99}' where id = 3`);
      expect(await store.audit.verify()).toEqual({
        ok: false,
        entries: 2,
        firstBad: { id: 3, reason: expect.stringMatching(/altered/) },
        head: { id: 2, hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      });
    });

    it('detects a deleted entry', async () => {
      const { store, raw } = await backend.open();
      for (let i = 0; i < 4; i++) await store.audit.append({ actor: 'DC A', action: `step ${i}` });
      await raw(
        backend.name === 'sqlite'
          ? 'drop trigger audit_log_no_delete'
          : 'drop trigger audit_log_append_only on audit_log',
      );
      await raw('delete from audit_log where id = 2');
      const v = await store.audit.verify();
      expect(v.ok).toBe(false);
      expect(v.firstBad).toMatchObject({ id: 3, reason: expect.stringMatching(/missing/) });
    });
  });
}
