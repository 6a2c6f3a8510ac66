import type { MessageDetail, ParsedMessage, SystemEvent } from '../../domain/message.js';

/**
 * Plain text and structured fields for device rows that are not plain text (issue 13 item 10):
 * system rows (whose body the database leaves empty), locations, polls, contact cards and calls.
 * The thread shows `detail.summary` where it would otherwise show an empty bubble; the verbatim
 * `text` is never changed. Names are as displayed; the wording follows WhatsApp's English lines.
 */

const quoted = (s: string | null): string => (s === null ? '' : ` "${s}"`);

function list(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? 'a participant this database does not name';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** A system event as one line, e.g. `Kate added Dan and Sam`, `Dan changed the subject to "Team 3"`. */
export function describeEvent(e: SystemEvent, raw?: ParsedMessage['raw']): string {
  const actor = e.actor ?? null;
  const targets = list(e.targets);
  switch (e.type) {
    case 'created':
      return `${actor ?? 'Someone'} created group${quoted(e.value)}`;
    case 'added':
      return actor
        ? `${actor} added ${targets}`
        : `${targets} ${e.targets.length > 1 ? 'were' : 'was'} added`;
    case 'removed':
      return actor
        ? `${actor} removed ${targets}`
        : `${targets} ${e.targets.length > 1 ? 'were' : 'was'} removed`;
    case 'left':
      return `${e.targets.length ? targets : (actor ?? 'Someone')} left`;
    case 'joined_by_link':
      return `${e.targets.length ? targets : (actor ?? 'Someone')} joined using this group's invite link`;
    case 'subject_changed':
      return `${actor ?? 'Someone'} changed the subject${e.previousValue !== null ? ` from${quoted(e.previousValue)}` : ''} to${quoted(e.value) || ' a new subject'}`;
    case 'icon_changed':
      return `${actor ?? 'Someone'} changed this group's icon`;
    case 'description_changed':
      return `${actor ?? 'Someone'} changed the group description`;
    case 'admin':
      return `${e.targets.length ? targets : (actor ?? 'Someone')} ${e.targets.length > 1 ? 'are' : 'is'} now an admin`;
    case 'number_changed':
      return `${actor ?? 'Someone'} changed their phone number${e.value ? ` to ${e.value}` : ''}`;
    case 'encryption_notice':
      return 'Messages and calls are end-to-end encrypted';
    case 'settings_changed':
      return `${actor ?? 'Someone'} changed the group settings`;
    default: {
      const code = raw
        ? Object.entries(raw)
            .filter(([k]) => /action|event|type/i.test(k))
            .map(([k, v]) => `${k} ${v ?? 'NULL'}`)
            .join(', ')
        : '';
      return `System message${actor ? ` (${actor})` : ''}${code ? `: ${code}` : ''}`;
    }
  }
}

/** Name and phone numbers from a vCard's text (FN, else N; every TEL). */
export function readVcard(
  text: string | null,
  fallbackName: string | null = null,
): {
  name: string | null;
  phones: string[];
} {
  const phones: string[] = [];
  let name: string | null = null;
  let n: string | null = null;
  // Folded lines (RFC 6350 §3.2) are unfolded first.
  for (const line of (text ?? '').replace(/\r?\n[ \t]/g, '').split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at < 0) continue;
    const key = line.slice(0, at).split(';')[0]!.toUpperCase();
    const value = line.slice(at + 1).trim();
    if (key === 'FN' && value !== '') name ??= value;
    else if (key === 'N' && value !== '') n ??= value.split(';').filter(Boolean).reverse().join(' ');
    else if (key.endsWith('TEL') && value !== '') phones.push(value);
  }
  return { name: name ?? n ?? fallbackName, phones };
}

export interface DetailFacts {
  readonly location?: MessageDetail['location'];
  readonly vcards?: readonly { text: string | null; name: string | null }[];
  readonly call?: MessageDetail['call'];
}

function locationLine(l: NonNullable<MessageDetail['location']>): string {
  const at = l.lat !== null && l.lng !== null ? `${l.lat}, ${l.lng}` : 'no coordinates';
  const place = [l.name, l.address].filter((x) => x !== null && x !== '').join(', ');
  return `${l.live ? 'Live location' : 'Location'}: ${at}${place ? ` (${place})` : ''}`;
}

/** The message with its detail, where it is a system row, location, poll, contact card or call. */
export function withDetail(m: ParsedMessage, facts: DetailFacts = {}): ParsedMessage {
  let detail: MessageDetail | null = null;
  if (facts.call) {
    const c = facts.call;
    const what = c.video ? 'Video call' : 'Voice call';
    const how =
      c.durationS !== null && c.durationS > 0
        ? `, ${c.durationS} s`
        : ', no duration (not answered or missed)';
    detail = { summary: `${what}${how}`, call: c };
  } else if (m.system) {
    detail = { summary: describeEvent(m.system, m.raw), event: m.system };
  } else if (m.kind === 'location' && facts.location) {
    detail = { summary: locationLine(facts.location), location: facts.location };
  } else if (m.poll) {
    const options = m.poll.options
      .map((o) => `${o.text}${o.votes !== null ? ` (${o.votes} vote${o.votes === 1 ? '' : 's'})` : ''}`)
      .join('; ');
    detail = { summary: `Poll: ${m.poll.question}${options ? ` — ${options}` : ''}`, poll: m.poll };
  } else if (facts.vcards && facts.vcards.length > 0) {
    const contacts = facts.vcards.map((v) => readVcard(v.text, v.name));
    const names = contacts.map(
      (c) => `${c.name ?? 'unnamed'}${c.phones.length ? ` (${c.phones.join(', ')})` : ''}`,
    );
    detail = { summary: `Contact card${contacts.length > 1 ? 's' : ''}: ${names.join('; ')}`, contacts };
  }
  return detail ? { ...m, detail } : m;
}
