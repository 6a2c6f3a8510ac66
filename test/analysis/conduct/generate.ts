/** The generated group for the conduct tests, and what its script says each picture must be. */
import type { ConfirmedLink, PersonPicture } from '../../../src/analysis/conduct/index.js';
import { Script } from '../../support/conduct-script.js';
import { mulberry32 } from '../../support/random.js';

const EQUALITY = new Set([
  'race_ethnicity',
  'religion',
  'sex_women',
  'sexual_orientation',
  'gender_identity',
  'disability',
  'age',
]);
const CATEGORIES = [
  'race_ethnicity',
  'sex_women',
  'victims_of_crime',
  'disability',
  'profanity',
  'other_derogatory',
];
const CHAT = [
  'on my way',
  "who's on nights tomorrow?",
  'parade at 7',
  'anyone got the keys for the van',
  'cheers',
  'traffic is awful on the ring road',
  'briefing moved to room 4',
];
const LAUGHS = ['😂😂', 'lol', 'haha', 'lmao', '🤣', 'hahaha brilliant'];
const CHALLENGES = [
  'mate that is out of order',
  'not funny',
  'delete that',
  "you can't say that",
  "that's racist",
  'well out of line',
];
const OFFENSIVE = ['[offensive remark A]', '[offensive remark B about a victim]', '[offensive joke C]'];

export interface Generated {
  script: Script;
  links: ConfirmedLink[];
  people: string[];
}

/**
 * A group of officers over a few weeks: scripted joins and leaves, a number change, a lurker, a member
 * seen only from their first message, offensive messages with laughs, reactions, challenges, sarcastic
 * laughs at challenges, late quoted challenges, and silence.
 */
export function generate(seed: number): Generated {
  const r = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const s = new Script(7);
  const names = ['Owner', 'PC Adams', 'Sgt Brown', 'DC Clark', 'Davies', 'Evans', 'Fox', 'Green', 'Hill'];
  s.participant('Owner', { isOwner: true });
  // Those outside the group get a participant record when they first join (as a store would).
  for (const n of names.slice(1, 6)) s.participant(n);
  s.participant('+44 7700 900999', { person: 'Davies' });
  s.participant('Lurker');
  s.participant('Quiet Late');
  const links: ConfirmedLink[] = [
    { participantKey: 'k:Davies', person: 'Davies' },
    { participantKey: 'k:+44 7700 900999', person: 'Davies' },
  ];

  s.create('Owner');
  s.add('Owner', ['PC Adams', 'Sgt Brown', 'DC Clark']);
  s.add('PC Adams', ['Davies', 'Evans']);
  s.memberAllAlong('Lurker');
  s.memberFromFirstMessage('Quiet Late');

  const outside = new Set(['Fox', 'Green', 'Hill']);
  const offensiveSoFar: number[] = [];
  for (let block = 0; block < 60; block++) {
    s.tick(45 + Math.floor(r() * 600)); // windows never overlap
    if (block === 20) {
      // The late starter speaks for the first time: a member from now on.
      s.say('Quiet Late', 'hi all, new here');
      continue;
    }
    if (block === 30) {
      s.changeNumber('Davies', '+44 7700 900999');
      continue;
    }
    const roll = r();
    const members = s.members();
    if (roll < 0.1 && outside.size > 0) {
      const n = pick([...outside]);
      outside.delete(n);
      if (!s.personOfName.has(n)) s.participant(n);
      if (r() < 0.5) s.add(pick(members), [n]);
      else s.joinByLink(n);
      continue;
    }
    if (roll < 0.17 && members.length > 5) {
      const n = pick(members.filter((m) => !['Owner', 'Lurker', 'Davies'].includes(m)));
      if (r() < 0.5) s.leave(n);
      else s.remove('Owner', n);
      outside.add(n);
      continue;
    }
    if (roll < 0.45) {
      for (let i = 0; i < 3; i++)
        s.say(pick(s.members().filter((m) => m !== 'Lurker')), pick(CHAT), { byNameOnly: r() < 0.3 });
      continue;
    }
    if (roll < 0.5 && offensiveSoFar.length > 0) {
      // A challenge hours later, as a quoted reply to an earlier offensive message.
      const target = pick(offensiveSoFar);
      const sender = s.messages.find((m) => m.id === target)!.sender!;
      const who = pick(
        s.members().filter((m) => m !== 'Lurker' && s.personOfName.get(m) !== s.personOfName.get(sender)),
      );
      if (who) {
        s.say(who, pick(CHALLENGES), { replyTo: target });
        s.challenges(who, target);
      }
      continue;
    }
    // An offensive message and what follows it.
    const speakers = s.members().filter((m) => m !== 'Lurker');
    const sender = pick(speakers);
    const cats = r() < 0.3 ? [pick(CATEGORIES), pick(CATEGORIES)] : [pick(CATEGORIES)];
    const id = s.offend(sender, pick(OFFENSIVE), [...new Set(cats)], r() < 0.5 ? 'coded' : 'flagged');
    offensiveSoFar.push(id);
    const senderPerson = s.personOfName.get(sender);
    const others = speakers.filter((m) => s.personOfName.get(m) !== senderPerson);
    if (r() < 0.3) s.say(sender, 'innit'); // the sender carrying on
    const laughers = others.filter(() => r() < 0.3);
    for (const l of laughers) {
      s.say(l, pick(LAUGHS));
      s.endorses(l, id);
    }
    if (r() < 0.5) {
      const c = pick(others);
      s.say(c, pick(CHALLENGES));
      s.challenges(c, id);
      if (r() < 0.6) {
        // A sarcastic laugh at the challenge: not an endorsement of the offensive message.
        s.say(pick(speakers.filter((m) => m !== c)), 'lol');
      }
    }
    if (r() < 0.4) {
      const who = pick(s.members().filter((m) => s.personOfName.get(m) !== senderPerson));
      if (who) {
        s.react(id, who, pick(['😂', '👍', '🤣']));
        s.endorses(who, id);
      }
    }
    if (r() < 0.3) {
      // Ordinary chat after the laughs: laughs are over.
      s.say(pick(speakers), pick(CHAT));
    }
  }
  return { script: s, links, people: [...s.intent.keys()] };
}

/** Every figure of a person's picture as the script meant it (computed from the script, not the code). */
export function expectedPicture(s: Script, name: string) {
  const categoriesOf = new Map(s.offensive.map((o) => [o.messageId, o.categories]));
  const i = s.intent.get(name)!;
  const asc = (xs: Iterable<number>): number[] => [...new Set(xs)].sort((a, b) => a - b);
  const participants = s.participants
    .filter((x) => s.personOfName.get(x.displayName) === name)
    .map((x) => x.key);
  const byCategory: Record<string, number> = {};
  const byBasis = { coded: 0, flagged: 0 };
  for (const o of i.sentOffensive) {
    byBasis[o.basis]++;
    for (const c of o.categories) byCategory[c] = (byCategory[c] ?? 0) + 1;
  }
  const received = asc(i.received.keys());
  const silent = received.filter((id) => !i.endorsed.has(id) && !i.challenged.has(id));
  const certainty = (id: number): string => {
    const span = i.received.get(id)!;
    return span.fromSeen && span.toSeen ? 'seen' : 'assumed';
  };
  const sentOff = i.sentOffensive.map((o) => o.messageId);
  const sentOrEndorsed = asc([...sentOff, ...i.endorsed]);
  const eq = asc(
    [...sentOff, ...i.endorsed].filter((id) => categoriesOf.get(id)!.some((c) => EQUALITY.has(c))),
  );
  const unchallenged = received.filter((id) => !i.challenged.has(id));
  const standards: { standard: string; messages: number[] }[] = [];
  if (sentOrEndorsed.length > 0)
    standards.push({ standard: 'Authority, Respect and Courtesy', messages: sentOrEndorsed });
  if (eq.length > 0) standards.push({ standard: 'Equality and Diversity', messages: eq });
  if (sentOrEndorsed.length > 0)
    standards.push({ standard: 'Discreditable Conduct', messages: sentOrEndorsed });
  if (unchallenged.length > 0) {
    standards.push({ standard: 'Challenging and Reporting Improper Conduct', messages: unchallenged });
  }

  return {
    participants,
    provisional: name !== 'Davies',
    sent: i.sent,
    sentOffensive: i.sentOffensive.length,
    byCategory,
    byBasis,
    sentOffensiveMessages: i.sentOffensive.map((o) => [o.messageId, o.basis, o.categories]),
    receivedOffensiveWhileMember: received.length,
    received: received.map((id) => [id, certainty(id)]),
    endorsed: i.endorsed.size,
    endorsedMessages: asc(i.endorsed),
    challenged: i.challenged.size,
    challengedMessages: asc(i.challenged),
    silent: silent.length,
    silentMessages: silent,
    first: i.first,
    last: i.last,
    standards,
  };
}

/** The figures of a picture, in the shape expectedPicture gives. */
export function view(p: PersonPicture) {
  return {
    participants: p.participants,
    provisional: p.provisional,
    sent: p.sent,
    sentOffensive: p.sentOffensive,
    byCategory: p.byCategory,
    byBasis: p.byBasis,
    sentOffensiveMessages: p.sentOffensiveMessages.map((o) => [o.messageId, o.basis, [...o.categories]]),
    receivedOffensiveWhileMember: p.receivedOffensiveWhileMember,
    received: p.receivedMessages.map((x) => [x.messageId, x.certainty]),
    endorsed: p.endorsed,
    endorsedMessages: p.endorsedMessages.map((x) => x.messageId),
    challenged: p.challenged,
    challengedMessages: p.challengedMessages.map((x) => x.messageId),
    silent: p.silent,
    silentMessages: p.silentMessages.map((x) => x.messageId),
    first: p.first,
    last: p.last,
    standards: p.standards.map((x) => ({ standard: x.standard, messages: [...x.messages] })),
  };
}
