/**
 * A small generated WhatsApp group export for the defining case: seven officers (all fictional),
 * shift chatter from a seeded generator, and scripted offensive messages (the made-up slur
 * "zorblax" stands for the real words): Adam sends 5, Ben 5, Carl 2. Android export format.
 */
import { mulberry32 } from '../support/random.js';

export const MEMBERS = [
  'Adam Reed',
  'Ben Shaw',
  'Carl Tate',
  'Dan Hill',
  'Ed Lowe',
  'Finn Moss',
  'Gary Pike',
];

export const OFFENSIVE: ReadonlyArray<readonly [string, string]> = [
  ['Adam Reed', 'those zorblax on the estate again, animals the lot of them'],
  ['Ben Shaw', 'send the zorblax back where they came from 😂'],
  ['Adam Reed', 'another zorblax in the cells, lock the door and lose the key'],
  ['Carl Tate', 'victim was one of those zorblax, no wonder nobody cares'],
  ['Ben Shaw', 'women should not be on response, full stop'],
  ['Adam Reed', 'zorblax everywhere in custody last night, stinks'],
  ['Ben Shaw', 'zorblax family on the estate again, breeding like rats'],
  ['Adam Reed', 'DA victims calling again, she probably deserved it'],
  ['Carl Tate', 'zorblax should be banned from the town centre'],
  ['Ben Shaw', 'if she did not want it she should not have dressed like that'],
  ['Adam Reed', 'zorblax are all the same, every one of them'],
  ['Ben Shaw', 'zorblax lover that new sergeant'],
];

const CHATTER = [
  'morning all',
  'who is on lates tomorrow',
  'anyone want overtime saturday',
  'car 12 is knackered again',
  'court tomorrow at 10',
  'brew?',
  'running late, 5 mins',
  'nice one',
  'good shout',
  'on my way',
  'anyone seen my hat',
  'quiet night so far',
];

const pad = (n: number) => String(n).padStart(2, '0');

/** The export: from 1 February 2021, a few messages a day; one offensive message every 4 days. */
export function groupChat(seed = 7): string {
  const next = mulberry32(seed);
  const lines = [
    '01/02/2021, 08:00 - Gary Pike created group "Response B Team"',
    `01/02/2021, 08:01 - Gary Pike added ${MEMBERS.slice(0, 6).join(', ')}`,
  ];
  let offensive = 0;
  for (let day = 0; day < 60; day++) {
    const date = new Date(Date.UTC(2021, 1, 2 + day));
    const d = `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
    const n = 2 + Math.floor(next() * 3);
    for (let i = 0; i < n; i++) {
      const sender = MEMBERS[Math.floor(next() * MEMBERS.length)]!;
      const text = CHATTER[Math.floor(next() * CHATTER.length)]!;
      lines.push(`${d}, ${pad(9 + i * 2)}:${pad(Math.floor(next() * 60))} - ${sender}: ${text}`);
    }
    if (day % 4 === 1 && offensive < OFFENSIVE.length) {
      const [sender, text] = OFFENSIVE[offensive++]!;
      lines.push(`${d}, 21:${pad(10 + Math.floor(next() * 40))} - ${sender}: ${text}`);
      if (next() < 0.5) lines.push(`${d}, 21:55 - ${MEMBERS[3 + Math.floor(next() * 3)]!}: 😂😂`);
    }
  }
  return `${lines.join('\n')}\n`;
}
