/**
 * Issue 15 "Done when": a case of the published shape rebuilt through the CLI (seven officers in a
 * WhatsApp group; six misconduct notices; three criminal letters; a file to the prosecutor; two
 * officers and a former officer charged under s127, first appearance at Westminster Magistrates'
 * Court; a two-day trial; guilty of 5 and of 3 counts, cleared of 2; 12-week custodial sentences,
 * bailed pending appeal; allegations for March to October 2019; a gross misconduct hearing in
 * December 2022 finding four Standards breached by all six; two dismissed without notice, four
 * "would have been dismissed" (one resigned during the case: `person update`); barred list for all
 * but one officer, subject to different regulations; one learning recommendation, accepted, its
 * response published), and the generated summary checked sentence by sentence. All names fictional.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openStore } from '../../src/store/open-store.js';
import { BACKENDS, makeWorkspace, type Workspace } from '../support/cli.js';
import { written } from '../support/record-case.js';

const CASE = 'Published';
const MET = 'Metropolitan Police Service';
/** Seven members; the first three are charged, the first six are subjects. */
const OFFICERS = ['Alan Ash', 'Ben Birch', 'Carl Cedar', 'Dev Elm', 'Ed Fir', 'Fred Gum', 'Gil Hazel'];

/** Offensive messages: Alan 5, Ben 5 (3 convicted, 2 cleared... no: Ben 3), Carl 2; March to October 2019. */
const SENT: readonly (readonly [string, string, string])[] = [
  ['05/03/2019, 21:10', 'Alan Ash', 'zorblax on the estate again'],
  ['12/04/2019, 22:00', 'Ben Birch', 'send the zorblax back'],
  ['20/04/2019, 21:30', 'Alan Ash', 'another zorblax in the cells'],
  ['02/05/2019, 20:15', 'Carl Cedar', 'victim was a zorblax, nobody cares'],
  ['15/05/2019, 23:05', 'Alan Ash', 'zorblax everywhere in custody'],
  ['03/06/2019, 21:45', 'Ben Birch', 'women should not be on response'],
  ['19/07/2019, 22:20', 'Alan Ash', 'DV victims calling again, she deserved it'],
  ['08/08/2019, 21:00', 'Carl Cedar', 'zorblax should be banned from town'],
  ['11/09/2019, 22:40', 'Ben Birch', 'zorblax family breeding like rats'],
  ['14/10/2019, 21:55', 'Alan Ash', 'zorblax are all the same'],
];

function chat(): string {
  const lines = [
    `01/03/2019, 08:00 - Gil Hazel created group "Old Team"`,
    `01/03/2019, 08:01 - Gil Hazel added ${OFFICERS.slice(0, 6).join(', ')}`,
  ];
  for (const [when, who, text] of SENT) {
    lines.push(`${when} - ${who}: ${text}`);
    lines.push(`${when.slice(0, 12)}23:58 - Dev Elm: 😂`);
  }
  return `${lines.join('\n')}\n`;
}

const sentences = (md: string): string[] =>
  md
    .split('\n')
    .filter((l) => l.trim() !== '')
    .flatMap((l) => l.replace(/^- /u, '').split(/(?<=[.:])\s+(?=[A-Z0-9])/u));

describe.each(BACKENDS)(
  'the published case rebuilt through the CLI on %s',
  { timeout: 240_000 },
  (backend) => {
    let ws: Workspace;
    const ids: Record<string, number> = {};

    const run = (...args: string[]) => written(ws, args);
    const rec = (...args: string[]) => run('record', ...args);

    beforeAll(async () => {
      ws = await makeWorkspace(backend);
      const dir = mkdtempSync(path.join(tmpdir(), 'scrutineer-published-'));
      const file = path.join(dir, 'WhatsApp Chat with Old Team.txt');
      writeFileSync(file, chat());
      await run('case', 'create', CASE);
      await run('exhibit', 'add', CASE, file, '--ref', 'JS/1', '--date-order', 'dmy');
      const messages = (await ws.cli(['messages', CASE, '--jsonl'])).out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { id: number; sender: string | null; text: string });
      // Reviewers coded the offensive messages (the categories give the summary its topics).
      const store = await openStore({ workspace: ws.dir, databaseUrl: ws.databaseUrl });
      try {
        const caseId = (await store.cases.findByName(CASE))!.id;
        for (const m of messages.filter((x) => /zorblax|women|victims/u.test(x.text)))
          await store.codes.write({
            messageId: m.id,
            caseId,
            baseVersion: 0,
            by: 'reviewer',
            values: {
              decision: 'offensive',
              categories: /women/u.test(m.text)
                ? ['sex_women']
                : /victim/u.test(m.text)
                  ? ['victims_of_crime', 'other_derogatory']
                  : ['race_ethnicity'],
              standards: [],
              potentialS127: true,
              note: '',
            },
          });
      } finally {
        await store.close();
      }
      const sentBy = (name: string) =>
        messages.filter((m) => m.sender === name && m.text !== '😂').map((m) => m.id);

      for (const [i, name] of OFFICERS.entries()) {
        const serving = i === 0 || i === 1 || i === 3; // Dev Elm resigns during the case (below)
        const p = await run(
          'person',
          'add',
          CASE,
          '--name',
          name,
          '--role',
          i < 6 ? 'subject' : 'witness',
          '--status',
          serving ? 'serving' : 'former',
          '--force',
          i === 5 ? 'Ministry of Defence Police' : MET,
          '--barred-list-applies',
          i === 5 ? 'no' : 'yes',
          '--employment',
          `${MET}:2010-04-01:${serving ? '' : '2020-06-30'}`,
        );
        ids[name] = p.id;
      }
      await rec(
        'case',
        CASE,
        '--reference',
        '2021/0001',
        '--body',
        'Independent Office for Police Conduct',
        '--mode',
        'independent',
        '--force',
        MET,
        '--referral-date',
        '2021-05-20',
        '--start-date',
        '2021-06-01',
        '--evidence-sufficient',
        '2021-12-01',
        '--report-date',
        '2022-06-01',
        '--messages-analysed',
        'more than 6,000',
        '--publishable',
        '--came-to-light',
        'a phone seized from a former officer arrested for an unrelated matter held the WhatsApp group',
      );
      const subjects = OFFICERS.slice(0, 6);
      for (const name of subjects) {
        await rec(
          'assess',
          CASE,
          name,
          '--severity',
          'gross_misconduct',
          '--on',
          '2021-06-10',
          '--publishable',
        );
        await rec(
          'notice',
          CASE,
          name,
          '--kind',
          'reg17',
          '--on',
          '2021-06-15',
          '--conduct',
          'discriminatory messages',
          '--standard',
          'Discreditable Conduct',
          '--publishable',
        );
      }
      for (const name of subjects.slice(0, 3))
        await rec('notice', CASE, name, '--kind', 'criminal_letter', '--on', '2021-06-15', '--publishable');
      const standards = [
        'Discreditable Conduct',
        'Authority, Respect and Courtesy',
        'Challenging and Reporting Improper Conduct',
        'Equality and Diversity',
      ];
      const allegations: number[] = [];
      for (const name of subjects) {
        const own = sentBy(name);
        const made = await rec(
          'allegation',
          CASE,
          name,
          '--standard',
          ...standards,
          '--description',
          'discriminatory messages',
          '--messages',
          (own.length ? own : sentBy('Alan Ash')).join(','),
          '--publishable',
        );
        allegations.push(...made.map((a) => a.id));
      }
      // Criminal route: referral, charges, court.
      await rec('refer', CASE, '--on', '2021-11-01', '--exhibit', 'JS/1', '--publishable');
      const counts: Record<string, number[]> = {};
      for (const name of subjects.slice(0, 3)) {
        await rec('charging', CASE, name, '--on', '2022-01-20', '--decision', 'charge');
        counts[name] = [];
        for (const m of sentBy(name).slice(0, name === 'Ben Birch' ? 3 : 5))
          counts[name].push(
            (await rec('charge', CASE, name, '--messages', String(m), '--on', '2022-02-10', '--publishable'))
              .id,
          );
        await rec(
          'appearance',
          CASE,
          name,
          '--on',
          '2022-03-15',
          '--court',
          "Westminster Magistrates' Court",
          '--purpose',
          'first appearance',
          '--publishable',
        );
        for (const [day, on] of [
          ['1', '2022-09-05'],
          ['2', '2022-09-06'],
        ])
          await rec(
            'appearance',
            CASE,
            name,
            '--on',
            on!,
            '--court',
            "Westminster Magistrates' Court",
            '--purpose',
            `trial, day ${day}`,
            '--publishable',
          );
      }
      await rec(
        'verdict',
        CASE,
        ...counts['Alan Ash']!.map(String),
        '--verdict',
        'convicted',
        '--on',
        '2022-09-06',
      );
      await rec(
        'verdict',
        CASE,
        ...counts['Ben Birch']!.map(String),
        '--verdict',
        'convicted',
        '--on',
        '2022-09-06',
      );
      await rec(
        'verdict',
        CASE,
        ...counts['Carl Cedar']!.map(String),
        '--verdict',
        'acquitted',
        '--on',
        '2022-09-06',
      );
      for (const name of ['Alan Ash', 'Ben Birch'])
        await rec(
          'sentence',
          CASE,
          name,
          '--on',
          '2022-10-07',
          '--sentence',
          "12 weeks' imprisonment; bailed pending appeal",
          '--publishable',
        );
      // Dev Elm resigned during the case.
      await run(
        'person',
        'update',
        CASE,
        'Dev Elm',
        '--status',
        'former',
        '--from',
        '2022-08-01',
        '--note',
        'resigned',
      );
      // Misconduct route.
      await rec(
        'case-to-answer',
        CASE,
        ...allegations.map(String),
        '--decision',
        'gross_misconduct',
        '--on',
        '2022-07-01',
      );
      const hearing = await rec(
        'hearing',
        CASE,
        // The published account dates the hearing by its month only: no day is invented.
        '--start',
        '2022-12',
        '--held-by',
        'the Metropolitan Police Service',
        '--publishable',
      );
      await rec(
        'finding',
        CASE,
        ...allegations.map(String),
        '--proceeding',
        String(hearing.id),
        '--finding',
        'proven',
        '--on',
        '2022-12',
        '--publishable',
      );
      for (const name of subjects)
        await rec(
          'outcome',
          CASE,
          name,
          '--outcome',
          ['Alan Ash', 'Ben Birch'].includes(name) ? 'dismissal_without_notice' : 'would_have_been_dismissed',
          '--proceeding',
          String(hearing.id),
          '--on',
          '2022-12',
          '--publishable',
        );
      for (const name of subjects.slice(0, 4))
        await rec('barred', CASE, name, '--reported-on', '2022-12-14', '--publishable');
      await rec(
        'barred',
        CASE,
        'Fred Gum',
        '--not-applicable',
        'he is subject to different regulations',
        '--publishable',
      );
      // Ed Fir's entry is not yet reported: "will be added".
      await rec(
        'recommendation',
        CASE,
        '--reference',
        'R1',
        '--recipient',
        MET,
        '--text',
        'review how supervisors act on reports of offensive messages in team chats',
        '--rationale',
        'no one in the group challenged or reported the messages',
        '--on',
        '2023-01-10',
        '--publishable',
      );
      await rec(
        'response',
        CASE,
        'R1',
        '--on',
        '2023-03-01',
        '--response',
        'accepted',
        '--text',
        'training for all sergeants by June 2023',
      );
      await rec('publish', CASE, 'R1', '--on', '2023-03-10', '--url', 'https://example.org/r1-response');
      for (const name of subjects.slice(0, 3)) await rec('subject', CASE, name, '--name-public');
    });
    afterAll(async () => ws.cleanup());

    it('generates the summary, sentence by sentence', async () => {
      const r = await ws.cli(['record', 'summary', CASE]);
      expect(r.code, r.err).toBe(0);
      expect(sentences(r.out)).toEqual([
        '# Published: investigation summary',
        'Reference 2021/0001.',
        'Investigated by Independent Office for Police Conduct (independent investigation).',
        'Forces involved:',
        'Metropolitan Police Service.',
        'The investigation started on 1 June 2021.',
        'A phone seized from a former officer arrested for an unrelated matter held the WhatsApp group.',
        'Investigators analysed more than 6,000 messages.',
        'The messages were discriminatory and derogatory about race and ethnicity, women, victims of crime and other individuals.',
        'All 6 officers investigated served with Metropolitan Police Service.',
        'The allegations concern messages sent between March 2019 and October 2019.',
        '## The officers',
        'Alan Ash: serving police officer, Metropolitan Police Service',
        'Ben Birch: serving police officer, Metropolitan Police Service',
        'Carl Cedar: former police officer, Metropolitan Police Service',
        'Officer D: former police officer, Metropolitan Police Service',
        'Officer E: former police officer, Metropolitan Police Service',
        'Officer F: former police officer, Ministry of Defence Police',
        '## Notices',
        '6 officers were served a misconduct notice (Regulation 17 notice).',
        '3 of them were also served a criminal letter (told they were under criminal investigation).',
        '## Criminal proceedings',
        'On 1 November 2021 a file of evidence was referred to the Crown Prosecution Service.',
        '3 people were charged under s127(1)(a) Communications Act 2003:',
        'Alan Ash (5 counts), Ben Birch (3 counts) and Carl Cedar (2 counts).',
        "They first appeared at Westminster Magistrates' Court on 15 March 2022.",
        "The trial, at Westminster Magistrates' Court, lasted two days, from 5 September 2022 to 6 September 2022.",
        'The verdicts were given on 6 September 2022:',
        'Alan Ash: convicted of 5 counts.',
        'Sentenced on 7 October 2022:',
        "12 weeks' imprisonment; bailed pending appeal.",
        'Ben Birch: convicted of 3 counts.',
        'Sentenced on 7 October 2022:',
        "12 weeks' imprisonment; bailed pending appeal.",
        'Carl Cedar: cleared of 2 counts.',
        '## Misconduct proceedings',
        'A gross misconduct hearing held by the Metropolitan Police Service in public in December 2022 found the case against all 6 officers proven.',
        'Each breached four Standards of Professional Behaviour:',
        'Authority, Respect and Courtesy; Equality and Diversity; Discreditable Conduct; and Challenging and Reporting Improper Conduct.',
        '## Outcomes',
        'Alan Ash and Ben Birch were dismissed without notice.',
        'Carl Cedar, Officer D, Officer E and Officer F, former officers, would have been dismissed had they still been serving.',
        '## Barred list',
        'Alan Ash, Ben Birch, Carl Cedar and Officer D were added to the College of Policing barred list.',
        'Officer E will be added to the College of Policing barred list.',
        'Officer F was not added: he is subject to different regulations.',
        '## Learning recommendations',
        'R1, made on 10 January 2023 to Metropolitan Police Service:',
        'Review how supervisors act on reports of offensive messages in team chats.',
        'Why:',
        'No one in the group challenged or reported the messages.',
        'The response was received on 1 March 2023: accepted.',
        'Training for all sergeants by June 2023.',
        'The response was published on 10 March 2023 at https://example.org/r1-response.',
      ]);
    });

    it('the timeline puts the second trial day before the verdicts given that day', async () => {
      const { timeline } = await ws.json<{ timeline: { date: string; kind: string }[] }>([
        'record',
        'timeline',
        CASE,
      ]);
      const day = timeline.filter((e) => e.date === '2022-09-06').map((e) => e.kind);
      expect(day.lastIndexOf('court')).toBeLessThan(day.indexOf('verdict'));
    });

    it('counts says so when there are no candidates', async () => {
      await run('case', 'create', 'Empty');
      const r = await ws.cli(['counts', 'Empty']);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain('No candidate counts');
    });

    it('the status history: Dev Elm was serving when served, former at the outcome', async () => {
      const people = await ws.json<
        { name: string; statusHistory: { status: string; from: string | null }[] }[]
      >(['person', 'list', CASE]);
      expect(people.find((p) => p.name === 'Dev Elm')!.statusHistory).toEqual([
        { status: 'serving', from: null, note: null },
        { status: 'former', from: '2022-08-01', note: 'resigned' },
      ]);
    });

    it('a late response is kept and said to be late; a final summary cannot be regenerated', async () => {
      await rec(
        'recommendation',
        CASE,
        '--reference',
        'R2',
        '--recipient',
        MET,
        '--text',
        'x',
        '--on',
        '2023-01-10',
      );
      await rec('response', CASE, 'R2', '--on', '2023-04-01', '--response', 'partly', '--text', 'y');
      const { deadlines } = await ws.json<{ deadlines: { about: string; status: string; basis: string }[] }>([
        'record',
        'deadlines',
        CASE,
        '--today',
        '2023-04-02',
      ]);
      expect(deadlines.find((d) => d.about === 'response to recommendation R2')).toMatchObject({
        status: 'met_late',
        basis: expect.stringContaining('done 25 days late, on 2023-04-01'),
      });
      // Ed Fir's barred list report runs from an outcome in December 2022: no day, no deadline.
      expect(deadlines.find((d) => d.about === 'barred list report for Ed Fir')).toMatchObject({
        status: 'not_computable',
        due: null,
        basis: expect.stringContaining('not computable'),
      });
      // As at a day before the charges, the counts are not yet met.
      const early = await ws.json<{ deadlines: { kind: string; status: string }[] }>([
        'record',
        'deadlines',
        CASE,
        '--today',
        '2022-01-01',
      ]);
      expect(early.deadlines.filter((d) => d.kind === 's127_limitation').map((d) => d.status)).not.toContain(
        'met',
      );
      expect((await ws.cli(['record', 'summary', CASE, '--final'])).code).toBe(0);
      const again = await ws.cli(['record', 'summary', CASE, '--regenerate']);
      expect(again.code).toBe(1);
      expect(again.err).toContain('the public summary is final');
      const mark = await ws.cli(['record', 'mark', CASE, 'recommendation', '1', '--private']);
      expect(mark.code).toBe(0);
      expect(mark.err).toContain('warning: the public summary is final');
    });
  },
);
