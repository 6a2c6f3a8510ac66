/**
 * The iOS ChatStorage.sqlite reader. Why one file over 500 lines: the row mapping of each message kind (text, media, system, call, poll, location) reads the same joined row, and is kept together to stay comparable with the Android readers.
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
import {
  basename,
  isGroupJid,
  isoUtc,
  numberOrNull,
  ownerFrom,
  rowObjects,
  stringOrNull,
  ZoneClock,
} from './common.js';
import { withDetail, type DetailFacts } from './detail.js';
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

/** What a location or contact card row records beyond the message's own fields. */
function iosFacts(row: Row, kind: MessageKind, type: number | null, text: string | null): DetailFacts {
  if (kind === 'location') {
    const lat = numberOrNull(row.latitude);
    const lng = numberOrNull(row.longitude);
    return { location: { lat, lng, name: null, address: null, live: false } };
  }
  if (type === 4)
    return { vcards: [{ text: stringOrNull(row.vcard_text), name: stringOrNull(row.vcard_name) ?? text }] };
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
    return this.copy.tables.has(table) && (column === undefined || this.copy.columns(table).has(column));
  }

  private col(table: string, alias: string, column: string, as: string): string {
    return this.has(table, column) ? `${alias}.${column} AS ${as}` : `NULL AS ${as}`;
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

  private query(): string {
    const m = (c: string) => this.col('ZWAMESSAGE', 'm', c, c);
    const members = this.has('ZWAGROUPMEMBER', 'ZMEMBERJID') && this.has('ZWAMESSAGE', 'ZGROUPMEMBER');
    const mediaByItem = this.has('ZWAMEDIAITEM', 'Z_PK') && this.has('ZWAMESSAGE', 'ZMEDIAITEM');
    const mediaByMessage = !mediaByItem && this.has('ZWAMEDIAITEM', 'ZMESSAGE');
    const media = mediaByItem || mediaByMessage;
    const parent = this.has('ZWAMESSAGE', 'ZPARENTMESSAGE');
    const mi = (c: string, as: string) => (media ? this.col('ZWAMEDIAITEM', 'mi', c, as) : `NULL AS ${as}`);
    const select = [
      'm.Z_PK AS Z_PK',
      'm.ZCHATSESSION AS ZCHATSESSION',
      'm.ZISFROMME AS ZISFROMME',
      'm.ZMESSAGEDATE AS ZMESSAGEDATE',
      m('ZFROMJID'),
      m('ZTEXT'),
      m('ZMESSAGETYPE'),
      m('ZGROUPEVENTTYPE'),
      m('ZSTANZAID'),
      m('ZPUSHNAME'),
      m('ZSORT'),
      m('ZFLAGS'),
      m('ZMESSAGESTATUS'),
      members ? 'gm.ZMEMBERJID AS member_jid' : 'NULL AS member_jid',
      members ? this.col('ZWAGROUPMEMBER', 'gm', 'ZCONTACTNAME', 'member_name') : 'NULL AS member_name',
      media ? 'mi.Z_PK AS has_media' : 'NULL AS has_media',
      mi('ZMEDIALOCALPATH', 'media_path'),
      mi('ZFILESIZE', 'media_size'),
      mi('ZTITLE', 'media_title'),
      mi('ZLATITUDE', 'latitude'),
      mi('ZLONGITUDE', 'longitude'),
      mi('ZVCARDNAME', 'vcard_name'),
      mi('ZVCARDSTRING', 'vcard_text'),
      parent ? 'p.Z_PK AS has_parent' : 'NULL AS has_parent',
      parent ? this.col('ZWAMESSAGE', 'p', 'ZSTANZAID', 'q_key') : 'NULL AS q_key',
      parent ? this.col('ZWAMESSAGE', 'p', 'ZTEXT', 'q_text') : 'NULL AS q_text',
      parent ? 'p.ZISFROMME AS q_from_me' : 'NULL AS q_from_me',
      parent ? this.col('ZWAMESSAGE', 'p', 'ZFROMJID', 'q_from') : 'NULL AS q_from',
      parent && members ? 'pgm.ZMEMBERJID AS q_member' : 'NULL AS q_member',
    ];
    // Display order is ZSORT. SQLite puts NULL first; a row without one goes after those with one,
    // by date (the plain order, which an index can serve, where no row lacks it).
    const sortless =
      this.has('ZWAMESSAGE', 'ZSORT') &&
      this.db.prepare('SELECT 1 FROM ZWAMESSAGE WHERE ZSORT IS NULL LIMIT 1').get() !== undefined;
    const order = !this.has('ZWAMESSAGE', 'ZSORT')
      ? 'm.ZCHATSESSION, m.Z_PK'
      : sortless
        ? 'm.ZCHATSESSION, m.ZSORT IS NULL, m.ZSORT, m.ZMESSAGEDATE, m.Z_PK'
        : 'm.ZCHATSESSION, m.ZSORT, m.Z_PK';
    return [
      `SELECT ${select.join(', ')} FROM ZWAMESSAGE m`,
      members ? 'LEFT JOIN ZWAGROUPMEMBER gm ON gm.Z_PK = m.ZGROUPMEMBER' : '',
      mediaByItem ? 'LEFT JOIN ZWAMEDIAITEM mi ON mi.Z_PK = m.ZMEDIAITEM' : '',
      mediaByMessage ? 'LEFT JOIN ZWAMEDIAITEM mi ON mi.ZMESSAGE = m.Z_PK' : '',
      parent ? 'LEFT JOIN ZWAMESSAGE p ON p.Z_PK = m.ZPARENTMESSAGE' : '',
      parent && members ? 'LEFT JOIN ZWAGROUPMEMBER pgm ON pgm.Z_PK = p.ZGROUPMEMBER' : '',
      `ORDER BY ${order}`,
    ].join(' ');
  }

  *messages(): Generator<DeviceMessage> {
    const label = this.options.fileName;
    let rows: IterableIterator<Row>;
    try {
      rows = rowObjects(this.db.prepare(this.query()));
    } catch (err) {
      throw sqliteFailure(label, err);
    }
    const seqs = new Map<number, number>();
    let lastId: number | null = null;
    const ledger = new RowLedger('ZWAMESSAGE');
    while (true) {
      let next: IteratorResult<Row>;
      try {
        next = rows.next();
      } catch (err) {
        throw sqliteFailure(label, err);
      }
      if (next.done) break;
      const row = next.value;
      const id = numberOrNull(row.Z_PK) as number;
      if (id === lastId) continue;
      lastId = id;
      const chatId = numberOrNull(row.ZCHATSESSION) ?? -1;
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

  private message(row: Row, chat: ChatInfo, seq: number): ParsedMessage {
    const id = numberOrNull(row.Z_PK) as number;
    const type = numberOrNull(row.ZMESSAGETYPE);
    const eventType = numberOrNull(row.ZGROUPEVENTTYPE);
    const fromMe = numberOrNull(row.ZISFROMME) === 1;
    const memberJid = stringOrNull(row.member_jid);
    // A row's ZPUSHNAME is its sender's; on a group event the member row may be someone else.
    const rowPush = type === 6 ? null : stringOrNull(row.ZPUSHNAME);
    const member = memberJid ? this.book.person(memberJid, stringOrNull(row.member_name), rowPush) : null;
    const person: Person | null = fromMe
      ? this.book.ownerPerson()
      : chat.isGroup
        ? member
        : chat.partner && rowPush && !chat.partner.identity.pushName
          ? this.book.person(chat.key, null, rowPush)
          : chat.partner;
    const text = stringOrNull(row.ZTEXT);
    const raw: Record<string, string | number | null> = { ZMESSAGETYPE: type };
    if (eventType !== null && eventType !== 0) raw.ZGROUPEVENTTYPE = eventType;
    const status = numberOrNull(row.ZMESSAGESTATUS);
    if (status !== null) raw.ZMESSAGESTATUS = status;
    const flags = numberOrNull(row.ZFLAGS);
    if (flags !== null) raw.ZFLAGS = flags;
    let kind: MessageKind = 'text';
    let media: MediaRef | null = null;
    let location: ParsedMessage['location'] = null;
    let system: SystemEvent | null = null;
    let deletedBy: ParsedMessage['deletedBy'] = null;
    if (type !== null && !KNOWN_TYPES.has(type)) this.count(`ZMESSAGETYPE ${type}`);
    if (type === 6) {
      kind = 'system';
      const mapped = eventType === null ? undefined : GROUP_EVENTS.get(eventType);
      if (mapped === undefined) this.count(`ZGROUPEVENTTYPE ${eventType ?? 'NULL'}`);
      const type2 = mapped ?? 'other';
      const who = fromMe ? this.book.ownerPerson().displayName : (member?.displayName ?? null);
      const targets = who === null ? [] : [who];
      system =
        type2 === 'added' || type2 === 'removed'
          ? { type: type2, actor: null, targets, value: null, previousValue: null }
          : type2 === 'left'
            ? { type: type2, actor: who, targets, value: null, previousValue: null }
            : {
                type: type2,
                actor: who,
                targets: [],
                value: type2 === 'created' ? text : null,
                previousValue: null,
              };
    } else if (type === 10) {
      kind = 'system';
      system = { type: 'other', actor: null, targets: [], value: null, previousValue: null };
    } else if (type === 14) {
      kind = 'deleted';
      deletedBy = 'sender';
    } else if (type === 5) {
      kind = 'location';
      const lat = numberOrNull(row.latitude);
      const lng = numberOrNull(row.longitude);
      raw.latitude = lat;
      raw.longitude = lng;
      location = {
        url: lat !== null && lng !== null ? `https://maps.google.com/?q=${lat},${lng}` : null,
        live: false,
      };
    } else if (type !== null && MEDIA_TYPES.has(type)) {
      kind = 'media';
      const path = stringOrNull(row.media_path);
      const caption = stringOrNull(row.media_title);
      media = { fileName: basename(path), omitted: path === null, caption };
      raw.file_path = path;
      raw.file_size = numberOrNull(row.media_size);
    }
    let replyTo: ReplyRef | null = null;
    if (row.has_parent !== null && row.has_parent !== undefined) {
      const qFromMe = numberOrNull(row.q_from_me) === 1;
      const qMember = stringOrNull(row.q_member);
      replyTo = {
        keyId: stringOrNull(row.q_key),
        text: stringOrNull(row.q_text),
        senderJid: qFromMe
          ? this.ownerJid
          : qMember
            ? this.book.person(qMember).identity.jid
            : chat.isGroup
              ? null
              : (chat.partner?.identity.jid ?? stringOrNull(row.q_from)),
      };
    }
    let ms = cocoaToMs(row.ZMESSAGEDATE);
    if (ms === null) {
      this.undated.count++;
      if (this.undated.ids.length < 20) this.undated.ids.push(id);
      ms = 0;
    }
    return withDetail(
      {
        seq,
        sender: kind === 'system' ? (system?.actor ?? null) : (person?.displayName ?? null),
        kind,
        text: kind === 'media' && text === null ? (media?.caption ?? '') : (text ?? ''),
        time: this.clock.time(ms),
        edited: false,
        media,
        poll: null,
        location,
        system,
        source: { type: 'table', table: 'ZWAMESSAGE', rowId: id },
        keyId: stringOrNull(row.ZSTANZAID),
        senderIdentity:
          kind === 'system'
            ? fromMe
              ? this.book.ownerPerson().identity
              : (member?.identity ?? null)
            : (person?.identity ?? null),
        replyTo,
        reactions: [],
        deletedBy,
        editedAt: null,
        raw,
      },
      iosFacts(row, kind, type, text),
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
