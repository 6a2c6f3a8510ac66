import type { ParsedMessage, SystemEvent } from '../../domain/message.js';
import { readBody } from './body.js';
import { looksLikeSystemPrefix, readSystemText } from './system.js';

/**
 * Splitting "Author: body" from a header's rest, and telling people's messages from system lines.
 *
 * Structure decides first (whatsapp-strings.md): an Android line with no author is a system line;
 * an iOS system text follows "Name: " and starts with U+200E (U+200F in RTL languages), the name
 * being the group's or, in a one-to-one chat, the other person's. Such a line is a system line
 * (sender null, shown as "(system)") with the name it was written under kept in `displayedAuthor`.
 * The phrase tables then say which event it is; one they do not know stays a system line and is
 * listed in the import report.
 */

export interface AuthorContext {
  /** Names the file gives the group (chat name from the file name, created and subject lines). */
  readonly groupNames: ReadonlySet<string>;
  /** Authors whose every line reads as a system text. */
  readonly groupAuthors: ReadonlySet<string>;
  /** Authors that are the group itself (see parse-export's survey). */
  readonly groupVoices: ReadonlySet<string>;
}

export type MessageContent = Pick<
  ParsedMessage,
  'sender' | 'kind' | 'text' | 'edited' | 'media' | 'poll' | 'location' | 'system' | 'displayedAuthor'
> & {
  /** A system line whose wording no phrase table knows (listed in the import report). */
  readonly unknownSystem: boolean;
};

const NO_EXTRAS = { edited: false, media: null, poll: null, location: null } as const;
const SYSTEM_MARK = /^[\u200E\u200F]/;
/**
 * Calls are notices the caller's phone writes under the caller's name (after U+200E on iOS):
 * they stay the caller's messages (whatsapp-strings.md, "Missed calls").
 */
const CALL =
  /^(?:Missed (?:voice|video|group voice|group video) call|(?:Voice|Video) call|Verpasster (?:Sprach|Video)anruf|Appel (?:vocal|vidéo) manqué|Llamada perdida|Videollamada perdida|Chamada de (?:voz|vídeo) perdida|Chamada de voz não atendida|Videochamada (?:não atendida|perdida)|Chiamata vocale persa|Videochiamata persa|Gemiste (?:spraakoproep|video-oproep)|Gemist (?:spraak|video)gesprek|Panggilan (?:suara|video) tak terjawab|Cevapsız (?:sesli|görüntülü) arama|Пропущенный (?:аудио|видео)звонок|Nieodebrane poł\. (?:głosowe|wideo)|Apel (?:vocal|video) (?:pierdut|ratat)|مكالمة (?:صوتية|فيديو) فائتة|Cuộc gọi nhỡ(?: video)?|未接(?:语音|视频|語音|視像)通话|未接(?:語音|視像)通話|(?:音声|ビデオ)通話不在着信)\b/iu;

/** The lesser of two indexOf results, -1 where neither found. */
function firstOf(a: number, b: number): number {
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

/** The text up to the first line break. */
function firstLine(text: string): string {
  const nl = firstOf(text.indexOf('\r'), text.indexOf('\n'));
  return nl < 0 ? text : text.slice(0, nl);
}

/** Group names longest first, so "Response B: Nights" is tried before a name it starts with. */
export function namesLongestFirst(names: ReadonlySet<string>): string[] {
  return [...names].filter((n) => n.length > 0).sort((a, b) => b.length - a.length);
}

/**
 * Where the author ends: after a group name the file gives (which may hold ": "), else before the
 * first ": " (or a final ":" with an empty body), else -1. A first ": " whose body is not marked,
 * followed later on the line by ": " + U+200E and a known system text, is a group name with ": "
 * the file did not name: the later one ends the author.
 */
export function authorEnd(first: string, groupNamesSorted: readonly string[]): number {
  for (const name of groupNamesSorted) {
    if (first.startsWith(`${name}: `) || first === `${name}:`) return name.length;
  }
  let colon = first.indexOf(': ');
  if (colon < 0 && first.endsWith(':') && first.length > 1) return first.length - 1;
  if (colon < 0) return -1;
  const mark = first.charCodeAt(colon + 2);
  if (mark !== 0x200e && mark !== 0x200f) {
    // The first marked ": " after the colon, if any, and only on the first line.
    const later = firstOf(first.indexOf(': \u200E', colon + 2), first.indexOf(': \u200F', colon + 2));
    const line = later < 0 ? '' : firstLine(first);
    if (later >= 0 && later + 3 <= line.length && readSystemText(line.slice(later + 2))) colon = later;
  }
  return colon;
}

function system(
  sender: null,
  text: string,
  ev: SystemEvent | null,
  displayedAuthor: string | null,
): MessageContent {
  return {
    ...NO_EXTRAS,
    sender,
    kind: 'system',
    text,
    system: ev ?? otherEvent(),
    displayedAuthor,
    unknownSystem: ev === null,
  };
}

/** Split "Sender: body" from a header's rest, telling people's messages from system lines. */
export function readMessage(
  first: string,
  continuation: string,
  ctx: AuthorContext,
  groupNamesSorted: readonly string[],
): MessageContent {
  const colon = authorEnd(first, groupNamesSorted);
  if (colon < 0) {
    const text = first + continuation;
    return system(null, text, readSystemText(text), null);
  }
  const author = first.slice(0, colon);
  const body = first.slice(colon + 2) + continuation;
  if (looksLikeSystemPrefix(author)) {
    const whole = first + continuation;
    const ev = readSystemText(whole);
    if (ev) return system(null, whole, ev, null);
  }
  const marked = SYSTEM_MARK.test(body);
  const groupVoice = ctx.groupNames.has(author) || ctx.groupAuthors.has(author);
  if (marked || groupVoice) {
    const ev = readSystemText(body);
    if (ev) return system(null, body, ev, author);
  }
  const reading = readBody(body);
  if (
    reading.kind === 'text' &&
    (marked || ctx.groupVoices.has(author)) &&
    !CALL.test(body.replace(SYSTEM_MARK, ''))
  ) {
    return system(null, body, null, author);
  }
  // Written out rather than spread: this runs once per message.
  return {
    sender: author,
    text: body,
    system: null,
    displayedAuthor: null,
    unknownSystem: false,
    kind: reading.kind,
    edited: reading.edited,
    media: reading.media,
    poll: reading.poll,
    location: reading.location,
  };
}

export function otherEvent(): SystemEvent {
  return { type: 'other', actor: null, targets: [], value: null, previousValue: null };
}
