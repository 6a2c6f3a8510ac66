/**
 * The iOS ChatStorage.sqlite reader. Why one file over 500 lines: the row mapping of each message kind (text, media, system, call, poll, location) reads the same message row, and is kept together to stay comparable with the Android readers; the query and the side rows read by key are in ios-rows.ts.
 */
import type Database from 'better-sqlite3';
import type {
  MediaRef,
  MembershipEventType,
  MessageKind,
  ParsedMessage,
  ReplyRef,
  SystemEvent,
} from '../../domain/message.js';
import type { RowAccount, RowSkipReason } from '../../domain/import-report.js';
import { accountNotices, assertSomethingRead, RowLedger, notAChat } from './accounting.js';
import { basename, isGroupJid, isoUtc, numberOrNull, ownerFrom, stringOrNull, ZoneClock } from './common.js';
import { withDetail, type DetailFacts } from './detail.js';
import { colOr, hasColumn, IosRows, MEDIA, PARENT, R } from './ios-rows.js';
import { IdentityBook, ParticipantList, type ContactInfo, type Person } from './identities.js';
import {
  copyNotices,
  openSqliteCopy,
  requireColumns,
  requireTables,
  sqliteFailure,
  type SqliteCopy,
} from './open-copy.js';
import type {
  DeviceConversation,
  DeviceMessage,
  DeviceNotice,
  DeviceReader,
  DeviceReadOptions,
} from './types.js';

/**
 * iOS ChatStorage.sqlite (Core Data: Z-prefixed tables, Cocoa-epoch dates). Over 500 lines with
 * reason: one format's reader kept whole (schema checks, chats, the message query and mapping), so
 * that its mapping of ZWAMESSAGE reads in one place.
 */

export const IOS_READER_VERSION = 'ios-chatstorage/1.1.0';

/** Seconds between 1970-01-01 and 2001-01-01 (the Cocoa epoch). */
export const COCOA_EPOCH_OFFSET_S = 978_307_200;

/** ZGROUPEVENTTYPE of a ZMESSAGETYPE 6 row. Others stay 'other' with the code raw. */
const GROUP_EVENTS: ReadonlyMap<number, MembershipEventType> = new Map([
  [12, 'created'],
  [2, 'added'],
  [3, 'left'],
  [7, 'removed'],
  [4, 'icon_changed'],
]);

const MEDIA_TYPES = new Set([1, 2, 3, 4, 8, 11, 15]);
const KNOWN_TYPES = new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 14, 15]);

type Row = Record<string, unknown>;

export function cocoaToMs(v: unknown): number | null {
  const n = numberOrNull(v);
  return n === null ? null : Math.round((n + COCOA_EPOCH_OFFSET_S) * 1000);
}

interface ChatInfo {
  readonly key: string;
  readonly isGroup: boolean;
  readonly partner: Person | null;
}

const PHONE_LIKE = /^[+\d\s().-]{6,}$/;

/** Who sent a message, and the member row it joined (on a group event: whom it concerns). */
interface Sender {
  readonly member: Person | null;
  readonly person: Person | null;
}

type Raw = Record<string, string | number | null>;

/** A message's kind and that kind's parts, with the media item read for it. */
interface Content {
  kind: MessageKind;
  media: MediaRef | null;
  location: ParsedMessage['location'];
  system: SystemEvent | null;
  deletedBy: ParsedMessage['deletedBy'];
  item: unknown[] | null;
}

/** What a location or contact card row records beyond the message's own fields. */
function iosFacts(
  item: unknown[] | null,
  kind: MessageKind,
  type: number | null,
  text: string | null,
): DetailFacts {
  if (kind === 'location') {
    const lat = numberOrNull(item?.[MEDIA.lat]);
    const lng = numberOrNull(item?.[MEDIA.lng]);
    return { location: { lat, lng, name: null, address: null, live: false } };
  }
  if (type === 4) {
    const name = stringOrNull(item?.[MEDIA.vcardName]) ?? text;
    return { vcards: [{ text: stringOrNull(item?.[MEDIA.vcardText]), name }] };
  }
  return {};
}

class IosReader implements DeviceReader {
  readonly format = 'ios-chatstorage' as const;
  readonly conversations: DeviceConversation[] = [];
  readonly notices: DeviceNotice[] = [];
  readonly ownerJid: string | null;
  readonly rowAccounts: RowAccount[] = [];
  private readonly clock: ZoneClock;
  /** Chat sessions whose rows are counted, not read (status updates, channels). */
  private readonly notChats = new Map<number, RowSkipReason>();
  private readonly book: IdentityBook;
  private readonly chats = new Map<number, ChatInfo>();
  private unmapped = new Map<string, number>();
  /** Rows with no ZMESSAGEDATE: kept, dated at the Unix epoch, listed in a notice. */
  private undated = { count: 0, ids: [] as number[] };
  /** ZWAGROUPMEMBER rows by Z_PK, for the member a message row joins. */
  private readonly memberByPk = new Map<number, { jid: string | null; name: string | null }>();
  /** The person of each member row, with the push name it was made with (issue 20: one per row was 1 %). */
  private readonly memberPeople = new Map<number, { push: string | null; person: Person | null }>();
  private rows: IosRows | null = null;

  constructor(
    private readonly copy: SqliteCopy,
    private readonly options: DeviceReadOptions,
  ) {
    const label = options.fileName;
    this.clock = new ZoneClock(options.zone);
    requireTables(copy, label, ['ZWAMESSAGE', 'ZWACHATSESSION'], 'WhatsApp iOS ChatStorage');
    requireColumns(copy, label, 'ZWAMESSAGE', ['Z_PK', 'ZCHATSESSION', 'ZISFROMME', 'ZMESSAGEDATE']);
    requireColumns(copy, label, 'ZWACHATSESSION', ['Z_PK', 'ZCONTACTJID']);
    this.notices.push(...copyNotices(copy, label));
    if (options.contactsPath) {
      this.notices.push({
        code: 'not_read',
        message:
          'a contacts database was given, but only Android wa.db is read; iOS names come from ChatStorage itself',
        line: null,
      });
    }
    this.notices.push({
      code: 'not_read',
      message:
        'iOS reactions and edits live in protobuf blobs (ZWAMESSAGEINFO, ZMETADATA) that this version does not read; quoted replies are read from ZPARENTMESSAGE only',
      line: null,
    });
    if (this.has('ZWAGROUPMEMBERSCHANGE')) {
      const row = this.db.prepare('SELECT COUNT(*) AS n FROM ZWAGROUPMEMBERSCHANGE').get() as { n: number };
      if (row.n > 0) {
        this.notices.push({
          code: 'not_read',
          message: `${row.n} row(s) in ZWAGROUPMEMBERSCHANGE (member changes) were not read: their ZCHANGETYPE codes are not known; the group events among the messages (ZMESSAGETYPE 6) are read`,
          line: null,
        });
      }
    }
    const owner = ownerFrom(options.ownerPhone, options.ownerName);
    this.ownerJid = owner.jid;
    if (!options.ownerPhone && !options.ownerName) {
      this.notices.push({
        code: 'owner_unknown',
        message:
          'ChatStorage.sqlite does not reliably record the phone owner\'s number and none was given: the owner\'s messages are attributed to "Phone owner"',
        line: null,
      });
    }
    const pushNames = new Map<string, string>();
    if (this.has('ZWAPROFILEPUSHNAME', 'ZJID') && this.has('ZWAPROFILEPUSHNAME', 'ZPUSHNAME')) {
      for (const r of this.db
        .prepare('SELECT ZJID, ZPUSHNAME FROM ZWAPROFILEPUSHNAME')
        .iterate() as IterableIterator<Row>) {
        const jid = stringOrNull(r.ZJID);
        const name = stringOrNull(r.ZPUSHNAME);
        if (jid && name) pushNames.set(jid, name);
      }
    }
    const contacts = new Map<string, ContactInfo>();
    const members = this.has('ZWAGROUPMEMBER', 'ZMEMBERJID') ? this.memberRows() : [];
    for (const m of members) {
      const jid = stringOrNull(m.ZMEMBERJID);
      const name = stringOrNull(m.ZCONTACTNAME);
      const pk = numberOrNull(m.Z_PK);
      if (pk !== null && !this.memberByPk.has(pk)) this.memberByPk.set(pk, { jid, name });
      if (jid && name && !contacts.has(jid))
        contacts.set(jid, { number: null, displayName: name, pushName: null });
    }
    const chatCols = copy.columns('ZWACHATSESSION');
    const c = (n: string) => (chatCols.has(n) ? n : `NULL AS ${n}`);
    const sessions = this.db
      .prepare(
        `SELECT Z_PK, ZCONTACTJID, ${c('ZPARTNERNAME')}, ${c('ZSESSIONTYPE')} FROM ZWACHATSESSION ORDER BY Z_PK`,
      )
      .all() as Row[];
    // A one-to-one partner's name is the owner's saved name unless it is just the push name or number.
    for (const s of sessions) {
      const jid = stringOrNull(s.ZCONTACTJID);
      const name = stringOrNull(s.ZPARTNERNAME);
      if (!jid || !name || isGroupJid(jid) || contacts.has(jid)) continue;
      if (name === pushNames.get(jid) || PHONE_LIKE.test(name)) continue;
      contacts.set(jid, { number: null, displayName: name, pushName: null });
    }
    this.book = new IdentityBook(owner, contacts, new Map(), pushNames);
    this.loadChats(sessions, members);
  }

  private get db(): Database.Database {
    return this.copy.db;
  }

  private has(table: string, column?: string): boolean {
    return hasColumn(this.copy, table, column);
  }

  private col(table: string, alias: string, column: string, as: string): string {
    return colOr(this.copy, table, alias, column, as);
  }

  private memberRows(): Row[] {
    const g = (n: string) => this.col('ZWAGROUPMEMBER', 'g', n, n);
    return this.db
      .prepare(
        `SELECT g.Z_PK AS Z_PK, ${g('ZCHATSESSION')}, g.ZMEMBERJID AS ZMEMBERJID, ${g('ZCONTACTNAME')}, ${g('ZFIRSTNAME')}, ${g('ZISACTIVE')}, ${g('ZISADMIN')} FROM ZWAGROUPMEMBER g ORDER BY g.Z_PK`,
      )
      .all() as Row[];
  }

  private loadChats(sessions: Row[], members: Row[]): void {
    const created = new Map<number, number>();
    if (this.has('ZWAGROUPINFO', 'ZCHATSESSION') && this.has('ZWAGROUPINFO', 'ZCREATIONDATE')) {
      for (const r of this.db
        .prepare('SELECT ZCHATSESSION, ZCREATIONDATE FROM ZWAGROUPINFO')
        .all() as Row[]) {
        const ms = cocoaToMs(r.ZCREATIONDATE);
        const chat = numberOrNull(r.ZCHATSESSION);
        if (ms !== null && chat !== null) created.set(chat, ms);
      }
    }
    const lists = new Map<number, ParticipantList>();
    for (const s of sessions) {
      const id = numberOrNull(s.Z_PK) as number;
      const key = stringOrNull(s.ZCONTACTJID);
      if (!key) continue;
      const skip = notAChat(key);
      if (skip !== null) {
        this.notChats.set(id, skip);
        continue;
      }
      const isGroup = numberOrNull(s.ZSESSIONTYPE) === 1 || isGroupJid(key);
      const partner = isGroup ? null : this.book.person(key);
      this.chats.set(id, { key, isGroup, partner });
      const list = new ParticipantList();
      list.add(this.book.ownerPerson(), null, isGroup ? null : true);
      if (partner) list.add(partner, null, true);
      lists.set(id, list);
    }
    for (const m of members) {
      const list = lists.get(numberOrNull(m.ZCHATSESSION) ?? -1);
      const jid = stringOrNull(m.ZMEMBERJID);
      if (!list || !jid) continue;
      const active = numberOrNull(m.ZISACTIVE);
      const admin = numberOrNull(m.ZISADMIN);
      list.add(
        this.book.person(jid, stringOrNull(m.ZCONTACTNAME)),
        admin === null ? null : admin > 0,
        active === null ? null : active > 0,
      );
    }
    for (const s of sessions) {
      const id = numberOrNull(s.Z_PK) as number;
      const info = this.chats.get(id);
      if (!info) continue;
      const ms = created.get(id);
      this.conversations.push({
        key: info.key,
        name: stringOrNull(s.ZPARTNERNAME) ?? info.partner?.displayName ?? null,
        isGroup: info.isGroup,
        groupJid: info.isGroup ? info.key : null,
        createdUtc: ms === undefined ? null : isoUtc(ms),
        participants: lists.get(id)?.list() ?? [],
      });
    }
  }

  *messages(): Generator<DeviceMessage> {
    const label = this.options.fileName;
    let rows: IterableIterator<unknown[]>;
    try {
      this.rows = new IosRows(this.copy);
      rows = this.db.prepare(this.rows.messageQuery()).raw(true).iterate() as IterableIterator<unknown[]>;
    } catch (err) {
      throw sqliteFailure(label, err);
    }
    const seqs = new Map<number, number>();
    let lastId: number | null = null;
    const ledger = new RowLedger('ZWAMESSAGE');
    while (true) {
      let next: IteratorResult<unknown[]>;
      try {
        next = rows.next();
      } catch (err) {
        throw sqliteFailure(label, err);
      }
      if (next.done) break;
      const row = next.value;
      const id = numberOrNull(row[R.id]) as number;
      if (id === lastId) continue;
      lastId = id;
      const chatId = numberOrNull(row[R.chat]) ?? -1;
      const chat = this.chats.get(chatId);
      if (!chat) {
        ledger.skip(this.notChats.get(chatId) ?? 'no_chat', id);
        continue;
      }
      const seq = seqs.get(chatId) ?? 0;
      seqs.set(chatId, seq + 1);
      ledger.imported();
      yield { conversationKey: chat.key, message: this.message(row, chat, seq) };
    }
    let total: number;
    try {
      total = (this.db.prepare('SELECT COUNT(*) AS n FROM ZWAMESSAGE').get() as { n: number }).n;
    } catch (err) {
      throw sqliteFailure(label, err);
    }
    this.rowAccounts.push(ledger.settle(total));
    this.notices.push(...accountNotices(this.rowAccounts));
    for (const [what, n] of this.unmapped) {
      this.notices.push({
        code: 'unmapped_code',
        message: `${n} row(s) with ${what}: read with the code kept raw`,
        line: null,
      });
    }
    this.unmapped = new Map();
    if (this.undated.count > 0) {
      const { count, ids } = this.undated;
      this.notices.push({
        code: 'time_ambiguous',
        message: `${count} ZWAMESSAGE row(s) have no ZMESSAGEDATE: kept, but dated 1970-01-01T00:00:00Z, which is not when they were sent (Z_PK ${ids.join(', ')}${count > ids.length ? ', …' : ''})`,
        line: null,
      });
      this.undated = { count: 0, ids: [] };
    }
    assertSomethingRead(label, this.rowAccounts);
  }

  private count(what: string): void {
    this.unmapped.set(what, (this.unmapped.get(what) ?? 0) + 1);
  }

  /** The member row a message joined, as a person; cached per member and push name. */
  private member(row: unknown[], rowPush: string | null): Person | null {
    const pk = row[R.member];
    if (typeof pk !== 'number') return null;
    const hit = this.memberPeople.get(pk);
    if (hit !== undefined && hit.push === rowPush) return hit.person;
    const m = this.memberByPk.get(pk);
    const person = m?.jid ? this.book.person(m.jid, m.name, rowPush) : null;
    this.memberPeople.set(pk, { push: rowPush, person });
    return person;
  }

  /** Who a message is from, and the member row it names (on a group event: whom it concerns). */
  private sender(row: unknown[], chat: ChatInfo, type: number | null, fromMe: boolean): Sender {
    // A row's ZPUSHNAME is its sender's; on a group event the member row may be someone else.
    const rowPush = type === 6 ? null : stringOrNull(row[R.push]);
    const member = this.member(row, rowPush);
    const person: Person | null = fromMe
      ? this.book.ownerPerson()
      : chat.isGroup
        ? member
        : chat.partner && rowPush && !chat.partner.identity.pushName
          ? this.book.person(chat.key, null, rowPush)
          : chat.partner;
    return { member, person };
  }

  /** A ZMESSAGETYPE 6 row: a group event, with whom it concerns. */
  private groupEvent(eventType: number | null, who: string | null, text: string | null): SystemEvent {
    const mapped = eventType === null ? undefined : GROUP_EVENTS.get(eventType);
    if (mapped === undefined) this.count(`ZGROUPEVENTTYPE ${eventType ?? 'NULL'}`);
    const type = mapped ?? 'other';
    const targets = who === null ? [] : [who];
    if (type === 'added' || type === 'removed')
      return { type, actor: null, targets, value: null, previousValue: null };
    if (type === 'left') return { type, actor: who, targets, value: null, previousValue: null };
    return { type, actor: who, targets: [], value: type === 'created' ? text : null, previousValue: null };
  }

  /** What the row's type makes of it: its kind and the parts of that kind, with their raw columns. */
  private content(row: unknown[], type: number | null, sender: Sender, fromMe: boolean, raw: Raw): Content {
    const c: Content = {
      kind: 'text',
      media: null,
      location: null,
      system: null,
      deletedBy: null,
      item: null,
    };
    if (type !== null && !KNOWN_TYPES.has(type)) this.count(`ZMESSAGETYPE ${type}`);
    if (type === 6) {
      c.kind = 'system';
      const who = fromMe ? this.book.ownerPerson().displayName : (sender.member?.displayName ?? null);
      c.system = this.groupEvent(numberOrNull(row[R.event]), who, stringOrNull(row[R.text]));
    } else if (type === 10) {
      c.kind = 'system';
      c.system = { type: 'other', actor: null, targets: [], value: null, previousValue: null };
    } else if (type === 14) {
      c.kind = 'deleted';
      c.deletedBy = 'sender';
    } else if (type === 5) {
      c.kind = 'location';
      c.item = this.item(row);
      const lat = numberOrNull(c.item?.[MEDIA.lat]);
      const lng = numberOrNull(c.item?.[MEDIA.lng]);
      raw.latitude = lat;
      raw.longitude = lng;
      const url = lat !== null && lng !== null ? `https://maps.google.com/?q=${lat},${lng}` : null;
      c.location = { url, live: false };
    } else if (type !== null && MEDIA_TYPES.has(type)) {
      c.kind = 'media';
      c.item = this.item(row);
      const path = stringOrNull(c.item?.[MEDIA.path]);
      const caption = stringOrNull(c.item?.[MEDIA.title]);
      c.media = { fileName: basename(path), omitted: path === null, caption };
      raw.file_path = path;
      raw.file_size = numberOrNull(c.item?.[MEDIA.size]);
    }
    return c;
  }

  /** The media item the row joined, or null where it joined none. */
  private item(row: unknown[]): unknown[] | null {
    const pk = row[R.media];
    return pk === null || pk === undefined ? null : (this.rows?.media(pk as number) ?? null);
  }

  /** The quoted message (ZPARENTMESSAGE), where the row joined one. */
  private reply(row: unknown[], chat: ChatInfo): ReplyRef | null {
    const pk = row[R.parent];
    if (pk === null || pk === undefined) return null;
    const q = this.rows?.parent(pk as number);
    if (q === undefined) return null;
    const qMember = stringOrNull(q[PARENT.member]);
    return {
      keyId: stringOrNull(q[PARENT.key]),
      text: stringOrNull(q[PARENT.text]),
      senderJid:
        numberOrNull(q[PARENT.fromMe]) === 1
          ? this.ownerJid
          : qMember
            ? this.book.person(qMember).identity.jid
            : chat.isGroup
              ? null
              : (chat.partner?.identity.jid ?? stringOrNull(q[PARENT.from])),
    };
  }

  /** The row's instant; a row without ZMESSAGEDATE is dated at the epoch and listed. */
  private instant(row: unknown[], id: number): number {
    const ms = cocoaToMs(row[R.date]);
    if (ms !== null) return ms;
    this.undated.count++;
    if (this.undated.ids.length < 20) this.undated.ids.push(id);
    return 0;
  }

  private message(row: unknown[], chat: ChatInfo, seq: number): ParsedMessage {
    const id = numberOrNull(row[R.id]) as number;
    const type = numberOrNull(row[R.type]);
    const eventType = numberOrNull(row[R.event]);
    const fromMe = numberOrNull(row[R.fromMe]) === 1;
    const sender = this.sender(row, chat, type, fromMe);
    const text = stringOrNull(row[R.text]);
    const raw: Raw = { ZMESSAGETYPE: type };
    if (eventType !== null && eventType !== 0) raw.ZGROUPEVENTTYPE = eventType;
    const status = numberOrNull(row[R.status]);
    if (status !== null) raw.ZMESSAGESTATUS = status;
    const flags = numberOrNull(row[R.flags]);
    if (flags !== null) raw.ZFLAGS = flags;
    const c = this.content(row, type, sender, fromMe, raw);
    const { kind, media, system } = c;
    const isSystem = kind === 'system';
    return withDetail(
      {
        seq,
        sender: isSystem ? (system?.actor ?? null) : (sender.person?.displayName ?? null),
        kind,
        text: kind === 'media' && text === null ? (media?.caption ?? '') : (text ?? ''),
        time: this.clock.time(this.instant(row, id)),
        edited: false,
        media,
        poll: null,
        location: c.location,
        system,
        source: { type: 'table', table: 'ZWAMESSAGE', rowId: id },
        keyId: stringOrNull(row[R.stanza]),
        senderIdentity: isSystem
          ? fromMe
            ? this.book.ownerPerson().identity
            : (sender.member?.identity ?? null)
          : (sender.person?.identity ?? null),
        replyTo: this.reply(row, chat),
        reactions: [],
        deletedBy: c.deletedBy,
        editedAt: null,
        raw,
      },
      iosFacts(c.item, kind, type, text),
    );
  }

  close(): void {
    this.copy.close();
  }
}

export function openIosReader(path: string, options: DeviceReadOptions, copy?: SqliteCopy): DeviceReader {
  const opened = copy ?? openSqliteCopy(path, options.fileName);
  try {
    return new IosReader(opened, options);
  } catch (err) {
    opened.close();
    throw sqliteFailure(options.fileName, err);
  }
}
