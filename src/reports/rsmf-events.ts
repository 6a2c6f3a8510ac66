/**
 * The events of an RSMF export (rsmf-export.ts): each message as an event with its participant,
 * reactions, edit, reply, attachment, and the `scrutineer.*` custom fields that keep what RSMF has
 * no field for (read back by src/ingest/rsmf/), and each conversation with its participants.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DateTime } from 'luxon';
import { EvidenceStore } from '../evidence/evidence-store.js';
import type { RsmfConversation, RsmfEvent, RsmfParticipant } from '../ingest/rsmf/manifest.js';
import type { Store } from '../store/open-store.js';
import type { MediaTextRecord } from '../store/repositories/media-texts.js';
import type { ParticipantRecord } from '../store/repositories/participants.js';
import type {
  ConversationRecord,
  ExhibitRecord,
  MembershipEventRecord,
  MessageExtras,
  MessageRecord,
} from '../store/types.js';
import { displayedAuthor } from './message-lines.js';

const SYSTEM_TYPE: Record<string, RsmfEvent['type']> = {
  created: 'join',
  added: 'join',
  joined_by_link: 'join',
  left: 'leave',
  removed: 'leave',
  encryption_notice: 'disclaimer',
};

/** ISO 8601 in the message's zone with its offset, e.g. 2021-04-28T10:15:00.000+01:00. */
export function withOffset(utc: string, zone: string): string {
  const d = DateTime.fromISO(utc, { zone: 'utc' }).setZone(zone);
  return (d.isValid ? d : DateTime.fromISO(utc, { zone: 'utc' })).toISO({
    includeOffset: true,
    suppressMilliseconds: false,
  })!;
}

/** The `scrutineer.imageText` custom field: the newest OCR reading of the event's attachment. */
function imageTextCustom(t: MediaTextRecord | undefined): { name: string; value: string }[] {
  if (!t || t.error !== null) return [];
  return [
    {
      name: 'scrutineer.imageText',
      value: JSON.stringify({
        text: t.text,
        sha256: t.sha256,
        engine: t.engine,
        engineVersion: t.engineVersion,
        language: t.language,
        pass: t.pass,
        confidence: t.confidence,
        readAt: t.createdAt,
      }),
    },
  ];
}

/** What the events need besides the messages: membership events, exhibits, stored files, OCR text. */
export interface ExportSources {
  readonly membership: ReadonlyMap<number, MembershipEventRecord>;
  readonly exhibitRef: ReadonlyMap<number, string>;
  readonly files: ReadonlyMap<number, { path: string; storedPath: string | null; size: number }>;
  readonly evidence: EvidenceStore;
  readonly imageTexts: ReadonlyMap<number, MediaTextRecord>;
}

export async function exportSources(
  store: Store,
  workspace: string,
  caseId: number,
  exhibits: readonly ExhibitRecord[],
  byConv: ReadonlyMap<number, MessageRecord[]>,
): Promise<ExportSources> {
  const membership = new Map<number, MembershipEventRecord>();
  for (const e of await store.membershipEvents.list(caseId)) membership.set(e.messageId, e);
  const files = new Map<number, { path: string; storedPath: string | null; size: number }>();
  for (const e of exhibits)
    for (const f of await store.exhibits.listFiles(e.id))
      files.set(f.id, { path: f.pathInArchive, storedPath: f.storedPath, size: f.size });
  // Text read from images (issue 17): RSMF 2.0 has no field for derived text of an attachment, so
  // it goes in the event's custom fields, which keeps the export valid against the schema.
  const imageTexts = await store.mediaTexts.latestOfMessages(
    [...byConv.values()].flatMap((l) => l.filter((m) => m.mediaFileId !== null).map((m) => m.id)),
  );
  return {
    membership,
    exhibitRef: new Map(exhibits.map((e) => [e.id, e.ref])),
    files,
    evidence: new EvidenceStore(workspace),
    imageTexts,
  };
}

/** A conversation's participants as RSMF ids; names met only in events become implicit participants. */
export interface ConversationPeople {
  readonly pid: ReadonlyMap<number, string>;
  /** The conversation's participant ids, listed ones first, then implicit ones as they are met. */
  readonly ids: string[];
  readonly custodian: string | undefined;
  nameRef(name: string): string;
  /** The id of a participant already known by this name, without making an implicit one. */
  known(name: string): string | undefined;
}

export function conversationPeople(
  convId: number,
  parts: readonly ParticipantRecord[],
  participants: RsmfParticipant[],
): ConversationPeople {
  const pid = new Map<number, string>();
  const byName = new Map<string, string>();
  const ids: string[] = [];
  let custodian: string | undefined;
  for (const p of parts) {
    const id = `P${p.id}`;
    pid.set(p.id, id);
    byName.set(p.displayName, id);
    ids.push(id);
    if (p.isOwner) custodian = id;
    const account = p.jid ?? p.phone ?? undefined;
    const custom = [
      ...(p.phone ? [{ name: 'scrutineer.phone', value: p.phone }] : []),
      ...(p.pushName ? [{ name: 'scrutineer.pushName', value: p.pushName }] : []),
      ...(p.contactName ? [{ name: 'scrutineer.contactName', value: p.contactName }] : []),
      ...(p.isOwner ? [{ name: 'scrutineer.isOwner', value: 'true' }] : []),
    ];
    participants.push({
      id,
      display: p.displayName,
      ...(account ? { account_id: account } : {}),
      ...(custom.length ? { custom } : {}),
    });
  }
  const nameRef = (name: string): string => {
    let id = byName.get(name);
    if (!id) {
      id = `C${convId}:${name}`;
      byName.set(name, id);
      ids.push(id);
      participants.push({ id, display: name, custom: [{ name: 'scrutineer.implicit', value: 'true' }] });
    }
    return id;
  };
  return { pid, ids, custodian, nameRef, known: (name) => byName.get(name) };
}

const eventId = (m: MessageRecord): string => `E${m.id}`;

/** One message as an event; its stored attachment file goes into `attachments`. */
export function messageEvent(
  m: MessageRecord,
  convId: number,
  people: ConversationPeople,
  byKey: ReadonlyMap<string, MessageRecord>,
  sources: ExportSources,
  attachments: Map<string, Uint8Array>,
): RsmfEvent {
  const { custodian, nameRef } = people;
  const extras = m.extrasJson === null ? ({} as MessageExtras) : (JSON.parse(m.extrasJson) as MessageExtras);
  const sys = sources.membership.get(m.id);
  const type: RsmfEvent['type'] =
    m.kind === 'system' ? (sys ? (SYSTEM_TYPE[sys.type] ?? 'unknown') : 'unknown') : 'message';
  const participant = eventParticipant(m, sys, type, people);
  // Reactions grouped by emoji, reactors as participants.
  const reactions = new Map<string, string[]>();
  for (const r of extras.reactions ?? []) {
    const who = r.sender === 'You' && custodian ? custodian : nameRef(r.sender);
    reactions.set(r.emoji, [...(reactions.get(r.emoji) ?? []), who]);
  }
  const parentMsg = extras.replyTo?.keyId ? byKey.get(extras.replyTo.keyId) : undefined;
  const attachment = eventAttachment(m, sources, attachments);
  const owner = extras.senderIdentity?.isOwner ?? (participant !== undefined && participant === custodian);
  return {
    id: eventId(m),
    ...(parentMsg ? { parent: eventId(parentMsg) } : {}),
    type,
    ...(participant ? { participant } : {}),
    conversation: `C${convId}`,
    timestamp: withOffset(m.utc, m.zone),
    body: m.text,
    ...(m.kind === 'deleted' ? { deleted: true } : {}),
    ...(type === 'message' && custodian
      ? { direction: owner ? ('outgoing' as const) : ('incoming' as const) }
      : {}),
    ...(reactions.size
      ? {
          reactions: [...reactions.entries()].map(([value, who]) => ({
            value,
            count: who.length,
            participants: [...new Set(who)],
          })),
        }
      : {}),
    ...(m.edited && participant
      ? { edits: [{ participant, timestamp: withOffset(extras.editedAt ?? m.utc, m.zone), new: m.text }] }
      : {}),
    ...(attachment.length ? { attachments: attachment } : {}),
    custom: eventCustom(m, extras, sys, sources),
  };
}

/**
 * Who the event is from: its sender; for a join or leave, who joined or left; for another notice,
 * who did it (the actor, when the notice names one); for another system line the export wrote under a member's name (an unknown notice "Anna: ‎Nachricht gelöscht"), that
 * member, as the phone showed it. A name that is no participant (the group's own, on its notices)
 * is not made one: it stays in the event's `scrutineer.displayedAuthor`.
 */
function eventParticipant(
  m: MessageRecord,
  sys: MembershipEventRecord | undefined,
  type: RsmfEvent['type'],
  people: ConversationPeople,
): string | undefined {
  // A join or leave names who joined or left: the one target, else the actor ("X left").
  const member =
    sys && (type === 'join' || type === 'leave')
      ? sys.targets.length === 1
        ? sys.targets[0]!
        : sys.targets.length === 0
          ? sys.actor
          : null
      : null;
  if (m.participantId !== null && people.pid.has(m.participantId)) return people.pid.get(m.participantId)!;
  if (m.sender !== null) return people.nameRef(m.sender);
  if (member !== null) return /^you$/iu.test(member) ? people.custodian : people.nameRef(member);
  // Any other notice with a named actor ("Anna changed the subject", "Ben made Anna an admin") is
  // that actor's act: a reviewer filtering the RSMF by participant must find it under them.
  const actor = sys?.actor ?? null;
  if (actor !== null) return /^you$/iu.test(actor) ? people.custodian : people.nameRef(actor);
  const author = displayedAuthor(m);
  return author === null ? undefined : people.known(author);
}

/** The message's stored attachment, added to the zip once however many events share it. */
function eventAttachment(
  m: MessageRecord,
  sources: ExportSources,
  attachments: Map<string, Uint8Array>,
): NonNullable<RsmfEvent['attachments']> {
  if (m.mediaFileId === null) return [];
  const f = sources.files.get(m.mediaFileId);
  if (!f?.storedPath) return [];
  const id = `A${m.mediaFileId}-${basename(f.path)}`;
  if (!attachments.has(id)) attachments.set(id, readFileSync(sources.evidence.absolutePath(f.storedPath)));
  return [{ id, display: m.mediaFileName ?? basename(f.path), size: f.size }];
}

/** What RSMF has no field for, as `scrutineer.*` custom fields (read back by src/ingest/rsmf/). */
function eventCustom(
  m: MessageRecord,
  extras: MessageExtras,
  sys: MembershipEventRecord | undefined,
  sources: ExportSources,
): { name: string; value: string }[] {
  const json = (name: string, value: unknown) => [
    { name: `scrutineer.${name}`, value: JSON.stringify(value) },
  ];
  return [
    { name: 'scrutineer.messageId', value: String(m.id) },
    { name: 'scrutineer.kind', value: m.kind },
    { name: 'scrutineer.localTime', value: m.localText },
    { name: 'scrutineer.zone', value: m.zone },
    { name: 'scrutineer.utc', value: m.utc },
    { name: 'scrutineer.timeResolution', value: m.timeResolution },
    ...json('source', {
      exhibit: sources.exhibitRef.get(m.exhibitId) ?? null,
      seq: m.seq,
      lineStart: m.lineStart,
      lineEnd: m.lineEnd,
      table: m.sourceTable,
      rowId: m.sourceRowId,
      modelId: m.sourceModelId,
    }),
    ...(m.sender !== null ? [{ name: 'scrutineer.sender', value: m.sender }] : []),
    ...(extras.displayedAuthor
      ? [{ name: 'scrutineer.displayedAuthor', value: extras.displayedAuthor }]
      : []),
    ...(m.keyId ? [{ name: 'scrutineer.keyId', value: m.keyId }] : []),
    ...(m.edited ? [{ name: 'scrutineer.edited', value: 'true' }] : []),
    ...(extras.editedAt ? [{ name: 'scrutineer.editedAt', value: extras.editedAt }] : []),
    ...(extras.deletedBy ? [{ name: 'scrutineer.deletedBy', value: extras.deletedBy }] : []),
    ...(extras.replyTo ? json('replyTo', extras.replyTo) : []),
    ...(extras.reactions?.length ? json('reactions', extras.reactions) : []),
    ...(extras.senderIdentity ? json('senderIdentity', extras.senderIdentity) : []),
    ...(extras.raw ? json('raw', extras.raw) : []),
    ...(sys
      ? json('system', {
          type: sys.type,
          actor: sys.actor,
          targets: sys.targets,
          value: sys.value,
          previousValue: sys.previousValue,
        })
      : []),
    ...(m.mediaOmitted !== null
      ? json('media', { fileName: m.mediaFileName, omitted: m.mediaOmitted, caption: m.mediaCaption })
      : []),
    ...imageTextCustom(sources.imageTexts.get(m.id)),
    ...(m.pollJson ? [{ name: 'scrutineer.poll', value: m.pollJson }] : []),
    ...(m.locationLive !== null ? json('location', { url: m.locationUrl, live: m.locationLive }) : []),
  ];
}

export function rsmfConversation(
  conv: ConversationRecord,
  people: ConversationPeople,
  exhibitRef: ReadonlyMap<number, string>,
): RsmfConversation {
  return {
    id: `C${conv.id}`,
    platform: 'whatsapp',
    type: conv.isGroup === false ? 'direct' : 'channel',
    display: conv.name,
    participants: people.ids,
    ...(people.custodian ? { custodian: people.custodian } : {}),
    custom: [
      { name: 'scrutineer.conversationId', value: String(conv.id) },
      ...(conv.exhibitId !== null
        ? [{ name: 'scrutineer.exhibit', value: exhibitRef.get(conv.exhibitId) ?? '' }]
        : []),
      ...(conv.groupJid ? [{ name: 'scrutineer.groupJid', value: conv.groupJid }] : []),
    ],
  };
}
