/** What the thread writes for parts of a message the source holds as data, not as text. */
import type { MembershipEventType, Message, SystemEvent } from '../api/types';

const list = (names: readonly string[]): string =>
  names.length <= 1
    ? (names[0] ?? 'someone')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;

// One sentence per event type; the type list is the server's (src/domain/message.ts), so a new type
// fails the web type-check here until it has words.
const SENTENCES: Readonly<Record<MembershipEventType, (e: SystemEvent, who: string) => string>> = {
  created: (e, who) => `${who} created the group${e.value ? ` "${e.value}"` : ''}`,
  added: (e, who) => `${who} added ${list(e.targets)}`,
  removed: (e, who) => `${who} removed ${list(e.targets)}`,
  left: (e, who) => `${e.targets.length ? list(e.targets) : who} left`,
  joined_by_link: (e, who) =>
    `${e.targets.length ? list(e.targets) : who} joined using this group's invite link`,
  admin: (e, who) => `${e.targets.length ? list(e.targets) : who} became an admin`,
  subject_changed: (e, who) =>
    `${who} changed the subject${e.previousValue ? ` from "${e.previousValue}"` : ''}${e.value ? ` to "${e.value}"` : ''}`,
  icon_changed: (_e, who) => `${who} changed the group icon`,
  description_changed: (_e, who) => `${who} changed the group description`,
  number_changed: (e, who) =>
    `${who} changed their phone number${e.value ? ` to ${e.value}` : ''}${e.previousValue ? ` (was ${e.previousValue})` : ''}`,
  encryption_notice: () => 'Messages and calls are end-to-end encrypted',
  settings_changed: (_e, who) => `${who} changed the group settings`,
  security_code_changed: (_e, who) => `${who}'s security code changed`,
  disappearing_messages: (e, who) =>
    `${who} ${e.value ? `turned on disappearing messages (${e.value})` : 'changed disappearing messages'}`,
  community: (e, who) => `${who}: community notice${e.value ? ` (${e.value})` : ''}`,
  other: (e, who) => `${who}: group event${e.value ? ` (${e.value})` : ''}`,
};

export function systemSentence(e: SystemEvent): string {
  return SENTENCES[e.type](e, e.actor ?? 'Someone');
}

/**
 * What a system row says: an export's own line (verbatim, it has a line span), else the structured
 * event in plain words: device databases store events as codes, with no text or only a value (the
 * subject of a "created" row), which alone would misread as a message.
 */
export function systemText(m: Message): string {
  const fromExport = m.lineStart !== null;
  if (m.system && !(fromExport && m.text.trim())) return systemSentence(m.system);
  if (m.text.trim()) return m.text;
  return 'System event (no details in the source)';
}

// WhatsApp (since 2023) appends this to an edited message's text in exports. The stored text keeps it
// verbatim (evidence); the thread shows the "edited" badge instead of the marker.
const EDITED_MARKER = /[\s\u200E]*<This message was edited>\s*$/u;

/** The body as the thread shows it: verbatim, less the export's trailing edit marker. */
export function shownText(m: Message): string {
  return m.edited ? m.text.replace(EDITED_MARKER, '') : m.text;
}
