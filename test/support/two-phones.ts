/**
 * One scripted WhatsApp group seen on two phones: an export .txt from a member's phone (Alpha: "You"
 * in its system lines) and a msgstore.db (+ wa.db) from the phone of the group's creator and admin
 * (Bravo, the database's owner). Each phone names people its own way (its own address book), so the
 * same person is "Sgt Charlie Cole" in the export and "Charlie C" in the database.
 *
 * Scripted: joins, leaves, removals, offensive messages (case terms, so flagging is certain), laughs,
 * challenges, sarcastic laughs at challenges, and members who stay silent. Times are whole minutes and
 * one event or message a minute, so both formats carry the same instants (an export keeps minutes).
 */
import { DateTime } from 'luxon';
import type { MChat, MMessage, Model, MPerson } from './fixtures/device/model.js';
import { mulberry32 } from './random.js';

export interface Member {
  /** Stable label used by the tests to line people up across cases. */
  readonly id: string;
  /** As the export (Alpha's phone) shows them. */
  readonly exportName: string;
  /** As the database (Bravo's phone) shows them. */
  readonly deviceName: string;
  readonly person: MPerson;
}

export interface TwoPhones {
  readonly model: Model;
  readonly members: readonly Member[];
  /** The export's text. */
  readonly exportText: string;
  /** What the script meant, per member id: messages sent and offensive messages sent. */
  readonly intent: ReadonlyMap<string, { sent: number; offensive: number }>;
  /** Case terms that make the offensive messages certain to be flagged. */
  readonly terms: readonly { term: string; category: string }[];
  readonly subject: string;
}

export const TERMS = [
  { term: 'zorblax', category: 'race_ethnicity' },
  { term: 'grelkish', category: 'sex_women' },
] as const;

const CHAT = ['on my way', 'parade at 7', 'briefing moved to room 4', 'cheers', 'who has the van keys'];
const OFFENSIVE = [
  'those zorblax on the estate again',
  'typical grelkish behaviour from her',
  'zorblax and grelkish the lot of them',
];
const LAUGHS = ['😂😂', 'lol', 'haha', 'lmao'];
const CHALLENGES = ['mate that is out of order', 'not funny', "you can't say that", 'delete that'];

export function twoPhones(seed: number): TwoPhones {
  const r = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const spec: [string, string, string][] = [
    ['alpha', 'Insp Alpha', 'Alpha A'],
    ['bravo', 'DC Bravo', 'PC Bravo B'],
    ['charlie', 'Sgt Charlie Cole', 'Charlie C'],
    ['delta', 'Delta', 'Del'],
    ['echo', 'PC Echo', 'Echo E'],
    ['foxtrot', 'Foxtrot Fox', 'Fox'],
    ['golf', '+44 7700 900117', 'Golfie'],
  ];
  const members: Member[] = spec.map(([id, exportName, deviceName], i) => {
    const digits = `4477009001${String(11 + i)}`;
    return {
      id,
      exportName,
      deviceName,
      person: {
        jid: `${digits}@s.whatsapp.net`,
        phone: `+${digits}`,
        pushName: `${id} push`,
        contactName: id === 'bravo' ? null : deviceName,
        lid: null,
        isOwner: id === 'bravo',
      },
    };
  });
  const by = new Map(members.map((m) => [m.id, m]));
  const subject = 'Shift B';
  let ms = Date.UTC(2021, 2, 1, 8, 0, 0);
  let key = 0;
  const messages: MMessage[] = [];
  const lines: string[] = [];
  const intent = new Map(members.map((m) => [m.id, { sent: 0, offensive: 0 }]));
  const local = () => DateTime.fromMillis(ms, { zone: 'utc' }).toFormat('dd/MM/yyyy, HH:mm');
  const exportName = (id: string) => by.get(id)!.exportName;
  const shownInSystem = (id: string) => (id === 'alpha' ? 'You' : exportName(id));
  const next = (minutes = 1): void => {
    ms += minutes * 60_000;
  };
  const message = (sender: string, kind: 'text' | 'system', text: string, system: MMessage['system']) => {
    messages.push({
      keyId: `3EB0${seed}K${String(key++).padStart(5, '0')}`,
      sender: by.get(sender)!.person,
      kind,
      text,
      ms,
      media: null,
      replyTo: null,
      reactions: [],
      editedMs: null,
      deletedBy: null,
      system,
      location: null,
      poll: null,
    });
  };
  const present = new Set<string>();
  const say = (id: string, text: string): void => {
    next();
    message(id, 'text', text, null);
    lines.push(`${local()} - ${exportName(id)}: ${text}`);
    intent.get(id)!.sent++;
  };
  const add = (ids: string[]): void => {
    next();
    // The database has a row per member added; the export one line for them all.
    for (const id of ids) message('bravo', 'system', '', { type: 'added', target: by.get(id)!.person });
    const names = ids.map(shownInSystem);
    const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}` : names[0]!;
    lines.push(`${local()} - ${exportName('bravo')} added ${list}`);
    for (const id of ids) present.add(id);
  };
  const leave = (id: string): void => {
    next();
    message(id, 'system', '', { type: 'left', target: by.get(id)!.person });
    lines.push(`${local()} - ${shownInSystem(id)} left`);
    present.delete(id);
  };
  const remove = (id: string): void => {
    next();
    message('bravo', 'system', '', { type: 'removed', target: by.get(id)!.person });
    lines.push(`${local()} - ${exportName('bravo')} removed ${shownInSystem(id)}`);
    present.delete(id);
  };

  next();
  message('bravo', 'system', subject, { type: 'created', target: null });
  lines.push(`${local()} - ${exportName('bravo')} created group "${subject}"`);
  present.add('bravo');
  add(['alpha', 'charlie', 'delta', 'echo']);
  say('alpha', 'morning all');
  const outside = new Set(['foxtrot', 'golf']);
  for (let block = 0; block < 40; block++) {
    next(30 + Math.floor(r() * 300)); // response windows never overlap
    const speakers = [...present];
    const roll = r();
    // Everyone joins at some point (the 10th and 25th blocks at the latest).
    if ((roll < 0.12 || block === 10 || block === 25) && outside.size > 0) {
      const id = pick([...outside]);
      outside.delete(id);
      add([id]);
      continue;
    }
    if (roll < 0.2 && speakers.length > 4) {
      const id = pick(speakers.filter((s) => s !== 'alpha' && s !== 'bravo'));
      if (r() < 0.5) leave(id);
      else remove(id);
      outside.add(id);
      continue;
    }
    if (roll < 0.45) {
      for (let i = 0; i < 2; i++) say(pick(speakers), pick(CHAT));
      continue;
    }
    const sender = pick(speakers);
    say(sender, pick(OFFENSIVE));
    intent.get(sender)!.offensive++;
    const others = speakers.filter((s) => s !== sender);
    for (const l of others.filter(() => r() < 0.3)) say(l, pick(LAUGHS));
    if (r() < 0.5) {
      const c = pick(others);
      say(c, pick(CHALLENGES));
      if (r() < 0.5) say(pick(speakers.filter((s) => s !== c)), 'lol');
    }
    if (r() < 0.3) say(pick(speakers), pick(CHAT));
  }

  const bravo = by.get('bravo')!.person;
  const group: MChat = {
    jid: `120363${String(seed).padStart(12, '0')}@g.us`,
    subject,
    isGroup: true,
    createdMs: messages[0]!.ms,
    // The database's participant list: the members at the end.
    members: [...present].map((id) => by.get(id)!.person),
    admins: new Set([by.get('bravo')!.person]),
    messages,
  };
  const model: Model = {
    owner: bravo,
    ownerName: by.get('bravo')!.deviceName,
    people: members.filter((m) => m.id !== 'bravo').map((m) => m.person),
    chats: [group],
  };
  return {
    model,
    members,
    exportText: `${lines.join('\n')}\n`,
    intent,
    terms: TERMS,
    subject,
  };
}
