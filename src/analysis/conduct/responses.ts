/**
 * Responses to offensive messages: who laughed along, who pushed back.
 *
 * For each offensive message O, three sources are read:
 * - the window after O: the next `window.messages` non-system messages, and no later than
 *   `window.minutes` after O (whichever ends first);
 * - quoted replies to O (replyToKeyId = O's keyId), however much later;
 * - reactions on O.
 *
 * An endorsement counts against someone, so it must attach to O clearly:
 * - a quoted reply attaches to the message it quotes, never to another;
 * - any other laugh attaches to the nearest earlier message by someone else (its target): it
 *   endorses O when the target is O or part of the offending sender's unbroken run from O, or is
 *   itself a laugh at O (laughing along); a laugh straight after a challenge attaches to the
 *   challenge, and a laugh after someone else's ordinary message attaches to that message: both are
 *   set aside, with the reason, never counted;
 * - repeating the joke (most of O's words) in the window endorses O.
 * A challenge counts in someone's favour, so any challenge in the window that quotes no other
 * message counts for every offensive message whose window it falls in; a quoted challenge counts
 * for the message it quotes (or, where it quotes a laugh at O, for O).
 * A message with both a laugh and a challenge ("lol out of order") gives both: the responder is
 * `mixed` and the reviewer decides. The sender of O (as a person) never endorses or challenges O.
 */
import { ParticipantDirectory } from './directory.js';
import { prepareMessages, type PreparedMessages } from './prepared.js';
import {
  CHALLENGING_REACTIONS,
  ENDORSING_REACTIONS,
  readReply,
  repeats,
  wordsOf,
  type TextReading,
} from './text.js';
import { type ConductMessage, type ConductParticipant, type OffensiveMark } from './types.js';

export interface ResponseWindow {
  /** How many following non-system messages (default 10). */
  readonly messages: number;
  /** How many minutes after the offensive message (default 30). */
  readonly minutes: number;
}

export const DEFAULT_WINDOW: ResponseWindow = { messages: 10, minutes: 30 };

export type ResponseKind = 'endorsed' | 'challenged' | 'mixed' | 'none';
export type EvidenceVia = 'window' | 'quoted_reply' | 'reaction';

export interface ResponseEvidence {
  /** The responding message; for a reaction, the offensive message it sits on. */
  readonly messageId: number;
  readonly via: EvidenceVia;
  readonly reason: string;
  /** The reaction emoji, for via 'reaction'. */
  readonly emoji?: string;
}

export interface Responder {
  readonly participantKey: string;
  /** endorsed / challenged / mixed (both found) / none (spoke in the window, neither found). */
  readonly response: ResponseKind;
  readonly endorsed: readonly ResponseEvidence[];
  readonly challenged: readonly ResponseEvidence[];
  /** Laughs and challenges that were NOT attached to this message, and why. */
  readonly setAside: readonly ResponseEvidence[];
  /** Every message this responder sent in the window or as a quoted reply to it. */
  readonly messages: readonly number[];
}

export interface OffensiveResponses {
  readonly messageId: number;
  readonly conversationId: number;
  /** The offensive message's sender (participant key). */
  readonly participantKey: string | null;
  readonly utc: string;
  readonly responders: readonly Responder[];
}

export interface ResponseOptions {
  readonly window?: Partial<ResponseWindow>;
  /** Participant key → person id, so nobody endorses their own message under another number. */
  readonly personOf?: (participantKey: string) => string;
  readonly directory?: ParticipantDirectory;
  /** The messages already read (analyseConduct passes it, so they are read once). */
  readonly prepared?: PreparedMessages;
}

interface Row {
  readonly m: ConductMessage;
  readonly key: string;
  readonly person: string;
  readonly ms: number;
}

interface Acc {
  endorsed: ResponseEvidence[];
  challenged: ResponseEvidence[];
  setAside: ResponseEvidence[];
  messages: number[];
}

const NONE: readonly number[] = [];

const stripEmoji = (e: string): string => e.replace(/[\uFE0E\uFE0F\u{1F3FB}-\u{1F3FF}]/gu, '');

export function classifyResponses(
  messages: readonly ConductMessage[],
  offensive: readonly OffensiveMark[],
  participants: readonly ConductParticipant[],
  options: ResponseOptions = {},
): OffensiveResponses[] {
  const win: ResponseWindow = { ...DEFAULT_WINDOW, ...options.window };
  const directory =
    options.prepared?.directory ?? options.directory ?? new ParticipantDirectory(participants);
  const personOf = options.personOf ?? ((k: string) => k);
  const marks = new Map<number, OffensiveMark>();
  for (const o of offensive) marks.set(o.messageId, o);

  const prepared = options.prepared ?? prepareMessages(messages, directory);

  const out: OffensiveResponses[] = [];
  const readCache = new Map<string, TextReading>();
  for (const conversationId of [...prepared.byConversation.keys()].sort((a, b) => a - b)) {
    const rows: Row[] = prepared.byConversation.get(conversationId)!.map((i) => {
      const key = prepared.keys[i]!;
      return { m: prepared.messages[i]!, key, person: personOf(key), ms: prepared.ms[i]! };
    });
    const c = new ConversationResponses(conversationId, rows, marks, win, readCache);
    for (const o of c.offIdx) out.push(c.responsesTo(o, directory, personOf));
  }
  // Offensive messages with no sender we know (system lines marked offensive) are not responded to.
  return out;
}

/** What each responder to one offensive message gave, gathered by participant key. */
class Accs {
  readonly byKey = new Map<string, Acc>();

  of(key: string): Acc {
    let a = this.byKey.get(key);
    if (!a) this.byKey.set(key, (a = { endorsed: [], challenged: [], setAside: [], messages: [] }));
    return a;
  }

  /** Everyone who said or did something, by participant key. */
  responders(): Responder[] {
    return [...this.byKey.entries()]
      .filter(([, a]) => a.messages.length + a.endorsed.length + a.challenged.length > 0)
      .map(([participantKey, a]) => ({
        participantKey,
        response: (a.endorsed.length > 0
          ? a.challenged.length > 0
            ? 'mixed'
            : 'endorsed'
          : a.challenged.length > 0
            ? 'challenged'
            : 'none') as ResponseKind,
        endorsed: a.endorsed,
        challenged: a.challenged,
        setAside: a.setAside,
        messages: a.messages,
      }))
      .sort((x, y) =>
        x.participantKey < y.participantKey ? -1 : x.participantKey > y.participantKey ? 1 : 0,
      );
  }
}

/** One conversation's messages read once: runs, quoted replies, windows and what each laugh attaches to. */
class ConversationResponses {
  private readonly n: number;
  private readonly readings: (TextReading | undefined)[];
  /** Offensive messages in the run of consecutive messages by one person, ending at i. */
  private readonly runOff: (readonly number[])[];
  /** Key id → row, only for the key ids some message quotes. */
  private readonly keyIndex = new Map<string, number>();
  /** Row → the rows that quote it. */
  private readonly repliesTo = new Map<number, number[]>();
  /** The offensive messages' rows. */
  readonly offIdx: number[] = [];
  /** Window end (exclusive) per offensive message's row. */
  private readonly windowEnd = new Map<number, number>();
  /** What each laugh in a window attaches to. */
  private readonly anchors = new Map<number, { offensive: readonly number[]; reason: string }>();

  constructor(
    private readonly conversationId: number,
    private readonly rows: readonly Row[],
    private readonly marks: ReadonlyMap<number, OffensiveMark>,
    private readonly win: ResponseWindow,
    private readonly readCache: Map<string, TextReading>,
  ) {
    this.n = rows.length;
    this.readings = new Array(this.n);
    this.runOff = this.runsOfOffensive();
    this.indexQuotes();
    this.anchorLaughs(this.windows());
  }

  private read(i: number): TextReading {
    let r = this.readings[i];
    if (r === undefined) {
      const text = this.rows[i]!.m.text;
      r = this.readCache.get(text);
      if (r === undefined) {
        r = readReply(text);
        if (text.length <= 64) this.readCache.set(text, r);
      }
      this.readings[i] = r;
    }
    return r;
  }

  private isOff(i: number): boolean {
    return this.marks.has(this.rows[i]!.m.id);
  }

  private runsOfOffensive(): (readonly number[])[] {
    const { rows, n } = this;
    const runOff: (readonly number[])[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const prev = i > 0 && rows[i - 1]!.person === rows[i]!.person ? runOff[i - 1]! : NONE;
      runOff[i] = this.isOff(i) ? [...prev, i] : prev;
    }
    return runOff;
  }

  private indexQuotes(): void {
    const { rows, n } = this;
    const wanted = new Set<string>();
    for (let i = 0; i < n; i++) {
      const k = rows[i]!.m.replyToKeyId;
      if (k) wanted.add(k);
    }
    if (wanted.size > 0) {
      for (let i = 0; i < n; i++) {
        const k = rows[i]!.m.keyId;
        if (k && wanted.has(k)) this.keyIndex.set(k, i);
      }
    }
    for (let i = 0; i < n; i++) {
      const q = this.quoted(i);
      if (q === undefined || q === null) continue;
      const list = this.repliesTo.get(q);
      if (list) list.push(i);
      else this.repliesTo.set(q, [i]);
    }
  }

  /** The row a quoted reply quotes; null: a message we do not have; undefined: not a quoted reply. */
  private quoted(i: number): number | null | undefined {
    const k = this.rows[i]!.m.replyToKeyId;
    if (!k) return undefined;
    return this.keyIndex.get(k) ?? null;
  }

  /** Each offensive message's window; returns which rows fall in any window. */
  private windows(): Uint8Array {
    const { rows, n, win } = this;
    for (let i = 0; i < n; i++) if (this.isOff(i)) this.offIdx.push(i);
    const inWindow = new Uint8Array(n);
    for (const o of this.offIdx) {
      const limit = rows[o]!.ms + win.minutes * 60_000;
      let j = o + 1;
      while (j < n && j - o <= win.messages && rows[j]!.ms <= limit) {
        inWindow[j] = 1;
        j++;
      }
      this.windowEnd.set(o, j);
    }
    return inWindow;
  }

  private anchorLaughs(inWindow: Uint8Array): void {
    const { rows, anchors } = this;
    for (let j = 0; j < this.n; j++) {
      if (!inWindow[j] || this.quoted(j) !== undefined || this.read(j).laugh === null) continue;
      let t = j - 1;
      while (t >= 0 && rows[t]!.person === rows[j]!.person && j - t <= this.win.messages) t--;
      if (t < 0 || rows[t]!.person === rows[j]!.person) {
        anchors.set(j, { offensive: [], reason: 'follows only its own sender' });
      } else if (this.runOff[t]!.length > 0) {
        anchors.set(j, { offensive: this.runOff[t]!, reason: 'after it' });
      } else if (this.read(t).challenge !== null) {
        anchors.set(j, {
          offensive: [],
          reason: `laughs straight after a challenge (message ${rows[t]!.m.id}, "${this.read(t).challenge}"): attaches to the challenge`,
        });
      } else if (this.read(t).laugh !== null && anchors.has(t) && anchors.get(t)!.offensive.length > 0) {
        anchors.set(j, {
          offensive: anchors.get(t)!.offensive,
          reason: `laughing along with message ${rows[t]!.m.id}`,
        });
      } else {
        anchors.set(j, {
          offensive: [],
          reason: `laughs after a different message (${rows[t]!.m.id}, by someone else): attaches to that message`,
        });
      }
    }
  }

  /** The responses to the offensive message at row `o`: its window, quoted replies and reactions. */
  responsesTo(
    o: number,
    directory: ParticipantDirectory,
    personOf: (participantKey: string) => string,
  ): OffensiveResponses {
    const orow = this.rows[o]!;
    const accs = new Accs();
    const oWords = wordsOf(orow.m.text);
    this.readWindow(o, oWords, accs);
    this.readQuotedReplies(o, oWords, accs);
    for (const re of orow.m.reactions ?? []) {
      const key = directory.resolve(this.conversationId, re.sender);
      if (personOf(key) === orow.person) continue;
      const emoji = stripEmoji(re.emoji);
      const a = accs.of(key);
      const evidence = { messageId: orow.m.id, via: 'reaction' as const, emoji: re.emoji };
      if ((ENDORSING_REACTIONS as readonly string[]).includes(emoji))
        a.endorsed.push({ ...evidence, reason: `reacted ${re.emoji}` });
      else if ((CHALLENGING_REACTIONS as readonly string[]).includes(emoji))
        a.challenged.push({ ...evidence, reason: `reacted ${re.emoji}` });
    }
    return {
      messageId: orow.m.id,
      conversationId: this.conversationId,
      participantKey: orow.key,
      utc: orow.m.utc,
      responders: accs.responders(),
    };
  }

  private minutesAfter(j: number, o: number): string {
    return ago(this.rows[j]!.ms - this.rows[o]!.ms);
  }

  private readWindow(o: number, oWords: ReturnType<typeof wordsOf>, accs: Accs): void {
    const orow = this.rows[o]!;
    const end = this.windowEnd.get(o)!;
    for (let j = o + 1; j < end; j++) {
      const r = this.rows[j]!;
      if (r.person === orow.person) continue;
      const q = this.quoted(j);
      if (q === o) continue; // read below as a quoted reply
      const a = accs.of(r.key);
      a.messages.push(r.m.id);
      const reading = this.read(j);
      if (q !== undefined) {
        this.quotesAnother(o, j, q, a);
        continue;
      }
      if (reading.challenge !== null) {
        a.challenged.push({
          messageId: r.m.id,
          via: 'window',
          reason: `"${reading.challenge}" ${this.minutesAfter(j, o)} after it, within the window`,
        });
      }
      if (reading.laugh !== null) {
        const an = this.anchors.get(j)!;
        if (an.offensive.includes(o)) {
          a.endorsed.push({
            messageId: r.m.id,
            via: 'window',
            reason: `laughs ("${reading.laugh}") ${this.minutesAfter(j, o)} ${an.reason === 'after it' ? 'after it' : `after it, ${an.reason}`}`,
          });
        } else {
          a.setAside.push({
            messageId: r.m.id,
            via: 'window',
            reason: `laugh ("${reading.laugh}") ${an.reason}`,
          });
        }
      } else if (reading.challenge === null && repeats(oWords, r.m.text)) {
        a.endorsed.push({
          messageId: r.m.id,
          via: 'window',
          reason: `repeats the joke ${this.minutesAfter(j, o)} after it`,
        });
      }
    }
  }

  /** A message in the window that quotes another message (`q`; null: one we do not have). */
  private quotesAnother(o: number, j: number, q: number | null, a: Acc): void {
    const { rows } = this;
    const reading = this.read(j);
    const laughAtO =
      q !== null && this.read(q).laugh !== null && this.anchors.get(q)?.offensive.includes(o) === true;
    if (reading.challenge !== null && laughAtO) {
      a.challenged.push({
        messageId: rows[j]!.m.id,
        via: 'quoted_reply',
        reason: `challenges ("${reading.challenge}") a laugh at it (quotes message ${rows[q]!.m.id})`,
      });
    } else if (reading.challenge !== null || reading.laugh !== null) {
      a.setAside.push({
        messageId: rows[j]!.m.id,
        via: 'window',
        reason: `${reading.challenge !== null ? `challenge ("${reading.challenge}")` : `laugh ("${reading.laugh}")`} quotes ${q === null ? 'a message not in the evidence' : `message ${rows[q]!.m.id}`}, not this one`,
      });
    }
  }

  private readQuotedReplies(o: number, oWords: ReturnType<typeof wordsOf>, accs: Accs): void {
    const orow = this.rows[o]!;
    for (const j of this.repliesTo.get(o) ?? []) {
      const r = this.rows[j]!;
      if (r.person === orow.person || j < o) continue;
      const a = accs.of(r.key);
      a.messages.push(r.m.id);
      const reading = this.read(j);
      const after = this.minutesAfter(j, o);
      if (reading.challenge !== null) {
        a.challenged.push({
          messageId: r.m.id,
          via: 'quoted_reply',
          reason: `quoted reply "${reading.challenge}" ${after} after it`,
        });
      }
      if (reading.laugh !== null) {
        a.endorsed.push({
          messageId: r.m.id,
          via: 'quoted_reply',
          reason: `quoted reply laughing ("${reading.laugh}") ${after} after it`,
        });
      } else if (reading.challenge === null && repeats(oWords, r.m.text)) {
        a.endorsed.push({
          messageId: r.m.id,
          via: 'quoted_reply',
          reason: `quoted reply repeating the joke ${after} after it`,
        });
      }
    }
  }
}

function ago(ms: number): string {
  const min = Math.round(ms / 60_000);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  return min % 60 === 0 ? `${h} h` : `${h} h ${min % 60} min`;
}
