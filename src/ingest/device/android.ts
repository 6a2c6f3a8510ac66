import type Database from 'better-sqlite3';
import { EvidenceError } from '../../domain/errors.js';
import type {
  MediaRef,
  MembershipEventType,
  MessageKind,
  ParsedMessage,
  Poll,
  Reaction,
  ReplyRef,
  SystemEvent,
} from '../../domain/message.js';
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
import { classifyTables } from './detect.js';
import { IdentityBook, ParticipantList, type ContactInfo, type Person } from './identities.js';
import { openSqliteCopy, requireColumns, sqliteFailure, type SqliteCopy } from './open-copy.js';
import type {
  DeviceConversation,
  DeviceMessage,
  DeviceNotice,
  DeviceReader,
  DeviceReadOptions,
} from './types.js';

/**
 * Android msgstore.db, both schema generations: current (`message` + `jid` + `chat` and side
 * tables) and legacy (`messages`, `chat_list`, `group_participants`). Each table and column is
 * checked before it is queried; optional side tables that are absent simply contribute nothing.
 */

export const ANDROID_READER_VERSION = 'android-msgstore/1.0.3';

/**
 * message_system.action_type (legacy: media_size of a status-6 row) codes mapped to events. Tools
 * disagree on many codes; only these are mapped, everything else is 'other' with the code kept raw.
 */
const ACTION_TYPES: ReadonlyMap<number, MembershipEventType> = new Map([
  [1, 'subject_changed'],
  [5, 'left'],
  [6, 'icon_changed'],
  [11, 'created'],
  [12, 'added'],
  [14, 'removed'],
  [20, 'joined_by_link'],
  [27, 'description_changed'],
]);

const MEDIA_TYPES = new Set([1, 2, 3, 4, 9, 13, 20]);
const KNOWN_TYPES = new Set([0, 1, 2, 3, 4, 5, 7, 9, 13, 15, 16, 20, 64, 66]);

type Row = Record<string, unknown>;

function loadContacts(path: string, label: string, notices: DeviceNotice[]): Map<string, ContactInfo> {
  const copy = openSqliteCopy(path, label);
  try {
    if (!copy.tables.has('wa_contacts')) {
      throw new EvidenceError(
        label,
        `is not a WhatsApp wa.db: missing table wa_contacts${classifyTables(copy.tables) === 'sqlite-other' ? ' (no WhatsApp tables at all)' : ''}`,
        undefined,
        'unknown_schema',
      );
    }
    requireColumns(copy, label, 'wa_contacts', ['jid']);
    const cols = copy.columns('wa_contacts');
    const c = (name: string) => (cols.has(name) ? name : `NULL AS ${name}`);
    const map = new Map<string, ContactInfo>();
    const rows = copy.db
      .prepare(`SELECT jid, ${c('number')}, ${c('display_name')}, ${c('wa_name')} FROM wa_contacts`)
      .iterate() as IterableIterator<Row>;
    for (const r of rows) {
      const jid = stringOrNull(r.jid);
      if (!jid) continue;
      const info: ContactInfo = {
        number: stringOrNull(r.number),
        displayName: stringOrNull(r.display_name),
        pushName: stringOrNull(r.wa_name),
      };
      const had = map.get(jid);
      // Several rows per JID happen (one per raw contact); keep the first that names anyone.
      if (!had || (had.displayName === null && info.displayName !== null)) map.set(jid, info);
    }
    notices.push({
      code: 'contacts',
      message: `${map.size} contacts read from ${label} (address-book and push names)`,
      line: null,
    });
    return map;
  } catch (err) {
    throw sqliteFailure(label, err);
  } finally {
    copy.close();
  }
}

interface ChatInfo {
  readonly key: string;
  readonly isGroup: boolean;
  /** The other party of a one-to-one chat. */
  readonly partner: Person | null;
}

interface Side {
  readonly reactionParents: Set<number>;
  reactions(parent: number): Reaction[];
  systemTargets(message: number): Person[];
  pollOptions(message: number): { text: string; votes: number | null }[];
}

class AndroidReader implements DeviceReader {
  readonly format = 'android-msgstore' as const;
  readonly conversations: DeviceConversation[] = [];
  readonly notices: DeviceNotice[] = [];
  readonly ownerJid: string | null;
  private readonly clock: ZoneClock;
  private readonly book: IdentityBook;
  private readonly chats = new Map<number | string, ChatInfo>();
  private readonly legacy: boolean;
  private readonly jids = new Map<number, string>();
  private unmapped = new Map<string, number>();
  /** Rows with no timestamp (NULL or 0): kept, dated at the Unix epoch, listed in a notice. */
  private undated = { count: 0, ids: [] as number[] };

  constructor(
    private readonly copy: SqliteCopy,
    private readonly options: DeviceReadOptions,
  ) {
    const label = options.fileName;
    this.clock = new ZoneClock(options.zone);
    const t = copy.tables;
    if (t.has('message') && t.has('jid') && t.has('chat')) this.legacy = false;
    else if (t.has('messages')) this.legacy = true;
    else {
      const missing = ['message', 'jid', 'chat'].filter((n) => !t.has(n));
      throw new EvidenceError(
        label,
        `is a WhatsApp database of an unknown schema: missing table${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (and no legacy messages table)`,
        undefined,
        'unknown_schema',
      );
    }
    if (copy.walIncluded) {
      this.notices.push({
        code: 'wal_included',
        message: `${label}-wal was found beside the database and read with it (recent rows)`,
        line: null,
      });
    }
    if (copy.journalIncluded) {
      this.notices.push({
        code: 'journal_present',
        message: `${label}-journal (an unfinished transaction) was found beside the database; the copy was opened with it, so SQLite rolled that transaction back on the copy`,
        line: null,
      });
    }
    const contacts = options.contactsPath
      ? loadContacts(
          options.contactsPath,
          basename(options.contactsPath) ?? options.contactsPath,
          this.notices,
        )
      : new Map<string, ContactInfo>();
    const owner = ownerFrom(options.ownerPhone, options.ownerName);
    this.ownerJid = owner.jid;
    if (!options.ownerPhone && !options.ownerName) {
      this.notices.push({
        code: 'owner_unknown',
        message:
          'msgstore.db does not record the phone owner\'s number and none was given: the owner\'s messages are attributed to "Phone owner"',
        line: null,
      });
    }
    const lidMap = this.legacy ? new Map<string, string>() : this.loadJids();
    this.book = new IdentityBook(owner, contacts, lidMap);
    if (this.legacy) this.loadLegacyChats();
    else this.loadChats();
  }

  private get db(): Database.Database {
    return this.copy.db;
  }

  private has(table: string, column?: string): boolean {
    return this.copy.tables.has(table) && (column === undefined || this.copy.columns(table).has(column));
  }

  /** jid rows into strings, and the @lid → phone JID map. */
  private loadJids(): Map<string, string> {
    const label = this.options.fileName;
    requireColumns(this.copy, label, 'jid', ['_id']);
    const cols = this.copy.columns('jid');
    const sel = ['_id', 'raw_string', 'user', 'server']
      .map((c) => (cols.has(c) ? c : `NULL AS ${c}`))
      .join(', ');
    for (const r of this.db.prepare(`SELECT ${sel} FROM jid`).iterate() as IterableIterator<Row>) {
      const id = numberOrNull(r._id);
      if (id === null) continue;
      const raw =
        stringOrNull(r.raw_string) ??
        (r.user !== null && r.server !== null
          ? `${stringOrNull(r.user) ?? ''}@${stringOrNull(r.server) ?? ''}`
          : null);
      if (raw !== null) this.jids.set(id, raw);
    }
    const lidMap = new Map<string, string>();
    if (this.has('jid_map', 'lid_row_id') && this.has('jid_map', 'jid_row_id')) {
      for (const r of this.db
        .prepare('SELECT lid_row_id, jid_row_id FROM jid_map')
        .iterate() as IterableIterator<Row>) {
        const lid = this.jids.get(numberOrNull(r.lid_row_id) ?? -1);
        const phone = this.jids.get(numberOrNull(r.jid_row_id) ?? -1);
        if (lid && phone) lidMap.set(lid, phone);
      }
    }
    return lidMap;
  }

  private personForRow(rowId: unknown): Person | null {
    const id = numberOrNull(rowId);
    if (id === null || id <= 0) return null;
    const raw = this.jids.get(id);
    if (raw === undefined || raw === '') return null;
    return this.book.person(raw);
  }

  private loadChats(): void {
    const label = this.options.fileName;
    requireColumns(this.copy, label, 'chat', ['_id', 'jid_row_id']);
    requireColumns(this.copy, label, 'message', ['_id', 'chat_row_id', 'from_me', 'timestamp']);
    const cols = this.copy.columns('chat');
    const c = (n: string) => (cols.has(n) ? n : `NULL AS ${n}`);
    const members = new Map<number, ParticipantList>();
    const chatRows = this.db
      .prepare(`SELECT _id, jid_row_id, ${c('subject')}, ${c('created_timestamp')} FROM chat ORDER BY _id`)
      .all() as Row[];
    const order: { id: number; row: Row; key: string; isGroup: boolean; partner: Person | null }[] = [];
    for (const row of chatRows) {
      const id = numberOrNull(row._id) as number;
      const key = this.jids.get(numberOrNull(row.jid_row_id) ?? -1);
      if (key === undefined || key === '-1' || key === '') continue;
      const isGroup = isGroupJid(key);
      const partner = isGroup ? null : this.book.person(key);
      this.chats.set(id, { key, isGroup, partner });
      const list = new ParticipantList();
      list.add(this.book.ownerPerson(), null, isGroup ? null : true);
      if (partner) list.add(partner, null, true);
      members.set(id, list);
      order.push({ id, row, key, isGroup, partner });
    }
    // Members listed now: group_participant_user (rank 1 admin, 2 creator / superadmin).
    if (
      this.has('group_participant_user', 'group_jid_row_id') &&
      this.has('group_participant_user', 'user_jid_row_id')
    ) {
      const rank = this.has('group_participant_user', 'rank') ? 'rank' : 'NULL AS rank';
      const pending = this.has('group_participant_user', 'pending') ? 'pending' : 'NULL AS pending';
      const byGroupJid = new Map<string, number>();
      for (const o of order) if (o.isGroup) byGroupJid.set(o.key, o.id);
      let pendingRows = 0;
      for (const r of this.db
        .prepare(
          `SELECT group_jid_row_id, user_jid_row_id, ${rank}, ${pending} FROM group_participant_user ORDER BY _id`,
        )
        .iterate() as IterableIterator<Row>) {
        const chatId = byGroupJid.get(this.jids.get(numberOrNull(r.group_jid_row_id) ?? -1) ?? '');
        if (chatId === undefined) continue;
        // A pending row (invited, or asking to join) is not a member yet: not listed as current.
        if ((numberOrNull(r.pending) ?? 0) > 0) {
          pendingRows++;
          continue;
        }
        const raw = this.jids.get(numberOrNull(r.user_jid_row_id) ?? -1);
        const person = raw === undefined || raw === '' ? this.book.ownerPerson() : this.book.person(raw);
        const rk = numberOrNull(r.rank);
        members.get(chatId)?.add(person, rk === null ? null : rk > 0, true);
      }
      if (pendingRows > 0) {
        this.notices.push({
          code: 'skipped_rows',
          message: `${pendingRows} pending row(s) in group_participant_user (invited or awaiting approval) were not counted as current members`,
          line: null,
        });
      }
    }
    // Everyone who wrote in, or was named by a system row, was a member at some point.
    if (this.has('message', 'sender_jid_row_id')) {
      for (const r of this.db
        .prepare(
          'SELECT DISTINCT chat_row_id, sender_jid_row_id FROM message WHERE sender_jid_row_id > 0 AND from_me = 0',
        )
        .iterate() as IterableIterator<Row>) {
        const p = this.personForRow(r.sender_jid_row_id);
        if (p) members.get(numberOrNull(r.chat_row_id) ?? -1)?.add(p, null, false);
      }
    }
    if (this.has('message_system_chat_participant', 'user_jid_row_id')) {
      for (const r of this.db
        .prepare(
          'SELECT DISTINCT m.chat_row_id, p.user_jid_row_id FROM message_system_chat_participant p JOIN message m ON m._id = p.message_row_id',
        )
        .iterate() as IterableIterator<Row>) {
        const p = this.personForRow(r.user_jid_row_id);
        if (p) members.get(numberOrNull(r.chat_row_id) ?? -1)?.add(p, null, false);
      }
    }
    for (const o of order) {
      const created = numberOrNull(o.row.created_timestamp);
      this.conversations.push({
        key: o.key,
        name: stringOrNull(o.row.subject) ?? o.partner?.displayName ?? null,
        isGroup: o.isGroup,
        groupJid: o.isGroup ? o.key : null,
        createdUtc: created !== null && created > 0 ? isoUtc(created) : null,
        participants: members.get(o.id)?.list() ?? [],
      });
    }
  }

  private loadLegacyChats(): void {
    const label = this.options.fileName;
    requireColumns(this.copy, label, 'messages', ['_id', 'key_remote_jid', 'key_from_me', 'timestamp']);
    const members = new Map<string, ParticipantList>();
    const names = new Map<string, { subject: string | null; created: number | null }>();
    if (this.has('chat_list', 'key_remote_jid')) {
      const cols = this.copy.columns('chat_list');
      const c = (n: string) => (cols.has(n) ? n : `NULL AS ${n}`);
      for (const r of this.db
        .prepare(`SELECT key_remote_jid, ${c('subject')}, ${c('creation')} FROM chat_list ORDER BY _id`)
        .iterate() as IterableIterator<Row>) {
        const key = stringOrNull(r.key_remote_jid);
        if (key && key !== '-1')
          names.set(key, { subject: stringOrNull(r.subject), created: numberOrNull(r.creation) });
      }
    }
    // Chats with messages but no chat_list row are still read.
    for (const r of this.db
      .prepare("SELECT DISTINCT key_remote_jid FROM messages WHERE key_remote_jid != '-1'")
      .iterate() as IterableIterator<Row>) {
      const key = stringOrNull(r.key_remote_jid);
      if (key && !names.has(key)) names.set(key, { subject: null, created: null });
    }
    for (const [key] of names) {
      const isGroup = isGroupJid(key);
      const partner = isGroup ? null : this.book.person(key);
      this.chats.set(key, { key, isGroup, partner });
      const list = new ParticipantList();
      list.add(this.book.ownerPerson(), null, isGroup ? null : true);
      if (partner) list.add(partner, null, true);
      members.set(key, list);
    }
    if (this.has('group_participants', 'gjid') && this.has('group_participants', 'jid')) {
      const admin = this.has('group_participants', 'admin') ? 'admin' : 'NULL AS admin';
      for (const r of this.db
        .prepare(`SELECT gjid, jid, ${admin} FROM group_participants`)
        .iterate() as IterableIterator<Row>) {
        const list = members.get(stringOrNull(r.gjid) ?? '');
        if (!list) continue;
        const jid = stringOrNull(r.jid);
        const person = jid === null || jid === '' ? this.book.ownerPerson() : this.book.person(jid);
        const a = numberOrNull(r.admin);
        list.add(person, a === null ? null : a > 0, true);
      }
    }
    if (this.has('messages', 'remote_resource')) {
      for (const r of this.db
        .prepare(
          "SELECT DISTINCT key_remote_jid, remote_resource FROM messages WHERE key_from_me = 0 AND remote_resource IS NOT NULL AND remote_resource != ''",
        )
        .iterate() as IterableIterator<Row>) {
        const jid = stringOrNull(r.remote_resource);
        if (jid) members.get(stringOrNull(r.key_remote_jid) ?? '')?.add(this.book.person(jid), null, false);
      }
    }
    for (const [key, n] of names) {
      const info = this.chats.get(key) as ChatInfo;
      this.conversations.push({
        key,
        name: n.subject ?? info.partner?.displayName ?? null,
        isGroup: info.isGroup,
        groupJid: info.isGroup ? key : null,
        createdUtc: n.created !== null && n.created > 0 ? isoUtc(n.created) : null,
        participants: members.get(key)?.list() ?? [],
      });
    }
  }

  /** A row's timestamp in ms; a missing one (NULL or 0) is counted and read as 0. */
  private timestamp(value: unknown, id: number): number {
    const ts = numberOrNull(value);
    if (ts !== null && ts > 0) return ts;
    this.undated.count++;
    if (this.undated.ids.length < 20) this.undated.ids.push(id);
    return 0;
  }

  private countUnmapped(what: string): void {
    this.unmapped.set(what, (this.unmapped.get(what) ?? 0) + 1);
  }

  /** Select list entries: `alias.column AS name` where it exists, else NULL. */
  private col(table: string, alias: string, column: string, as: string): string {
    return this.has(table, column) ? `${alias}.${column} AS ${as}` : `NULL AS ${as}`;
  }

  /**
   * Reactions, system-row members and poll options, grouped by their message in one ordered pass
   * each. Their tables need not have an index on the message column (a per-message query would
   * then scan the whole table for every message); they are small beside the message table.
   */
  private sideLookups(): Side {
    const db = this.db;
    const group = <T>(sql: string, key: string, map: (r: Row) => T | null): Map<number, T[]> => {
      const out = new Map<number, T[]>();
      for (const r of db.prepare(sql).iterate() as IterableIterator<Row>) {
        const k = numberOrNull(r[key]);
        const v = map(r);
        if (k === null || v === null) continue;
        const list = out.get(k);
        if (list) list.push(v);
        else out.set(k, [v]);
      }
      return out;
    };
    let reactions = new Map<number, Reaction[]>();
    if (
      this.has('message_add_on', 'parent_message_row_id') &&
      this.has('message_add_on_reaction', 'message_add_on_row_id') &&
      this.has('message_add_on_reaction', 'reaction')
    ) {
      reactions = group(
        `SELECT a.parent_message_row_id AS parent, ${this.col('message_add_on', 'a', 'from_me', 'from_me')}, ${this.col('message_add_on', 'a', 'sender_jid_row_id', 'sender')}, ${this.col('message_add_on', 'a', 'timestamp', 'ts')}, ${this.col('message_add_on_reaction', 'r', 'sender_timestamp', 'sts')}, r.reaction AS reaction FROM message_add_on a JOIN message_add_on_reaction r ON r.message_add_on_row_id = a._id ORDER BY a.parent_message_row_id, a._id`,
        'parent',
        (r) => {
          const emoji = stringOrNull(r.reaction);
          // An empty reaction is a reaction taken back: nothing is shown on the phone.
          if (emoji === null || emoji === '') return null;
          const person =
            numberOrNull(r.from_me) === 1 ? this.book.ownerPerson() : this.personForRow(r.sender);
          const ts = numberOrNull(r.ts) ?? numberOrNull(r.sts);
          return {
            sender: person?.displayName ?? 'Unknown',
            senderJid: person?.identity.jid ?? null,
            emoji,
            utc: ts !== null && ts > 0 ? isoUtc(ts) : null,
          };
        },
      );
    }
    const targets = this.has('message_system_chat_participant', 'user_jid_row_id')
      ? group(
          'SELECT message_row_id, user_jid_row_id FROM message_system_chat_participant ORDER BY message_row_id, rowid',
          'message_row_id',
          (r) => this.personForRow(r.user_jid_row_id),
        )
      : new Map<number, Person[]>();
    const polls =
      this.has('message_poll_option', 'message_row_id') && this.has('message_poll_option', 'option_name')
        ? group(
            `SELECT message_row_id, option_name, ${this.col('message_poll_option', 'o', 'vote_total', 'votes')} FROM message_poll_option o ORDER BY message_row_id, o.rowid`,
            'message_row_id',
            (r) => ({ text: stringOrNull(r.option_name) ?? '', votes: numberOrNull(r.votes) }),
          )
        : new Map<number, { text: string; votes: number | null }[]>();
    return {
      reactionParents: new Set(reactions.keys()),
      reactions: (parent) => reactions.get(parent) ?? [],
      systemTargets: (message) => targets.get(message) ?? [],
      pollOptions: (message) => polls.get(message) ?? [],
    };
  }

  private currentQuery(): string {
    const join = (table: string, alias: string, on: string) =>
      this.has(table, 'message_row_id')
        ? `LEFT JOIN ${table} ${alias} ON ${alias}.message_row_id = ${on}`
        : '';
    const m = (c: string) => this.col('message', 'm', c, c);
    const select = [
      'm._id AS _id',
      'm.chat_row_id AS chat_row_id',
      'm.from_me AS from_me',
      'm.timestamp AS timestamp',
      m('key_id'),
      m('sender_jid_row_id'),
      m('status'),
      m('message_type'),
      m('text_data'),
      m('sort_id'),
      this.col('message_media', 'mm', 'file_path', 'file_path'),
      this.col('message_media', 'mm', 'file_size', 'file_size'),
      this.col('message_media', 'mm', 'mime_type', 'mime_type'),
      this.col('message_media', 'mm', 'media_name', 'media_name'),
      this.col('message_media', 'mm', 'file_hash', 'file_hash'),
      this.col('message_media', 'mm', 'media_caption', 'media_caption'),
      this.has('message_media', 'message_row_id') ? 'mm.message_row_id AS has_media' : 'NULL AS has_media',
      this.col('message_quoted', 'mq', 'key_id', 'q_key_id'),
      this.col('message_quoted', 'mq', 'from_me', 'q_from_me'),
      this.col('message_quoted', 'mq', 'sender_jid_row_id', 'q_sender'),
      this.col('message_quoted', 'mq', 'text_data', 'q_text'),
      this.has('message_quoted', 'message_row_id') ? 'mq.message_row_id AS has_quote' : 'NULL AS has_quote',
      this.col('message_location', 'ml', 'latitude', 'latitude'),
      this.col('message_location', 'ml', 'longitude', 'longitude'),
      this.col('message_location', 'ml', 'place_name', 'place_name'),
      this.col('message_location', 'ml', 'url', 'loc_url'),
      this.col('message_location', 'ml', 'live_share_duration', 'live_duration'),
      this.col('message_system', 'ms', 'action_type', 'action_type'),
      this.col('message_system_value_change', 'mv', 'old_data', 'old_data'),
      this.col('message_revoked', 'mr', 'revoked_key_id', 'revoked_key_id'),
      this.col('message_revoked', 'mr', 'admin_jid_row_id', 'revoke_admin'),
      this.has('message_revoked', 'message_row_id')
        ? 'mr.message_row_id AS has_revoked'
        : 'NULL AS has_revoked',
      this.col('message_edit_info', 'me', 'edited_timestamp', 'edited_timestamp'),
      this.has('message_edit_info', 'message_row_id') ? 'me.message_row_id AS has_edit' : 'NULL AS has_edit',
      this.has('message_poll', 'message_row_id') ? 'mp.message_row_id AS has_poll' : 'NULL AS has_poll',
    ];
    const order = this.has('message', 'sort_id') ? 'm.chat_row_id, m.sort_id, m._id' : 'm.chat_row_id, m._id';
    return [
      `SELECT ${select.join(', ')} FROM message m`,
      join('message_media', 'mm', 'm._id'),
      join('message_quoted', 'mq', 'm._id'),
      join('message_location', 'ml', 'm._id'),
      join('message_system', 'ms', 'm._id'),
      join('message_system_value_change', 'mv', 'm._id'),
      join('message_revoked', 'mr', 'm._id'),
      join('message_edit_info', 'me', 'm._id'),
      join('message_poll', 'mp', 'm._id'),
      `ORDER BY ${order}`,
    ].join(' ');
  }

  private legacyQuery(): string {
    const m = (c: string) => this.col('messages', 'm', c, c);
    const q = (c: string, as: string) => this.col('messages_quotes', 'q', c, as);
    const quotes = this.has('messages_quotes', '_id') && this.has('messages', 'quoted_row_id');
    const select = [
      'm._id AS _id',
      'm.key_remote_jid AS chat_row_id',
      'm.key_from_me AS from_me',
      'm.timestamp AS timestamp',
      m('key_id'),
      m('remote_resource'),
      m('status'),
      m('media_wa_type'),
      m('data'),
      m('media_name'),
      m('media_mime_type'),
      m('media_size'),
      m('media_hash'),
      m('media_caption'),
      m('latitude'),
      m('longitude'),
      m('edit_version'),
      m('forwarded'),
      quotes ? q('key_id', 'q_key_id') : 'NULL AS q_key_id',
      quotes ? q('data', 'q_text') : 'NULL AS q_text',
      quotes ? q('key_from_me', 'q_from_me') : 'NULL AS q_from_me',
      quotes ? q('remote_resource', 'q_sender') : 'NULL AS q_sender',
      quotes ? 'q._id AS has_quote' : 'NULL AS has_quote',
    ];
    return [
      `SELECT ${select.join(', ')} FROM messages m`,
      quotes ? 'LEFT JOIN messages_quotes q ON q._id = m.quoted_row_id AND m.quoted_row_id > 0' : '',
      'ORDER BY m.key_remote_jid, m._id',
    ].join(' ');
  }

  *messages(): Generator<DeviceMessage> {
    const label = this.options.fileName;
    let rows: IterableIterator<Row>;
    let side: Side | null = null;
    try {
      if (!this.legacy) side = this.sideLookups();
      rows = rowObjects(this.db.prepare(this.legacy ? this.legacyQuery() : this.currentQuery()));
    } catch (err) {
      throw sqliteFailure(label, err);
    }
    const seqs = new Map<number | string, number>();
    let lastId: number | null = null;
    let placeholders = 0;
    const orphans: number[] = [];
    let orphanCount = 0;
    while (true) {
      let next: IteratorResult<Row>;
      try {
        next = rows.next();
      } catch (err) {
        throw sqliteFailure(label, err);
      }
      if (next.done) break;
      const row = next.value;
      const id = numberOrNull(row._id) as number;
      if (id === lastId) continue; // a side table with two rows for one message
      lastId = id;
      const chatRef = this.legacy
        ? (stringOrNull(row.chat_row_id) ?? '')
        : (numberOrNull(row.chat_row_id) ?? -1);
      const chat = this.chats.get(chatRef);
      if (!chat) {
        if (chatRef === '-1' || chatRef === -1 || (this.legacy && chatRef === '')) placeholders++;
        else {
          orphanCount++;
          if (orphans.length < 20) orphans.push(id);
        }
        continue;
      }
      const seq = seqs.get(chatRef) ?? 0;
      seqs.set(chatRef, seq + 1);
      const message = this.legacy
        ? this.legacyMessage(row, chat, seq)
        : this.currentMessage(row, chat, seq, side as Side);
      yield { conversationKey: chat.key, message };
    }
    if (orphanCount > 0) {
      this.notices.push({
        code: 'skipped_rows',
        message: `${orphanCount} message row(s) belong to no chat this database lists and were not read (row ids ${orphans.join(', ')}${orphanCount > orphans.length ? ', …' : ''})`,
        line: null,
      });
    }
    if (placeholders > 1) {
      this.notices.push({
        code: 'skipped_rows',
        message: `${placeholders} placeholder rows (chat "-1") were skipped`,
        line: null,
      });
    }
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
        message: `${count} message row(s) have no timestamp (NULL or 0): kept, but dated 1970-01-01T00:00:00Z, which is not when they were sent (row ids ${ids.join(', ')}${count > ids.length ? ', …' : ''})`,
        line: null,
      });
      this.undated = { count: 0, ids: [] };
    }
  }

  private sender(fromMe: boolean, chat: ChatInfo, senderRow: Person | null): Person | null {
    if (fromMe) return this.book.ownerPerson();
    if (senderRow) return senderRow;
    return chat.isGroup ? null : chat.partner;
  }

  private systemEvent(
    code: number | null,
    actor: Person | null,
    targets: Person[],
    value: string | null,
    previous: string | null,
    rawKey: string,
  ): SystemEvent {
    const mapped = code === null ? undefined : ACTION_TYPES.get(code);
    if (mapped === undefined) this.countUnmapped(`${rawKey} ${code ?? 'NULL'}`);
    const type = mapped ?? 'other';
    let names = targets.map((p) => p.displayName);
    if (names.length === 0 && actor && (type === 'left' || type === 'joined_by_link'))
      names = [actor.displayName];
    const hasValue = type === 'subject_changed' || type === 'created' || type === 'description_changed';
    return {
      type,
      actor: actor?.displayName ?? null,
      targets: names,
      value: hasValue ? value : null,
      previousValue: type === 'subject_changed' ? previous : null,
    };
  }

  private currentMessage(row: Row, chat: ChatInfo, seq: number, side: Side): ParsedMessage {
    const id = numberOrNull(row._id) as number;
    const type = numberOrNull(row.message_type);
    const fromMe = numberOrNull(row.from_me) === 1;
    const senderRow = this.personForRow(row.sender_jid_row_id);
    const person = this.sender(fromMe, chat, senderRow);
    const text = stringOrNull(row.text_data);
    const raw: Record<string, string | number | null> = { message_type: type };
    if (senderRow && senderRow.rawJid !== senderRow.identity.jid) raw.sender_lid = senderRow.rawJid;
    const status = numberOrNull(row.status);
    if (status !== null) raw.status = status;
    let kind: MessageKind = 'text';
    let media: MediaRef | null = null;
    let poll: Poll | null = null;
    let location: ParsedMessage['location'] = null;
    let system: SystemEvent | null = null;
    let deletedBy: ParsedMessage['deletedBy'] = null;
    let body = text ?? '';
    if (type !== null && !KNOWN_TYPES.has(type)) this.countUnmapped(`message_type ${type}`);
    if (type === 7) {
      kind = 'system';
      const action = numberOrNull(row.action_type);
      raw.action_type = action;
      const old = stringOrNull(row.old_data);
      if (old !== null) raw.old_data = old;
      system = this.systemEvent(action, person, side.systemTargets(id), text, old, 'action_type');
    } else if (type === 15 || type === 64) {
      kind = 'deleted';
      deletedBy = type === 64 || numberOrNull(row.revoke_admin) !== null ? 'admin' : 'sender';
    } else if (row.has_revoked !== null && row.has_revoked !== undefined) {
      kind = 'deleted';
      deletedBy = numberOrNull(row.revoke_admin) !== null ? 'admin' : 'sender';
    } else if (type === 5 || type === 16 || row.latitude !== null) {
      kind = 'location';
      const lat = numberOrNull(row.latitude);
      const lng = numberOrNull(row.longitude);
      raw.latitude = lat;
      raw.longitude = lng;
      const place = stringOrNull(row.place_name);
      if (place !== null) raw.place_name = place;
      const url = stringOrNull(row.loc_url);
      location = {
        url: url ?? (lat !== null && lng !== null ? `https://maps.google.com/?q=${lat},${lng}` : null),
        live: type === 16 || (numberOrNull(row.live_duration) ?? 0) > 0,
      };
    } else if (type === 66 || (row.has_poll !== null && row.has_poll !== undefined)) {
      kind = 'poll';
      poll = { question: text ?? '', options: side.pollOptions(id) };
    } else if (
      (type !== null && MEDIA_TYPES.has(type)) ||
      (row.has_media !== null && row.has_media !== undefined)
    ) {
      kind = 'media';
      const path = stringOrNull(row.file_path);
      const caption = stringOrNull(row.media_caption) ?? text;
      if (text === null && caption !== null) body = caption;
      media = { fileName: stringOrNull(row.media_name) ?? basename(path), omitted: path === null, caption };
      raw.mime_type = stringOrNull(row.mime_type);
      raw.file_size = numberOrNull(row.file_size);
      raw.file_hash = stringOrNull(row.file_hash);
      raw.file_path = path;
    }
    if (row.revoked_key_id !== null && row.revoked_key_id !== undefined)
      raw.revoked_key_id = stringOrNull(row.revoked_key_id);
    let replyTo: ReplyRef | null = null;
    if (row.has_quote !== null && row.has_quote !== undefined) {
      const qFromMe = numberOrNull(row.q_from_me) === 1;
      const qPerson = qFromMe ? this.book.ownerPerson() : this.personForRow(row.q_sender);
      replyTo = {
        keyId: stringOrNull(row.q_key_id),
        text: stringOrNull(row.q_text),
        senderJid: qPerson?.identity.jid ?? (qFromMe ? null : (chat.partner?.identity.jid ?? null)),
      };
    }
    const editedTs = numberOrNull(row.edited_timestamp);
    const edited = row.has_edit !== null && row.has_edit !== undefined;
    const ts = this.timestamp(row.timestamp, id);
    return {
      seq,
      sender: kind === 'system' ? (system?.actor ?? null) : (person?.displayName ?? null),
      kind,
      text: body,
      time: this.clock.time(ts),
      edited,
      media,
      poll,
      location,
      system,
      source: { type: 'table', table: 'message', rowId: id },
      keyId: stringOrNull(row.key_id),
      senderIdentity: person?.identity ?? null,
      replyTo,
      reactions: side.reactionParents.has(id) ? side.reactions(id) : [],
      deletedBy,
      editedAt: edited && editedTs !== null && editedTs > 0 ? isoUtc(editedTs) : null,
      raw,
    };
  }

  private legacyMessage(row: Row, chat: ChatInfo, seq: number): ParsedMessage {
    const id = numberOrNull(row._id) as number;
    const type = numberOrNull(row.media_wa_type);
    const status = numberOrNull(row.status);
    const fromMe = numberOrNull(row.from_me) === 1;
    const rr = stringOrNull(row.remote_resource);
    const senderRow = rr ? this.book.person(rr) : null;
    const person = this.sender(fromMe, chat, senderRow);
    const text = stringOrNull(row.data);
    const raw: Record<string, string | number | null> = { media_wa_type: type, status };
    let kind: MessageKind = 'text';
    let media: MediaRef | null = null;
    let location: ParsedMessage['location'] = null;
    let system: SystemEvent | null = null;
    let deletedBy: ParsedMessage['deletedBy'] = null;
    let body = text ?? '';
    // Legacy rows predate message editing: edit_version 7 marks a message revoked ("deleted for
    // everyone"), as WhatsApp-Chat-Exporter reads it; not an edit.
    const editVersion = numberOrNull(row.edit_version);
    const revoked = editVersion === 7;
    if (status === 6 || status === -1) {
      kind = 'system';
      const action = numberOrNull(row.media_size);
      raw.media_size = action;
      system = this.systemEvent(action, person, [], text, null, 'legacy media_size (action)');
    } else if (type === 15 || type === 64 || revoked) {
      kind = 'deleted';
      deletedBy = type === 64 ? 'admin' : 'sender';
    } else if (type === 5 || type === 16) {
      kind = 'location';
      const lat = numberOrNull(row.latitude);
      const lng = numberOrNull(row.longitude);
      raw.latitude = lat;
      raw.longitude = lng;
      location = {
        url: lat !== null && lng !== null ? `https://maps.google.com/?q=${lat},${lng}` : null,
        live: type === 16,
      };
    } else if (type !== null && MEDIA_TYPES.has(type)) {
      kind = 'media';
      const caption = stringOrNull(row.media_caption);
      if (text === null && caption !== null) body = caption;
      media = { fileName: stringOrNull(row.media_name), omitted: false, caption: caption ?? null };
      raw.mime_type = stringOrNull(row.media_mime_type);
      raw.file_size = numberOrNull(row.media_size);
      raw.file_hash = stringOrNull(row.media_hash);
    } else if (type !== null && type !== 0) {
      this.countUnmapped(`media_wa_type ${type}`);
    }
    const fwd = numberOrNull(row.forwarded);
    if (fwd !== null && fwd > 0) raw.forwarded = fwd;
    let replyTo: ReplyRef | null = null;
    if (row.has_quote !== null && row.has_quote !== undefined) {
      const qFromMe = numberOrNull(row.q_from_me) === 1;
      const qSender = stringOrNull(row.q_sender);
      replyTo = {
        keyId: stringOrNull(row.q_key_id),
        text: stringOrNull(row.q_text),
        senderJid: qFromMe
          ? this.ownerJid
          : qSender
            ? this.book.person(qSender).identity.jid
            : (chat.partner?.identity.jid ?? null),
      };
    }
    if (editVersion !== null) raw.edit_version = editVersion;
    return {
      seq,
      sender: kind === 'system' ? (system?.actor ?? null) : (person?.displayName ?? null),
      kind,
      text: body,
      time: this.clock.time(this.timestamp(row.timestamp, id)),
      edited: editVersion !== null && editVersion > 0 && !revoked,
      media,
      poll: null,
      location,
      system,
      source: { type: 'table', table: 'messages', rowId: id },
      keyId: stringOrNull(row.key_id),
      senderIdentity: person?.identity ?? null,
      replyTo,
      reactions: [],
      deletedBy,
      editedAt: null,
      raw,
    };
  }

  close(): void {
    this.copy.close();
  }
}

/** Open msgstore.db (current or legacy schema) on a temporary copy. */
export function openAndroidReader(path: string, options: DeviceReadOptions, copy?: SqliteCopy): DeviceReader {
  const opened = copy ?? openSqliteCopy(path, options.fileName);
  try {
    return new AndroidReader(opened, options);
  } catch (err) {
    opened.close();
    throw sqliteFailure(options.fileName, err);
  }
}
