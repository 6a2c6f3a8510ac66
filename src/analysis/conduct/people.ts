/**
 * People: who is behind the participants. Until an investigator confirms links, each participant
 * stands as its own provisional person. `proposeLinks` only proposes; nothing is merged on a guess.
 */
import { UserError } from '../../domain/errors.js';
import type { ConductMembershipEvent, ConductParticipant } from './types.js';

/** An investigator's confirmed link: this participant is this person. */
export interface ConfirmedLink {
  readonly participantKey: string;
  /** The person's id (any stable string the case gives people, e.g. "P1" or an officer's name). */
  readonly person: string;
  /** The person's name as it should be shown; defaults to the first linked participant's name. */
  readonly name?: string;
}

export interface Person {
  /** Confirmed: the link's person id. Provisional: `participant:<key>`. */
  readonly id: string;
  readonly name: string;
  /** True until an investigator has confirmed a link for it. */
  readonly provisional: boolean;
  /** Participant keys, in input order. */
  readonly participants: readonly string[];
}

export interface People {
  readonly people: readonly Person[];
  /** Participant key → person id. */
  readonly personOf: ReadonlyMap<string, string>;
}

/** Two confirmed links that cannot both be true. Names both people. */
export class IdentityConflictError extends UserError {
  constructor(
    message: string,
    readonly people: readonly [string, string],
    readonly subject: string,
  ) {
    super(message, { code: 'identity_conflict' });
    this.name = 'IdentityConflictError';
  }
}

/**
 * One person per participant unless confirmed links join participants to a person. Throws
 * IdentityConflictError where one participant, or one phone number / JID, is confirmed to two people.
 */
export function resolvePeople(
  participants: readonly ConductParticipant[],
  confirmedLinks: readonly ConfirmedLink[] = [],
): People {
  const linkOf = new Map<string, ConfirmedLink>();
  for (const l of confirmedLinks) {
    const prev = linkOf.get(l.participantKey);
    if (prev && prev.person !== l.person) {
      throw new IdentityConflictError(
        `participant '${l.participantKey}' is confirmed as two people: '${prev.person}' and '${l.person}'`,
        [prev.person, l.person],
        l.participantKey,
      );
    }
    linkOf.set(l.participantKey, l);
  }
  // One number (or JID) confirmed to two people.
  const byIdentifier = new Map<string, { person: string; key: string }>();
  for (const p of participants) {
    const l = linkOf.get(p.key);
    if (!l) continue;
    for (const id of identifiers(p)) {
      const prev = byIdentifier.get(id);
      if (prev && prev.person !== l.person) {
        throw new IdentityConflictError(
          `${id.startsWith('phone:') ? 'phone number' : 'JID'} ${id.slice(id.indexOf(':') + 1)} is confirmed ` +
            `as two people: '${prev.person}' (participant '${prev.key}') and '${l.person}' (participant '${p.key}')`,
          [prev.person, l.person],
          id,
        );
      }
      byIdentifier.set(id, { person: l.person, key: p.key });
    }
  }
  const people = new Map<
    string,
    { id: string; name: string; provisional: boolean; participants: string[] }
  >();
  const personOf = new Map<string, string>();
  for (const p of participants) {
    const l = linkOf.get(p.key);
    const id = l ? l.person : `participant:${p.key}`;
    let person = people.get(id);
    if (!person) {
      person = { id, name: l?.name ?? p.displayName, provisional: !l, participants: [] };
      people.set(id, person);
    }
    person.participants.push(p.key);
    personOf.set(p.key, id);
  }
  return { people: [...people.values()], personOf };
}

function identifiers(p: ConductParticipant): string[] {
  const out: string[] = [];
  const phone = normalisePhone(p.phone) ?? phoneFromJid(p.jid);
  if (phone) out.push(`phone:${phone}`);
  if (p.jid) out.push(`jid:${p.jid.toLowerCase()}`);
  return out;
}

/**
 * Digits of a phone number in international form: "+44 7700 900123", "0044 7700900123" and the UK
 * national "07700 900123" all give "447700900123". Null where fewer than 7 digits.
 */
export function normalisePhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  let d = phone.replace(/\D/g, '');
  if (d.startsWith('00')) d = d.slice(2);
  else if (d.length === 11 && d.startsWith('0') && !phone.trim().startsWith('+')) d = `44${d.slice(1)}`;
  return d.length >= 7 ? d : null;
}

/** The phone digits of a phone JID (…@s.whatsapp.net / …@c.us); null for @lid and group JIDs. */
export function phoneFromJid(jid: string | null | undefined): string | null {
  if (!jid) return null;
  const m = /^(\d+)(?::\d+)?@(?:s\.whatsapp\.net|c\.us)$/i.exec(jid.trim());
  return m ? normalisePhone(m[1]) : null;
}

/** Rank words, any case. */
const RANK_WORD = /^(?:sgt|sergeant|insp|inspector|ch\.?\s*supt|supt|det|detective|const|constable)\.?\s+/i;
/**
 * Rank abbreviations, in capitals (or the common "Pc"/"Dc" forms): "Di Smith" is more likely Diana
 * than a Detective Inspector, so mixed-case "Di"/"Ci" are left alone.
 */
const RANK_ABBR = /^(?:W?PC|PCSO|PS|DC|DS|DI|DCI|DSU|CI|SC|Pc|Dc|Ps|Ds|Pcso|Wpc|pc|dc|ps|ds|pcso)\.?\s+/;
const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200D\uFE0E\uFE0F\u20E3]/gu;

/**
 * A name for comparison: NFKC, emoji dropped, leading "~", rank prefixes (PC, Sgt, DC…) and a trailing
 * " - Team" suffix (e.g. " - Response") removed, punctuation dropped, lower case, single spaces.
 * Returns '' where nothing is left.
 */
export function normaliseName(name: string): string {
  let s = name
    .normalize('NFKC')
    .replace(EMOJI, ' ')
    .replace(/[\u2018\u2019\u02BC`]/g, "'");
  s = s.replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '');
  s = s.replace(/^[\s~]+/, '').trim();
  s = s.replace(/\s+[-–—|]\s+.*$/u, '');
  s = s.replace(/\s*\((?:[^)]*)\)\s*$/u, '');
  for (let prev = ''; prev !== s;) {
    prev = s;
    s = s.replace(RANK_WORD, '').replace(RANK_ABBR, '');
  }
  s = s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s'-]/gu, ' ')
    .replace(/['-]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return s;
}

export type LinkEvidenceKind = 'phone' | 'jid' | 'number_changed' | 'display_name' | 'name' | 'push_name';

export interface LinkEvidence {
  readonly kind: LinkEvidenceKind;
  /** What matched, e.g. the digits, or "pc dave smith" ~ "dave smith". */
  readonly detail: string;
  /** Weight of this evidence alone, 0..1. */
  readonly confidence: number;
}

/** A proposed "same person" link between two participants; never applied until confirmed. */
export interface LinkProposal {
  /** Participant keys, a < b in input order. */
  readonly a: string;
  readonly b: string;
  readonly evidence: readonly LinkEvidence[];
  /** 1 − Π(1 − evidence confidence), two decimals. */
  readonly confidence: number;
}

const WEIGHT: Record<LinkEvidenceKind, number> = {
  phone: 0.95,
  jid: 0.95,
  number_changed: 0.8,
  display_name: 0.6,
  name: 0.5,
  push_name: 0.4,
};

/**
 * Proposes participant→participant "same person" links: identical phone numbers or JIDs, names that
 * match after normalisation (an exact display name scores higher; a one-word name lower), identical
 * push names, and "X changed to +44…" events. Deterministic: sorted by confidence, then input order.
 */
export function proposeLinks(
  participants: readonly ConductParticipant[],
  events: readonly ConductMembershipEvent[] = [],
): LinkProposal[] {
  const index = new Map<string, number>();
  participants.forEach((p, i) => index.set(p.key, i));
  const pairs = new LinkPairs(participants);
  sameIdentifiers(pairs);
  pushNamesAsNames(pairs);
  numberChanges(pairs, events);
  return pairs
    .proposals()
    .sort(
      (x, y) =>
        y.confidence - x.confidence || index.get(x.a)! - index.get(y.a)! || index.get(x.b)! - index.get(y.b)!,
    );
}

const phoneOf = (p: ConductParticipant): string | null =>
  normalisePhone(p.phone) ?? phoneFromJid(p.jid) ?? phoneFromName(p.displayName);

/** The evidence gathered for each pair of participants (by index, a < b), in the order first found. */
class LinkPairs {
  private readonly pairs = new Map<string, { a: number; b: number; evidence: LinkEvidence[] }>();

  constructor(readonly participants: readonly ConductParticipant[]) {}

  add(i: number, j: number, ev: LinkEvidence): void {
    if (i === j) return;
    const [a, b] = i < j ? [i, j] : [j, i];
    const k = `${a},${b}`;
    let pair = this.pairs.get(k);
    if (!pair) this.pairs.set(k, (pair = { a, b, evidence: [] }));
    // One piece of evidence per kind: the strongest.
    const same = pair.evidence.findIndex((e) => e.kind === ev.kind);
    if (same < 0) pair.evidence.push(ev);
    else if (pair.evidence[same]!.confidence < ev.confidence) pair.evidence[same] = ev;
  }

  /** Every two participants with the same `keyOf` get the evidence `make` gives (if any). */
  group(
    keyOf: (p: ConductParticipant) => string | null,
    make: (k: string, p: ConductParticipant, q: ConductParticipant) => LinkEvidence | null,
  ): void {
    const { participants } = this;
    const groups = new Map<string, number[]>();
    participants.forEach((p, i) => {
      const k = keyOf(p);
      if (!k) return;
      const g = groups.get(k);
      if (g) g.push(i);
      else groups.set(k, [i]);
    });
    for (const [k, g] of groups) {
      for (let x = 0; x < g.length; x++) {
        for (let y = x + 1; y < g.length; y++) {
          const ev = make(k, participants[g[x]!]!, participants[g[y]!]!);
          if (ev) this.add(g[x]!, g[y]!, ev);
        }
      }
    }
  }

  proposals(): LinkProposal[] {
    const out: LinkProposal[] = [];
    for (const { a, b, evidence } of this.pairs.values()) {
      const miss = evidence.reduce((m, e) => m * (1 - e.confidence), 1);
      out.push({
        a: this.participants[a]!.key,
        b: this.participants[b]!.key,
        evidence,
        confidence: Math.round((1 - miss) * 100) / 100,
      });
    }
    return out;
  }
}

/** Same phone number, same JID, names that read the same, push names that read the same. */
function sameIdentifiers(pairs: LinkPairs): void {
  pairs.group(phoneOf, (k) => ({
    kind: 'phone',
    detail: `same phone number +${k}`,
    confidence: WEIGHT.phone,
  }));
  pairs.group(
    (p) => (p.jid ? p.jid.trim().toLowerCase() : null),
    (k) => ({ kind: 'jid', detail: `same JID ${k}`, confidence: WEIGHT.jid }),
  );
  pairs.group(
    (p) => (phoneFromName(p.displayName) ? null : normaliseName(p.displayName) || null),
    (k, p, q) => {
      if (p.displayName === q.displayName) {
        return {
          kind: 'display_name',
          detail: `same display name "${p.displayName}"`,
          confidence: WEIGHT.display_name,
        };
      }
      const oneWord = !k.includes(' ');
      return {
        kind: 'name',
        detail: `"${p.displayName}" and "${q.displayName}" both read "${k}"${oneWord ? ' (one word only)' : ''}`,
        confidence: oneWord ? 0.3 : WEIGHT.name,
      };
    },
  );
  pairs.group(
    (p) => (p.pushName ? normaliseName(p.pushName) || null : null),
    (k, p, q) => ({
      kind: 'push_name',
      detail: `push names "${p.pushName}" and "${q.pushName}" both read "${k}"`,
      confidence: WEIGHT.push_name,
    }),
  );
}

/** Push name of one equal to the display name of another. */
function pushNamesAsNames(pairs: LinkPairs): void {
  const { participants } = pairs;
  const byName = new Map<string, number[]>();
  participants.forEach((p, i) => {
    const k = normaliseName(p.displayName);
    if (!k) return;
    const g = byName.get(k);
    if (g) g.push(i);
    else byName.set(k, [i]);
  });
  participants.forEach((p, i) => {
    if (!p.pushName) return;
    const k = normaliseName(p.pushName);
    for (const j of byName.get(k) ?? []) {
      if (j === i) continue;
      pairs.add(i, j, {
        kind: 'push_name',
        detail: `push name "${p.pushName}" of one reads as the name "${participants[j]!.displayName}" of the other`,
        confidence: WEIGHT.push_name,
      });
    }
  });
}

/** "X changed to +44 …": the old and the new number are one person (same conversation). */
function numberChanges(pairs: LinkPairs, events: readonly ConductMembershipEvent[]): void {
  const { participants } = pairs;
  for (const e of events) {
    if (e.type !== 'number_changed' || !e.value) continue;
    const oldName = e.targets[0] ?? e.actor;
    if (!oldName) continue;
    const newDigits = normalisePhone(e.value);
    const i = participants.findIndex(
      (p) => p.conversationId === e.conversationId && p.displayName === oldName,
    );
    const j = participants.findIndex(
      (p) =>
        p.conversationId === e.conversationId &&
        (p.displayName === e.value || (newDigits !== null && phoneOf(p) === newDigits)),
    );
    if (i >= 0 && j >= 0) {
      pairs.add(i, j, {
        kind: 'number_changed',
        detail: `"${oldName}" changed to ${e.value} (event ${e.id})`,
        confidence: WEIGHT.number_changed,
      });
    }
  }
}

/** A display name that is a phone number ("+44 7700 900123"): its digits. */
function phoneFromName(name: string): string | null {
  const s = name.replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '').trim();
  return /^\+?[\d\s()-]{7,}$/.test(s) ? normalisePhone(s) : null;
}
