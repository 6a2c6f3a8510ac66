import type { SystemEvent } from '../../domain/message.js';
import { matchSystemPhrase } from './system-phrases/index.js';

/**
 * WhatsApp's system lines read as group events, in every language of system-phrases/. Membership is
 * evidence of who saw what, so actor and targets are kept exactly as displayed.
 */

export { splitNames } from './system-phrases/index.js';

/** The event a system text describes, or null when it is not one we know. */
export function readSystemText(text: string): SystemEvent | null {
  return matchSystemPhrase(text.trimEnd());
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
  return (
    /["\u201C\u201D\u201E\u00AB\u00BB\u300C\u300D]/.test(author) ||
    /\b(changed the subject|created group|changed the group description|changed this group's)\b/.test(author)
  );
}
