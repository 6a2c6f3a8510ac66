/**
 * The RSMF 2.0 reader (.rsmf: an .eml holding rsmf.zip) as the import sequence sees it
 * (../source-reader.ts): rsmf.zip's files are the exhibit's contained files (the manifest its
 * chat, the attachments its media); the manifest is validated (manifest.ts) and every event
 * becomes a message.
 *
 * An event's `scrutineer.*` custom fields (written by our own export) restore what RSMF has no
 * field for; from other tools, the standard fields are mapped: message → text (media where it has
 * attachments, deleted where `deleted`), join/leave → membership events, disclaimer → encryption
 * notice, history/unknown → system lines; `parent` → quoted reply; reactions and edits kept.
 */
import { Readable } from 'node:stream';
import { EvidenceError } from '../../domain/errors.js';
import type { DeviceImportReport, ImportNotice, RowAccount } from '../../domain/import-report.js';
import { accountNotices, accountsLine, assertSomethingRead } from '../device/accounting.js';
import { normaliseForeign, parseForeign, rsmfInstant } from './foreign.js';
import type {
  MessageKind,
  ParsedMessage,
  Poll,
  Reaction,
  ReplyRef,
  SenderIdentity,
  SystemEvent,
  TimeResolution,
  MembershipEventType,
} from '../../domain/message.js';
import type { ZipLimits } from '../zip/zip.js';
import type {
  ContainedFile,
  OpenSource,
  ReaderInput,
  SourceConversation,
  SourceMessage,
  SourceReader,
} from '../source-reader.js';
import { readRsmfEml } from './eml.js';
import {
  customJson,
  customValue,
  describeIssues,
  manifestSchema,
  type RsmfEvent,
  type RsmfManifest,
} from './manifest.js';
import { readFileSync } from 'node:fs';

export const RSMF_READER_VERSION = 'rsmf-reader/1.1.0';

/** How zone-less event timestamps are read: in `zone` (UTC unless the investigator declared one). */
export interface RsmfReadZone {
  readonly zone: string;
  readonly declared: boolean;
}

/**
 * Parses and validates the manifest of an .rsmf file's bytes: our own export's strict rules
 * first (manifest.ts); a manifest that breaks them is read as another tool's, by what the
 * RSMF 2.0 schema accepts (foreign.ts), with notices for what had to be decided.
 */
export function readRsmf(
  bytes: Buffer,
  label: string,
  limits?: ZipLimits,
  readZone: RsmfReadZone = { zone: 'UTC', declared: false },
): {
  manifest: RsmfManifest;
  files: ReadonlyMap<string, Uint8Array>;
  notices: ImportNotice[];
  account: RowAccount;
  /** The manifest broke our own export's strict rules and was read by the schema's. */
  foreign: boolean;
} {
  const container = readRsmfEml(bytes, label, limits);
  let json: unknown;
  try {
    json = JSON.parse(container.manifestJson);
  } catch (err) {
    throw new EvidenceError(
      label,
      `rsmf_manifest.json is not JSON (${(err as Error).message})`,
      undefined,
      'rsmf_bad_manifest',
    );
  }
  const parsed = manifestSchema.safeParse(json);
  if (parsed.success) {
    const n = parsed.data.events.length;
    const account: RowAccount = { table: 'events', rows: n, imported: n, notImported: [] };
    return { manifest: parsed.data, files: container.files, notices: [], account, foreign: false };
  }
  const foreign = parseForeign(json);
  if (!foreign.success)
    throw new EvidenceError(
      label,
      `rsmf_manifest.json is not an RSMF 2.0 manifest: ${describeIssues(foreign.error)}`,
      undefined,
      'rsmf_bad_manifest',
    );
  const n = normaliseForeign(foreign.data, readZone.zone, readZone.declared);
  return {
    manifest: n.manifest,
    files: container.files,
    notices: n.notices,
    account: n.account,
    foreign: true,
  };
}

const JOIN_LEAVE: Record<string, MembershipEventType> = {
  join: 'added',
  leave: 'left',
  disclaimer: 'encryption_notice',
};

/** One event as a message (without ids). */
export function eventToMessage(
  e: RsmfEvent,
  seq: number,
  display: (participantId: string | undefined) => string | null,
  eventById: ReadonlyMap<string, RsmfEvent>,
  zone: string,
  readZone = 'UTC',
): ParsedMessage {
  const c = e.custom;
  const v = (n: string) => customValue(c, `scrutineer.${n}`);
  const j = <T>(n: string) => customJson<T>(c, `scrutineer.${n}`);
  const sender = v('sender') ?? (e.type === 'message' ? display(e.participant) : null);
  const instant = rsmfInstant(e.timestamp, readZone);
  const ms = instant?.ms ?? Date.parse(e.timestamp);
  const utc = v('utc') ?? new Date(ms).toISOString();
  const attachments = e.attachments ?? [];
  const kind: MessageKind =
    (v('kind') as MessageKind | undefined) ??
    (e.type !== 'message' ? 'system' : e.deleted ? 'deleted' : attachments.length ? 'media' : 'text');
  let system: SystemEvent | null = j<SystemEvent>('system') ?? null;
  if (!system && kind === 'system' && JOIN_LEAVE[e.type]) {
    const who = display(e.participant);
    system = {
      type: JOIN_LEAVE[e.type]!,
      actor: null,
      targets: who ? [who] : [],
      value: null,
      previousValue: null,
    };
  }
  const parent = e.parent ? eventById.get(e.parent) : undefined;
  const replyTo: ReplyRef | null =
    j<ReplyRef>('replyTo') ??
    (parent
      ? {
          keyId: customValue(parent.custom, 'scrutineer.keyId') ?? parent.id ?? null,
          text: parent.body ?? null,
          senderJid: null,
        }
      : e.parent
        ? { keyId: e.parent, text: null, senderJid: null }
        : null);
  const reactions: Reaction[] =
    j<Reaction[]>('reactions') ??
    (e.reactions ?? []).flatMap((r) =>
      (r.participants?.length ? r.participants : ['']).map((p) => ({
        sender: (p ? display(p) : null) ?? 'unknown',
        senderJid: null,
        emoji: r.value,
        utc: null,
      })),
    );
  const edits = e.edits ?? [];
  // Our own export writes the edit time as scrutineer.editedAt where the source knew it; its edit
  // entry's timestamp is then only the send time (RSMF requires one), not an edit time.
  const ours = v('kind') !== undefined;
  const editedAt =
    v('editedAt') ?? (edits.length && !ours ? editTime(edits[edits.length - 1]!.timestamp, readZone) : null);
  const deletedBy = (v('deletedBy') as 'sender' | 'admin' | undefined) ?? (e.deleted ? 'sender' : null);
  return {
    seq,
    sender,
    kind,
    text: e.body ?? '',
    time: {
      localText: v('localTime') ?? e.timestamp,
      zone: v('zone') ?? (instant?.zoneless ? readZone : zone),
      utc,
      resolution: (v('timeResolution') as TimeResolution | undefined) ?? 'exact',
    },
    edited: v('edited') === 'true' || edits.length > 0,
    media:
      j<ParsedMessage['media']>('media') ??
      (attachments.length ? { fileName: attachments[0]!.display, omitted: false, caption: null } : null),
    poll: j<Poll>('poll') ?? null,
    location: j<ParsedMessage['location']>('location') ?? null,
    system,
    displayedAuthor: v('displayedAuthor') ?? null,
    source: { type: 'xml', modelId: e.id ?? `#${seq}` },
    keyId: v('keyId') ?? e.id ?? null,
    senderIdentity: j<SenderIdentity>('senderIdentity') ?? null,
    replyTo,
    reactions,
    deletedBy,
    editedAt,
    raw: j<Record<string, string | number | null>>('raw') ?? (ours ? null : foreignRaw(e)),
  };
}

function editTime(timestamp: string, zone: string): string | null {
  const at = rsmfInstant(timestamp, zone);
  return at === null ? null : new Date(at.ms).toISOString();
}

/** What another tool's event carries that no message field holds: its edit history (earlier texts) and a history event's type. */
function foreignRaw(e: RsmfEvent): Record<string, string> | null {
  const raw: Record<string, string> = {};
  if (e.type === 'history') raw['rsmf.type'] = e.type;
  if (e.edits?.length) raw['rsmf.edits'] = JSON.stringify(e.edits);
  return Object.keys(raw).length ? raw : null;
}

/** rsmf.zip's files: the manifest is the exhibit's chat, every other file an attachment. */
async function rsmfContents(
  path: string,
  label: string,
  limits: ZipLimits,
): Promise<{
  files: ContainedFile[];
  close(): void;
}> {
  const { files } = readRsmfEml(readFileSync(path), label, limits);
  const contained: ContainedFile[] = [];
  for (const [name, data] of files) {
    if (name.endsWith('/')) continue;
    contained.push({
      path: name,
      role: name === 'rsmf_manifest.json' ? 'chat' : 'media',
      open: () => Promise.resolve(Readable.from([Buffer.from(data)])),
    });
  }
  return { files: contained, close: () => undefined };
}

/** The manifest's conversations with their listed participants (implicit ones come from messages). */
function conversationsOf(manifest: RsmfManifest): SourceConversation[] {
  const participantsById = new Map(manifest.participants.map((p) => [p.id, p]));
  return manifest.conversations.map((c) => {
    const used = new Set<string>();
    const participants = c.participants.flatMap((pid) => {
      const p = participantsById.get(pid);
      if (!p || customValue(p.custom, 'scrutineer.implicit') === 'true') return [];
      let name = p.display ?? p.id;
      if (used.has(name)) name = `${name} (${p.id})`;
      used.add(name);
      const account = p.account_id ?? null;
      return [
        {
          key: pid,
          displayName: name,
          identity: {
            jid: account && account.includes('@') ? account : null,
            phone:
              customValue(p.custom, 'scrutineer.phone') ??
              (account && /^\+?\d[\d ]+$/u.test(account) ? account : null),
            pushName: customValue(p.custom, 'scrutineer.pushName') ?? null,
            contactName: customValue(p.custom, 'scrutineer.contactName') ?? null,
            isOwner: customValue(p.custom, 'scrutineer.isOwner') === 'true' || c.custodian === pid,
          },
          isAdmin: null,
          current: null,
        },
      ];
    });
    return {
      sourceKey: c.id,
      name: c.display ?? c.id,
      isGroup: c.type === 'channel',
      groupJid: customValue(c.custom, 'scrutineer.groupJid') ?? null,
      participants,
    };
  });
}

function openRsmf(input: ReaderInput): OpenSource {
  const { label } = input;
  // A timestamp without an offset is UTC, as RSMF reads it, unless --timezone was given.
  const readZone = { zone: input.zoneDeclared ? input.zone : 'UTC', declared: input.zoneDeclared };
  const read = readRsmf(readFileSync(input.path), label, input.zipLimits, readZone);
  const { manifest, files } = read;
  assertSomethingRead(label, [read.account]);
  if (!manifest.conversations.length)
    throw new EvidenceError(label, 'the RSMF manifest holds no conversation', undefined, 'no_conversations');
  const participantsById = new Map(manifest.participants.map((p) => [p.id, p]));
  const display = (id: string | undefined): string | null =>
    id === undefined ? null : (participantsById.get(id)?.display ?? id);
  const eventById = new Map<string, RsmfEvent>();
  for (const e of manifest.events) if (e.id) eventById.set(e.id, e);
  const conversationIndex = new Map(manifest.conversations.map((c, i) => [c.id, i]));
  let done = 0;
  return {
    conversations: conversationsOf(manifest),
    dateOrder: null,
    receivedAs: `RSMF ${manifest.version}`,
    *messages() {
      const notices: ImportNotice[] = [...read.notices];
      const seqs = new Map<string, number>();
      for (const e of manifest.events) {
        const seq = seqs.get(e.conversation) ?? 0;
        seqs.set(e.conversation, seq + 1);
        const m = eventToMessage(e, seq, display, eventById, input.zone, readZone.zone);
        const att = e.attachments?.[0];
        const mediaPath = att && files.has(att.id) && !att.id.endsWith('/') ? att.id : null;
        if (att && mediaPath === null)
          notices.push({
            code: 'media_missing',
            message: `attachment ${att.id} (${att.display}) is not in rsmf.zip`,
            line: null,
          });
        if ((e.attachments?.length ?? 0) > 1)
          notices.push({
            code: 'not_read',
            message: `event ${e.id ?? seq}: ${e.attachments!.length} attachments; the first is linked, all are stored`,
            line: null,
          });
        // A join or leave event's participant is who joined or left (kept in the system event), not a sender.
        const senderKey =
          e.participant !== undefined && m.kind !== 'system'
            ? e.participant
            : m.sender !== null
              ? `name:${m.sender}`
              : null;
        const conversation = conversationIndex.get(e.conversation);
        if (conversation === undefined)
          throw new EvidenceError(
            label,
            `event ${e.id ?? seq} names conversation "${e.conversation}", which the manifest does not list`,
            undefined,
            'rsmf_bad_manifest',
          );
        done++;
        const out: SourceMessage = { conversation, message: m, senderKey, mediaPath };
        yield out;
      }
      const report: DeviceImportReport = {
        kind: 'device',
        format: 'rsmf',
        readerVersion: RSMF_READER_VERSION,
        conversations: manifest.conversations.length,
        messages: done,
        ownerJid: null,
        notices: [...notices.slice(0, 200), ...accountNotices([read.account])],
        rowAccounts: [read.account],
      };
      return {
        report,
        parsed: `${RSMF_READER_VERSION}: ${done} events in ${manifest.conversations.length} conversation(s); ${read.foreign ? `manifest read by what the RSMF 2.0 schema accepts (another tool's file)` : `manifest valid against RSMF ${manifest.version} rules`}; zone ${input.zone} where an event names none; rows: ${accountsLine([read.account])}`,
      };
    },
    progress: () => [done, manifest.events.length],
    close: () => undefined,
  };
}

export const rsmfReader: SourceReader = {
  parser: 'rsmf',
  version: RSMF_READER_VERSION,
  workerHeapMiB: null,
  companions: [],
  takesContacts: false,
  ownerIsYou: false,
  contents: rsmfContents,
  open: openRsmf,
};
