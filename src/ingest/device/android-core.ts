import type Database from 'better-sqlite3';
import type { MembershipEventType, SystemEvent } from '../../domain/message.js';
import { isGroupJid, isoUtc, numberOrNull, ZoneClock } from './common.js';
import { ParticipantList, type IdentityBook, type Person } from './identities.js';
import type { SqliteCopy } from './open-copy.js';
import type { DeviceConversation, DeviceNotice, DeviceReadOptions } from './types.js';

/**
 * What the two Android table families (current `message`, legacy `messages`) share while they
 * are read: the database, the identity book, the clock, the conversations (by chat JID, so a chat
 * present in both families is one conversation) and the counts that end up in notices.
 */

/**
 * message_system.action_type (legacy: media_size of a status-6 row) codes mapped to events. Tools
 * disagree on many codes; only these are mapped, everything else is 'other' with the code kept raw.
 */
export const ACTION_TYPES: ReadonlyMap<number, MembershipEventType> = new Map([
  [1, 'subject_changed'],
  [5, 'left'],
  [6, 'icon_changed'],
  [11, 'created'],
  [12, 'added'],
  [14, 'removed'],
  [20, 'joined_by_link'],
  [27, 'description_changed'],
]);

export const MEDIA_TYPES = new Set([1, 2, 3, 4, 9, 13, 20]);
export const KNOWN_TYPES = new Set([0, 1, 2, 3, 4, 5, 7, 9, 13, 15, 16, 20, 64, 66]);

export type Row = Record<string, unknown>;

export interface ChatInfo {
  readonly key: string;
  readonly isGroup: boolean;
  /** The other party of a one-to-one chat. */
  readonly partner: Person | null;
}

interface ConversationEntry {
  readonly info: ChatInfo;
  name: string | null;
  created: number | null;
  readonly members: ParticipantList;
}

/** Conversations by chat JID, in the order first met; both table families add to the same entry. */
export class ConversationSet {
  private readonly byKey = new Map<string, ConversationEntry>();

  constructor(private readonly book: IdentityBook) {}

  /** The chat behind a JID (created with the owner, and a one-to-one partner, as members). */
  ensure(key: string, subject: string | null, created: number | null): ChatInfo {
    const had = this.byKey.get(key);
    if (had) {
      had.name ??= subject;
      if (had.created === null || had.created <= 0) had.created = created;
      return had.info;
    }
    const isGroup = isGroupJid(key);
    // A broadcast list (`…@broadcast`) is the owner's list of recipients, not a person to chat with.
    const broadcast = key.endsWith('@broadcast');
    const partner = isGroup || broadcast ? null : this.book.person(key);
    const members = new ParticipantList();
    members.add(this.book.ownerPerson(), null, isGroup ? null : true);
    if (partner) members.add(partner, null, true);
    const info = { key, isGroup, partner };
    const name = subject ?? (broadcast ? `Broadcast list ${key.slice(0, key.indexOf('@'))}` : null);
    this.byKey.set(key, { info, name, created, members });
    return info;
  }

  info(key: string): ChatInfo | null {
    return this.byKey.get(key)?.info ?? null;
  }

  members(key: string): ParticipantList | undefined {
    return this.byKey.get(key)?.members;
  }

  list(): DeviceConversation[] {
    return [...this.byKey.values()].map((e) => ({
      key: e.info.key,
      name: e.name ?? e.info.partner?.displayName ?? null,
      isGroup: e.info.isGroup,
      groupJid: e.info.isGroup ? e.info.key : null,
      createdUtc: e.created !== null && e.created > 0 ? isoUtc(e.created) : null,
      participants: e.members.list(),
    }));
  }
}

export class AndroidContext {
  readonly clock: ZoneClock;
  readonly notices: DeviceNotice[] = [];
  private unmapped = new Map<string, number>();
  /** Rows with no timestamp (NULL or 0): kept, dated at the Unix epoch, listed in a notice. */
  private undated = { count: 0, ids: [] as string[] };

  constructor(
    readonly copy: SqliteCopy,
    readonly options: DeviceReadOptions,
    readonly book: IdentityBook,
  ) {
    this.clock = new ZoneClock(options.zone);
  }

  get db(): Database.Database {
    return this.copy.db;
  }

  get ownerJid(): string | null {
    return this.book.owner.jid;
  }

  has(table: string, column?: string): boolean {
    return this.copy.tables.has(table) && (column === undefined || this.copy.columns(table).has(column));
  }

  /** Select list entries: `alias.column AS name` where it exists, else NULL. */
  col(table: string, alias: string, column: string, as: string): string {
    return this.has(table, column) ? `${alias}.${column} AS ${as}` : `NULL AS ${as}`;
  }

  count(sql: string): number {
    return numberOrNull((this.db.prepare(sql).get() as Row | undefined)?.n) ?? 0;
  }

  /** A row's timestamp in ms; a missing one (NULL or 0) is counted and read as 0. */
  timestamp(value: unknown, table: string, id: number): number {
    const ts = numberOrNull(value);
    if (ts !== null && ts > 0) return ts;
    this.undated.count++;
    if (this.undated.ids.length < 20) this.undated.ids.push(`${table}#${id}`);
    return 0;
  }

  countUnmapped(what: string): void {
    this.unmapped.set(what, (this.unmapped.get(what) ?? 0) + 1);
  }

  sender(fromMe: boolean, chat: ChatInfo, senderRow: Person | null): Person | null {
    if (fromMe) return this.book.ownerPerson();
    if (senderRow) return senderRow;
    return chat.isGroup ? null : chat.partner;
  }

  systemEvent(
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

  /** The unmapped-code and undated-row notices gathered while reading. */
  flushNotices(): void {
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
}
