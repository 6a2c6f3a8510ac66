/**
 * The defining case rebuilt end to end through the CLI, on SQLite and PostgreSQL: a generated group
 * chat; six subjects (2 serving, 4 former; one whose force is outside the barred-list legislation);
 * notices; three defendants with 5, 5 and 2 counts (5 convicted; 3 of 5; 0 of 2); a gross misconduct
 * hearing finding breaches of four standards; 2 dismissed without notice, 4 "would have been
 * dismissed"; barred list with one exemption; one learning recommendation, accepted and published.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BACKENDS, makeWorkspace, type Workspace } from '../support/cli.js';
import { groupChat, MEMBERS } from './group-chat.js';

const CASE = 'Lantern';
const STANDARDS = [
  'Discreditable Conduct',
  'Authority, Respect and Courtesy',
  'Challenging and Reporting Improper Conduct',
  'Equality and Diversity',
];
const SUBJECTS = [
  { name: 'Adam Reed', status: 'serving', force: 'Northshire Police', counts: 5, convicted: 5 },
  { name: 'Ben Shaw', status: 'serving', force: 'Northshire Police', counts: 5, convicted: 3 },
  { name: 'Carl Tate', status: 'former', force: 'Northshire Police', counts: 2, convicted: 0 },
  { name: 'Dan Hill', status: 'former', force: 'Southmoor Police', counts: 0, convicted: 0 },
  { name: 'Ed Lowe', status: 'former', force: 'Southmoor Police', counts: 0, convicted: 0 },
  { name: 'Finn Moss', status: 'former', force: 'Ministry of Defence Police', counts: 0, convicted: 0 },
];

interface Msg {
  id: number;
  sender: string | null;
  text: string;
}

export const EXPECTED_SUMMARY = `# Operation Lantern: investigation summary

Reference 2021/0154. Investigated by Independent Office for Police Conduct (independent investigation). Forces involved: Northshire Police, Southmoor Police and Ministry of Defence Police. The investigation started on 15 September 2021.

Investigators analysed MESSAGES messages from a group chat of 7 members. The allegations concern messages sent between February 2021 and March 2021.

## The officers

- Adam Reed: serving police officer, Northshire Police
- Ben Shaw: serving police officer, Northshire Police
- Officer C: former police officer, Northshire Police
- Officer D: former police officer, Southmoor Police
- Officer E: former police officer, Southmoor Police
- Officer F: former police officer, Ministry of Defence Police

## Notices

6 officers were served a misconduct notice (Regulation 17 notice). 3 of them were also served a criminal letter (told they were under criminal investigation).

## Criminal proceedings

On 1 November 2022 a file of evidence was referred to the Crown Prosecution Service.

3 people were charged under s127(1)(a) Communications Act 2003: Adam Reed (5 counts), Ben Shaw (5 counts) and Officer C (2 counts).

The verdicts were given on 5 June 2023:

- Adam Reed: convicted of 5 counts. Sentenced on 3 July 2023: 12 weeks' imprisonment suspended for 12 months.
- Ben Shaw: convicted of 3 counts and cleared of 2 counts. Sentenced on 3 July 2023: community order with 100 hours' unpaid work.
- Officer C: cleared of 2 counts.

## Misconduct proceedings

A gross misconduct hearing held in public from 6 November 2023 to 10 November 2023 found the case against all 6 officers proven. Each breached four Standards of Professional Behaviour: Authority, Respect and Courtesy; Equality and Diversity; Discreditable Conduct; and Challenging and Reporting Improper Conduct.

## Outcomes

Adam Reed and Ben Shaw were dismissed without notice. Officer C, Officer D, Officer E and Officer F, former officers, would have been dismissed had they still been serving.

## Barred list

Adam Reed, Ben Shaw, Officer C, Officer D and Officer E were added to the College of Policing barred list. Officer F was not added: their force is outside the barred list legislation.

## Learning recommendations

- R1, made on 1 December 2023 to Northshire Police: Review how supervisors are told of & act on \\<offensive\\> messages in team chats. Why: No one reported the group. The response was received on 20 January 2024: accepted. Training for all sergeants by June 2024. The response was published on 5 February 2024.
`;

describe.each(BACKENDS)('the defining case on %s', (backend) => {
  let ws: Workspace;
  let messages: Msg[];
  const ids: Record<string, number> = {};
  const allegations: { id: number; personId: number; standard: string }[] = [];
  const counts: { id: number; personId: number }[] = [];

  const ok = (args: string[]) => ws.json<{ id: number; personId: number; standard: string }>(args);
  const rec = (...args: string[]) => ok(['record', ...args]);
  const recAll = async (...args: string[]) =>
    (await ok(['record', ...args])) as unknown as { id: number; personId: number; standard: string }[];

  beforeAll(async () => {
    ws = await makeWorkspace(backend);
    const dir = mkdtempSync(path.join(tmpdir(), 'scrutineer-record-'));
    const file = path.join(dir, 'WhatsApp Chat with Response B Team.txt');
    writeFileSync(file, groupChat());
    expect((await ws.cli(['case', 'create', CASE])).code).toBe(0);
    const added = await ws.cli(['exhibit', 'add', CASE, file, '--ref', 'JS/1', '--officer', 'DC J Smith']);
    expect(added.code, added.err).toBe(0);
    const listed = await ws.cli(['messages', CASE, '--jsonl', '--limit', '10000']);
    messages = listed.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Msg);

    for (const s of SUBJECTS) {
      const p = await ok([
        'person',
        'add',
        CASE,
        '--name',
        s.name,
        '--role',
        'subject',
        '--force',
        s.force,
        '--status',
        s.status,
        '--barred-list-applies',
        s.force === 'Ministry of Defence Police' ? 'no' : 'yes',
      ]);
      ids[s.name] = p.id;
    }
    await ok(['person', 'add', CASE, '--name', 'Gary Pike', '--role', 'witness']);
  }, 120_000);
  afterAll(async () => ws.cleanup());

  it('records the whole case, with every change in the audit trail', async () => {
    await rec(
      'case',
      CASE,
      '--reference',
      '2021/0154',
      '--operation',
      'Operation Lantern',
      '--body',
      'Independent Office for Police Conduct',
      '--mode',
      'independent',
      '--force',
      'Northshire Police',
      'Southmoor Police',
      'Ministry of Defence Police',
      '--status',
      'open',
      '--referral-date',
      '2021-09-01',
      '--start-date',
      '2021-09-15',
      '--evidence-sufficient',
      '2023-01-16',
      '--team',
      'J Smith:lead investigator',
      'K Patel:investigator',
      '--publishable',
    );
    await rec('subject', CASE, 'Adam Reed', '--name-public');
    await rec('subject', CASE, 'Ben Shaw', '--name-public');
    await rec('progress', CASE, '--on', '2022-09-01');

    const sent = (name: string) =>
      messages.filter(
        (m) =>
          (m.sender === name && m.text.includes('zorblax')) ||
          (m.sender === name && /deserved|dressed|women should/u.test(m.text)),
      );
    const offensive = messages.filter((m) => /zorblax|deserved|dressed|women should/u.test(m.text));
    expect(offensive).toHaveLength(12);

    for (const s of SUBJECTS) {
      await rec(
        'assess',
        CASE,
        s.name,
        '--severity',
        'gross_misconduct',
        '--on',
        '2021-09-20',
        '--rationale',
        'discriminatory messages in a police group chat',
      );
      await rec(
        'notice',
        CASE,
        s.name,
        '--kind',
        'reg17',
        '--on',
        '2021-10-01',
        '--publishable',
        '--conduct',
        'sent, or received without challenge, discriminatory messages in the group chat',
        '--standard',
        ...STANDARDS,
      );
      if (s.counts)
        await rec('notice', CASE, s.name, '--kind', 'criminal_letter', '--on', '2021-10-01', '--publishable');
      // One command, one transaction: an allegation per standard.
      const own = sent(s.name).map((m) => m.id);
      const made = await recAll(
        'allegation',
        CASE,
        s.name,
        '--standard',
        ...STANDARDS,
        '--publishable',
        '--description',
        own.length
          ? 'sent grossly offensive messages'
          : 'received offensive messages and neither challenged nor reported them',
        '--messages',
        (own.length ? own : offensive.map((m) => m.id)).join(','),
      );
      expect(made.map((a) => a.standard)).toEqual(STANDARDS);
      allegations.push(...made);
    }
    // Not publishable: an interview.
    await rec('interview', CASE, 'Adam Reed', '--on', '2021-11-10', '--kind', 'both', '--note', 'no comment');

    await rec('refer', CASE, '--on', '2022-11-01', '--exhibit', 'JS/1', '--publishable');
    for (const s of SUBJECTS.filter((x) => x.counts)) {
      await rec('charging', CASE, s.name, '--on', '2023-01-16', '--decision', 'charge');
      for (const m of sent(s.name))
        counts.push(
          await rec(
            'charge',
            CASE,
            s.name,
            '--messages',
            String(m.id),
            '--on',
            '2023-02-01',
            '--publishable',
          ),
        );
      expect(counts.filter((c) => c.personId === ids[s.name])).toHaveLength(s.counts);
      await rec(
        'appearance',
        CASE,
        s.name,
        '--on',
        '2023-03-01',
        '--court',
        "Northshire Magistrates' Court",
        '--purpose',
        'first appearance',
      );
    }
    for (const s of SUBJECTS.filter((x) => x.counts)) {
      const mine = counts.filter((c) => c.personId === ids[s.name]);
      const verdict = (v: string, cs: typeof mine) =>
        cs.length
          ? rec('verdict', CASE, ...cs.map((c) => String(c.id)), '--verdict', v, '--on', '2023-06-05')
          : null;
      await verdict('convicted', mine.slice(0, s.convicted));
      await verdict('acquitted', mine.slice(s.convicted));
    }
    await rec(
      'sentence',
      CASE,
      'Adam Reed',
      '--on',
      '2023-07-03',
      '--sentence',
      "12 weeks' imprisonment suspended for 12 months",
      '--publishable',
    );
    await rec(
      'sentence',
      CASE,
      'Ben Shaw',
      '--on',
      '2023-07-03',
      '--sentence',
      "community order with 100 hours' unpaid work",
      '--publishable',
    );

    await rec('case', CASE, '--report-date', '2023-08-01');
    await rec(
      'case-to-answer',
      CASE,
      ...allegations.map((a) => String(a.id)),
      '--decision',
      'gross_misconduct',
      '--on',
      '2023-08-15',
    );
    const hearing = await rec(
      'hearing',
      CASE,
      '--kind',
      'hearing',
      '--level',
      'gross_misconduct',
      '--start',
      '2023-11-06',
      '--end',
      '2023-11-10',
      '--panel',
      'A Chair:legally qualified chair',
      'B Member:independent panel member',
      '--publishable',
    );
    await rec(
      'finding',
      CASE,
      ...allegations.map((a) => String(a.id)),
      '--proceeding',
      String(hearing.id),
      '--finding',
      'proven',
      '--on',
      '2023-11-10',
      '--publishable',
    );
    for (const s of SUBJECTS)
      await rec(
        'outcome',
        CASE,
        s.name,
        '--proceeding',
        String(hearing.id),
        '--on',
        '2023-11-10',
        '--publishable',
        '--outcome',
        s.status === 'former' ? 'would_have_been_dismissed' : 'dismissal_without_notice',
      );
    for (const s of SUBJECTS) {
      if (s.force === 'Ministry of Defence Police')
        await rec(
          'barred',
          CASE,
          s.name,
          '--not-applicable',
          'their force is outside the barred list legislation',
          '--publishable',
        );
      else await rec('barred', CASE, s.name, '--reported-on', '2023-11-15', '--publishable');
    }
    await rec(
      'recommendation',
      CASE,
      '--reference',
      'R1',
      '--recipient',
      'Northshire Police',
      '--on',
      '2023-12-01',
      '--publishable',
      '--text',
      'Review how supervisors are told of & act on <offensive> messages in team chats.',
      '--rationale',
      'no one reported the group',
    );
    await rec(
      'response',
      CASE,
      'R1',
      '--on',
      '2024-01-20',
      '--response',
      'accepted',
      '--text',
      'Training for all sergeants by June 2024. ',
    );
    await rec('publish', CASE, 'R1', '--on', '2024-02-05');

    const shown = await ws.json<{
      counts: { verdict: string | null; personId: number }[];
      outcomes: unknown[];
      findings: unknown[];
      barred: { list: string }[];
    }>(['record', 'show', CASE]);
    expect(shown.counts).toHaveLength(12);
    expect(shown.counts.filter((c) => c.verdict === 'convicted')).toHaveLength(8);
    expect(shown.findings).toHaveLength(24);
    expect(shown.outcomes).toHaveLength(6);
    expect(shown.barred.map((b) => b.list).sort()).toEqual([
      'barred',
      'barred',
      'barred',
      'barred',
      'barred',
      'not_applicable',
    ]);

    const audit = await ws.cli(['verify', '--json']);
    expect(audit.code).toBe(0);
    const human = await ws.cli(['record', 'show', CASE]);
    expect(human.out).toContain('Operation Lantern (2021/0154)');
  }, 300_000);

  it('computes the deadlines', async () => {
    const { deadlines } = await ws.json<{
      deadlines: { kind: string; status: string; due: string; about: string }[];
    }>(['record', 'deadlines', CASE, '--today', '2024-03-01']);
    const of = (kind: string) => deadlines.filter((d) => d.kind === kind);
    expect(of('s127_limitation')).toHaveLength(12);
    // Sent Feb–Apr 2021; evidence sufficient 16 January 2023: limited by 3 years (Feb–Apr 2024) or 16 July 2023.
    for (const d of of('s127_limitation')) {
      expect(d.status).toBe('met');
      expect(d.due <= '2023-07-16').toBe(true);
    }
    expect(of('progress_report').map((d) => [d.due, d.status])).toEqual([
      ['2022-09-15', 'met'],
      ['2023-03-15', 'overdue'],
    ]);
    expect(of('barred_list_report').map((d) => [d.due, d.status])).toEqual(
      Array(5).fill(['2023-11-17', 'met']),
    );
    expect(of('recommendation_response').map((d) => [d.due, d.status])).toEqual([['2024-01-26', 'met']]);
    expect(of('response_publication').map((d) => [d.due, d.status])).toEqual([['2024-02-10', 'met']]);
    const table = await ws.cli(['record', 'deadlines', CASE, '--today', '2024-03-01']);
    expect(table.out).toContain('barred list report for Adam Reed');
  });

  it('lays out the timeline from evidence intake to publication', async () => {
    const { timeline } = await ws.json<{ timeline: { date: string; kind: string; what: string }[] }>([
      'record',
      'timeline',
      CASE,
    ]);
    expect(timeline.map((e) => e.date)).toEqual(timeline.map((e) => e.date).sort());
    expect(timeline.some((e) => e.kind === 'evidence' && e.what.includes('JS/1'))).toBe(true);
    expect(timeline.filter((e) => e.kind === 'verdict')).toHaveLength(12);
    const kinds = timeline.map((e) => e.kind);
    expect(kinds.indexOf('referral')).toBeLessThan(kinds.indexOf('notice'));
    expect(kinds.lastIndexOf('charge')).toBeLessThan(kinds.indexOf('verdict'));
    expect(kinds.indexOf('outcome')).toBeLessThan(kinds.indexOf('publication'));
  });

  it('generates the public summary with exactly those facts, editable until final', async () => {
    const r = await ws.cli(['record', 'summary', CASE]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe(EXPECTED_SUMMARY.replace('MESSAGES', String(messages.filter((m) => m.sender).length)));
    for (const hidden of [
      'Carl Tate',
      'Dan Hill',
      'Ed Lowe',
      'Finn Moss',
      'Gary Pike',
      'no comment',
      'interview',
    ])
      expect(r.out).not.toContain(hidden);

    const html = await ws.json<{ text: string; version: number }>([
      'record',
      'summary',
      CASE,
      '--format',
      'html',
    ]);
    expect(html.version).toBe(1); // unchanged record: no new draft
    expect(html.text).toContain('<h2>Learning recommendations</h2>');
    expect(html.text).toContain('told of &amp; act on &lt;offensive&gt; messages');
    expect(html.text).not.toContain('<offensive>');

    const edited = path.join(ws.dir, 'edited.md');
    writeFileSync(edited, `${r.out}\nThe investigation is closed. <b>bold</b>\n`);
    const e = await ws.json<{ version: number; source: string; text: string }>([
      'record',
      'summary',
      CASE,
      '--edit',
      edited,
    ]);
    expect(e).toMatchObject({ version: 2, source: 'edited' });
    const again = await ws.json<{ version: number; text: string }>([
      'record',
      'summary',
      CASE,
      '--format',
      'html',
    ]);
    expect(again.version).toBe(2);
    expect(again.text).toContain('The investigation is closed. &lt;b&gt;bold&lt;/b&gt;');
    const fin = await ws.json<{ final: boolean; version: number }>(['record', 'summary', CASE, '--final']);
    expect(fin).toMatchObject({ final: true, version: 2 });
    const refused = await ws.cli(['record', 'summary', CASE, '--edit', edited]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('the public summary is final');
  });

  it('keeps members and message counts true to the evidence', () => {
    expect(new Set(messages.map((m) => m.sender).filter(Boolean))).toEqual(new Set(MEMBERS));
  });
});
