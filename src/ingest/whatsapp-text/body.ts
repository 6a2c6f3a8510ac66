import type { LocationRef, MediaRef, MessageKind, Poll, PollOption } from '../../domain/message.js';
import {
  attachedFileName,
  deletedPlaceholder,
  editedMarkerAt,
  isMediaOmitted,
} from './system-phrases/index.js';

/**
 * What a message body is, read from WhatsApp's own markers in every language of system-phrases/.
 * The body itself is never changed.
 */
export interface BodyReading {
  readonly kind: Exclude<MessageKind, 'system'>;
  readonly edited: boolean;
  readonly media: MediaRef | null;
  readonly poll: Poll | null;
  readonly location: LocationRef | null;
}

const MARKS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const DELETED_BY_ADMIN = /^This message was deleted by admin .*$/;

/** WhatsApp's text where a message was deleted for everyone (exports, and UFDR bodies, write it alike). */
export function isDeletedNotice(text: string): boolean {
  const t = text.trim();
  return deletedPlaceholder(t) !== null || DELETED_BY_ADMIN.test(t.replace(MARKS, ''));
}

/**
 * What a body stands for when it is one of WhatsApp's placeholders rather than words someone wrote:
 * 'media' (left out of the export, or attached) and 'deleted'. Merging phones matches these across
 * formats and languages, where the words differ but the message is the same.
 */
export function placeholderOf(text: string): 'media' | 'deleted' | null {
  const reading = readBody(text);
  if (reading.kind === 'deleted') return 'deleted';
  if (reading.kind === 'media') return 'media';
  return null;
}

const LOCATION = /^(?:location|Location): (https?:\/\/\S+)$/;
/** Localised prefixes differ; the maps URL does not (whatsapp-strings.md, "Location shares"). */
const ANY_LOCATION = /^[^\n:：]{1,40}[:：] ?(https?:\/\/maps\.google\.[a-z.]+\/\S*)$/u;
const LIVE_LOCATION = /^live location shared$/i;
const POLL_OPTION = /^OPTION: (.*?)(?: \((\d+) votes?\))?$/;

function firstLineAndRest(body: string): [string, string | null] {
  const lf = body.indexOf('\n');
  const cr = body.indexOf('\r');
  const nl = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
  if (nl < 0) return [body, null];
  const width = body.startsWith('\r\n', nl) ? 2 : 1;
  return [body.slice(0, nl), body.slice(nl + width)];
}

/** One shape for every reading (object literals, not spreads: this runs once per message). */
function reading(
  kind: BodyReading['kind'],
  edited: boolean,
  media: MediaRef | null = null,
  poll: Poll | null = null,
  location: LocationRef | null = null,
): BodyReading {
  return { kind, edited, media, poll, location };
}

export function readBody(body: string): BodyReading {
  const editedAt = editedMarkerAt(body);
  const edited = editedAt >= 0;
  const content = (edited ? body.slice(0, editedAt) : body).replace(MARKS, '');
  const [first, rest] = firstLineAndRest(content);

  if (isDeletedNotice(content)) return reading('deleted', edited);
  if (rest === null && isMediaOmitted(first.trim())) {
    return reading('media', edited, { fileName: null, omitted: true, caption: null });
  }
  const fileName = attachedFileName(first);
  if (fileName !== null) {
    const caption = rest === null || rest.length === 0 ? null : rest;
    return reading('media', edited, { fileName, omitted: false, caption });
  }
  if (first.startsWith('POLL:')) return reading('poll', edited, null, readPoll(content));
  const trimmed = content.trim();
  // Both location forms hold a URL: most bodies are settled by this test alone.
  const loc = trimmed.includes('://') ? (LOCATION.exec(trimmed) ?? ANY_LOCATION.exec(trimmed)) : null;
  if (loc) return reading('location', edited, null, null, { url: loc[1] ?? null, live: false });
  if (LIVE_LOCATION.test(trimmed)) return reading('location', edited, null, null, { url: null, live: true });
  return reading('text', edited);
}

function readPoll(content: string): Poll {
  const lines = content.split(/\r\n|\n|\r/);
  const head = (lines[0] ?? '').slice('POLL:'.length).trim();
  const options: PollOption[] = [];
  const questionLines: string[] = head ? [head] : [];
  for (const line of lines.slice(1)) {
    const opt = POLL_OPTION.exec(line.trim());
    if (opt) options.push({ text: opt[1] ?? '', votes: opt[2] === undefined ? null : Number(opt[2]) });
    else if (options.length === 0 && line.trim()) questionLines.push(line.trim());
  }
  return { question: questionLines.join('\n'), options };
}
