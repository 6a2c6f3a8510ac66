/**
 * One scripted group and each phone's copy of it, for the generated merged cases (merged-cases.ts):
 * a device database ('android', 'ios') or an export ('export', 'export2'), each naming people its
 * own way. See merged-cases.ts for what each kind of phone holds.
 */
import type { ViewEvent, ViewMessage, ViewParticipant } from '../../../src/analysis/merge/conduct-view.js';
import type { MergeInputMessage } from '../../../src/analysis/merge/match.js';
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

export interface Person {
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
export const OFFENSIVE = ['those zorblax again', 'typical grelkish behaviour', 'zorblax the lot of them'];
const LAUGHS = ['😂😂', 'lol', 'haha', 'lmao'];
export const CATEGORIES = ['race_ethnicity', 'sex_women', 'other_derogatory', 'profanity'];

export function people(): Person[] {
  return PEOPLE.map(([id, names], i) => {
    const digits = `447700900${String(200 + i)}`;
    return { id, jid: `${digits}@s.whatsapp.net`, phone: `+${digits}`, pushName: `${id} push`, names };
  });
}

/** Members who never say anything: an export knows them only from its system lines. */
const SILENT = new Set(['green', 'jones']);

/** The group's story: who was added when, who spoke, left, was removed, changed the subject. */
export function script(
  seed: number,
  crowd: readonly Person[],
  stay: ReadonlySet<string> = new Set(),
): Step[] {
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
export class PhoneCopy {
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
export function copies(
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
