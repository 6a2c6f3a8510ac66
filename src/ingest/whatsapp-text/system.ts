import type { SystemEvent } from '../../domain/message.js';

/**
 * WhatsApp's system lines (English, as formats.md lists them) read as group events. Membership is
 * evidence of who saw what, so actor and targets are kept exactly as displayed.
 */

const Q_OPEN = '["\\u201C\\u201E]';
const Q_CLOSE = '["\\u201D\\u201C]';

type Build = (m: RegExpExecArray) => SystemEvent;

const event = (
  type: SystemEvent['type'],
  actor: string | null,
  targets: readonly string[] = [],
  value: string | null = null,
  previousValue: string | null = null,
): SystemEvent => ({ type, actor, targets, value, previousValue });

/** "A, B and you" → ["A", "B", "You"]: the phone's owner is always "You", however the line cased it. */
export function splitNames(list: string): string[] {
  return list
    .split(/, | and /)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s) => (s === 'you' ? 'You' : s));
}

const PATTERNS: ReadonlyArray<[RegExp, Build]> = [
  [
    /^(?:Messages (?:to this group are now secured|and calls are end-to-end encrypted|you send to this group are now secured)|Messages to this (?:chat|group) are now end-to-end encrypted)/,
    () => event('encryption_notice', null),
  ],
  [
    new RegExp(`^(.+?) created group ${Q_OPEN}(.*)${Q_CLOSE}$`, 's'),
    (m) => event('created', m[1] ?? null, [], m[2] ?? null),
  ],
  [/^You were added$/, () => event('added', null, ['You'])],
  [/^You were removed$/, () => event('removed', null, ['You'])],
  [
    /^(.+?) joined using this group's invite link$/,
    (m) => event('joined_by_link', m[1] ?? null, [m[1] ?? '']),
  ],
  [/^(.+?) joined from the community$/, (m) => event('joined_by_link', m[1] ?? null, [m[1] ?? ''])],
  [/^You're now an admin$/, () => event('admin', null, ['You'])],
  [
    /^(.+?) (?:made|is now) (.+?) (?:an )?admin$/,
    (m) => event('admin', m[1] ?? null, splitNames(m[2] ?? '')),
  ],
  [
    new RegExp(`^(.+?) changed the subject from ${Q_OPEN}(.*)${Q_CLOSE} to ${Q_OPEN}(.*)${Q_CLOSE}$`, 's'),
    (m) => event('subject_changed', m[1] ?? null, [], m[3] ?? null, m[2] ?? null),
  ],
  [
    new RegExp(`^(.+?) changed the subject to ${Q_OPEN}(.*)${Q_CLOSE}$`, 's'),
    (m) => event('subject_changed', m[1] ?? null, [], m[2] ?? null),
  ],
  [/^(.+?) (?:changed|deleted) this group's icon$/, (m) => event('icon_changed', m[1] ?? null)],
  [/^(.+?) changed the group description$/, (m) => event('description_changed', m[1] ?? null)],
  [/^(.+?) changed (?:this group's|the group) settings/, (m) => event('settings_changed', m[1] ?? null)],
  [
    /^(.+?) changed their phone number to a new number/,
    (m) => event('number_changed', m[1] ?? null, [m[1] ?? ''], null, m[1] ?? null),
  ],
  [
    /^(.+?) changed to (\+?[\d ()-]{6,})$/,
    (m) => event('number_changed', m[1] ?? null, [m[1] ?? ''], m[2] ?? null, m[1] ?? null),
  ],
  [/^(.+?) left$/, (m) => event('left', m[1] ?? null, [m[1] ?? ''])],
  [/^(.+?) removed (.+)$/, (m) => event('removed', m[1] ?? null, splitNames(m[2] ?? ''))],
  [/^(.+?) added (.+)$/, (m) => event('added', m[1] ?? null, splitNames(m[2] ?? ''))],
];

const LEADING_MARKS = /^[\u200E\u200F\u202A-\u202E\u2066-\u2069]+/;

/** The event a system text describes, or null when it is not one we know. */
export function readSystemText(text: string): SystemEvent | null {
  const clean = text
    .replace(LEADING_MARKS, '')
    .replace(/[\u200E\u200F]/g, '')
    .trimEnd();
  for (const [re, build] of PATTERNS) {
    const m = re.exec(clean);
    if (m) return build(m);
  }
  return null;
}

/** Names a system text gives the group (created or renamed), used to recognise iOS group-authored lines. */
export function groupNamesIn(text: string): string[] {
  const ev = readSystemText(text);
  if (!ev) return [];
  if (ev.type === 'created' || ev.type === 'subject_changed') {
    return [ev.value, ev.previousValue].filter((v): v is string => v !== null && v.length > 0);
  }
  return [];
}

/** Does a would-be author look like the start of system text rather than a name? */
export function looksLikeSystemPrefix(author: string): boolean {
  return /["\u201C\u201D]|\b(changed the subject|created group|changed the group description|changed this group's)\b/.test(
    author,
  );
}
