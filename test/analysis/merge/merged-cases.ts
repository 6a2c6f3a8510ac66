/**
 * Generated merged cases, for the check that splitting the merge analysis into named parts
 * (mergeConversations, mergedConductView) changed nothing. One scripted group is seen on several
 * phones, each its own way:
 *
 * - 'android': a device database. Key ids, seconds, its owner known by name, one membership row per
 *   member, reactions, JIDs and phone numbers for its participants.
 * - 'ios': another device database of the same group: the same key ids, its clock a few seconds off
 *   (now and then minutes: a time conflict), some participants without a JID.
 * - 'export' / 'export2': exports (.txt). No key ids, minutes only, names from that phone's address
 *   book (a number where it has none), "You" in system lines for its owner, one line for several
 *   members added at once, placeholders for media and deleted messages, the edited marker.
 *
 * Each phone holds what arrived after its owner joined, less a few messages deleted for that phone
 * only; now and then a copy was edited or deleted on one phone only (a text or deleted conflict).
 * Codes, flags and confirmed links fall on any copy, some against each other.
 *
 * `mergeOutputs` runs the current code on a case and returns everything it computes as plain JSON;
 * scripts/write-merge-fixture.ts saved that for every case (inputs included, so a later change to
 * this generator cannot make the comparison miss), and merged-fixture.test.ts expects the same.
 */
import {
  mergedConductView,
  type ConductViewInput,
  type ViewCode,
  type ViewEvent,
  type ViewFlag,
  type ViewLink,
  type ViewMerge,
  type ViewMessage,
  type ViewParticipant,
} from '../../../src/analysis/merge/conduct-view.js';
import { mergeConversations, type MergeInputMessage } from '../../../src/analysis/merge/match.js';
import { mulberry32 } from '../../support/random.js';

export type PhoneKind = 'android' | 'ios' | 'export' | 'export2';
const DATABASE: ReadonlySet<PhoneKind> = new Set(['android', 'ios']);

/** A conversation of the case: one phone's copy of a group. */
export interface SourceSpec {
  readonly conversationId: number;
  readonly kind: PhoneKind;
  /** Member whose phone it is. */
  readonly owner: string;
  /** The export was made without --owner-name: its owner is only "You". */
  readonly ownerUnknown?: boolean;
}

export interface MergedCase {
  readonly name: string;
  /** Per merge (in the order applied): its sources' messages, in the order the merge lists them. */
  readonly sources: readonly (readonly MergeInputMessage[])[][];
  readonly mergeIds: readonly number[];
  /** Per merge: its conversations, in the order the merge lists them. */
  readonly conversationIds: readonly (readonly number[])[];
  readonly input: ConductViewInput<ViewMessage, ViewEvent, ViewParticipant, ViewLink>;
}

interface Person {
  readonly id: string;
  readonly jid: string;
  readonly phone: string;
  readonly pushName: string;
  /** How each phone's address book names them (absent: the phone shows the number). */
  readonly names: Readonly<Partial<Record<PhoneKind, string>>>;
}

type Step =
  | { t: 'msg'; ms: number; key: string; by: string; kind: 'text' | 'media' | 'deleted'; text: string }
  | {
      t: 'ev';
      ms: number;
      key: string;
      type: string;
      actor: string | null;
      targets: string[];
      value?: string;
    };

const PEOPLE: readonly [string, Partial<Record<PhoneKind, string>>][] = [
  ['adams', { android: 'PC Adams', ios: 'Adams', export: 'Adams', export2: 'Andy Adams' }],
  ['brown', { android: 'Sgt Brown', ios: 'Sgt Brown', export: 'Brownie', export2: 'Sgt Brown' }],
  ['clark', { android: 'DC Clark', ios: 'Clarky', export: 'DC Clark', export2: 'D Clark' }],
  ['davies', { android: 'Davies', ios: 'Dai', export: 'Dai Davies', export2: 'Davies' }],
  ['evans', { android: 'Evans', ios: 'PC Evans', export: 'Evans', export2: 'Evans' }],
  ['fox', { android: 'Fox', export: 'PC Fox', export2: 'Foxy' }],
  ['green', { android: 'Gus Green', ios: 'Gus', export2: 'Gustav' }],
  // Two people the second export's phone saved under one name.
  ['hale', { android: 'Hale', ios: 'Hale', export: 'Insp Hale', export2: 'Evans' }],
  // "Jo" is one person on some phones and the other on others.
  ['ives', { android: 'Jo', ios: 'Jo I', export: 'Jo', export2: 'Jo Ives' }],
  ['jones', { android: 'Jo J', ios: 'Jo', export: 'Jo Jones', export2: 'Jo' }],
];
const CHAT = ['on my way', 'parade at 7', 'who has the van keys', 'cheers', 'briefing moved to room 4'];
const OFFENSIVE = ['those zorblax again', 'typical grelkish behaviour', 'zorblax the lot of them'];
const LAUGHS = ['😂😂', 'lol', 'haha', 'lmao'];
const CATEGORIES = ['race_ethnicity', 'sex_women', 'other_derogatory', 'profanity'];

function people(): Person[] {
  return PEOPLE.map(([id, names], i) => {
    const digits = `447700900${String(200 + i)}`;
    return { id, jid: `${digits}@s.whatsapp.net`, phone: `+${digits}`, pushName: `${id} push`, names };
  });
}

/** The group's story: who was added when, who spoke, left, was removed, changed the subject. */
/** Members who never say anything: an export knows them only from its system lines. */
const SILENT = new Set(['green', 'jones']);

function script(seed: number, crowd: readonly Person[], stay: ReadonlySet<string> = new Set()): Step[] {
  const r = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  let ms = Date.UTC(2022, 4, 1, 7, 0, 0) + Math.floor(r() * 59_000);
  let key = 0;
  const nextKey = () => `3EB0${seed}K${String(key++).padStart(5, '0')}`;
  const steps: Step[] = [];
  const admin = crowd[0]!.id;
  const present = new Set<string>([admin]);
  const tick = (min: number, max: number) => (ms += (min + Math.floor(r() * (max - min))) * 1000);
  const ev = (type: string, actor: string | null, targets: string[], value?: string) => {
    tick(20, 200);
    steps.push({ t: 'ev', ms, key: nextKey(), type, actor, targets, ...(value ? { value } : {}) });
  };
  ev('created', admin, [], 'Shift B');
  const first = crowd.slice(1, 6).map((p) => p.id);
  ev('added', admin, first);
  for (const id of first) present.add(id);
  const outside = new Set(crowd.slice(6).map((p) => p.id));
  for (let i = 0; i < 70; i++) {
    const roll = r();
    const speakers = [...present];
    // Everyone outside is added back at the 25th step at the latest (one line naming them all).
    if ((roll < 0.07 || i === 25) && outside.size > 0) {
      const ids = [...outside].filter(() => i === 25 || r() < 0.6);
      if (ids.length === 0) ids.push([...outside][0]!);
      for (const id of ids) {
        outside.delete(id);
        present.add(id);
      }
      if (ids.length === 1 && r() < 0.3) ev('joined_by_link', ids[0]!, []);
      else ev('added', pick(speakers), ids);
    } else if (roll < 0.12 && present.size > 4) {
      const id = pick(speakers.filter((s) => s !== admin && !stay.has(s)));
      present.delete(id);
      outside.add(id);
      if (r() < 0.5) ev('left', id, []);
      else ev('removed', admin, [id]);
    } else if (roll < 0.14) {
      ev('subject_changed', pick(speakers), [], `Shift B ${i}`);
    } else {
      const by = pick(speakers.filter((p) => !SILENT.has(p)));
      const kind = roll < 0.22 ? 'media' : roll < 0.26 ? 'deleted' : 'text';
      const text =
        kind === 'deleted'
          ? ''
          : kind === 'media'
            ? r() < 0.5
              ? pick(CHAT)
              : ''
            : pick(roll < 0.5 ? OFFENSIVE : roll < 0.7 ? LAUGHS : CHAT);
      tick(5, roll < 0.6 ? 50 : 400);
      steps.push({ t: 'msg', ms, key: nextKey(), by, kind, text });
    }
  }
  return steps;
}

/** How a phone names a member in its message lines (an export shows a number it has no name for). */
function shownOn(kind: PhoneKind, p: Person): string {
  return p.names[kind] ?? `+44 7700 900${p.phone.slice(-3)}`;
}

/** One phone's copy of the group: its conversation's messages, events and participants. */
class PhoneCopy {
  readonly messages: ViewMessage[] = [];
  readonly events: ViewEvent[] = [];
  readonly participants: ViewParticipant[] = [];
  readonly mergeInput: MergeInputMessage[] = [];
  private readonly r: () => number;
  private readonly database: boolean;
  private readonly spoke = new Set<string>();
  private nextId: number;

  constructor(
    readonly spec: SourceSpec,
    private readonly crowd: ReadonlyMap<string, Person>,
    private readonly ids: { event: number },
    seed: number,
  ) {
    this.r = mulberry32(seed * 31 + spec.conversationId);
    this.database = DATABASE.has(spec.kind);
    this.nextId = spec.conversationId * 1000;
  }

  /** A member's name in this phone's message lines and participant list. */
  name(id: string): string {
    return shownOn(this.spec.kind, this.crowd.get(id)!);
  }

  /** A member's name in this phone's system lines: an export says "You" for its owner. */
  systemName(id: string): string {
    return !this.database && id === this.spec.owner ? 'You' : this.name(id);
  }

  key(id: string): string {
    return `${this.spec.conversationId}:${id}`;
  }

  private time(ms: number): string {
    const { kind } = this.spec;
    if (kind === 'android') return new Date(ms).toISOString();
    if (kind === 'ios') {
      // Its clock a few seconds off; now and then minutes (the key ids still match: a time conflict).
      const skew = this.r() < 0.04 ? 150_000 : Math.floor(this.r() * 6_000) - 3_000;
      return new Date(ms + skew).toISOString();
    }
    const skew = Math.floor(this.r() * 30_000) - 15_000;
    return new Date(Math.floor((ms + skew) / 60_000) * 60_000).toISOString();
  }

  private push(m: Omit<ViewMessage, 'id' | 'conversationId'> & { text: string; senderJid: string | null }) {
    const { text, senderJid, ...rest } = m;
    const id = this.nextId++;
    const conversationId = this.spec.conversationId;
    const view: ViewMessage & { text: string } = { id, conversationId, ...rest, text };
    this.messages.push(view);
    this.mergeInput.push({
      id,
      conversationId,
      keyId: m.keyId ?? null,
      sender: m.sender,
      senderJid,
      kind: m.kind,
      text,
      utc: m.utc,
    });
    return id;
  }

  message(step: Extract<Step, { t: 'msg' }>, present: ReadonlySet<string>): void {
    if (this.r() < 0.05) return; // deleted for this phone only
    const person = this.crowd.get(step.by)!;
    let { kind, text } = step as { kind: string; text: string };
    const roll = this.r();
    if (kind === 'text' && roll < 0.04)
      text = `${text} mate${this.database ? '' : ' <This message was edited>'}`;
    else if (kind === 'text' && roll < 0.07) kind = 'deleted';
    else if (kind === 'text' && roll < 0.1 && !this.database) text = `${text} <This message was edited>`;
    if (!this.database) text = this.exportBody(kind, text);
    const sender = this.name(step.by);
    const unresolved = !this.database && this.r() < 0.3;
    this.spoke.add(step.by);
    const reactions =
      this.database && kind !== 'deleted' && this.r() < 0.2
        ? [...present]
            .filter(() => this.r() < 0.3)
            .map((id, i) => ({
              sender: this.systemName(id),
              emoji: i % 2 ? '😂' : '👍',
              utc: this.time(step.ms + 9_000),
            }))
        : undefined;
    this.push({
      sender,
      participantKey: unresolved ? null : this.participantKeyFor(step.by),
      utc: this.time(step.ms),
      kind: this.database || kind !== 'deleted' || this.spec.kind === 'export' ? kind : 'text',
      ...(this.database ? { keyId: step.key } : {}),
      ...(reactions ? { reactions } : {}),
      text,
      senderJid: this.database ? person.jid : null,
    });
  }

  /** An export's participant for a sender: its owner's own lines are under its name when it is known. */
  private participantKeyFor(id: string): string {
    if (!this.database && id === this.spec.owner && this.spec.ownerUnknown) return this.key(`${id}-named`);
    return this.key(id);
  }

  private exportBody(kind: string, text: string): string {
    const ios = this.spec.kind === 'export2';
    if (kind === 'deleted') return ios ? '\u200EThis message was deleted.' : 'This message was deleted';
    if (kind !== 'media') return text;
    if (text === '') return ios ? '\u200Eimage omitted' : '<Media omitted>';
    return `IMG-20220501-WA${String(this.nextId % 1000).padStart(4, '0')}.jpg (file attached)\n${text}`;
  }

  event(step: Extract<Step, { t: 'ev' }>): void {
    const base = { type: step.type, utc: this.time(step.ms), ...(step.value ? { value: step.value } : {}) };
    // The iPhone's database does not say who created the group.
    const unknown = step.actor === null || (step.type === 'created' && this.spec.kind === 'ios');
    const actor = unknown ? null : this.systemName(step.actor!);
    const perMember = this.database && step.targets.length > 1;
    // A database has a row per member added; an export one line for them all.
    let row = 0;
    for (const targets of perMember ? step.targets.map((t) => [t]) : [step.targets]) {
      const named = targets.map((t) => this.systemName(t));
      const self = step.type === 'left' || step.type === 'joined_by_link';
      const members = self ? (this.database ? [actor!] : []) : named;
      this.push({
        sender: null,
        participantKey: null,
        utc: base.utc,
        kind: 'system',
        text: '',
        senderJid: null,
        // Android keeps a key id for each system row; the iPhone's database none.
        ...(this.spec.kind === 'android' ? { keyId: `${step.key}-${row++}` } : {}),
      });
      this.events.push({
        id: this.ids.event++,
        conversationId: this.spec.conversationId,
        actor,
        targets: members,
        ...base,
      });
    }
  }

  /** The phone's participants: a database lists every member it saw; an export those who spoke. */
  finish(seen: ReadonlySet<string>): void {
    const cid = this.spec.conversationId;
    if (this.database) {
      let i = 0;
      for (const id of seen) {
        const p = this.crowd.get(id)!;
        const noJid = this.spec.kind === 'ios' && i++ % 3 === 1;
        this.participants.push({
          key: this.key(id),
          conversationId: cid,
          displayName: this.name(id),
          phone: p.phone,
          jid: noJid ? null : p.jid,
          pushName: p.pushName,
          isOwner: id === this.spec.owner,
        });
      }
      return;
    }
    const owner = this.spec.owner;
    const add = (key: string, displayName: string, isOwner = false) =>
      this.participants.push({ key, conversationId: cid, displayName, ...(isOwner ? { isOwner } : {}) });
    if (this.spec.ownerUnknown) add(this.key(owner), 'You', true);
    for (const id of seen) {
      if (id === owner) {
        if (!this.spec.ownerUnknown) add(this.key(id), this.name(id), true);
        else if (this.spoke.has(id)) add(this.participantKeyFor(id), this.name(id));
        // Members who never spoke here: the second export lists them from its system lines.
      } else if (this.spoke.has(id) || this.spec.kind === 'export2') add(this.key(id), this.name(id));
    }
  }
}

/** The steps each phone received: from its owner's joining, until its owner left or was removed. */
function copies(
  steps: readonly Step[],
  specs: readonly SourceSpec[],
  crowd: ReadonlyMap<string, Person>,
  ids: { event: number },
  seed: number,
): PhoneCopy[] {
  const phones = specs.map((s) => new PhoneCopy(s, crowd, ids, seed));
  const admin = [...crowd.keys()][0]!;
  // Those added with the group's creation see its "created" line too.
  const firstAdded = steps.find((s) => s.t === 'ev' && s.type === 'added');
  const inGroup = new Set<string>([admin, ...(firstAdded?.t === 'ev' ? firstAdded.targets : [])]);
  const seen = phones.map(() => new Set<string>());
  for (const step of steps) {
    const touched = step.t === 'msg' ? [step.by] : [...(step.actor ? [step.actor] : []), ...step.targets];
    if (step.t === 'ev' && (step.type === 'added' || step.type === 'joined_by_link'))
      for (const id of step.type === 'added' ? step.targets : [step.actor!]) inGroup.add(id);
    phones.forEach((phone, i) => {
      if (!inGroup.has(phone.spec.owner)) return;
      for (const id of touched) seen[i]!.add(id);
      if (step.t === 'msg') phone.message(step, inGroup);
      else phone.event(step);
    });
    if (step.t === 'ev' && step.type === 'left') inGroup.delete(step.actor!);
    if (step.t === 'ev' && step.type === 'removed') for (const id of step.targets) inGroup.delete(id);
  }
  phones.forEach((phone, i) => phone.finish(seen[i]!));
  return phones;
}

/** Codes and flags on any copy of the offensive messages, some copies against each other. */
function marks(r: () => number, messages: readonly (ViewMessage & { text?: string })[]) {
  const coded: ViewCode[] = [];
  const flagged: ViewFlag[] = [];
  const cat = () => CATEGORIES[Math.floor(r() * CATEGORIES.length)]!;
  for (const m of messages) {
    const offensive = OFFENSIVE.some((o) => m.text?.includes(o));
    if (!offensive && r() < 0.97) continue;
    const roll = r();
    if (roll < 0.4) coded.push({ messageId: m.id, categories: [cat()], offensive: r() < 0.8 });
    else if (roll < 0.8)
      flagged.push({
        messageId: m.id,
        categories: [cat(), cat()],
        ...(r() < 0.7 ? { score: Math.round(r() * 100) / 100 } : {}),
      });
  }
  return { coded, flagged };
}

export interface GroupSpec {
  readonly mergeId: number;
  readonly seed: number;
  readonly phones: readonly SourceSpec[];
}

/** A case: one merge per group spec (its phones in the order the merge lists them), one group unmerged. */
export function mergedCase(name: string, seed: number, groups: readonly GroupSpec[]): MergedCase {
  const crowd = new Map(people().map((p) => [p.id, p]));
  const r = mulberry32(seed);
  const ids = { event: 1 };
  const all: PhoneCopy[] = [];
  const sources: MergeInputMessage[][][] = [];
  for (const g of groups) {
    // Phone owners stay in the group (but for the first, whose phone misses what it was away for).
    const stay = new Set(g.phones.slice(1).map((p) => p.owner));
    const phones = copies(script(g.seed, [...crowd.values()], stay), g.phones, crowd, ids, g.seed);
    all.push(...phones);
    sources.push(phones.map((p) => p.mergeInput));
  }
  // Another group, on the first phone only: merged with nothing, it passes through.
  const alone = copies(
    script(seed + 500, [...crowd.values()]).slice(0, 30),
    [{ conversationId: 99, kind: 'android', owner: 'adams' }],
    crowd,
    ids,
    seed,
  );
  all.push(...alone);
  const messages = all
    .flatMap((p) => p.messages)
    .sort((a, b) => (a.utc < b.utc ? -1 : a.utc > b.utc ? 1 : a.id - b.id));
  const { coded, flagged } = marks(r, messages);
  const participants = all.flatMap((p) => p.participants);
  const keys = participants.map((p) => p.key);
  // Confirmed links: one person on two phones (a duplicate once folded), one pair said to be two people.
  const linked = (id: string, person: string) =>
    keys.filter((k) => k.endsWith(`:${id}`)).map((participantKey) => ({ participantKey, person }));
  const confirmedLinks: ViewLink[] = [
    ...linked('adams', 'P-adams'),
    ...linked('brown', 'P-brown').map((l, i) => (i === 1 ? { ...l, person: 'P-someone-else' } : l)),
    ...linked('davies', 'P-davies')
      .slice(0, 1)
      .map((l) => ({ ...l, name: 'Dai Davies' })),
  ];
  return {
    name,
    sources,
    mergeIds: groups.map((g) => g.mergeId),
    conversationIds: groups.map((g) => g.phones.map((p) => p.conversationId)),
    input: { messages, events: all.flatMap((p) => p.events), participants, coded, flagged, confirmedLinks },
  };
}

export function mergedCases(): MergedCase[] {
  const phone = (
    conversationId: number,
    kind: PhoneKind,
    owner: string,
    ownerUnknown = false,
  ): SourceSpec => ({
    conversationId,
    kind,
    owner,
    ...(ownerUnknown ? { ownerUnknown } : {}),
  });
  return [
    mergedCase('a database and an export whose owner is only "You"', 1, [
      { mergeId: 1, seed: 1, phones: [phone(12, 'export', 'clark', true), phone(11, 'android', 'adams')] },
    ]),
    mergedCase('two databases and an export of a member who joined later', 2, [
      {
        mergeId: 3,
        seed: 2,
        phones: [phone(21, 'ios', 'evans'), phone(22, 'export', 'hale'), phone(23, 'android', 'brown')],
      },
    ]),
    mergedCase('two exports of one group, two databases of another', 3, [
      { mergeId: 4, seed: 3, phones: [phone(31, 'export', 'davies'), phone(32, 'export2', 'fox', true)] },
      { mergeId: 5, seed: 33, phones: [phone(41, 'android', 'adams'), phone(42, 'ios', 'jones')] },
    ]),
    mergedCase('four phones: two databases, two exports', 4, [
      {
        mergeId: 6,
        seed: 4,
        phones: [
          phone(51, 'export2', 'ives', true),
          phone(52, 'android', 'clark'),
          phone(53, 'export', 'brown', true),
          phone(54, 'ios', 'green'),
        ],
      },
    ]),
  ];
}

/** Everything the merge analysis computes for a case, as plain JSON. */
export function mergeOutputs(c: MergedCase): unknown {
  const matches = c.sources.map((s) => mergeConversations(s));
  const reversed = c.sources.map((s) => mergeConversations([...s].reverse()));
  const merges: ViewMerge[] = matches.map((m, i) => ({
    id: c.mergeIds[i]!,
    conversationIds: c.conversationIds[i]!,
    messages: m.messages,
  }));
  const view = mergedConductView(c.input, merges);
  const firstOnly = mergedConductView(c.input, merges.slice(0, 1));
  const passThrough = mergedConductView(c.input, []);
  return JSON.parse(
    JSON.stringify({
      matches,
      reversed,
      view,
      firstOnly: merges.length > 1 ? firstOnly : 'same as view',
      passThrough: {
        same: passThrough.messages === c.input.messages && passThrough.events === c.input.events,
        merged: passThrough.merged,
      },
    }),
  );
}

export const FIXTURE = new URL('fixtures/merged-cases.json', import.meta.url);

/** The saved fixture: each case with the output of the code before the split. */
export interface MergeFixture {
  readonly cases: readonly (MergedCase & { readonly output: unknown })[];
}
