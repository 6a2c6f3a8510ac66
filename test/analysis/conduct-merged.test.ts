import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, makeWorkspace, type Workspace } from '../support/cli.js';
import { buildMsgstoreCurrent, buildWaDb } from '../support/fixtures/device/android.js';
import { buildChatStorage } from '../support/fixtures/device/ios.js';
import { buildModel } from '../support/fixtures/device/model.js';
import { tempDir } from '../support/device.js';
import { twoPhones, type Member } from '../support/two-phones.js';
import { openStore } from '../../src/store/open-store.js';

interface Person {
  person: string;
  name: string;
  provisional: boolean;
  participants: string[];
  sent: number;
  sentOffensive: number;
  byCategory: Record<string, number>;
  byBasis: { coded: number; flagged: number };
  receivedOffensiveWhileMember: number;
  endorsed: number;
  challenged: number;
  silent: number;
  first: string | null;
  last: string | null;
  standards: { standard: string; messages: number[] }[];
}
interface Conduct {
  people: Person[];
  offensiveMessages: { messageId: number }[];
  merged: {
    merges: number[];
    participants: Record<string, string>;
    copies: Record<string, number[]>;
    events: Record<string, number[]>;
  };
}
interface Timelines {
  timelines: {
    conversationId: number;
    intervals: {
      participant: string;
      participantKey: string;
      certainty: string;
      from: { utc: string | null; basis: string };
      to: { utc: string | null; basis: string };
    }[];
    conflicts: unknown[];
  }[];
}
interface Counts {
  counts: {
    person: string;
    name: string;
    counts: { sentOn: string; limitationDate: string; categories: string[] }[];
  }[];
}
interface Identify {
  participants: { participant: number; conversation: number; name: string }[];
}

const EXPORT = 'Export only';
const DATABASE = 'Database only';
const BOTH = 'Both phones';

/** The figures the issue lists, without the ids that differ from one store to another. */
function figures(p: Person) {
  return {
    sent: p.sent,
    sentOffensive: p.sentOffensive,
    byCategory: p.byCategory,
    receivedOffensiveWhileMember: p.receivedOffensiveWhileMember,
    endorsed: p.endorsed,
    challenged: p.challenged,
    silent: p.silent,
    first: p.first,
    last: p.last,
    standards: p.standards.map((s) => ({ standard: s.standard, messages: s.messages.length })),
  };
}

describe.each(BACKENDS)('the conduct picture over merged conversations on %s', (backend) => {
  // Any seed gives a group that exercises every figure; TWO_PHONES_SEED tries another one.
  const g = twoPhones(Number(process.env.TWO_PHONES_SEED ?? 20211));
  const dir = tempDir('scrutineer-conduct-merged-');
  let ws: Workspace;
  const memberOfName = new Map<string, Member>();
  for (const m of g.members) {
    memberOfName.set(m.exportName, m);
    memberOfName.set(m.deviceName, m);
  }
  let exportConv = 0;
  let dbConv = 0;
  let mergeId = 0;

  const add = async (caseName: string, which: 'export' | 'db') => {
    const args =
      which === 'export'
        ? ['exhibit', 'add', caseName, path.join(dir, 'WhatsApp Chat with Shift B.txt'), '--ref', 'A/1']
        : [
            'exhibit',
            'add',
            caseName,
            path.join(dir, 'msgstore.db'),
            '--ref',
            'B/1',
            '--contacts',
            path.join(dir, 'wa.db'),
            '--owner',
            g.model.owner.phone,
            '--owner-name',
            g.model.ownerName,
          ];
    const r = await ws.cli([
      ...args,
      '--timezone',
      'UTC',
      ...(which === 'export' ? ['--date-order', 'dmy'] : []),
    ]);
    expect(r.code, r.err).toBe(0);
  };

  /** Each person's picture by the member behind it (null: a person no member maps to, e.g. "You"). */
  const pictures = async (caseName: string) => {
    const out = await ws.json<Conduct>(['conduct', caseName]);
    const { participants } = await ws.json<Identify>(['identify', caseName]);
    const nameOf = new Map(participants.map((p) => [`p${p.participant}`, p.name]));
    const by = new Map<string | null, Person[]>();
    for (const p of out.people) {
      const ids = new Set(
        p.participants.map(
          (k) => memberOfName.get(nameOf.get(k) ?? k.slice(k.lastIndexOf(':') + 1))?.id ?? null,
        ),
      );
      expect(ids.size, `${p.name}: participants of two members`).toBe(1);
      const id = [...ids][0]!;
      by.set(id, [...(by.get(id) ?? []), p]);
    }
    return { out, by };
  };

  beforeAll(async () => {
    ws = await makeWorkspace(backend);
    writeFileSync(path.join(dir, 'WhatsApp Chat with Shift B.txt'), g.exportText);
    buildMsgstoreCurrent(g.model, path.join(dir, 'msgstore.db'));
    buildWaDb(g.model, path.join(dir, 'wa.db'));
    for (const c of [EXPORT, DATABASE, BOTH]) {
      expect((await ws.cli(['case', 'create', c])).code).toBe(0);
      for (const t of g.terms)
        expect(
          (await ws.cli(['terms', 'add', c, t.term, '--category', t.category, '--severity', 'high'])).code,
        ).toBe(0);
    }
    await add(EXPORT, 'export');
    await add(DATABASE, 'db');
    await add(BOTH, 'export');
    await add(BOTH, 'db');
    for (const c of [EXPORT, DATABASE, BOTH]) expect((await ws.cli(['analyse', c])).code).toBe(0);
    const list = await ws.json<{ conversations: { id: number; sources: { exhibit: string }[] }[] }>([
      'conversations',
      BOTH,
    ]);
    exportConv = list.conversations.find((c) => c.sources[0]?.exhibit === 'A/1')!.id;
    dbConv = list.conversations.find((c) => c.sources[0]?.exhibit === 'B/1')!.id;
    mergeId = (await ws.json<{ id: number }>(['merge', BOTH, String(exportConv), String(dbConv)])).id;
  }, 120_000);
  afterAll(async () => ws.cleanup());

  it('gives every member the same picture from the export, the database and both merged', async () => {
    const db = await pictures(DATABASE);
    const exp = await pictures(EXPORT);
    const both = await pictures(BOTH);

    // The database against the script: every member is one person who sent what the script sent.
    for (const m of g.members) {
      const [p, ...more] = db.by.get(m.id) ?? [];
      expect(more, m.id).toEqual([]);
      expect(p, m.id).toBeDefined();
      expect({ sent: p!.sent, offensive: p!.sentOffensive }, m.id).toEqual({
        sent: g.intent.get(m.id)!.sent,
        offensive: g.intent.get(m.id)!.offensive,
      });
    }
    // The script exercises what the figures are about.
    const all = db.out.people;
    for (const k of ['sentOffensive', 'endorsed', 'challenged', 'silent'] as const)
      expect(
        all.some((p) => p[k] > 0),
        k,
      ).toBe(true);
    expect(db.by.has(null)).toBe(false);

    // Merged: one person per member (each real message once), with the database's figures.
    expect((both.by.get(null) ?? []).map((p) => [p.name, p.participants])).toEqual([]);
    for (const m of g.members) {
      const [p, ...more] = both.by.get(m.id) ?? [];
      expect(more, m.id).toEqual([]);
      expect(figures(p!), m.id).toEqual(figures(db.by.get(m.id)![0]!));
      // Provisional: the merge matched their messages; no investigator has confirmed anyone yet.
      expect(p!.provisional).toBe(true);
    }
    expect(both.out.offensiveMessages).toHaveLength(db.out.offensiveMessages.length);

    // The export alone: the same figures. Its system lines call the exporting phone's owner "You",
    // which an export cannot tie to the owner's sender name: "You" stands as its own person there.
    for (const m of g.members) {
      const [p, ...more] = exp.by.get(m.id) ?? [];
      expect(more, m.id).toEqual([]);
      expect(figures(p!), m.id).toEqual(figures(db.by.get(m.id)![0]!));
    }
    expect((exp.by.get(null) ?? []).map((p) => [p.name, p.sent])).toEqual([['You', 0]]);
  });

  it('keeps each figure traceable to every copy, citing the database copy', async () => {
    const { out } = await pictures(BOTH);
    expect(out.merged.merges).toEqual([mergeId]);
    const dbIds = new Set(
      (await ws.cli(['messages', BOTH, '--jsonl', '--conversation', String(dbConv)])).out
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { id: number }).id),
    );
    const cited = out.people.flatMap((p) => p.standards.flatMap((s) => s.messages));
    expect(cited.length).toBeGreaterThan(0);
    for (const id of cited) {
      expect(dbIds.has(id), `message ${id}`).toBe(true);
      expect(out.merged.copies[String(id)], `message ${id}`).toHaveLength(2);
    }
    // Every export participant who sent a message is folded into the database's participant.
    expect(Object.keys(out.merged.participants).length).toBeGreaterThanOrEqual(
      g.members.filter((m) => g.intent.get(m.id)!.sent > 0).length,
    );
  });

  it('gives the same membership and the same candidate counts', async () => {
    const intervals = async (caseName: string) => {
      const { timelines } = await ws.json<Timelines>(['membership', caseName]);
      expect(timelines).toHaveLength(1);
      const by = new Map<string, string[]>();
      for (const i of timelines[0]!.intervals) {
        const id = memberOfName.get(i.participant)?.id ?? `(${i.participant})`;
        by.set(id, [
          ...(by.get(id) ?? []),
          `${i.from.utc ?? 'start'} ${i.from.basis} – ${i.to.utc ?? 'end'} ${i.to.basis}: ${i.certainty}`,
        ]);
      }
      return { by, conflicts: timelines[0]!.conflicts };
    };
    const db = await intervals(DATABASE);
    const both = await intervals(BOTH);
    const exp = await intervals(EXPORT);
    expect(db.conflicts).toEqual([]);
    expect(both.conflicts).toEqual([]);
    expect([...both.by.entries()].sort()).toEqual([...db.by.entries()].sort());
    // The export: the same spans, except its owner, seen joining only as "You" (see docs/conduct.md).
    for (const m of g.members) {
      if (m.id === 'alpha') continue;
      expect(exp.by.get(m.id), m.id).toEqual(db.by.get(m.id));
    }
    // The export's "You" is seen added exactly when the database saw Alpha added.
    expect(exp.by.get('(You)')).toEqual(db.by.get('alpha'));
    expect(db.by.get('alpha')![0]).toMatch(/ added – end end_of_record: assumed$/);

    const counts = async (caseName: string) => {
      const out = await ws.json<Counts>(['counts', caseName, '--today', '2022-01-01']);
      return new Map(
        out.counts.map((c) => [
          memberOfName.get(c.name)?.id ?? c.name,
          c.counts.map((k) => `${k.sentOn} ${k.limitationDate} ${k.categories.join('+')}`),
        ]),
      );
    };
    const dbCounts = await counts(DATABASE);
    expect(dbCounts.size).toBeGreaterThan(0);
    expect(await counts(BOTH)).toEqual(dbCounts);
    expect(await counts(EXPORT)).toEqual(dbCounts);
  });

  it('unmerge gives back each phone on its own: every person twice, as in each case alone', async () => {
    expect((await ws.cli(['unmerge', BOTH, String(mergeId)])).code).toBe(0);
    const both = await ws.json<Conduct>(['conduct', BOTH]);
    const alone = [
      ...(await ws.json<Conduct>(['conduct', EXPORT])).people,
      ...(await ws.json<Conduct>(['conduct', DATABASE])).people,
    ];
    const key = (p: Person) => JSON.stringify(figures(p));
    expect(both.people.map(key).sort()).toEqual(alone.map(key).sort());
    expect(both.merged.merges).toEqual([]);
    mergeId = (await ws.json<{ id: number }>(['merge', BOTH, String(exportConv), String(dbConv)])).id;
  });

  it("counts a reviewer's code on either copy for the one message", async () => {
    const exportMessages = (
      await ws.cli(['messages', BOTH, '--jsonl', '--conversation', String(exportConv)])
    ).out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: number; sender: string | null; text: string });
    const offensive = exportMessages.find((m) => m.text.includes('zorblax'))!;
    const chat = exportMessages.find((m) => m.text === 'parade at 7' || m.text === 'cheers')!;
    const before = await pictures(BOTH);
    const store = await openStore({ workspace: ws.dir, databaseUrl: ws.databaseUrl });
    try {
      const theCase = (await store.cases.findByName(BOTH))!;
      const code = (messageId: number, offensive: boolean) =>
        store.codes.write({
          messageId,
          caseId: theCase.id,
          baseVersion: 0,
          values: {
            decision: offensive ? 'offensive' : 'not_offensive',
            categories: offensive ? ['other_derogatory'] : [],
            standards: [],
            potentialS127: false,
            note: 'coded on the export copy',
          },
          by: 'reviewer',
        });
      await code(offensive.id, false);
      await code(chat.id, true);
    } finally {
      await store.close();
    }
    const after = await pictures(BOTH);
    const sender = memberOfName.get(offensive.sender!)!.id;
    const chatter = memberOfName.get(chat.sender!)!.id;
    const s = (x: typeof before, id: string) => x.by.get(id)![0]!;
    if (sender === chatter) {
      expect(s(after, sender).sentOffensive).toBe(s(before, sender).sentOffensive);
    } else {
      expect(s(after, sender).sentOffensive).toBe(s(before, sender).sentOffensive - 1);
      expect(s(after, chatter).sentOffensive).toBe(s(before, chatter).sentOffensive + 1);
    }
    expect(s(after, chatter).byCategory.other_derogatory).toBe(1);
    expect(s(after, chatter).byBasis.coded).toBe(1);
    expect(after.out.offensiveMessages).toHaveLength(before.out.offensiveMessages.length);
  });

  it('lets identify confirm the two phones’ participants as one person, or as two', async () => {
    const { participants } = await ws.json<Identify>(['identify', BOTH]);
    const find = (name: string, conv: number) =>
      participants.find((p) => p.name === name && p.conversation === conv)!.participant;
    // Two members who sent messages, so each phone has a participant for them.
    const [charlie, echo] = g.members.filter(
      (m) => m.id !== 'alpha' && m.id !== 'bravo' && g.intent.get(m.id)!.sent > 0,
    );
    if (!charlie || !echo) throw new Error('the script needs two more members who speak');
    const before = await pictures(BOTH);
    const person = async (name: string) =>
      (await ws.json<{ id: number }>(['person', 'add', BOTH, '--name', name, '--role', 'subject'])).id;
    const cc = await person('Charlie Cole');
    // Confirming the export's participant names the merged person (the database's copy follows it).
    expect(
      (
        await ws.cli([
          'identify',
          BOTH,
          '--confirm',
          String(find(charlie.exportName, exportConv)),
          '--person',
          String(cc),
        ])
      ).code,
    ).toBe(0);
    // Confirming Echo's two participants as two different people keeps them apart: the database's
    // participant keeps the matched messages; the export's only what only the export holds.
    const e1 = await person('Echo One');
    const e2 = await person('Echo Two');
    expect(
      (
        await ws.cli([
          'identify',
          BOTH,
          '--confirm',
          String(find(echo.deviceName, dbConv)),
          '--person',
          String(e1),
        ])
      ).code,
    ).toBe(0);
    expect(
      (
        await ws.cli([
          'identify',
          BOTH,
          '--confirm',
          String(find(echo.exportName, exportConv)),
          '--person',
          String(e2),
        ])
      ).code,
    ).toBe(0);
    const listed = await ws.json<{ participants: { participant: number; confirmedAs: string | null }[] }>([
      'identify',
      BOTH,
    ]);
    const confirmedAs = (id: number) => listed.participants.find((p) => p.participant === id)?.confirmedAs;
    expect(confirmedAs(find(charlie.exportName, exportConv))).toBe('Charlie Cole');
    expect(confirmedAs(find(charlie.deviceName, dbConv))).toBeNull();
    const out = await ws.json<Conduct>(['conduct', BOTH]);
    const named = (n: string) => out.people.find((p) => p.name === n)!;
    expect(named('Charlie Cole').provisional).toBe(false);
    expect(figures(named('Charlie Cole'))).toEqual(figures(before.by.get(charlie.id)![0]!));
    expect(named('Echo One').sent).toBe(before.by.get(echo.id)![0]!.sent);
    expect(named('Echo Two').sent).toBe(0);
  });
});

describe.each(BACKENDS)('the conduct picture over two device databases merged, on %s', (backend) => {
  // The same group from an Android msgstore.db and an iPhone's ChatStorage.sqlite that lost its last
  // messages: every message is matched by key id, so the merged picture is the fuller phone's.
  const full = buildModel(5);
  const model = { ...full, chats: full.chats.filter((c) => c.isGroup) };
  const dir = tempDir('scrutineer-conduct-devices-');
  let ws: Workspace;
  beforeAll(async () => {
    ws = await makeWorkspace(backend);
    const android = path.join(dir, 'msgstore.db');
    const ios = path.join(dir, 'ChatStorage.sqlite');
    buildMsgstoreCurrent(model, android);
    buildChatStorage(
      {
        ...model,
        chats: model.chats.map((c) => (c.isGroup ? { ...c, messages: c.messages.slice(0, -3) } : c)),
      },
      ios,
    );
    for (const c of ['Android', 'Two devices']) {
      expect((await ws.cli(['case', 'create', c])).code).toBe(0);
      expect((await ws.cli(['exhibit', 'add', c, android, '--ref', 'A/1'])).code).toBe(0);
    }
    expect((await ws.cli(['exhibit', 'add', 'Two devices', ios, '--ref', 'B/1'])).code).toBe(0);
    const list = await ws.json<{ conversations: { id: number; groupJid: string | null }[] }>([
      'conversations',
      'Two devices',
    ]);
    const group = model.chats.find((c) => c.isGroup)!.jid;
    const ids = list.conversations.filter((c) => c.groupJid === group).map((c) => String(c.id));
    expect(ids).toHaveLength(2);
    expect((await ws.cli(['merge', 'Two devices', ...ids])).code).toBe(0);
  }, 120_000);
  afterAll(async () => ws.cleanup());

  it('counts each message once and each sender once, as the Android phone alone', async () => {
    const alone = await ws.json<Conduct>(['conduct', 'Android']);
    const merged = await ws.json<Conduct>(['conduct', 'Two devices']);
    const byName = (out: Conduct) => out.people.map((p) => JSON.stringify([p.name, figures(p)])).sort();
    expect(byName(merged)).toEqual(byName(alone));
    expect(Object.keys(merged.merged.copies).length).toBeGreaterThan(0);
    const spans = async (caseName: string) =>
      (await ws.json<Timelines>(['membership', caseName])).timelines.flatMap((t) =>
        t.intervals.map(
          (i) => `${i.participant} ${i.from.utc} ${i.to.utc} ${i.certainty} ${t.conflicts.length}`,
        ),
      );
    expect((await spans('Two devices')).sort()).toEqual((await spans('Android')).sort());
  });
});
