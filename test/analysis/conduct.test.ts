import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, makeWorkspace, type Workspace } from '../support/cli.js';
import { openStore } from '../../src/store/open-store.js';

// A scripted group: Cara joins after the first offensive message; Bob laughs at it, Dee challenges
// it; Eve stays silent. "zorblax" is a case term (race_ethnicity), so the flagging is certain.
const CHAT = [
  '01/03/2021, 09:00 - Ann created group "Shift B"',
  '01/03/2021, 09:00 - Ann added Bob, Dee and Eve',
  '01/03/2021, 09:05 - Bob: morning all',
  '02/03/2021, 22:00 - Ann: those zorblax on the estate again, animals',
  '02/03/2021, 22:01 - Bob: 😂😂😂',
  '02/03/2021, 22:03 - Dee: mate that is out of order, delete that',
  '13/03/2021, 10:00 - Ann added Cara',
  '13/03/2021, 10:05 - Cara: hi all',
  '14/03/2021, 08:00 - Bob: zorblax everywhere in custody last night',
  '14/03/2021, 08:02 - Ann: lol',
  '20/03/2021, 09:00 - Eve left',
].join('\n');

interface Person {
  person: string;
  name: string;
  sent: number;
  sentOffensive: number;
  byCategory: Record<string, number>;
  receivedOffensiveWhileMember: number;
  endorsed: number;
  challenged: number;
  silent: number;
  standards: { standard: string; messages: number[] }[];
}

describe.each(BACKENDS)('conduct picture from a scripted group on %s', (backend) => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await makeWorkspace(backend);
    const dir = mkdtempSync(path.join(tmpdir(), 'scrutineer-conduct-'));
    const file = path.join(dir, 'chat.txt');
    writeFileSync(file, CHAT);
    await ws.cli(['case', 'create', 'Conduct']);
    expect((await ws.cli(['exhibit', 'add', 'Conduct', file, '--ref', 'C/1'])).code).toBe(0);
    expect(
      (
        await ws.cli([
          'terms',
          'add',
          'Conduct',
          'zorblax',
          '--category',
          'race_ethnicity',
          '--severity',
          'high',
        ])
      ).code,
    ).toBe(0);
    expect((await ws.cli(['analyse', 'Conduct'])).code).toBe(0);
  });
  afterAll(async () => ws.cleanup());

  it('counts every figure of every person', async () => {
    const { people } = await ws.json<{ people: Person[] }>(['conduct', 'Conduct']);
    const by = (name: string) => people.find((p) => p.name === name)!;
    expect(by('Ann')).toMatchObject({
      sent: 2,
      sentOffensive: 1,
      byCategory: { race_ethnicity: 1 },
      receivedOffensiveWhileMember: 1,
      endorsed: 1,
      challenged: 0,
      silent: 0,
    });
    expect(by('Bob')).toMatchObject({
      sent: 3,
      sentOffensive: 1,
      receivedOffensiveWhileMember: 1,
      endorsed: 1,
      challenged: 0,
      silent: 0,
    });
    expect(by('Dee')).toMatchObject({
      sent: 1,
      sentOffensive: 0,
      receivedOffensiveWhileMember: 2,
      endorsed: 0,
      challenged: 1,
      silent: 1,
    });
    expect(by('Eve')).toMatchObject({
      sent: 0,
      sentOffensive: 0,
      receivedOffensiveWhileMember: 2,
      endorsed: 0,
      challenged: 0,
      silent: 2,
    });
    // Cara joined after the first message: she received only the second.
    expect(by('Cara')).toMatchObject({ sent: 1, receivedOffensiveWhileMember: 1, silent: 1 });
    const eveStandards = by('Eve').standards.map((s) => s.standard);
    expect(eveStandards).toContain('Challenging and Reporting Improper Conduct');
    expect(eveStandards).not.toContain('Equality and Diversity');
    expect(by('Ann').standards.map((s) => s.standard)).toContain('Equality and Diversity');
  });

  it('shows membership with certainty, counts with limitation dates, and records identity decisions', async () => {
    const { timelines } = await ws.json<{
      timelines: { intervals: { participant: string; certainty: string; to: { utc: string | null } }[] }[];
    }>(['membership', 'Conduct']);
    const eve = timelines[0]!.intervals.find((i) => i.participant === 'Eve');
    expect(eve?.to.utc).toBe('2021-03-20T09:00:00.000Z');
    expect(eve?.certainty).toBe('seen');

    const { counts } = await ws.json<{
      counts: {
        name: string;
        counts: { sentOn: string; limitationDate: string; limitedBy: string; daysLeft: number }[];
      }[];
    }>(['counts', 'Conduct', '--today', '2023-01-01', '--evidence-sufficient', '2022-12-01']);
    const ann = counts.find((c) => c.name === 'Ann')!;
    expect(ann.counts).toEqual([
      expect.objectContaining({
        sentOn: '2021-03-02',
        limitationDate: '2023-05-31',
        limitedBy: 'six_months',
        daysLeft: 150,
      }),
    ]);

    const p1 = await ws.json<{ id: number }>([
      'person',
      'add',
      'Conduct',
      '--name',
      'PC Ann Example',
      '--role',
      'subject',
      '--force',
      'Northshire',
      '--status',
      'former',
      '--employment',
      'Northshire:2010-01-01:2022-06-30',
    ]);
    const p2 = await ws.json<{ id: number }>([
      'person',
      'add',
      'Conduct',
      '--name',
      'PC Bob Example',
      '--role',
      'subject',
    ]);
    const { participants } = await ws.json<{ participants: { participant: number; name: string }[] }>([
      'identify',
      'Conduct',
    ]);
    const annP = participants.find((p) => p.name === 'Ann')!.participant;
    expect(
      (await ws.cli(['identify', 'Conduct', '--confirm', String(annP), '--person', String(p1.id)])).code,
    ).toBe(0);
    const conflict = await ws.cli([
      'identify',
      'Conduct',
      '--confirm',
      String(annP),
      '--person',
      'PC Bob Example',
    ]);
    expect(conflict.code).toBe(1);
    expect(conflict.err).toContain('PC Ann Example');
    expect(conflict.err).toContain('PC Bob Example');
    const { people } = await ws.json<{ people: Person[] }>(['conduct', 'Conduct']);
    expect(people.find((p) => p.name === 'PC Ann Example')).toMatchObject({ sent: 2, sentOffensive: 1 });
    void p2;
  });

  it("a reviewer's code overrides the flagger for that message, and says so", async () => {
    const msgs = (await ws.cli(['messages', 'Conduct', '--jsonl', '--sender', 'Bob'])).out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: number; text: string });
    const bobs = msgs.find((m) => m.text.startsWith('zorblax everywhere'))!;
    const store = await openStore({ workspace: ws.dir, databaseUrl: ws.databaseUrl });
    try {
      const theCase = (await store.cases.findByName('Conduct'))!;
      const written = await store.codes.write({
        messageId: bobs.id,
        caseId: theCase.id,
        baseVersion: 0,
        values: {
          decision: 'not_offensive',
          categories: [],
          standards: [],
          potentialS127: false,
          note: 'quoting custody log',
        },
        by: 'reviewer',
      });
      expect(written?.version).toBe(1);
    } finally {
      await store.close();
    }
    const out = await ws.json<{ people: Person[]; basis: { coded: number } }>(['conduct', 'Conduct']);
    expect(out.basis.coded).toBe(1);
    const bob = out.people.find((p) => p.name === 'Bob')!;
    expect(bob.sentOffensive).toBe(0);
    // With Bob's message no longer offensive, Cara (who joined after the first) received none.
    expect(out.people.find((p) => p.name === 'Cara')).toMatchObject({
      receivedOffensiveWhileMember: 0,
      silent: 0,
    });
  });
});
