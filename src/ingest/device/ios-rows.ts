import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteCopy } from './open-copy.js';

/**
 * How ZWAMESSAGE is read (issue 20): the message's own columns and the primary key of the row it
 * joins in ZWAGROUPMEMBER, ZWAMEDIAITEM and its parent message, as raw arrays; the media item's and
 * the quoted message's columns are fetched by that key only for the messages that use them.
 * better-sqlite3 pays about 0.25 µs per value it hands to JavaScript, NULL or not, and the 13 side
 * columns the query used to carry are NULL for most messages. The joins stay, so which row a
 * message joins (the first of two media items pointing at one message included) is SQLite's
 * choice exactly as before.
 */

export function hasColumn(copy: SqliteCopy, table: string, column?: string): boolean {
  return copy.tables.has(table) && (column === undefined || copy.columns(table).has(column));
}

/** `alias.column AS as`, or `NULL AS as` where the database lacks the column. */
export function colOr(copy: SqliteCopy, table: string, alias: string, column: string, as: string): string {
  return hasColumn(copy, table, column) ? `${alias}.${column} AS ${as}` : `NULL AS ${as}`;
}

/** Positions in a message row (see IosRows.messageQuery). */
export const R = {
  id: 0,
  chat: 1,
  fromMe: 2,
  date: 3,
  text: 4,
  type: 5,
  event: 6,
  stanza: 7,
  push: 8,
  flags: 9,
  status: 10,
  /** ZWAGROUPMEMBER.Z_PK of the joined member row, or NULL. */
  member: 11,
  /** ZWAMEDIAITEM.Z_PK of the joined media item, or NULL. */
  media: 12,
  /** Z_PK of the joined parent (quoted) message, or NULL. */
  parent: 13,
} as const;

/** Positions in a media item row. */
export const MEDIA = { path: 0, size: 1, title: 2, lat: 3, lng: 4, vcardName: 5, vcardText: 6 } as const;
/** Positions in a quoted (parent) message row. */
export const PARENT = { key: 0, text: 1, fromMe: 2, from: 3, member: 4 } as const;

export class IosRows {
  private readonly members: boolean;
  private readonly mediaByItem: boolean;
  private readonly mediaByMessage: boolean;
  private readonly parentJoin: boolean;
  private mediaStmt: BetterSqlite3.Statement | null = null;
  private parentStmt: BetterSqlite3.Statement | null = null;

  constructor(private readonly copy: SqliteCopy) {
    const has = (t: string, c?: string) => hasColumn(copy, t, c);
    this.members = has('ZWAGROUPMEMBER', 'ZMEMBERJID') && has('ZWAMESSAGE', 'ZGROUPMEMBER');
    this.mediaByItem = has('ZWAMEDIAITEM', 'Z_PK') && has('ZWAMESSAGE', 'ZMEDIAITEM');
    this.mediaByMessage = !this.mediaByItem && has('ZWAMEDIAITEM', 'ZMESSAGE');
    this.parentJoin = has('ZWAMESSAGE', 'ZPARENTMESSAGE');
  }

  /** The message query: the columns of R, in display order. */
  messageQuery(): string {
    const { copy } = this;
    const m = (c: string) => colOr(copy, 'ZWAMESSAGE', 'm', c, c);
    const media = this.mediaByItem || this.mediaByMessage;
    const select = [
      'm.Z_PK',
      'm.ZCHATSESSION',
      'm.ZISFROMME',
      'm.ZMESSAGEDATE',
      m('ZTEXT'),
      m('ZMESSAGETYPE'),
      m('ZGROUPEVENTTYPE'),
      m('ZSTANZAID'),
      m('ZPUSHNAME'),
      m('ZFLAGS'),
      m('ZMESSAGESTATUS'),
      this.members ? 'gm.Z_PK' : 'NULL',
      media ? 'mi.Z_PK' : 'NULL',
      this.parentJoin ? 'p.Z_PK' : 'NULL',
    ];
    return [
      `SELECT ${select.join(', ')} FROM ZWAMESSAGE m`,
      this.members ? 'LEFT JOIN ZWAGROUPMEMBER gm ON gm.Z_PK = m.ZGROUPMEMBER' : '',
      this.mediaByItem ? 'LEFT JOIN ZWAMEDIAITEM mi ON mi.Z_PK = m.ZMEDIAITEM' : '',
      this.mediaByMessage ? 'LEFT JOIN ZWAMEDIAITEM mi ON mi.ZMESSAGE = m.Z_PK' : '',
      this.parentJoin ? 'LEFT JOIN ZWAMESSAGE p ON p.Z_PK = m.ZPARENTMESSAGE' : '',
      `ORDER BY ${this.order()}`,
    ].join(' ');
  }

  /**
   * Display order is ZSORT. SQLite puts NULL first; a row without one goes after those with one,
   * by date (the plain order, which an index can serve, where no row lacks it).
   */
  private order(): string {
    if (!hasColumn(this.copy, 'ZWAMESSAGE', 'ZSORT')) return 'm.ZCHATSESSION, m.Z_PK';
    const sortless =
      this.copy.db.prepare('SELECT 1 FROM ZWAMESSAGE WHERE ZSORT IS NULL LIMIT 1').get() !== undefined;
    return sortless
      ? 'm.ZCHATSESSION, m.ZSORT IS NULL, m.ZSORT, m.ZMESSAGEDATE, m.Z_PK'
      : 'm.ZCHATSESSION, m.ZSORT, m.Z_PK';
  }

  /** A media item's columns (MEDIA), by the Z_PK the message row joined. */
  media(pk: number): unknown[] {
    if (this.mediaStmt === null) {
      const c = (n: string, as: string) => colOr(this.copy, 'ZWAMEDIAITEM', 'mi', n, as);
      const cols = [
        c('ZMEDIALOCALPATH', 'path'),
        c('ZFILESIZE', 'size'),
        c('ZTITLE', 'title'),
        c('ZLATITUDE', 'lat'),
        c('ZLONGITUDE', 'lng'),
        c('ZVCARDNAME', 'vcard_name'),
        c('ZVCARDSTRING', 'vcard_text'),
      ];
      this.mediaStmt = this.copy.db
        .prepare(`SELECT ${cols.join(', ')} FROM ZWAMEDIAITEM mi WHERE mi.Z_PK = ?`)
        .raw(true);
    }
    return this.mediaStmt.get(pk) as unknown[];
  }

  /** The quoted message's columns (PARENT), by the Z_PK the message row joined. */
  parent(pk: number): unknown[] {
    if (this.parentStmt === null) {
      const c = (n: string, as: string) => colOr(this.copy, 'ZWAMESSAGE', 'p', n, as);
      const member = this.members ? 'pgm.ZMEMBERJID' : 'NULL';
      const join = this.members ? 'LEFT JOIN ZWAGROUPMEMBER pgm ON pgm.Z_PK = p.ZGROUPMEMBER' : '';
      this.parentStmt = this.copy.db
        .prepare(
          `SELECT ${c('ZSTANZAID', 'key')}, ${c('ZTEXT', 'text')}, p.ZISFROMME, ${c('ZFROMJID', 'sender')}, ${member} FROM ZWAMESSAGE p ${join} WHERE p.Z_PK = ?`,
        )
        .raw(true);
    }
    return this.parentStmt.get(pk) as unknown[];
  }
}
