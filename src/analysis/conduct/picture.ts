/**
 * Each person's conduct picture: what they sent, what they received while a member, and how they
 * responded. Every figure is a count with the message ids behind it.
 *
 * The standards listed are SUGGESTIONS for an investigator to consider — the evidence "may engage"
 * them — and never findings: whether a standard was breached is decided by people, through the
 * misconduct process, on all the evidence and in context.
 */
import { PROTECTED_CATEGORIES } from '../../contract/coding.js';
import type { Standard as ContractStandard } from '../../contract/standards.js';
import type { Certainty } from './membership.js';
import type { ResponseEvidence } from './responses.js';
import type { OffensiveBasis } from './types.js';

/** The Standards of Professional Behaviour this analysis can point to, in Schedule 2 order. */
export const STANDARDS = [
  'Authority, Respect and Courtesy',
  'Equality and Diversity',
  'Discreditable Conduct',
  'Challenging and Reporting Improper Conduct',
] as const satisfies readonly ContractStandard[];
export type Standard = (typeof STANDARDS)[number];

/** Categories that are about protected characteristics (Equality and Diversity). */
export const EQUALITY_CATEGORIES: readonly string[] = PROTECTED_CATEGORIES;

export interface SentOffensive {
  readonly messageId: number;
  readonly categories: readonly string[];
  /** 'coded' where a reviewer coded the message, else 'flagged'. */
  readonly basis: OffensiveBasis;
}

export interface ReceivedOffensive {
  readonly messageId: number;
  /** How sure we are they were a member when it was sent. */
  readonly certainty: Certainty;
}

export interface ResponseDetail {
  readonly messageId: number;
  readonly evidence: readonly ResponseEvidence[];
}

/** A standard the evidence may engage: a suggestion for the investigator, never a finding. */
export interface StandardSuggestion {
  readonly standard: Standard;
  /** Supporting message ids, ascending. */
  readonly messages: readonly number[];
  readonly reason: string;
}

/**
 * One person's conduct picture. Counts are numbers; the arrays beside them hold the message ids.
 * `standards` are suggestions of what the evidence may engage, never findings.
 */
export interface PersonPicture {
  /** Person id (`participant:<key>` while provisional). */
  readonly person: string;
  readonly name: string;
  /** True until an investigator confirms who this is. */
  readonly provisional: boolean;
  readonly participants: readonly string[];
  /** Messages sent (not system lines). */
  readonly sent: number;
  readonly sentOffensive: number;
  /** Offensive messages sent, per category (a message with two categories counts in both). */
  readonly byCategory: Readonly<Record<string, number>>;
  /** How many of the offensive messages sent rest on reviewer codes, and how many on flags only. */
  readonly byBasis: { readonly coded: number; readonly flagged: number };
  readonly sentOffensiveMessages: readonly SentOffensive[];
  /** Offensive messages by others sent while this person was a member (any certainty). */
  readonly receivedOffensiveWhileMember: number;
  readonly receivedMessages: readonly ReceivedOffensive[];
  /** Offensive messages by others this person endorsed (laughed, approved, repeated). */
  readonly endorsed: number;
  readonly endorsedMessages: readonly ResponseDetail[];
  /** Offensive messages by others this person challenged. */
  readonly challenged: number;
  readonly challengedMessages: readonly ResponseDetail[];
  /** Received while a member, neither endorsed nor challenged. */
  readonly silent: number;
  readonly silentMessages: readonly ReceivedOffensive[];
  /** First and last message this person sent (ISO UTC), or null. */
  readonly first: string | null;
  readonly last: string | null;
  readonly standards: readonly StandardSuggestion[];
}

export interface PictureFacts {
  sent: number;
  first: string | null;
  last: string | null;
  sentOffensive: SentOffensive[];
  received: Map<number, Certainty>;
  endorsed: Map<number, ResponseEvidence[]>;
  challenged: Map<number, ResponseEvidence[]>;
  /** Category lists of the offensive messages this person responded to or received. */
  categoriesOf: (messageId: number) => readonly string[];
}

const asc = (a: number, b: number): number => a - b;

/** Assembles one person's picture from the facts gathered for them. */
export function buildPicture(
  person: { id: string; name: string; provisional: boolean; participants: readonly string[] },
  f: PictureFacts,
): PersonPicture {
  const byCategory: Record<string, number> = {};
  const byBasis = { coded: 0, flagged: 0 };
  const sentOffensiveMessages = [...f.sentOffensive].sort((a, b) => a.messageId - b.messageId);
  for (const s of sentOffensiveMessages) {
    byBasis[s.basis]++;
    for (const c of new Set(s.categories)) byCategory[c] = (byCategory[c] ?? 0) + 1;
  }
  const sortedCategories: Record<string, number> = {};
  for (const k of Object.keys(byCategory).sort()) sortedCategories[k] = byCategory[k]!;

  const receivedMessages = [...f.received.entries()]
    .map(([messageId, certainty]) => ({ messageId, certainty }))
    .sort((a, b) => a.messageId - b.messageId);
  const detail = (m: Map<number, ResponseEvidence[]>): ResponseDetail[] =>
    [...m.entries()]
      .map(([messageId, evidence]) => ({ messageId, evidence }))
      .sort((a, b) => a.messageId - b.messageId);
  const endorsedMessages = detail(f.endorsed);
  const challengedMessages = detail(f.challenged);
  const silentMessages = receivedMessages.filter(
    (r) => !f.endorsed.has(r.messageId) && !f.challenged.has(r.messageId),
  );

  const standards: StandardSuggestion[] = [];
  const sentIds = sentOffensiveMessages.map((s) => s.messageId);
  const endorsedIds = endorsedMessages.map((e) => e.messageId);
  const sentOrEndorsed = [...new Set([...sentIds, ...endorsedIds])].sort(asc);
  const describe = (sent: number, endorsed: number, what: string): string => {
    const parts: string[] = [];
    if (sent > 0) parts.push(`sent ${sent} ${what}${sent === 1 ? '' : 's'}`);
    if (endorsed > 0) parts.push(`endorsed ${endorsed} ${what}${endorsed === 1 ? '' : 's'} by others`);
    return parts.join(' and ');
  };
  if (sentOrEndorsed.length > 0) {
    standards.push({
      standard: 'Authority, Respect and Courtesy',
      messages: sentOrEndorsed,
      reason: `${describe(sentIds.length, endorsedIds.length, 'offensive message')}: may show a lack of respect and courtesy towards members of the public or colleagues`,
    });
  }
  const isEquality = (cats: readonly string[]): boolean => cats.some((c) => EQUALITY_CATEGORIES.includes(c));
  const eqSent = sentOffensiveMessages.filter((s) => isEquality(s.categories)).map((s) => s.messageId);
  const eqEndorsed = endorsedIds.filter((id) => isEquality(f.categoriesOf(id)));
  if (eqSent.length + eqEndorsed.length > 0) {
    standards.push({
      standard: 'Equality and Diversity',
      messages: [...new Set([...eqSent, ...eqEndorsed])].sort(asc),
      reason: `${describe(eqSent.length, eqEndorsed.length, 'message')} about a protected characteristic: may show discrimination`,
    });
  }
  if (sentOrEndorsed.length > 0) {
    standards.push({
      standard: 'Discreditable Conduct',
      messages: sentOrEndorsed,
      reason: `${describe(sentIds.length, endorsedIds.length, 'offensive message')}: may discredit the police service or undermine public confidence in it`,
    });
  }
  const unchallenged = receivedMessages.filter((r) => !f.challenged.has(r.messageId)).map((r) => r.messageId);
  if (unchallenged.length > 0) {
    const silentCount = silentMessages.length;
    const endorsedReceived = unchallenged.length - silentCount;
    standards.push({
      standard: 'Challenging and Reporting Improper Conduct',
      messages: unchallenged,
      // The same figures as the bundle's table (received, challenged): the sentence must not
      // disagree with it (issue 15: "received 19 … challenged none" beside a table of 20 and 1).
      reason:
        `received ${receivedMessages.length} offensive message${receivedMessages.length === 1 ? '' : 's'} by others while a member ` +
        `and challenged ${challengedMessages.length || 'none'}; ` +
        `${unchallenged.length} went unchallenged (${silentCount} silent, ${endorsedReceived} endorsed); no report is in the evidence`,
    });
  }
  return {
    person: person.id,
    name: person.name,
    provisional: person.provisional,
    participants: person.participants,
    sent: f.sent,
    sentOffensive: sentOffensiveMessages.length,
    byCategory: sortedCategories,
    byBasis,
    sentOffensiveMessages,
    receivedOffensiveWhileMember: receivedMessages.length,
    receivedMessages,
    endorsed: endorsedMessages.length,
    endorsedMessages,
    challenged: challengedMessages.length,
    challengedMessages,
    silent: silentMessages.length,
    silentMessages,
    first: f.first,
    last: f.last,
    standards,
  };
}
