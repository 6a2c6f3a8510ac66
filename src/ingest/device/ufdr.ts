/**
 * The UFDR reader (Cellebrite report.xml inside the .ufdr zip, streamed with saxes): the two passes
 * and the mapping of model frames to conversations and messages. The SAX element handling is in
 * ufdr-sax.ts.
 */
import { DateTime } from 'luxon';
import { SaxesParser } from 'saxes';
import { EvidenceError } from '../../domain/errors.js';
import type {
  MediaRef,
  MessageKind,
  ParsedMessage,
  SenderIdentity,
  SystemEvent,
} from '../../domain/message.js';
import { isDeletedNotice } from '../whatsapp-text/body.js';
import { readSystemText } from '../whatsapp-text/system.js';
import {
  displayNameOf,
  jidForPhone,
  phoneFromJid,
  phoneFromNumber,
  ZoneClock,
  PHONE_OWNER,
} from './common.js';
import { findUfdrReport } from './detect.js';
import { withDetail } from './detail.js';
import { accountNotices, assertSomethingRead, notAChat, RowLedger } from './accounting.js';
import type { RowAccount, RowSkipReason } from '../../domain/import-report.js';
import { ParticipantList } from './identities.js';
import { SyncZip, type ZipEntryInfo } from '../zip/zip-sync.js';
import { attachmentFile, TaggedFileCollector } from './ufdr-files.js';
import { guardReportParser, ReportSax, type ModelFrame } from './ufdr-sax.js';
import type {
  DeviceConversation,
  DeviceMessage,
  DeviceNotice,
  DeviceParticipant,
  DeviceReader,
  DeviceReadOptions,
} from './types.js';

/**
 * Cellebrite UFDR: a zip whose report.xml is streamed through a SAX parser (saxes) straight from
 * the zip entry, so a report of gigabytes is never held whole. Two passes: the first collects the
 * chats and their participants (skipping message bodies), the second yields the messages.
 * DOCTYPE declarations are refused outright (no entity can be declared, so none can expand).
 */

export const UFDR_READER_VERSION = 'ufdr/1.2.0';

interface ChatSummary {
  readonly id: string;
  readonly source: string | null;
  readonly conversation: DeviceConversation;
  readonly byIdentifier: Map<string, DeviceParticipant>;
}

function first(frame: ModelFrame, name: string): string | null {
  const v = frame.fields.get(name);
  return v && v.length > 0 ? (v[0] as string) : null;
}

function isTrue(v: string | null): boolean {
  return v !== null && /^(true|1|yes)$/i.test(v.trim());
}

function isWhatsApp(source: string | null): boolean {
  return source !== null && /whatsapp/i.test(source);
}

/** Descendant models of a frame (depth-first), e.g. the labels inside MessageExtraData. */
function* descendants(frame: ModelFrame): Generator<ModelFrame> {
  for (const list of frame.children.values()) {
    for (const child of list) {
      yield child;
      yield* descendants(child);
    }
  }
}

/**
 * A system line names people as the phone displayed them ("Alice", "You"); the report's parties
 * carry the participant's name ("Alice U"). A name in the line is read as the participant it
 * unambiguously is (the From party where there is one, else the chat's participants): the same
 * name, or a name that starts with it as a first name, or "You" for the phone's owner. So one
 * person is not counted as two senders, and membership events name the participant.
 */
function asParticipants(e: SystemEvent, from: DeviceParticipant | null, chat: ChatSummary): SystemEvent {
  const candidates = from ? [from] : [...chat.byIdentifier.values()];
  const resolve = (name: string | null): string | null => {
    if (name === null) return null;
    const said = name.trim().toLocaleLowerCase();
    const hits = candidates.filter((p) => {
      const party = p.displayName.trim().toLocaleLowerCase();
      return (
        said === party ||
        party.startsWith(`${said} `) ||
        (p.identity.isOwner && (said === 'you' || said === PHONE_OWNER.toLocaleLowerCase()))
      );
    });
    return hits.length === 1 ? hits[0]!.displayName : name;
  };
  return { ...e, actor: resolve(e.actor), targets: e.targets.map((t) => resolve(t) ?? t) };
}

class UfdrReader implements DeviceReader {
  readonly format = 'ufdr' as const;
  readonly conversations: DeviceConversation[] = [];
  readonly notices: DeviceNotice[] = [];
  readonly rowAccounts: RowAccount[] = [];
  ownerJid: string | null = null;
  private readonly clock: ZoneClock;
  private readonly chats = new Map<string, ChatSummary>();
  /** InstantMessage models outside any Chat (second pass): counted, not read. */
  private strays: string[] = [];
  /** Chat models whose messages are counted, not read: other apps, status updates, channels. */
  private readonly notChats = new Map<string, RowSkipReason>();
  private readonly zip: SyncZip;
  private readonly entry: ZipEntryInfo;
  private ownerParty: DeviceParticipant | null = null;
  /** `<taggedFiles>`, read on the first pass: the files attachments name by id. */
  private readonly tagged = new TaggedFileCollector();

  constructor(
    path: string,
    private readonly options: DeviceReadOptions,
  ) {
    this.clock = new ZoneClock(options.zone);
    this.zip = new SyncZip(path, options.fileName);
    try {
      const entry = findUfdrReport(this.zip);
      if (!entry) {
        throw new EvidenceError(
          options.fileName,
          'is a zip without report.xml: not a UFDR report',
          undefined,
          'not_ufdr',
        );
      }
      this.entry = entry;
      this.firstPass();
    } catch (err) {
      this.zip.close();
      throw err;
    }
  }

  private fail(problem: string, line?: number, code = 'bad_ufdr'): EvidenceError {
    return new EvidenceError(this.options.fileName, `${this.entry.name}: ${problem}`, line, code);
  }

  /**
   * Stream report.xml, calling back on each completed model of interest. `skipMessages` leaves
   * InstantMessage models unbuilt (the first pass needs only chats and participants).
   */
  private *parse(
    skipMessages: boolean,
    onMessage: (chat: ModelFrame, message: ModelFrame) => void,
    onChat: (chat: ModelFrame) => void,
  ): Generator<void> {
    const parser = new SaxesParser({ position: true });
    const line = () => parser.line;
    const fail = (problem: string, at?: number, code?: string) => this.fail(problem, at, code);
    guardReportParser(parser, fail);
    new ReportSax(parser, {
      skipMessages,
      tagged: this.tagged,
      fail,
      onMessage,
      onChat,
      onStray: (id) => this.strays.push(id),
    });
    const decoder = new TextDecoder('utf-8', { fatal: true });
    try {
      for (const chunk of this.zip.readEntry(this.entry)) {
        let s: string;
        try {
          s = decoder.decode(chunk, { stream: true });
        } catch {
          throw this.fail('is not valid UTF-8', line(), 'encoding');
        }
        parser.write(s);
        yield;
      }
      parser.write(decoder.decode());
      parser.close();
    } catch (err) {
      if (err instanceof EvidenceError) throw err;
      throw this.fail(`could not be read (${(err as Error).message})`, line());
    }
  }

  private party(frame: ModelFrame): DeviceParticipant {
    const identifier = first(frame, 'Identifier');
    const name = first(frame, 'Name');
    const owner = isTrue(first(frame, 'IsPhoneOwner'));
    const jid = identifier === null ? null : identifier.includes('@') ? identifier : jidForPhone(identifier);
    const phone = phoneFromJid(jid) ?? phoneFromNumber(identifier);
    let identity: SenderIdentity = { jid, phone, pushName: name, contactName: null, isOwner: owner };
    if (owner) {
      const declared = this.options.ownerName?.trim() ? (this.options.ownerName as string) : null;
      identity = {
        ...identity,
        jid: jid ?? jidForPhone(this.options.ownerPhone),
        phone: phone ?? phoneFromNumber(this.options.ownerPhone),
        contactName: declared,
      };
    }
    const fallback = owner ? PHONE_OWNER : 'Unknown';
    return {
      key: identifier ?? frame.id,
      displayName: displayNameOf(identity, fallback),
      identity,
      isAdmin: null,
      current: null,
    };
  }

  private firstPass(): void {
    const skipped = new Map<string, number>();
    const gen = this.parse(
      true,
      () => undefined,
      (chat) => {
        const source = first(chat, 'Source');
        if (!isWhatsApp(source)) {
          const k = source ?? '(no Source)';
          skipped.set(k, (skipped.get(k) ?? 0) + 1);
          this.notChats.set(chat.id, 'other_app');
          return;
        }
        const notChat = notAChat(first(chat, 'Id') ?? 'chat');
        if (notChat !== null && notChat !== 'placeholder') {
          this.notChats.set(chat.id, notChat);
          return;
        }
        const list = new ParticipantList();
        const byIdentifier = new Map<string, DeviceParticipant>();
        for (const p of chat.children.get('Participants') ?? []) {
          const party = this.party(p);
          if (party.identity.isOwner && this.ownerParty === null) this.ownerParty = party;
          byIdentifier.set(party.key, party);
          list.add(
            { identity: party.identity, displayName: party.displayName, rawJid: party.key },
            null,
            null,
          );
        }
        const chatType = first(chat, 'ChatType');
        const isGroup = chatType !== null && /group/i.test(chatType);
        const jid = first(chat, 'Id');
        const conversation: DeviceConversation = {
          key: chat.id,
          name: first(chat, 'Name'),
          isGroup,
          groupJid: isGroup ? jid : null,
          createdUtc: null,
          participants: list.list(),
        };
        this.chats.set(chat.id, { id: chat.id, source, conversation, byIdentifier });
        this.conversations.push(conversation);
      },
    );
    for (const _ of gen) {
      /* drain */
    }
    this.ownerJid = this.ownerParty?.identity.jid ?? jidForPhone(this.options.ownerPhone);
    for (const [source, n] of skipped) {
      this.notices.push({
        code: 'not_read',
        message: `${n} chat(s) from ${source} in the report were not read (only WhatsApp chats are)`,
        line: null,
      });
    }
    if (!this.ownerParty && !this.options.ownerPhone && !this.options.ownerName) {
      this.notices.push({
        code: 'owner_unknown',
        message: 'no party in the report is marked IsPhoneOwner and no owner was given',
        line: null,
      });
    }
  }

  *messages(): Generator<DeviceMessage> {
    const seqs = new Map<string, number>();
    const out: DeviceMessage[] = [];
    const ledger = new RowLedger('InstantMessage');
    let zoneless = 0;
    const gen = this.parse(
      false,
      (chatFrame, m) => {
        const chat = this.chats.get(chatFrame.id);
        if (!chat) {
          ledger.skip(this.notChats.get(chatFrame.id) ?? 'no_chat', m.id);
          return;
        }
        const stamp = first(m, 'TimeStamp');
        let ms: number | null = null;
        if (stamp !== null) {
          const hasZone = /(Z|[+-]\d\d:?\d\d)$/.test(stamp.trim());
          if (!hasZone) zoneless++;
          const dt = DateTime.fromISO(stamp.trim(), hasZone ? { setZone: true } : { zone: this.clock.zone });
          if (dt.isValid) ms = dt.toMillis();
        }
        if (ms === null) {
          ledger.skip('no_timestamp', m.id);
          return;
        }
        ledger.imported();
        const seq = seqs.get(chat.id) ?? 0;
        seqs.set(chat.id, seq + 1);
        out.push({ conversationKey: chat.id, message: this.message(chat, m, seq, ms) });
      },
      () => undefined,
    );
    for (const _ of gen) {
      while (out.length > 0) yield out.shift() as DeviceMessage;
    }
    while (out.length > 0) yield out.shift() as DeviceMessage;
    for (const id of this.strays) ledger.skip('outside_chat', id);
    this.strays = [];
    this.rowAccounts.push(ledger.settle(null));
    this.notices.push(...accountNotices(this.rowAccounts));
    if (zoneless > 0) {
      this.notices.push({
        code: 'time_ambiguous',
        message: `${zoneless} TimeStamp value(s) carry no UTC offset and were read in the declared zone ${this.clock.zone}`,
        line: null,
      });
    }
    assertSomethingRead(this.options.fileName, this.rowAccounts);
  }

  private message(chat: ChatSummary, m: ModelFrame, seq: number, ms: number): ParsedMessage {
    const fromFrame = m.children.get('From')?.[0] ?? null;
    let from = fromFrame ? this.party(fromFrame) : null;
    if (from) from = chat.byIdentifier.get(from.key) ?? from;
    const labels = new Set<string>();
    for (const v of m.fields.get('Labels') ?? []) labels.add(v.trim());
    let referenceId: string | null = first(m, 'ReferenceId');
    for (const d of descendants(m)) {
      for (const v of d.fields.get('Label') ?? []) labels.add(v.trim());
      if (d.type === 'QuotedMessageData' || d.fields.has('ReferenceId'))
        referenceId ??= first(d, 'ReferenceId');
    }
    const body = first(m, 'Body') ?? '';
    const raw: Record<string, string | number | null> = {};
    if (m.deletedState !== null) raw.deleted_state = m.deletedState;
    if (labels.size > 0) raw.labels = [...labels].join(',');
    const status = first(m, 'Status');
    if (status !== null) raw.status = status;
    if (labels.has('Forwarded')) raw.forwarded = 1;
    let kind: MessageKind = 'text';
    let media: MediaRef | null = null;
    let system: SystemEvent | null = null;
    const attachments = m.children.get('Attachments') ?? m.children.get('Attachment') ?? [];
    if (labels.has('System')) {
      kind = 'system';
      system = asParticipants(
        readSystemText(body) ?? { type: 'other', actor: null, targets: [], value: null, previousValue: null },
        from,
        chat,
      );
    } else if (attachments.length === 0 && isDeletedNotice(body)) {
      // The report does not label a message deleted for everyone; its body reads as in an export,
      // and is read the same way, so the two sources agree.
      kind = 'deleted';
    } else if (attachments.length > 0) {
      kind = 'media';
      const a = attachments[0] as ModelFrame;
      media = { fileName: first(a, 'Filename'), omitted: false, caption: body === '' ? null : body };
      raw.content_type = first(a, 'ContentType');
      if (attachments.length > 1) {
        raw.attachments = attachments.map((x) => first(x, 'Filename') ?? '').join('\n');
      }
      this.tieToFile(raw, a, m, attachments.length);
    }
    return withDetail({
      seq,
      sender: kind === 'system' ? (system?.actor ?? null) : (from?.displayName ?? null),
      kind,
      text: body,
      time: this.clock.time(ms),
      edited: labels.has('Edited'),
      media,
      poll: null,
      location: null,
      system,
      source: { type: 'xml', modelId: m.id },
      keyId: first(m, 'Identifier'),
      senderIdentity: from?.identity ?? null,
      replyTo: referenceId !== null ? { keyId: referenceId, text: null, senderJid: null } : null,
      reactions: [],
      deletedBy: kind === 'deleted' ? (/by admin/u.test(body) ? 'admin' : 'sender') : null,
      editedAt: null,
      raw,
    });
  }

  /**
   * The attachment's file by the report's own ties (its jump targets to `<taggedFiles>`, or a
   * path on it): `raw.ufdr_path` is then its exact path inside the UFDR, which the media linker
   * takes over the file name (src/media/device-media.ts).
   */
  private tieToFile(
    raw: Record<string, string | number | null>,
    a: ModelFrame,
    m: ModelFrame,
    attachments: number,
  ): void {
    const file = attachmentFile(
      this.tagged.files,
      {
        filename: first(a, 'Filename'),
        targets: a.targets,
        pathField: first(a, 'Local Path') ?? first(a, 'LocalPath') ?? first(a, 'attachment_extracted_path'),
      },
      { targets: m.targets, attachments },
    );
    if (file === null) return;
    raw.ufdr_path = file.path;
    raw.ufdr_link = file.via;
    if (file.sha256 !== null) raw.ufdr_sha256 = file.sha256;
  }

  close(): void {
    this.zip.close();
  }
}

export function openUfdrReader(path: string, options: DeviceReadOptions): DeviceReader {
  return new UfdrReader(path, options);
}
