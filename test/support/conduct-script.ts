/**
 * A scripted WhatsApp group for the conduct tests. The script keeps its own simple record of what it
 * MEANT (who was a member when, who laughed at what, who challenged what), so the tests compare the
 * analysis against the script's intent, never against the analysis itself.
 */
import type {
  ConductMembershipEvent,
  ConductMessage,
  ConductParticipant,
  ConductReaction,
  OffensiveMark,
} from '../../src/analysis/conduct/index.js';

export const T0 = Date.parse('2021-03-01T08:00:00.000Z');

export interface Intent {
  sent: number;
  first: string | null;
  last: string | null;
  sentOffensive: { messageId: number; categories: string[]; basis: 'coded' | 'flagged' }[];
  /** Offensive message id → the membership span it was received in. */
  received: Map<number, Span>;
  endorsed: Set<number>;
  challenged: Set<number>;
}

export interface Span {
  fromSeen: boolean;
  toSeen: boolean;
}

export class Script {
  readonly messages: ConductMessage[] = [];
  readonly events: ConductMembershipEvent[] = [];
  readonly participants: ConductParticipant[] = [];
  readonly offensive: OffensiveMark[] = [];
  /** person → intent. */
  readonly intent = new Map<string, Intent>();
  /** participant display name → person. */
  readonly personOfName = new Map<string, string>();
  /** participant display name → current membership span (while a member). */
  readonly spans = new Map<string, Span>();
  /** participants who are members from their first message (no join seen): not yet spoken. */
  readonly pendingFirstMessage = new Set<string>();
  private t = T0;
  private nextId = 1;
  private nextEvent = 1;

  constructor(readonly conversationId = 1) {}

  /** A participant of the group; `person` groups several participants (confirmed links). */
  participant(name: string, opts: { person?: string; isOwner?: boolean; phone?: string } = {}): void {
    const person = opts.person ?? name;
    this.personOfName.set(name, person);
    this.participants.push({
      key: `k:${name}`,
      conversationId: this.conversationId,
      displayName: name,
      ...(opts.isOwner ? { isOwner: true } : {}),
      ...(opts.phone ? { phone: opts.phone } : {}),
    });
    if (!this.intent.has(person)) {
      this.intent.set(person, {
        sent: 0,
        first: null,
        last: null,
        sentOffensive: [],
        received: new Map(),
        endorsed: new Set(),
        challenged: new Set(),
      });
    }
  }

  get now(): string {
    return new Date(this.t).toISOString();
  }

  tick(minutes = 1): void {
    this.t += minutes * 60_000;
  }

  isMember(name: string): boolean {
    return this.spans.has(name);
  }

  members(): string[] {
    return [...this.spans.keys()];
  }

  person(name: string): Intent {
    return this.intent.get(this.personOfName.get(name)!)!;
  }

  /** A member from the start of the record with no event (participant list / lurker). */
  memberAllAlong(name: string): void {
    this.spans.set(name, { fromSeen: false, toSeen: false });
  }

  /** A member from their first message (no join seen). */
  memberFromFirstMessage(name: string): void {
    this.pendingFirstMessage.add(name);
  }

  event(
    type: ConductMembershipEvent['type'],
    actor: string | null,
    targets: string[],
    value: string | null = null,
  ): void {
    this.tick();
    const messageId = this.nextId++;
    this.messages.push({
      id: messageId,
      conversationId: this.conversationId,
      sender: null,
      participantKey: null,
      utc: this.now,
      kind: 'system',
      text: `${actor ?? ''} ${type} ${targets.join(', ')}`,
    });
    this.events.push({
      id: this.nextEvent++,
      conversationId: this.conversationId,
      messageId,
      type,
      actor,
      targets,
      utc: this.now,
      value,
    });
  }

  /** Names as the events display them ("You" for the owner). */
  private shown(name: string): string {
    return this.participants.find((p) => p.displayName === name)?.isOwner ? 'You' : name;
  }

  create(creator: string): void {
    this.event('created', this.shown(creator), []);
    this.spans.set(creator, { fromSeen: true, toSeen: false });
  }

  add(actor: string, names: string[]): void {
    this.event(
      'added',
      this.shown(actor),
      names.map((n) => this.shown(n)),
    );
    for (const n of names) this.spans.set(n, { fromSeen: true, toSeen: false });
  }

  joinByLink(name: string): void {
    this.event('joined_by_link', this.shown(name), [this.shown(name)]);
    this.spans.set(name, { fromSeen: true, toSeen: false });
  }

  leave(name: string): void {
    this.event('left', this.shown(name), [this.shown(name)]);
    this.spans.get(name)!.toSeen = true;
    this.spans.delete(name);
  }

  remove(actor: string, name: string): void {
    this.event('removed', this.shown(actor), [this.shown(name)]);
    this.spans.get(name)!.toSeen = true;
    this.spans.delete(name);
  }

  changeNumber(oldName: string, newName: string): void {
    this.event('number_changed', oldName, [oldName], newName);
    this.spans.get(oldName)!.toSeen = true;
    this.spans.delete(oldName);
    this.spans.set(newName, { fromSeen: true, toSeen: false });
  }

  say(
    name: string,
    text: string,
    extra: { replyTo?: number; byNameOnly?: boolean; reactions?: ConductReaction[] } = {},
  ): number {
    if (this.pendingFirstMessage.delete(name)) this.spans.set(name, { fromSeen: false, toSeen: false });
    if (!this.isMember(name)) throw new Error(`script: ${name} is not a member`);
    this.tick();
    const id = this.nextId++;
    this.messages.push({
      id,
      conversationId: this.conversationId,
      sender: name,
      participantKey: extra.byNameOnly ? null : `k:${name}`,
      utc: this.now,
      kind: 'text',
      text,
      keyId: `KEY${id}`,
      replyToKeyId: extra.replyTo === undefined ? null : `KEY${extra.replyTo}`,
      reactions: extra.reactions ?? [],
    });
    const p = this.person(name);
    p.sent++;
    p.first ??= this.now;
    p.last = this.now;
    return id;
  }

  /** An offensive message: every member but the sender receives it. */
  offend(name: string, text: string, categories: string[], basis: 'coded' | 'flagged'): number {
    const id = this.say(name, text);
    this.offensive.push({ messageId: id, categories, basis });
    this.person(name).sentOffensive.push({ messageId: id, categories, basis });
    const sender = this.personOfName.get(name);
    for (const m of this.members()) {
      if (this.personOfName.get(m) === sender) continue;
      this.person(m).received.set(id, this.spans.get(m)!);
    }
    return id;
  }

  react(on: number, name: string, emoji: string): void {
    const m = this.messages.find((x) => x.id === on)!;
    (m.reactions as ConductReaction[]).push({ sender: this.shown(name), emoji, utc: this.now });
  }

  endorses(name: string, id: number): void {
    this.person(name).endorsed.add(id);
  }

  challenges(name: string, id: number): void {
    this.person(name).challenged.add(id);
  }
}
