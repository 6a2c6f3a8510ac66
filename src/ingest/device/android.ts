import { EvidenceError } from '../../domain/errors.js';
import type { RowAccount } from '../../domain/import-report.js';
import { accountNotices, assertSomethingRead, RowLedger, notAChat } from './accounting.js';
import { AndroidContext, ConversationSet, type ChatInfo, type Row } from './android-core.js';
import { M } from './android-rows.js';
import { CurrentSource, loadJids, messageKey, type Side } from './android-current.js';
import { LegacySource } from './android-legacy.js';
import { basename, numberOrNull, ownerFrom, rowObjects, stringOrNull } from './common.js';
import { classifyTables } from './detect.js';
import { IdentityBook, type ContactInfo } from './identities.js';
import { copyNotices, openSqliteCopy, requireColumns, sqliteFailure, type SqliteCopy } from './open-copy.js';
import type {
  DeviceConversation,
  DeviceMessage,
  DeviceNotice,
  DeviceReader,
  DeviceReadOptions,
} from './types.js';

/**
 * Android msgstore.db, every schema generation: current (`message` + `jid` + `chat` and side
 * tables, android-current.ts), legacy (`messages`, `chat_list`, `group_participants`,
 * android-legacy.ts) and the two at once (databases in transition, upgraded in place). Which
 * family is read is decided by which holds rows, never by which tables exist: often the legacy
 * table holds every message while `message` holds only its placeholder row. Where both hold
 * rows, both are read and a message present in both (same chat, key id and direction) is read
 * once, from `message`. Every row of both tables is imported or counted with its reason.
 */

export const ANDROID_READER_VERSION = 'android-msgstore/1.1.0';

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

/** Which table families hold rows, so which are read. */
function chooseSources(
  copy: SqliteCopy,
  current: CurrentSource | null,
  legacy: LegacySource | null,
  label: string,
): { current: boolean; legacy: boolean } {
  if (!current && !legacy) {
    const missing = ['message', 'jid', 'chat'].filter((n) => !copy.tables.has(n));
    throw new EvidenceError(
      label,
      `is a WhatsApp database of an unknown schema: missing table${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (and no legacy messages table)`,
      undefined,
      'unknown_schema',
    );
  }
  const currentRows = current ? current.realRows() : 0;
  const legacyRows = legacy ? legacy.realRows() : 0;
  return {
    current: current !== null && (currentRows > 0 || legacyRows === 0),
    legacy: legacy !== null && (legacyRows > 0 || current === null),
  };
}

/** Says which family was read where both exist (a database in transition). */
function transitionNotice(
  read: { current: boolean; legacy: boolean },
  hasCurrent: boolean,
  hasLegacy: boolean,
): DeviceNotice | null {
  if (!hasCurrent || !hasLegacy) return null;
  const message =
    read.current && read.legacy
      ? 'both the legacy messages table and message hold rows (a database in transition): both were read; a row in both (same chat, key id and direction) was read once, from message'
      : read.legacy
        ? 'the legacy messages table holds the messages and message only its placeholder row (a database in transition): read from messages'
        : 'the legacy messages table holds only its placeholder row: read from message';
  return { code: 'schema_transition', message, line: null };
}

class AndroidReader implements DeviceReader {
  readonly format = 'android-msgstore' as const;
  readonly conversations: DeviceConversation[];
  readonly notices: DeviceNotice[];
  readonly ownerJid: string | null;
  readonly rowAccounts: RowAccount[] = [];
  private readonly ctx: AndroidContext;
  private readonly current: CurrentSource | null;
  private readonly legacy: LegacySource | null;
  private readonly read: { current: boolean; legacy: boolean };
  private readonly set: ConversationSet;

  constructor(
    private readonly copy: SqliteCopy,
    options: DeviceReadOptions,
  ) {
    const label = options.fileName;
    const t = copy.tables;
    const hasCurrent = t.has('message') && t.has('jid') && t.has('chat');
    const notices = copyNotices(copy, label);
    const contacts = options.contactsPath
      ? loadContacts(options.contactsPath, basename(options.contactsPath) ?? options.contactsPath, notices)
      : new Map<string, ContactInfo>();
    const owner = ownerFrom(options.ownerPhone, options.ownerName);
    this.ownerJid = owner.jid;
    if (!options.ownerPhone && !options.ownerName) {
      notices.push({
        code: 'owner_unknown',
        message:
          'msgstore.db does not record the phone owner\'s number and none was given: the owner\'s messages are attributed to "Phone owner"',
        line: null,
      });
    }
    // The jid table is read before the context exists: the identity book needs its @lid map.
    const probe = {
      copy,
      options,
      db: copy.db,
      has: (table: string, column?: string) =>
        t.has(table) && (column === undefined || copy.columns(table).has(column)),
    };
    const { jids, lidMap } = t.has('jid')
      ? loadJids(probe)
      : { jids: new Map<number, string>(), lidMap: new Map<string, string>() };
    this.ctx = new AndroidContext(copy, options, new IdentityBook(owner, contacts, lidMap));
    this.ctx.notices.push(...notices);
    this.notices = this.ctx.notices;
    this.current = hasCurrent ? new CurrentSource(this.ctx, jids) : null;
    this.legacy = t.has('messages') ? new LegacySource(this.ctx) : null;
    this.read = chooseSources(copy, this.current, this.legacy, label);
    const set = new ConversationSet(this.ctx.book);
    this.set = set;
    if (this.read.current) this.current?.loadChats(set);
    if (this.read.legacy) this.legacy?.loadChats(set);
    const transition = transitionNotice(this.read, this.current !== null, this.legacy !== null);
    if (transition) this.notices.push(transition);
    this.conversations = set.list();
  }

  *messages(): Generator<DeviceMessage> {
    const label = this.ctx.options.fileName;
    const seqs = new Map<string, number>();
    const next = (chat: ChatInfo): number => {
      const seq = seqs.get(chat.key) ?? 0;
      seqs.set(chat.key, seq + 1);
      return seq;
    };
    try {
      // In transition the legacy rows are the older ones: read first, those also in message skipped.
      const both = this.read.current && this.read.legacy;
      const inCurrent = both && this.current ? this.current.keys() : new Set<string>();
      if (this.legacy) {
        const ledger = new RowLedger('messages');
        if (this.read.legacy) yield* this.legacyRows(ledger, inCurrent, next);
        else this.countUnread(ledger, 'messages');
        this.rowAccounts.push(ledger.settle(this.legacy.total()));
      }
      if (this.current) {
        const ledger = new RowLedger('message');
        if (this.read.current) yield* this.currentRows(ledger, next);
        else this.countUnread(ledger, 'message');
        this.rowAccounts.push(ledger.settle(this.current.total()));
      }
    } catch (err) {
      throw sqliteFailure(label, err);
    }
    this.ctx.flushNotices();
    this.notices.push(...accountNotices(this.rowAccounts));
    assertSomethingRead(label, this.rowAccounts);
  }

  /** A table not read holds only placeholder rows (that is why it was not chosen). */
  private countUnread(ledger: RowLedger, table: string): void {
    // By _id (a legacy `messages` may be a view, which has no rowid).
    const id = this.ctx.has(table, '_id') ? '_id' : 'NULL';
    for (const r of this.ctx.db
      .prepare(`SELECT ${id} AS id FROM ${table}`)
      .iterate() as IterableIterator<Row>)
      ledger.skip('placeholder', numberOrNull(r.id) ?? '');
  }

  private *legacyRows(
    ledger: RowLedger,
    inCurrent: ReadonlySet<string>,
    next: (chat: ChatInfo) => number,
  ): Generator<DeviceMessage> {
    const source = this.legacy as LegacySource;
    for (const row of rowObjects(this.ctx.db.prepare(source.query())) as Generator<Row>) {
      const id = numberOrNull(row._id) as number;
      const jid = stringOrNull(row.chat_jid) ?? '';
      const skip = notAChat(jid);
      if (skip !== null) {
        ledger.skip(skip, id);
        continue;
      }
      const chat = this.set.info(jid);
      if (!chat) {
        ledger.skip('no_chat', id);
        continue;
      }
      const key = stringOrNull(row.key_id);
      if (key !== null && inCurrent.has(messageKey(jid, key, row.from_me))) {
        ledger.skip('same_key_in_other_table', id);
        continue;
      }
      ledger.imported();
      yield { conversationKey: chat.key, message: source.message(row, chat, next(chat)) };
    }
  }

  private *currentRows(ledger: RowLedger, next: (chat: ChatInfo) => number): Generator<DeviceMessage> {
    const source = this.current as CurrentSource;
    const side: Side = source.sideLookups();
    let lastId: number | null = null;
    const rows = this.ctx.db.prepare(source.query()).raw(true).iterate() as IterableIterator<unknown[]>;
    for (const row of rows) {
      const id = numberOrNull(row[M.id]) as number;
      if (id === lastId) continue; // a side table with two rows for one message
      lastId = id;
      const chatRef = numberOrNull(row[M.chat]) ?? -1;
      const chat = source.chats.get(chatRef);
      if (!chat) {
        ledger.skip(chatRef === -1 ? 'placeholder' : (source.notChats.get(chatRef) ?? 'no_chat'), id);
        continue;
      }
      ledger.imported();
      yield { conversationKey: chat.key, message: source.message(row, chat, next(chat), side) };
    }
  }

  close(): void {
    this.copy.close();
  }
}

/** Open msgstore.db (current, legacy or in transition) on a temporary copy. */
export function openAndroidReader(path: string, options: DeviceReadOptions, copy?: SqliteCopy): DeviceReader {
  const opened = copy ?? openSqliteCopy(path, options.fileName);
  try {
    return new AndroidReader(opened, options);
  } catch (err) {
    opened.close();
    throw sqliteFailure(options.fileName, err);
  }
}
