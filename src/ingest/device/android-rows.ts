import type BetterSqlite3 from 'better-sqlite3';
import type { AndroidContext } from './android-core.js';

/**
 * How the current `message` table is read (issue 20): the message's own columns and one bit per
 * side table saying whether the message has a row there, as raw arrays; the side rows themselves
 * are fetched only for the messages that have one. better-sqlite3 pays about 0.25 µs per value it
 * hands to JavaScript, NULL or not, so the 26 side columns the query used to carry for every
 * message (mostly NULL: a side table holds a row for a few messages in a hundred) cost more than
 * SQLite's joins themselves; a lookup by primary key for the few that have one costs far less.
 */

/** Positions in a message row (see messageQuery). */
export const M = {
  id: 0,
  chat: 1,
  fromMe: 2,
  timestamp: 3,
  keyId: 4,
  sender: 5,
  status: 6,
  type: 7,
  text: 8,
  /** Bits of SIDE: which side tables hold a row for this message. */
  side: 9,
} as const;

interface SideSpec {
  readonly table: string;
  readonly alias: string;
  /** The columns read, in the order of the side row's positions. */
  readonly columns: readonly string[];
}

/** The side tables with one row per message, in bit order; columns by position (e.g. MEDIA.path). */
const SIDES = [
  {
    table: 'message_media',
    alias: 'mm',
    columns: ['file_path', 'file_size', 'mime_type', 'media_name', 'file_hash', 'media_caption'],
  },
  { table: 'message_quoted', alias: 'mq', columns: ['key_id', 'from_me', 'sender_jid_row_id', 'text_data'] },
  {
    table: 'message_location',
    alias: 'ml',
    columns: ['latitude', 'longitude', 'place_name', 'place_address', 'url', 'live_share_duration'],
  },
  { table: 'message_system', alias: 'ms', columns: ['action_type'] },
  { table: 'message_system_value_change', alias: 'mv', columns: ['old_data'] },
  { table: 'message_revoked', alias: 'mr', columns: ['revoked_key_id', 'admin_jid_row_id'] },
  { table: 'message_edit_info', alias: 'me', columns: ['edited_timestamp'] },
  { table: 'message_poll', alias: 'mp', columns: [] },
] as const satisfies readonly SideSpec[];

export type SideName =
  'media' | 'quoted' | 'location' | 'system' | 'valueChange' | 'revoked' | 'edit' | 'poll';
const NAMES: readonly SideName[] = [
  'media',
  'quoted',
  'location',
  'system',
  'valueChange',
  'revoked',
  'edit',
  'poll',
];

/** Bit of each side table in the row's M.side value. */
export const SIDE: Readonly<Record<SideName, number>> = Object.fromEntries(
  NAMES.map((n, i) => [n, 1 << i]),
) as Record<SideName, number>;

export const MEDIA = { path: 0, size: 1, mime: 2, name: 3, hash: 4, caption: 5 } as const;
export const QUOTED = { keyId: 0, fromMe: 1, sender: 2, text: 3 } as const;
export const LOCATION = { lat: 0, lng: 1, place: 2, address: 3, url: 4, live: 5 } as const;
export const REVOKED = { keyId: 0, admin: 1 } as const;

/** The message query: the message's columns (M) in chat order, and the side bits. */
export function messageQuery(ctx: AndroidContext): string {
  const m = (c: string) => ctx.col('message', 'm', c, c);
  const present = SIDES.map((s, i) => [s, i] as const).filter(([s]) => ctx.has(s.table, 'message_row_id'));
  const bits = present.map(([s, i]) => `((${s.alias}.message_row_id IS NOT NULL) << ${i})`);
  const select = [
    'm._id',
    'm.chat_row_id',
    'm.from_me',
    'm.timestamp',
    m('key_id'),
    m('sender_jid_row_id'),
    m('status'),
    m('message_type'),
    m('text_data'),
    bits.length ? bits.join(' | ') : '0',
  ];
  // A side table with two rows for one message gives two rows here; the reader keeps the first.
  const joins = present.map(([s]) => `LEFT JOIN ${s.table} ${s.alias} ON ${s.alias}.message_row_id = m._id`);
  const order = ctx.has('message', 'sort_id') ? 'm.chat_row_id, m.sort_id, m._id' : 'm.chat_row_id, m._id';
  return `SELECT ${select.join(', ')} FROM message m ${joins.join(' ')} ORDER BY ${order}`;
}

type Lookup = (id: number) => unknown[] | undefined;

/**
 * A message's row in each side table, by message id. Read by primary key (or any index on
 * message_row_id) where the table has one, as WhatsApp's tables do; a table without one is read
 * once into a map instead of scanned once per message. Either way the first row (by rowid) of a
 * message is the one read, as the join's first row was.
 */
export class SideRows {
  private readonly lookups = new Map<SideName, Lookup>();

  constructor(private readonly ctx: AndroidContext) {}

  get(side: SideName, id: number): unknown[] | undefined {
    let lookup = this.lookups.get(side);
    if (lookup === undefined) {
      lookup = this.open(SIDES[NAMES.indexOf(side)] as SideSpec);
      this.lookups.set(side, lookup);
    }
    return lookup(id);
  }

  private open(spec: SideSpec): Lookup {
    const { ctx } = this;
    const cols = spec.columns.map((c) => ctx.col(spec.table, 't', c, c));
    const list = cols.length ? cols.join(', ') : 't.message_row_id';
    const by = `SELECT ${list} FROM ${spec.table} t WHERE t.message_row_id = ?`;
    if (usesIndex(ctx.db, by)) {
      const stmt = ctx.db.prepare(`${by} LIMIT 1`).raw(true);
      return (id) => stmt.get(id) as unknown[] | undefined;
    }
    const rows = new Map<number, unknown[]>();
    const all = ctx.db.prepare(`SELECT t.message_row_id, ${list} FROM ${spec.table} t`).raw(true);
    for (const r of all.iterate() as IterableIterator<unknown[]>) {
      const id = r[0];
      if (typeof id === 'number' && !rows.has(id)) rows.set(id, r.slice(1));
    }
    return (id) => rows.get(id);
  }
}

function usesIndex(db: BetterSqlite3.Database, sql: string): boolean {
  const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(0) as { detail: string }[];
  return plan.length > 0 && plan.every((p) => !/^SCAN\b/.test(p.detail));
}
