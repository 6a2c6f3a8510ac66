import type { LocationRef, MediaRef, MessageKind, Poll, PollOption } from '../../domain/message.js';

/** What a message body is, read from WhatsApp's own markers. The body itself is never changed. */
export interface BodyReading {
  readonly kind: Exclude<MessageKind, 'system'>;
  readonly edited: boolean;
  readonly media: MediaRef | null;
  readonly poll: Poll | null;
  readonly location: LocationRef | null;
}

const MARKS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const EDITED = /[ \u00A0]*\u200E?<This message was edited>\s*$/;
const DELETED =
  /^(?:This message was deleted\.?|You deleted this message\.?|This message was deleted by admin .*)$/;
/** WhatsApp's text where a message was deleted for everyone (exports, and UFDR bodies, write it alike). */
export function isDeletedNotice(text: string): boolean {
  return DELETED.test(text.trim());
}

const MEDIA_OMITTED =
  /^<(?:Media omitted|Medien weggelassen|Archivo omitido|Multimedia omitido|Médias omis|Media weggelaten|Mídia oculta|Media omessi|Media ommessi|Medya dahil edilmedi)>$/;
const IOS_OMITTED = /(?:^|\s)(?:image|video|audio|sticker|GIF|document|Contact card|photo) omitted$/;
const FILE_ATTACHED =
  /^(.+?) \((?:file attached|Datei angehängt|archivo adjunto|fichier joint|bestand bijgevoegd|arquivo anexado|file allegato)\)$/;
const OLD_ATTACHED = /^(.+?) <attached>$/;
const IOS_ATTACHED = /<attached: ([^>]+)>$/;
const LOCATION = /^(?:location|Location): (https?:\/\/\S+)$/;
const LIVE_LOCATION = /^live location shared$/i;
const POLL_OPTION = /^OPTION: (.*?)(?: \((\d+) votes?\))?$/;

function firstLineAndRest(body: string): [string, string | null] {
  const nl = body.indexOf('\n');
  if (nl < 0) return [body, null];
  const first = body.slice(0, body[nl - 1] === '\r' ? nl - 1 : nl);
  return [first, body.slice(nl + 1)];
}

export function readBody(body: string): BodyReading {
  const editedMatch = EDITED.exec(body);
  const edited = editedMatch !== null;
  const content = (edited ? body.slice(0, editedMatch.index) : body).replace(MARKS, '');
  const [first, rest] = firstLineAndRest(content);
  const base = { edited, media: null, poll: null, location: null };

  if (isDeletedNotice(content)) return { ...base, kind: 'deleted' };
  if (MEDIA_OMITTED.test(content.trim()) || (rest === null && IOS_OMITTED.test(first.trim()))) {
    return { ...base, kind: 'media', media: { fileName: null, omitted: true, caption: null } };
  }
  const attached = FILE_ATTACHED.exec(first) ?? OLD_ATTACHED.exec(first) ?? IOS_ATTACHED.exec(first);
  if (attached) {
    const caption = rest === null || rest.length === 0 ? null : rest;
    return {
      ...base,
      kind: 'media',
      media: { fileName: (attached[1] ?? '').trim(), omitted: false, caption },
    };
  }
  if (first.startsWith('POLL:')) return { ...base, kind: 'poll', poll: readPoll(content) };
  const loc = LOCATION.exec(content.trim());
  if (loc) return { ...base, kind: 'location', location: { url: loc[1] ?? null, live: false } };
  if (LIVE_LOCATION.test(content.trim()))
    return { ...base, kind: 'location', location: { url: null, live: true } };
  return { ...base, kind: 'text' };
}

function readPoll(content: string): Poll {
  const lines = content.split(/\r?\n/);
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
