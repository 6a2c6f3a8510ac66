/**
 * Conduct analysis: who said what to whom. People, membership over time, responses to offensive
 * messages, each person's conduct picture and candidate s127 counts. Pure and deterministic: no
 * SQL, no I/O. See docs/conduct.md.
 *
 *   const report = analyseConduct({ messages, events, participants, offensive, confirmedLinks });
 *   JSON.stringify({ people: report.people });
 */
import type { OffensiveMessageViewT, PersonConductT } from '../../contract/conduct-schemas.js';
import type { ReadonlyDeep } from '../../contract/readonly-deep.js';
import { ParticipantDirectory } from './directory.js';
import { prepareMessages } from './prepared.js';
import {
  AudienceIndex,
  buildTimelines,
  type AudienceMember,
  type Certainty,
  type MembershipTimeline,
} from './membership.js';
import { resolvePeople, type ConfirmedLink, type People } from './people.js';
import { buildPicture, type PersonPicture, type PictureFacts, type SentOffensive } from './picture.js';
import {
  classifyResponses,
  type OffensiveResponses,
  type ResponseEvidence,
  type ResponseWindow,
} from './responses.js';
import { candidateCounts, type CountOptions, type PersonCounts } from './counts.js';
import type { ConductMembershipEvent, ConductMessage, ConductParticipant, OffensiveMark } from './types.js';

export * from './types.js';
export * from './people.js';
export * from './membership.js';
export * from './responses.js';
export * from './picture.js';
export * from './counts.js';
export { ParticipantDirectory, OWNER_NAME } from './directory.js';
export { readReply, LAUGH_EMOJI, ENDORSING_REACTIONS, CHALLENGING_REACTIONS } from './text.js';

export interface ConductInput {
  readonly messages: readonly ConductMessage[];
  readonly events: readonly ConductMembershipEvent[];
  readonly participants: readonly ConductParticipant[];
  readonly offensive: readonly OffensiveMark[];
  readonly confirmedLinks?: readonly ConfirmedLink[];
}

export interface ConductOptions {
  readonly window?: Partial<ResponseWindow>;
}

/**
 * An offensive message seen from the group (the contract's shape, read-only): who was a member when
 * it was sent, who endorsed it, who challenged it and who stayed silent.
 */
export type OffensiveMessageView = ReadonlyDeep<OffensiveMessageViewT>;

export interface ConductReport {
  /** One picture per person, ordered by name then id. */
  readonly people: readonly PersonPicture[];
  readonly timelines: readonly MembershipTimeline[];
  readonly responses: readonly OffensiveResponses[];
  /**
   * Each offensive message seen from the group: who was a member when it was sent, who endorsed it,
   * who challenged it and who stayed silent (persons, the sender excluded).
   */
  readonly offensiveMessages: readonly OffensiveMessageView[];
  /** Participants made for names that matched no given participant (each its own provisional person). */
  readonly implicitParticipants: readonly ConductParticipant[];
  /** Participant key → person id. */
  readonly personOf: ReadonlyMap<string, string>;
}

/** The whole analysis. Throws IdentityConflictError where confirmed links conflict. */
export function analyseConduct(input: ConductInput, options: ConductOptions = {}): ConductReport {
  const directory = new ParticipantDirectory(input.participants);
  // Resolve every name first, so implicit participants exist before people are built.
  const prepared = prepareMessages(input.messages, directory);
  const timelines = buildTimelines(input.messages, input.events, input.participants, { prepared });
  for (const m of input.messages) {
    for (const r of m.reactions ?? []) directory.resolve(m.conversationId, r.sender);
  }
  const people: People = resolvePeople(directory.all(), input.confirmedLinks ?? []);
  const personOf = (k: string): string => people.personOf.get(k) ?? `participant:${k}`;
  const responses = classifyResponses(input.messages, input.offensive, input.participants, {
    ...(options.window ? { window: options.window } : {}),
    personOf,
    prepared,
  });

  const marks = new Map<number, OffensiveMark>();
  for (const o of input.offensive) marks.set(o.messageId, o);
  const facts = emptyFacts(people, marks);
  const factsOf = (key: string): PictureFacts => facts.get(personOf(key))!;
  countSent(input.messages, prepared.keys, marks, factsOf);

  const audience = new Map<number, AudienceIndex>();
  for (const t of timelines) audience.set(t.conversationId, new AudienceIndex(t));
  const offensiveMessages: OffensiveMessageView[] = [];
  for (const r of responses) {
    const members = audience.get(r.conversationId)?.at(r.utc) ?? [];
    const view = offensiveView(r, marks.get(r.messageId)!, members, personOf);
    offensiveMessages.push(view);
    for (const { person, certainty } of view.audience)
      facts.get(person)!.received.set(r.messageId, certainty);
    addResponses(r, factsOf);
  }

  const pictures = people.people
    .map((p) => buildPicture(p, facts.get(p.id)!))
    .sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : a.person < b.person ? -1 : a.person > b.person ? 1 : 0,
    );
  return {
    people: pictures,
    timelines,
    responses,
    offensiveMessages,
    implicitParticipants: directory.implicit,
    personOf: people.personOf,
  };
}

/** Each person's facts, empty, before the messages are read. */
function emptyFacts(people: People, marks: ReadonlyMap<number, OffensiveMark>): Map<string, PictureFacts> {
  const facts = new Map<string, PictureFacts>();
  const categoriesOf = (id: number): readonly string[] => marks.get(id)?.categories ?? [];
  for (const p of people.people) {
    facts.set(p.id, {
      sent: 0,
      first: null,
      last: null,
      sentOffensive: [],
      received: new Map(),
      endorsed: new Map(),
      challenged: new Map(),
      categoriesOf,
    });
  }
  return facts;
}

/** What each person sent: how many, when first and last, and which of it was offensive. */
function countSent(
  messages: readonly ConductMessage[],
  keys: readonly (string | null | undefined)[],
  marks: ReadonlyMap<number, OffensiveMark>,
  factsOf: (key: string) => PictureFacts,
): void {
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]!;
    const key = keys[i] ?? null;
    if (key === null) continue;
    const f = factsOf(key);
    f.sent++;
    if (f.first === null || m.utc < f.first) f.first = m.utc;
    if (f.last === null || m.utc > f.last) f.last = m.utc;
    const mark = marks.get(m.id);
    if (mark)
      f.sentOffensive.push({
        messageId: m.id,
        categories: mark.categories,
        basis: mark.basis,
      } satisfies SentOffensive);
  }
}

const byPerson = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** An offensive message seen from the group: its audience (persons, sender excluded) and their responses. */
function offensiveView(
  r: OffensiveResponses,
  mark: OffensiveMark,
  members: readonly AudienceMember[],
  personOf: (participantKey: string) => string,
): OffensiveMessageView {
  const senderPerson = r.participantKey === null ? null : personOf(r.participantKey);
  const seenBy = new Map<string, Certainty>();
  for (const a of members) {
    const person = personOf(a.participantKey);
    if (person === senderPerson) continue;
    const prev = seenBy.get(person);
    // A person with two participants in the group: the surer one counts.
    if (prev === undefined || rank(a.certainty) < rank(prev)) seenBy.set(person, a.certainty);
  }
  const endorsedBy = new Set<string>();
  const challengedBy = new Set<string>();
  for (const responder of r.responders) {
    if (responder.endorsed.length > 0) endorsedBy.add(personOf(responder.participantKey));
    if (responder.challenged.length > 0) challengedBy.add(personOf(responder.participantKey));
  }
  return {
    messageId: r.messageId,
    conversationId: r.conversationId,
    utc: r.utc,
    sender: senderPerson,
    categories: mark.categories,
    basis: mark.basis,
    audience: [...seenBy.entries()]
      .map(([person, certainty]) => ({ person, certainty }))
      .sort((a, b) => byPerson(a.person, b.person)),
    endorsedBy: [...endorsedBy].sort(byPerson),
    challengedBy: [...challengedBy].sort(byPerson),
    silent: [...seenBy.keys()].filter((p) => !endorsedBy.has(p) && !challengedBy.has(p)).sort(byPerson),
  };
}

/** Each responder's endorsements and challenges of one offensive message, into their person's facts. */
function addResponses(r: OffensiveResponses, factsOf: (key: string) => PictureFacts): void {
  for (const responder of r.responders) {
    const f = factsOf(responder.participantKey);
    const add = (m: Map<number, ResponseEvidence[]>, ev: readonly ResponseEvidence[]): void => {
      if (ev.length === 0) return;
      m.set(r.messageId, [...(m.get(r.messageId) ?? []), ...ev]);
    };
    add(f.endorsed, responder.endorsed);
    add(f.challenged, responder.challenged);
  }
}

const rank = (c: Certainty): number => (c === 'seen' ? 0 : c === 'assumed' ? 1 : 2);

/** Candidate s127(1)(a) counts per person who sent an offensive message, from a report. */
export function countsFor(
  report: Pick<ConductReport, 'people'>,
  messages: readonly ConductMessage[],
  options: CountOptions,
): PersonCounts[] {
  const utcOf = new Map<number, string>();
  for (const m of messages) utcOf.set(m.id, m.utc);
  return report.people
    .filter((p) => p.sentOffensive > 0)
    .map((p) => ({
      person: p.person,
      name: p.name,
      counts: candidateCounts(
        p.sentOffensiveMessages.map((s) => ({ ...s, utc: utcOf.get(s.messageId)! })),
        options,
      ),
    }));
}

/** One person as the CLI and the API print them (the contract's PersonConduct, read-only). */
export type PersonSummary = ReadonlyDeep<PersonConductT>;

/** The CLI's `{"people": [...]}` shape (details such as evidence and certainty stay in the report). */
export function summariseConduct(report: Pick<ConductReport, 'people'>): { people: PersonSummary[] } {
  return {
    people: report.people.map((p) => ({
      person: p.person,
      name: p.name,
      provisional: p.provisional,
      participants: p.participants,
      sent: p.sent,
      sentOffensive: p.sentOffensive,
      byCategory: p.byCategory,
      byBasis: p.byBasis,
      receivedOffensiveWhileMember: p.receivedOffensiveWhileMember,
      endorsed: p.endorsed,
      challenged: p.challenged,
      silent: p.silent,
      first: p.first,
      last: p.last,
      standards: p.standards.map((s) => ({ standard: s.standard, messages: s.messages, reason: s.reason })),
    })),
  };
}
