/**
 * The review workspace's jobs from the CLI: `coverage`, `batch …`, `qc …` and `audit`, on a real
 * workspace on each backend. The figures are checked against what the store and the services say
 * (not against numbers written here), the audit entries against the actions, and `verify` after.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cohensKappa } from '../../src/review/agreement.js';
import { markReviewed, setCode } from '../../src/review/coding.js';
import { secondReview } from '../../src/review/qc.js';
import { addCaseMember, addUser } from '../../src/review/users.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import type { Decision } from '../../src/contract/coding.js';
import type { Role } from '../../src/contract/roles.js';
import { BACKENDS, makeWorkspace, type Workspace } from '../support/cli.js';

const CASE = 'Op Review';
const CHAT = [
  '13/03/2021, 09:10 - PC Dan Hughes: morning all, van 4 is back on the road',
  '13/03/2021, 09:11 - PC Ryan Clarke: Had a proper window licker in custody today',
  '13/03/2021, 09:12 - Sgt Kate Morris: mate that is out of order',
  '13/03/2021, 09:13 - PC Ryan Clarke: Bloody pikeys on the common again, bulldoze the lot',
  '13/03/2021, 09:14 - PC Dan Hughes: Saw Bluebell at the station again, state of her',
  '13/03/2021, 09:15 - Sgt Kate Morris: briefing at 10 in the yard',
  '13/03/2021, 09:16 - PC Dan Hughes: ok sarge',
  '13/03/2021, 09:17 - PC Ryan Clarke: on my way',
].join('\n');

const USERS: readonly { username: string; role: Role; member: boolean }[] = [
  { username: 'lead1', role: 'lead', member: true },
  { username: 'rev1', role: 'reviewer', member: true },
  { username: 'rev2', role: 'reviewer', member: true },
  { username: 'ro1', role: 'readonly', member: true },
  { username: 'outsider', role: 'reviewer', member: false },
];

/** rev1 codes the first four messages; two are "offensive" and go to second review. */
const FIRST_CODES: readonly Decision[] = ['offensive', 'not_offensive', 'unsure', 'offensive'];
/** rev2 marks the next two "reviewed, nothing of note". */
const MARKED = 2;

interface Msg {
  id: number;
  utc: string;
}
interface Batch {
  id: number;
  caseId: number;
  name: string;
  kind: string;
  assignee: string | null;
  status: string;
  messages: number;
  reviewed: number;
  left: number;
  coverage: number;
}
interface Entry {
  id: number;
  actor: string;
  action: string;
  caseId: number | null;
  subject: string | null;
  detail: Record<string, unknown> | null;
  withheld: boolean;
}
interface AuditPage {
  entries: Entry[];
  next: number | null;
}
interface QcItem {
  id: number;
  messageId: number;
  status: string;
  reason: string | null;
  firstBy: string;
  firstDecision: string | null;
  secondBy: string | null;
  secondDecision: string | null;
  message: { text: string } | null;
}

describe.each(BACKENDS)('CLI: the review workspace jobs on %s', (backend) => {
  let ws: Workspace;
  let caseId: number;
  let conversationId: number;
  let msgs: Msg[];

  async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    const store = await openStore({ workspace: ws.dir, databaseUrl: ws.databaseUrl });
    try {
      return await fn(store);
    } finally {
      await store.close();
    }
  }
  const user = (store: Store, name: string) => store.users.findByUsername(name).then((u) => u!);
  const fails = async (args: string[], message: RegExp) => {
    const r = await ws.cli(args);
    expect(r.code, `${args.join(' ')}: ${r.out}`).not.toBe(0);
    expect(r.err).toMatch(message);
  };

  beforeAll(async () => {
    ws = await makeWorkspace(backend);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'scrutineer-review-jobs-')), 'chat.txt');
    writeFileSync(file, CHAT);
    expect((await ws.cli(['case', 'create', CASE])).code).toBe(0);
    expect((await ws.cli(['exhibit', 'add', CASE, file, '--ref', 'RJ/1'])).code).toBe(0);
    expect((await ws.cli(['analyse', CASE])).code).toBe(0);
    msgs = (await ws.cli(['messages', CASE, '--jsonl'])).out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Msg);
    const stats = await ws.json<{ conversations: { id: number }[] }>(['stats', CASE]);
    conversationId = stats.conversations[0]!.id;
    await withStore(async (store) => {
      caseId = (await store.cases.findByNameOrId(CASE))!.id;
      for (const u of USERS) {
        await addUser(store, {
          username: u.username,
          password: 'a long enough password',
          role: u.role,
          actor: 'test',
        });
        if (u.member) await addCaseMember(store, { caseId, username: u.username, actor: 'test' });
      }
    });
  });
  afterAll(async () => ws.cleanup());

  it('coverage: nothing reviewed at first, then who reviewed what', async () => {
    const before = await ws.json<{ messages: number; reviewed: number; left: number; coverage: number }>([
      'coverage',
      CASE,
    ]);
    expect(before).toMatchObject({ messages: msgs.length, reviewed: 0, left: msgs.length, coverage: 0 });

    // Only "offensive" decisions go to second review from here on: the queue is predictable.
    expect((await ws.cli(['qc', 'share', CASE, '0'])).code).toBe(0);
    await withStore(async (store) => {
      const rev1 = await user(store, 'rev1');
      for (const [i, decision] of FIRST_CODES.entries()) {
        const r = await setCode(store, {
          user: rev1,
          messageId: msgs[i]!.id,
          caseId,
          baseVersion: 0,
          values: { decision, categories: [], standards: [], potentialS127: false, note: '' },
        });
        expect(r.ok).toBe(true);
      }
      const seqOf = async (i: number) => (await store.threads.message(msgs[i]!.id))!.seq;
      const marked = await markReviewed(store, {
        user: await user(store, 'rev2'),
        caseId,
        conversationId,
        fromSeq: await seqOf(FIRST_CODES.length),
        toSeq: await seqOf(FIRST_CODES.length + MARKED - 1),
      });
      expect(marked).toBe(MARKED);
    });

    const cov = await ws.json<{
      case: { name: string };
      messages: number;
      reviewed: number;
      left: number;
      coverage: number;
      reviewers: { username: string; messages: number; first: string; last: string }[];
    }>(['coverage', CASE]);
    const reviewed = FIRST_CODES.length + MARKED;
    expect(cov).toMatchObject({
      case: { name: CASE },
      messages: msgs.length,
      reviewed,
      left: msgs.length - reviewed,
    });
    expect(cov.coverage).toBeCloseTo(reviewed / msgs.length, 10);
    expect(cov.reviewers.map((r) => [r.username, r.messages])).toEqual([
      ['rev1', FIRST_CODES.length],
      ['rev2', MARKED],
    ]);
    for (const r of cov.reviewers) expect(r.first <= r.last).toBe(true);

    const text = await ws.cli(['coverage', CASE]);
    expect(text.code).toBe(0);
    expect(text.out).toContain(`${reviewed} of ${msgs.length} messages reviewed`);
    expect(text.out).toMatch(/rev1\s+4/u);
  });

  it('batch create by conversation run, date range and priority, with progress', async () => {
    const run = await ws.json<Batch>([
      'batch',
      'create',
      CASE,
      '--name',
      'Opening',
      '--conversation',
      String(conversationId),
      '--from-seq',
      '0',
      '--to-seq',
      '2',
      '--assign',
      'rev1',
    ]);
    // seq 0–2 are the first three messages, all coded by rev1.
    expect(run).toMatchObject({ caseId, kind: 'conversation', assignee: 'rev1', status: 'open' });
    expect(run).toMatchObject({ messages: 3, reviewed: 3, left: 0, coverage: 1 });

    // `to` is exclusive: messages 2..5 by time.
    const dated = await ws.json<Batch>([
      'batch',
      'create',
      CASE,
      '--name',
      'Middle',
      '--from',
      msgs[2]!.utc,
      '--to',
      msgs[6]!.utc,
    ]);
    const datedReviewed = [2, 3, 4, 5].filter((i) => i < FIRST_CODES.length + MARKED).length;
    expect(dated).toMatchObject({ kind: 'date_range', assignee: null, messages: 4, reviewed: datedReviewed });
    expect(dated.left).toBe(4 - datedReviewed);

    const flagged = (await ws.cli(['flags', CASE, '--jsonl', '--min-score', '0.5'])).out
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { messageId: number });
    const priority = await ws.json<Batch>([
      'batch',
      'create',
      CASE,
      '--name',
      'Flagged',
      '--priority',
      '--assign',
      'lead1',
    ]);
    expect(priority.kind).toBe('priority');
    expect(priority.messages).toBe(flagged.length);
    const reviewedIds = new Set(msgs.slice(0, FIRST_CODES.length + MARKED).map((m) => m.id));
    expect(priority.reviewed).toBe(flagged.filter((f) => reviewedIds.has(f.messageId)).length);

    const list = await ws.json<Batch[]>(['batch', 'list', CASE]);
    expect(list.map((b) => [b.id, b.name, b.messages, b.left])).toEqual(
      [run, dated, priority].map((b) => [b.id, b.name, b.messages, b.left]),
    );
    const table = await ws.cli(['batch', 'list', CASE]);
    expect(table.out).toContain(`conversation ${conversationId}, seq 0–2`);

    const audit = await ws.json<AuditPage>(['audit', CASE, '--action', 'batch.create']);
    expect(audit.entries.map((e) => [e.subject, e.actor, e.caseId])).toEqual(
      [run, dated, priority].map((b) => [`batch:${b.id}`, 'test-investigator', caseId]),
    );
    expect(audit.entries[0]!.detail).toMatchObject({
      name: 'Opening',
      kind: 'conversation',
      assignee: 'rev1',
    });
  });

  it('batch create refuses what the review workspace refuses, naming the problem', async () => {
    const base = ['batch', 'create', CASE, '--name', 'X', '--conversation', String(conversationId)];
    await fails(
      [...base, '--assign', 'ro1'],
      /"ro1" cannot review case "Op Review": the login is read-only/u,
    );
    await fails(
      [...base, '--assign', 'outsider'],
      /"outsider" cannot review case "Op Review": they are not a member/u,
    );
    await fails([...base, '--assign', 'nobody'], /no user "nobody"/u);
    await fails(['batch', 'create', 'Op Nowhere', '--name', 'X', '--priority'], /no case "Op Nowhere"/u);
    await fails(
      ['batch', 'create', CASE, '--name', 'X', '--conversation', '9999'],
      /Conversation 9999 is not in this case/u,
    );
    await fails(['batch', 'create', CASE, '--name', 'X'], /Say which messages/u);
    await fails(['batch', 'create', CASE, '--name', 'X', '--from', msgs[3]!.utc], /both --from and --to/u);
    await fails(
      ['batch', 'create', CASE, '--name', 'X', '--from', msgs[3]!.utc, '--to', msgs[1]!.utc],
      /ends before it starts/u,
    );
    await fails(
      ['batch', 'create', CASE, '--name', 'X', '--from', 'yesterday', '--to', msgs[1]!.utc],
      /--from "yesterday"/u,
    );
    await fails(
      ['batch', 'create', CASE, '--name', 'X', '--priority', '--min-score', '2'],
      /--min-score must be a number from 0 to 1/u,
    );
    // Nothing was made by the refusals.
    expect(await ws.json<Batch[]>(['batch', 'list', CASE])).toHaveLength(3);
  });

  it('batch assign, unassign and close, each audited; a closed batch stays closed', async () => {
    const [first] = await ws.json<Batch[]>(['batch', 'list', CASE]);
    const id = String(first!.id);
    expect((await ws.json<Batch>(['batch', 'assign', id, 'rev2'])).assignee).toBe('rev2');
    expect((await ws.json<Batch>(['batch', 'assign', id, '--none'])).assignee).toBeNull();
    await fails(['batch', 'assign', id, 'ro1'], /read-only/u);
    await fails(['batch', 'assign', id], /or --none/u);
    await fails(['batch', 'assign', id, 'rev2', '--none'], /or --none/u);
    const closed = await ws.json<Batch>(['batch', 'close', id]);
    expect(closed.status).toBe('closed');
    expect((await ws.cli(['batch', 'close', id])).out).toMatch(/already closed/u);
    await fails(['batch', 'assign', id, 'rev1'], new RegExp(`Batch ${id} \\("Opening"\\) is closed`, 'u'));
    await fails(['batch', 'close', '999'], /no batch "999"/u);
    await fails(['batch', 'assign', 'abc', 'rev1'], /no batch "abc"/u);

    const trail = await ws.json<AuditPage>(['audit', '--subject', `batch:${id}`]);
    expect(trail.entries.map((e) => [e.action, e.detail])).toEqual([
      ['batch.create', expect.objectContaining({ assignee: 'rev1' })],
      ['batch.assign', { from: 'rev1', to: 'rev2' }],
      ['batch.assign', { from: 'rev2', to: null }],
      ['batch.close', { from: 'open', messages: first!.messages, left: first!.left }],
    ]);
    expect(trail.entries.every((e) => e.actor === 'test-investigator')).toBe(true);
  });

  it('batch messages, and finish: only when nothing is left, by its assignee or a lead', async () => {
    const whole = await ws.json<Batch>([
      'batch',
      'create',
      CASE,
      '--name',
      'Whole',
      '--conversation',
      String(conversationId),
      '--assign',
      'rev1',
    ]);
    expect(whole.left).toBe(msgs.length - (FIRST_CODES.length + MARKED));
    // Its messages, as the batch finds them: all of them, what is left, and paged.
    type Page = { messages: { id: number; text: string }[]; next: number | null };
    const all = await ws.json<Page>(['batch', 'messages', String(whole.id)]);
    expect(all.messages.map((m) => m.id)).toEqual(msgs.map((m) => m.id));
    expect(all.next).toBeNull();
    const left = await ws.json<Page>(['batch', 'messages', String(whole.id), '--left']);
    expect(left.messages.map((m) => m.id)).toEqual(msgs.slice(FIRST_CODES.length + MARKED).map((m) => m.id));
    const paged: number[] = [];
    let after: number | null = null;
    do {
      const page: Page = await ws.json<Page>([
        'batch',
        'messages',
        String(whole.id),
        '--limit',
        '3',
        ...(after === null ? [] : ['--after', String(after)]),
      ]);
      paged.push(...page.messages.map((m) => m.id));
      after = page.next;
    } while (after !== null);
    expect(paged).toEqual(msgs.map((m) => m.id));
    await fails(['batch', 'messages', '999'], /no batch "999"/u);
    await fails(
      ['batch', 'finish', String(whole.id)],
      new RegExp(`${whole.left} messages are not reviewed yet`, 'u'),
    );
    const middle = (await ws.json<Batch[]>(['batch', 'list', CASE])).find((b) => b.name === 'Middle')!;
    expect(middle.left).toBe(0);
    // A reviewer's login that the batch is not assigned to may not finish it.
    const other = await ws.cli(['batch', 'finish', String(middle.id)], { SCRUTINEER_USER: 'rev2' });
    expect(other.code).toBe(1);
    expect(other.err).toMatch(/Only the reviewer batch \d+ is assigned to \(nobody\) or a lead/u);
    expect((await ws.json<Batch>(['batch', 'finish', String(middle.id)])).status).toBe('finished');
    expect((await ws.cli(['batch', 'finish', String(middle.id)])).out).toMatch(/already finished/u);
    const trail = await ws.json<AuditPage>([
      'audit',
      '--subject',
      `batch:${middle.id}`,
      '--action',
      'batch.finish',
    ]);
    expect(trail.entries.map((e) => [e.actor, e.detail])).toEqual([
      ['test-investigator', { messages: middle.messages }],
    ]);
  });

  it('qc: the queue stays blind while pending; counts and kappa once second decisions are in', async () => {
    const offensive = FIRST_CODES.flatMap((d, i) => (d === 'offensive' ? [msgs[i]!.id] : []));
    const pending = await ws.json<QcItem[]>(['qc', 'list', CASE, '--status', 'pending']);
    expect(pending.map((q) => q.messageId)).toEqual(offensive);
    for (const q of pending) {
      // Blind: neither the decision nor the reason that would name it.
      expect(q).toMatchObject({ firstBy: 'rev1', firstDecision: null, reason: null, secondBy: null });
      expect(q.message?.text).toBeTruthy();
    }
    expect((await ws.cli(['qc', 'list', CASE])).out).not.toMatch(/offensive/u);
    // The log would unblind it too: the code's detail is withheld until the second decision.
    const subject = `message:${offensive[0]}`;
    const blind = await ws.json<AuditPage>(['audit', '--subject', subject]);
    expect(blind.entries.map((e) => [e.action, e.detail, e.withheld])).toEqual([
      ['code.set', null, true],
      ['qc.queue', null, true],
    ]);
    expect((await ws.cli(['audit', '--subject', subject])).out).not.toMatch(/offensive/u);
    const unblind = await ws.json<AuditPage>(['audit', '--subject', subject, '--unblind']);
    expect(unblind.entries[0]!.detail).toMatchObject({ decision: 'offensive' });

    const seconds: Decision[] = ['offensive', 'not_offensive'];
    await withStore(async (store) => {
      const rev2 = await user(store, 'rev2');
      for (const [i, q] of pending.entries()) {
        const r = await secondReview(store, { id: q.id, user: rev2, decision: seconds[i]! });
        expect(r.ok).toBe(true);
      }
    });
    const agreed = seconds.filter((d) => d === 'offensive').length;
    const qc = await ws.json<{
      share: number;
      counts: Record<string, number>;
      pairs: { a: string; b: string; n: number; agreed: number; kappa: number | null }[];
    }>(['qc', CASE]);
    expect(qc.share).toBe(0);
    expect(qc.counts).toEqual({ pending: 0, agreed, disagreed: seconds.length - agreed, resolved: 0 });
    const kappa = cohensKappa(seconds.map((s) => ['offensive', s] as [string, string]));
    expect(qc.pairs).toEqual([
      expect.objectContaining({ a: 'rev1', b: 'rev2', n: seconds.length, agreed, kappa: kappa.kappa }),
    ]);
    const after = await ws.json<AuditPage>(['audit', '--subject', subject]);
    expect(after.entries.map((e) => e.action)).toEqual(['code.set', 'qc.queue', 'qc.second']);
    expect(after.entries[0]!.detail).toMatchObject({ decision: 'offensive' });
    const text = await ws.cli(['qc', CASE]);
    expect(text.out).toMatch(/0 pending, 1 agreed, 1 disagreed/u);
    expect(text.out).toMatch(/rev1\s+rev2\s+2/u);

    // The resolution queue: decided, so both decisions show.
    const disagreed = await ws.json<QcItem[]>(['qc', 'list', CASE, '--status', 'disagreed']);
    expect(disagreed).toEqual([
      expect.objectContaining({
        messageId: offensive[1],
        reason: 'offensive',
        firstDecision: 'offensive',
        secondBy: 'rev2',
        secondDecision: 'not_offensive',
      }),
    ]);
    await fails(['qc', 'list', CASE, '--status', 'maybe'], /--status must be one of/u);
  });

  it('qc resolve: a lead or admin login of the case resolves a disagreement, once', async () => {
    const [item] = await ws.json<QcItem[]>(['qc', 'list', CASE, '--status', 'disagreed']);
    const args = [
      'qc',
      'resolve',
      String(item!.id),
      '--resolution',
      'Offensive: the second reviewer missed the slur',
    ];
    const anon = await ws.cli(args);
    expect(anon.code).toBe(1);
    expect(anon.err).toMatch(
      /SCRUTINEER_USER must name your login \(it is "test-investigator": no such user/u,
    );
    const reviewer = await ws.cli(args, { SCRUTINEER_USER: 'rev2' });
    expect(reviewer.code).toBe(1);
    expect(reviewer.err).toMatch(/"rev2" cannot resolve QC items of case "Op Review"/u);
    const lead = await ws.cli([...args, '--json'], { SCRUTINEER_USER: 'lead1' });
    expect(lead.code).toBe(0);
    expect(JSON.parse(lead.out)).toMatchObject({
      id: item!.id,
      status: 'resolved',
      resolvedBy: 'lead1',
      resolution: 'Offensive: the second reviewer missed the slur',
    });
    const again = await ws.cli(args, { SCRUTINEER_USER: 'lead1' });
    expect(again.code).toBe(1);
    expect(again.err).toMatch(new RegExp(`QC item ${item!.id} is resolved: only a disagreed item`, 'u'));
    await fails(['qc', 'resolve', '999', '--resolution', 'x'], /no QC item "999"/u);
    expect((await ws.json<{ counts: Record<string, number> }>(['qc', CASE])).counts).toMatchObject({
      disagreed: 0,
      resolved: 1,
    });
    const entries = (await ws.json<AuditPage>(['audit', CASE, '--action', 'qc.resolve'])).entries;
    expect(entries.map((e) => [e.actor, e.subject, e.detail])).toEqual([
      [
        'lead1',
        `message:${item!.messageId}`,
        { qcId: item!.id, resolution: 'Offensive: the second reviewer missed the slur' },
      ],
    ]);
  });

  it('qc share and sample: set, checked, audited', async () => {
    await fails(['qc', 'share', CASE, '1.5'], /QC share must be a number from 0 to 1 \(got "1.5"\)/u);
    await fails(['qc', 'share', CASE, 'lots'], /QC share must be a number from 0 to 1/u);
    await fails(['qc', 'share', 'Op Nowhere', '0.2'], /no case "Op Nowhere"/u);
    const set = await ws.json<{ share: number; was: number }>(['qc', 'share', CASE, '0.2']);
    expect(set).toMatchObject({ share: 0.2, was: 0 });

    const queued = (await ws.json<QcItem[]>(['qc', 'list', CASE])).length;
    const codedNotQueued = FIRST_CODES.length - queued;
    const sample = await ws.json<{ added: number }>(['qc', 'sample', CASE, '--size', '10']);
    expect(sample.added).toBe(codedNotQueued);
    expect(await ws.json<QcItem[]>(['qc', 'list', CASE])).toHaveLength(FIRST_CODES.length);
    await fails(['qc', 'sample', CASE, '--size', '0'], /--size must be a whole number from 1 to 1000/u);

    const entries = (
      await ws.json<AuditPage>(['audit', CASE, '--action', 'qc', '--actor', 'test-investigator'])
    ).entries;
    expect(entries.map((e) => [e.action, e.detail])).toEqual([
      ['qc.share', { from: expect.any(Number), to: 0 }],
      ['qc.share', { from: 0, to: 0.2 }],
      ['qc.sample', { requested: 10, added: codedNotQueued }],
    ]);
  });

  it('audit: oldest first, filtered, paged; the chain still verifies', async () => {
    const all = await ws.json<AuditPage>(['audit', '--limit', '10000']);
    expect(all.next).toBeNull();
    const ids = all.entries.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const pages: number[] = [];
    let after: number | null = 0;
    while (after !== null) {
      const page: AuditPage = await ws.json<AuditPage>(['audit', '--limit', '7', '--after', String(after)]);
      expect(page.entries.length).toBeLessThanOrEqual(7);
      pages.push(...page.entries.map((e) => e.id));
      after = page.next;
    }
    expect(pages).toEqual(ids);
    const forCase = await ws.json<AuditPage>(['audit', CASE, '--limit', '10000']);
    expect(forCase.entries.length).toBeGreaterThan(0);
    expect(forCase.entries.every((e) => e.caseId === caseId)).toBe(true);
    expect(forCase.entries.map((e) => e.id)).toEqual(
      all.entries.filter((e) => e.caseId === caseId).map((e) => e.id),
    );

    const text = await ws.cli(['audit', CASE, '--action', 'batch', '--limit', '2']);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/batch\.create/u);
    expect(text.out).toMatch(/More: --after \d+/u);

    await fails(['audit', 'Op Nowhere'], /no case "Op Nowhere"/u);
    await fails(['audit', '--limit', '0'], /--limit must be a whole number/u);
    const verify = await ws.cli(['verify']);
    expect(verify.code).toBe(0);
    expect(verify.out).toMatch(/chain intact/u);
  });
});
