/**
 * Demo data: an entirely fictional WhatsApp group export, "Team 3 Response", in the shape of the
 * police response-team groups that misconduct investigations turn on.
 *
 * Everything here is invented: the officers, their numbers (Ofcom's drama range, 07700 900xxx), the
 * places and the jobs. The chat is Android "Export chat" text (`dd/mm/yyyy, HH:MM - Name: text`, LF
 * line endings, Europe/London wall-clock times) over about fourteen months: shift chatter (rotas,
 * overtime, court, food, cars, jobs, banter), joins, leaves, a removal, a subject change, media
 * left out of the export, multi-line, deleted and edited messages, a poll and a location.
 *
 * It also holds about twenty clearly offensive messages of several kinds (racist, misogynist,
 * homophobic, disablist, and mocking victims of domestic abuse and sexual offences), because finding,
 * weighing and evidencing those is what the tool is for. Some are laughed along with, some are
 * challenged, some meet silence: the bystander duty ("Challenging and Reporting Improper Conduct")
 * depends on which. The same seed always gives the same text.
 *
 * Why one file over 500 lines: the demo chat's script is data (scenes and lines), not logic.
 */

export const DEMO_GROUP_NAME = 'Team 3 Response';

/** mulberry32: a small, fast, deterministic PRNG. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((n, [, w]) => n + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    const last = items[items.length - 1];
    if (!last) throw new Error('pick from an empty list');
    return last[0];
  }
}

// ---------------------------------------------------------------------------------------------------
// The group

interface Officer {
  /** As the seized phone displays the author. */
  readonly display: string;
  /** What colleagues call them in messages. */
  readonly called: string;
  readonly chattiness: number;
  /** Day (from the start) they joined, and the day they left or were removed (exclusive). */
  readonly from: number;
  readonly until: number;
}

const DAYS = 425;
/** Monday 5 September 2022. */
const START = Date.UTC(2022, 8, 5);

const KATE = 'Sgt Kate Morris';
const DAN = 'PC Dan Hughes'; // the phone's owner
const RYAN = 'Ryan Clarke';
const TOM = 'Tom Reid 🚔';
const LEE = 'Lee Barker';
const CHRIS = 'Chris Doyle - Response';
const ASH = '+44 7700 900461';
const JIM = '~ Big Jim';
const MEGAN = 'Megan Price';

const JOIN = { chris: 1, ash: 20, jim: 45, megan: 120 };
const LEAVE = { megan: 270, lee: 330 };

const OFFICERS: readonly Officer[] = [
  { display: KATE, called: 'Sarge', chattiness: 3, from: 0, until: DAYS },
  { display: DAN, called: 'Dan', chattiness: 4, from: 0, until: DAYS },
  { display: RYAN, called: 'Ryan', chattiness: 4, from: 0, until: DAYS },
  { display: TOM, called: 'Tom', chattiness: 3, from: 0, until: DAYS },
  { display: LEE, called: 'Lee', chattiness: 4, from: 0, until: LEAVE.lee },
  { display: CHRIS, called: 'Chris', chattiness: 2, from: JOIN.chris + 1, until: DAYS },
  { display: ASH, called: 'Ash', chattiness: 1.5, from: JOIN.ash + 1, until: DAYS },
  { display: JIM, called: 'Jim', chattiness: 3, from: JOIN.jim + 1, until: DAYS },
  { display: MEGAN, called: 'Megan', chattiness: 2, from: JOIN.megan + 1, until: LEAVE.megan },
];

function membersOn(day: number): Officer[] {
  return OFFICERS.filter((o) => day >= o.from && day < o.until);
}

// ---------------------------------------------------------------------------------------------------
// Phrases (placeholders: {name} a colleague, {day}, {date}, {car}, {place})

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const CARS = ['BX21', 'the IRV', 'the van', '14', 'the old Astra', 'Delta 3', 'the carrier'];
const PLACES = [
  'Meadows',
  'Kingsway',
  'Ashby Road',
  'Millfield',
  'Canal Street',
  'Orchard',
  'Westgate',
  'Brookside',
];

interface Topic {
  readonly openers: readonly string[];
  readonly replies: readonly string[];
  readonly weight: number;
}

const TOPICS: Record<string, Topic> = {
  rota: {
    weight: 5,
    openers: [
      'Anyone want to swap {day} lates for my {day} earlies?',
      "Who's on nights {day}?",
      'Rota for next month is on the drive',
      "I'm on rest days til {day} if anyone needs me... they won't 😂",
      "Can someone cover my {day}? Kid's parents evening",
      'Are we minimum strength again {day}? Only 4 of us on the sheet',
      'Leave for Christmas has to be in by Friday or you get what you get',
      'Anyone know why I have been put on earlies 3 weeks running',
    ],
    replies: [
      'I can do it if you take my {day}',
      "no chance, I'm off to Tenerife",
      'me',
      'ask {name}',
      'sorted, ta',
      "it's always minimum strength",
      'resource management strike again',
      "I'll swap",
      '🙄',
      'yep',
    ],
  },
  overtime: {
    weight: 3,
    openers: [
      'Overtime going for the football {day}, 0800-1800, message the duty office',
      'Mutual aid for the festival weekend, anyone interested?',
      'Anyone had their overtime paid for last month yet?',
      'Cover needed for a constant at the General tonight, double time',
      'Bank holiday overtime list is up, first come first served',
    ],
    replies: [
      'put me down',
      'I need the money, me',
      'not a chance',
      'still waiting for mine from March',
      'go on then',
      'what time does it finish?',
      "{name} will, he's always skint",
    ],
  },
  court: {
    weight: 2,
    openers: [
      'Warned for crown court on the {date}, that burglary from the summer',
      'Court cancelled AGAIN 🙄 third time',
      'Anyone know if the {place} assault is going to trial? Defence asking for my PNB',
      'Magistrates on my rest day, love it',
      'Guilty plea on the {place} robbery 👌',
    ],
    replies: [
      'CPS strike again',
      "at least it's paid",
      'plead on the day, watch',
      'bring a book',
      'typical',
      'result 👏',
      'nice one',
    ],
  },
  food: {
    weight: 4,
    openers: [
      'Kebab?',
      'Greggs run, who wants what',
      'Chippy at 2?',
      'Someone has nicked my yoghurt out of the fridge AGAIN',
      "Who's doing breakfast Sunday",
      'Curry after earlies Friday?',
      "Brought doughnuts in, they're in the writing room",
      'Is the canteen open on nights yet or still shut',
    ],
    replies: [
      'sausage roll ta',
      'large doner no salad',
      '🙌',
      '2 x steak bake',
      "I'm on a diet",
      '🍩🍩',
      'in',
      'wasnt me 👀',
      'still shut',
      'go on then',
    ],
  },
  cars: {
    weight: 3,
    openers: [
      '{car} is u/s again, clutch gone',
      'Who left {car} with no fuel 😡',
      'Tyre pressure light on in {car}',
      'The van smells of sick, not cleaning it again',
      'Blue lights on {car} not working, reported it',
      'Who has the keys for {car}?',
    ],
    replies: [
      "wasn't me",
      '{name}',
      'fleet will take 3 weeks',
      'sorry 😬',
      "it's in the key safe",
      'use the old Astra',
      'standard',
    ],
  },
  jobs: {
    weight: 5,
    openers: [
      'Shout for a concern for welfare on the {place} estate, anyone free?',
      'Custody full, taking him to Northgate',
      'RTC on the bypass, need a car for traffic management',
      'Anyone free to do a constant at the General?',
      'Foot chase down by the canal, lost him 😂',
      'Stop check on {place}, one in for possession',
      "Grade 1 domestic on {place}, who's nearest?",
      'Missing from home found safe 👍',
      'Sudden death on {place}, anyone want the paperwork 😬',
      'Shoplifter at the big Tesco again, same lad as last week',
      'Who took the statement for the {place} burglary? CID want it',
    ],
    replies: [
      'on way',
      '2 mins out',
      "I'll take it",
      'need a second unit?',
      'good work',
      'nice one',
      "that's your night gone",
      "I'm stuck at the General",
      '{name} did',
      "it's on the system",
      'shout if you need a hand',
    ],
  },
  banter: {
    weight: 4,
    openers: [
      "Who's watching the match tonight?",
      '🍺 after earlies Friday?',
      '{name} fell asleep in the writing room again 😂',
      'Happy birthday {name} 🎂',
      "Anyone going to {name}'s leaving do?",
      'Best Christmas jumper wins a tenner',
      'Who keeps changing the radio in the van to Heart',
      'Fantasy football league, £10 in, link on the drive',
    ],
    replies: [
      '😂😂',
      'in',
      '🎂🎉',
      'lol',
      'standard',
      'you know it',
      "I'll be there",
      '🤣',
      'guilty',
      'not me',
    ],
  },
  welfare: {
    weight: 1,
    openers: [
      'Everyone ok after last night?',
      'That was a grim one, shout if you need a chat',
      'TRiM referral done for everyone who went to {place}',
    ],
    replies: ['all good sarge', 'ta', 'bit shook tbh', '👍', 'appreciate it'],
  },
  admin: {
    weight: 2,
    openers: [
      'Taser refresher moved to the {date}',
      'PST next week, bring your kit',
      'PDRs due end of month',
      'New body worn cams being issued {day}',
      'Remember to book your radios out properly, audit coming',
      "Whoever hasn't done the online training, inspector is chasing",
    ],
    replies: ['👍', 'noted', 'again?', '🙄', "who's got the form", 'done mine', 'cheers sarge'],
  },
};

const MEDIA_REACTIONS = ['😂😂', 'state of that', "where's that?", '🤣', 'no way', 'lol', '😳'];

const MULTI_LINE = [
  'Rota for w/c {date}:\nMon - {name}, {name}\nTue - {name}\nWed - rest day for all of us 🙌\n\nShout if it is wrong',
  'Briefing notes:\n- watch out for the grey Golf on {place}\n- warrant outstanding for the lad at 14\n- custody closed 0200-0400',
  'Sorry I was short earlier.\nRough job at {place}.\nAll good now',
  "Reminder:\nKit check Friday\nPhotos for the new ID cards {day}\nDon't be late",
];

// ---------------------------------------------------------------------------------------------------
// The offensive messages and how the group responded

type Response =
  | { readonly kind: 'laugh'; readonly by: readonly [string, string][] }
  | { readonly kind: 'challenge'; readonly by: readonly [string, string][] }
  | { readonly kind: 'silence' };

interface Incident {
  readonly day: number;
  readonly sender: string;
  readonly text: string;
  readonly response: Response;
}

const INCIDENTS: readonly Incident[] = [
  // Racist
  {
    day: 38,
    sender: LEE,
    text: 'Another car full of Romanians, no insurance, no licence. Should ship the lot of them back',
    response: {
      kind: 'laugh',
      by: [
        [RYAN, '😂😂'],
        [DAN, 'lol'],
      ],
    },
  },
  {
    day: 72,
    sender: JIM,
    text: 'Traveller site on the common again. Bloody pikeys, bulldoze the lot and do us all a favour',
    response: { kind: 'silence' },
  },
  {
    day: 150,
    sender: RYAN,
    text: "Couldn't understand a word the driver said. If you can't speak English go back where you came from",
    response: {
      kind: 'challenge',
      by: [
        [MEGAN, "mate that's out of order"],
        [RYAN, "it's a joke, calm down"],
      ],
    },
  },
  {
    day: 95,
    sender: ASH,
    text: 'Custody stinks of curry again, must be a full house tonight 🤢',
    response: {
      kind: 'laugh',
      by: [
        [TOM, '🤣🤣'],
        [JIM, 'classic Ash'],
      ],
    },
  },
  {
    day: 300,
    sender: LEE,
    text: 'Stopped another one of the Somalis from the flats. All the same that lot, thieving',
    response: { kind: 'laugh', by: [[DAN, '😂']] },
  },
  // Misogynist
  {
    day: 55,
    sender: LEE,
    text: "Women shouldn't be on response. Can't drive the van, can't fight, cry at every sudden death",
    response: { kind: 'laugh', by: [[TOM, 'lol']] },
  },
  {
    day: 110,
    sender: JIM,
    text: 'New custody sergeant only got her stripes for being a woman. Or on her knees 😂',
    response: {
      kind: 'laugh',
      by: [
        [RYAN, '😂😂😂'],
        [LEE, '🤣'],
      ],
    },
  },
  {
    day: 200,
    sender: RYAN,
    text: "The new probationer is fit though. I'd give her a tutorial 😏",
    response: { kind: 'challenge', by: [[KATE, 'Lads. Keep it professional.']] },
  },
  {
    day: 230,
    sender: DAN,
    text: 'Get back in the kitchen Megan 😂',
    response: {
      kind: 'challenge',
      by: [
        [MEGAN, 'not funny Dan'],
        [LEE, '😂😂'],
      ],
    },
  },
  // Homophobic
  {
    day: 280,
    sender: TOM,
    text: "Pride overtime? Not a chance I'm standing there watching that lot prance about",
    response: { kind: 'laugh', by: [[JIM, '😂']] },
  },
  {
    day: 175,
    sender: LEE,
    text: 'That new DC is a right poof, bet he bats for the other side',
    response: { kind: 'silence' },
  },
  {
    day: 340,
    sender: RYAN,
    text: 'Chris that haircut is so gay 😂 who did it, your boyfriend?',
    response: {
      kind: 'laugh',
      by: [
        [JIM, 'lol'],
        [TOM, '🤣'],
      ],
    },
  },
  // Disability
  {
    day: 88,
    sender: JIM,
    text: 'Had a proper window licker in custody today, dribbling everywhere 🤤',
    response: {
      kind: 'laugh',
      by: [
        [LEE, '😂😂'],
        [DAN, '🤣'],
      ],
    },
  },
  {
    day: 245,
    sender: ASH,
    text: 'Some spastic on a mobility scooter rammed the van in the Tesco car park',
    response: { kind: 'laugh', by: [[RYAN, 'lol']] },
  },
  {
    day: 315,
    sender: LEE,
    text: 'Whoever wrote this handover is a complete mong',
    response: { kind: 'silence' },
  },
  // Mocking victims of domestic abuse
  {
    day: 65,
    sender: LEE,
    text: "DA at number 12 again. She'll be back with him by Friday, she must like it 😂",
    response: {
      kind: 'laugh',
      by: [
        [JIM, '😂😂'],
        [RYAN, 'every time'],
      ],
    },
  },
  {
    day: 185,
    sender: RYAN,
    text: "If she stopped winding him up she wouldn't keep getting a slap 🤷‍♂️",
    response: { kind: 'challenge', by: [[MEGAN, 'delete that']] },
  },
  {
    day: 360,
    sender: JIM,
    text: 'Third DA call from her this month. Boy who cried wolf. Not rushing',
    response: { kind: 'challenge', by: [[KATE, "Jim you can't say that, it's a grade 1. Get going"]] },
  },
  // Mocking victims of sexual offences
  {
    day: 130,
    sender: LEE,
    text: 'Another rape report from the student halls. Got drunk, regretted it, classic Monday 🙄',
    response: {
      kind: 'laugh',
      by: [
        [TOM, 'lol'],
        [JIM, 'regret rape season 😂'],
      ],
    },
  },
  {
    day: 260,
    sender: ASH,
    text: 'Have you seen what she was wearing on the CCTV though. Asking for it',
    response: {
      kind: 'challenge',
      by: [
        [MEGAN, "That's disgusting. Seriously out of order"],
        [LEE, '🙄 snowflake'],
      ],
    },
  },
];

// ---------------------------------------------------------------------------------------------------
// Building the export

interface Entry {
  /** Wall-clock minutes since the Unix epoch, read as Europe/London local time. */
  readonly minute: number;
  /** Tie-breaker: generation order. */
  readonly order: number;
  /** The line after the header: "Name: text", or a system text. */
  readonly body: string;
}

const p2 = (n: number): string => String(n).padStart(2, '0');

function header(minute: number): string {
  const d = new Date(minute * 60_000);
  return `${p2(d.getUTCDate())}/${p2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}, ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`;
}

/** Last Sunday of a month (UTC date arithmetic on wall-clock days). */
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay());
}

/** UK clock-change hours (01:00-02:00 on the last Sundays of March and October) in wall-clock minutes. */
const CLOCK_CHANGE_HOURS = [2022, 2023, 2024].flatMap((y) =>
  [lastSunday(y, 2), lastSunday(y, 9)].map((day) => (day + 3_600_000) / 60_000),
);

/** Keep times clear of the hour that never happened and the hour that happened twice. */
function clearOfClockChange(minute: number): number {
  for (const start of CLOCK_CHANGE_HOURS) {
    if (minute >= start && minute < start + 60) return start + 75;
  }
  return minute;
}

class Chat {
  readonly entries: Entry[] = [];
  private order = 0;

  constructor(readonly rng: Rng) {}

  add(minute: number, body: string): void {
    this.entries.push({ minute: clearOfClockChange(minute), order: this.order++, body });
  }

  say(minute: number, who: string, text: string): void {
    this.add(minute, `${who}: ${text}`);
  }

  system(minute: number, text: string): void {
    this.add(minute, text);
  }

  render(): string {
    const sorted = [...this.entries].sort((a, b) => a.minute - b.minute || a.order - b.order);
    return sorted.map((e) => `${header(e.minute)} - ${e.body}\n`).join('');
  }
}

function dayStart(day: number): number {
  return (START + day * 86_400_000) / 60_000;
}

function fill(template: string, rng: Rng, day: number, members: readonly Officer[], self: string): string {
  const others = members.filter((m) => m.display !== self);
  return template
    .replace(/\{name\}/g, () => rng.pick(others.length > 0 ? others : members).called)
    .replace(/\{day\}/g, () => rng.pick(WEEKDAYS))
    .replace(/\{car\}/g, () => rng.pick(CARS))
    .replace(/\{place\}/g, () => rng.pick(PLACES))
    .replace(/\{date\}/g, () => {
      const d = new Date(START + (day + rng.int(5, 40)) * 86_400_000);
      return `${d.getUTCDate()}/${d.getUTCMonth() + 1}`;
    });
}

/** When threads start (hour of day, weight): mostly while shifts are on, sometimes in the small hours. */
const THREAD_HOURS: readonly (readonly [number, number])[] = [
  [7, 2], [8, 2], [10, 2], [12, 3], [14, 3], [16, 3], [18, 4],
  [20, 4], [21, 4], [22, 3], [23, 2], [0, 1], [2, 1], [4, 1],
]; // prettier-ignore

function threadStart(rng: Rng, day: number): number {
  return dayStart(day) + rng.weighted(THREAD_HOURS) * 60 + rng.int(0, 59);
}

function speaker(rng: Rng, members: readonly Officer[], not?: string): Officer {
  const pool = members.filter((m) => m.display !== not);
  return rng.weighted(pool.map((m) => [m, m.chattiness] as const));
}

const EDITS_FROM_DAY = Math.round((Date.UTC(2023, 4, 22) - START) / 86_400_000);

/** How many replies a thread gets, how many minutes apart, and when incidents happen (hour of day). */
const REPLY_COUNTS: readonly (readonly [number, number])[] = [
  [0, 1], [1, 3], [2, 4], [3, 3], [4, 2], [6, 1],
]; // prettier-ignore
const REPLY_GAPS: readonly (readonly [number, number])[] = [
  [0, 3], [1, 4], [3, 3], [8, 2], [25, 1],
]; // prettier-ignore
const INCIDENT_HOURS: readonly (readonly [number, number])[] = [
  [19, 2], [21, 3], [22, 3], [23, 2], [1, 1],
]; // prettier-ignore

const CAPTIONS = ['look at this', 'found on {place}', '😂'];
const AFTER_DELETION = ['what did you say 😂', 'too slow, saw it', '👀', 'bottled it'];

function thread(chat: Chat, day: number): void {
  const { rng } = chat;
  const members = membersOn(day);
  let t = threadStart(rng, day);
  const opener = speaker(rng, members);
  const roll = rng.float();

  if (roll < 0.1) {
    // A picture or video, left out of the export, and reactions to it.
    chat.say(t, opener.display, '<Media omitted>');
    if (rng.chance(0.4)) {
      const caption = fill(rng.pick(CAPTIONS), rng, day, members, opener.display);
      chat.say((t += rng.int(0, 1)), opener.display, caption);
    }
    for (let i = rng.int(0, 3); i > 0; i--) {
      const who = speaker(rng, members, opener.display);
      chat.say((t += rng.int(0, 6)), who.display, rng.pick(MEDIA_REACTIONS));
    }
    return;
  }
  if (roll < 0.115) {
    const text = fill(rng.pick(MULTI_LINE), rng, day, members, opener.display);
    chat.say(t, opener.display, text);
    if (rng.chance(0.6)) chat.say(t + rng.int(1, 10), speaker(rng, members, opener.display).display, '👍');
    return;
  }
  if (roll < 0.135) {
    // Something said and taken back.
    const deleted = opener.display === DAN ? 'You deleted this message' : 'This message was deleted';
    chat.say(t, opener.display, deleted);
    if (rng.chance(0.6)) {
      const who = speaker(rng, members, opener.display);
      chat.say(t + rng.int(0, 3), who.display, rng.pick(AFTER_DELETION));
    }
    return;
  }

  const topic = rng.weighted(Object.values(TOPICS).map((tp) => [tp, tp.weight] as const));
  const edited = day >= EDITS_FROM_DAY && rng.chance(0.04) ? ' <This message was edited>' : '';
  chat.say(t, opener.display, fill(rng.pick(topic.openers), rng, day, members, opener.display) + edited);
  let last = opener.display;
  const used = new Set<string>();
  for (let i = rng.weighted(REPLY_COUNTS); i > 0; i--) {
    const who = speaker(rng, members, last);
    t += rng.weighted(REPLY_GAPS) + rng.int(0, 2);
    const fresh = topic.replies.filter((r) => !used.has(r));
    const reply = rng.pick(fresh.length > 0 ? fresh : topic.replies);
    used.add(reply);
    chat.say(t, who.display, fill(reply, rng, day, members, who.display));
    last = who.display;
  }
}

function incident(chat: Chat, inc: Incident): void {
  const { rng } = chat;
  const day = inc.day + rng.int(-3, 3);
  let t = dayStart(day) + rng.weighted(INCIDENT_HOURS) * 60 + rng.int(0, 59);
  chat.say(t, inc.sender, inc.text);
  if (inc.response.kind === 'silence') return;
  for (const [who, text] of inc.response.by) {
    t += inc.response.kind === 'laugh' ? rng.int(0, 2) : rng.int(1, 6);
    chat.say(t, who, text);
  }
}

function groupEvents(chat: Chat): void {
  const { rng } = chat;
  const at = (day: number, hour: number): number => dayStart(day) + hour * 60 + rng.int(0, 50);
  let t = at(0, 9);
  chat.system(
    t,
    'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.',
  );
  chat.system(t, `${KATE} created group "Team 3 Lates"`);
  chat.system(t, `${KATE} added you`);
  for (const who of [RYAN, TOM, LEE]) chat.system((t += 1), `${KATE} added ${who}`);
  chat.say((t += 2), KATE, 'Right team, group for lates. Rota, overtime, jobs. Keep it sensible 👍');
  chat.say((t += 3), RYAN, '👍');
  chat.system(at(JOIN.chris, 10), `${KATE} added ${CHRIS}`);
  chat.system(at(JOIN.ash, 11), `${KATE} added ${ASH}`);
  t = at(30, 12);
  chat.system(t, `${KATE} changed the subject from "Team 3 Lates" to "${DEMO_GROUP_NAME}"`);
  chat.say(t + 1, KATE, 'Renamed as we are doing all shifts now');
  chat.system(at(31, 14), `${TOM} changed this group's icon`);
  chat.system(at(JOIN.jim, 20), `${JIM} joined using this group's invite link`);
  chat.say(at(JOIN.jim, 20) + 52, JIM, 'alright lads 👋');
  chat.system(at(90, 15), "You're now an admin");
  chat.system(at(JOIN.megan, 9), `${KATE} added ${MEGAN}`);
  chat.say(at(JOIN.megan, 9) + 55, KATE, 'Welcome Megan, transferred in from Team 1');
  chat.say(at(JOIN.megan, 9) + 58, MEGAN, 'Thanks all 😊');
  chat.system(
    at(205, 8),
    `${CHRIS} changed their phone number to a new number. Tap to message or add the new number.`,
  );
  chat.system(at(LEAVE.megan, 23), `${MEGAN} left`);
  chat.system(at(LEAVE.lee, 13), `${KATE} removed ${LEE}`);

  // A poll and a location, once each.
  t = at(95, 17);
  chat.say(
    t,
    KATE,
    'POLL:\nChristmas do - which night?\nOPTION: Fri 16th (4 votes)\nOPTION: Sat 17th (2 votes)\nOPTION: Not bothered (1 vote)',
  );
  chat.say(t + 14, LEE, 'Friday obviously');
  t = at(212, 22);
  chat.say(t, TOM, 'location: https://maps.google.com/?q=52.6309,-1.1327');
  chat.say(t + 1, TOM, 'Van is here, bring the key');
  chat.say(at(213, 1), RYAN, 'live location shared');
}

/**
 * The demo chat export for `seed` (the same seed gives the same text): about 3,500 messages from
 * September 2022 to November 2023, Android 24-hour headers, LF line endings, Europe/London times.
 */
export function generateDemoChat(seed = 1): string {
  const chat = new Chat(new Rng(seed));
  const { rng } = chat;
  groupEvents(chat);
  for (const inc of INCIDENTS) incident(chat, inc);
  // Day 0 is the day the group was created: the chatter starts the next day.
  for (let day = 1; day < DAYS; day++) {
    const weekday = day % 7; // 0 = Monday
    const base = weekday >= 5 ? [1, 1, 2, 2, 3, 3] : [1, 1, 2, 2, 2, 3, 3, 3, 4, 4];
    let threads = rng.pick(base);
    if (rng.chance(0.06)) threads = 0; // a quiet day
    if (rng.chance(0.05)) threads += 4; // a busy one
    for (let i = 0; i < threads; i++) thread(chat, day);
  }
  return chat.render();
}
