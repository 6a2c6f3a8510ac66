import type { RowSkipReason } from '../../domain/import-report.js';
import type { ParsedMessage, Reaction, ReplyRef, SystemEvent } from '../../domain/message.js';
import { notAChat } from './accounting.js';
import {
  locationContent,
  mediaContent,
  sideRow,
  type RawColumns,
  type RowContent,
  type RowView,
} from './android-content.js';
import {
  KNOWN_TYPES,
  MEDIA_TYPES,
  type AndroidContext,
  type ChatInfo,
  type ConversationSet,
  type Row,
} from './android-core.js';
import { LOCATION, M, MEDIA, messageQuery, QUOTED, REVOKED, SIDE, SideRows } from './android-rows.js';
import { isoUtc, numberOrNull, stringOrNull } from './common.js';
import type { Person } from './identities.js';
import { withDetail, type DetailFacts } from './detail.js';
import { requireColumns } from './open-copy.js';

/**
 * The current Android table family: `message` (chat by `chat_row_id`, sender by
 * `sender_jid_row_id`), `jid`, `chat` and the side tables (media, quotes, locations, system rows,
 * revocations, edits, reactions, polls). Each table and column is checked before it is queried;
 * an absent side table contributes nothing.
 */

export interface Side {
  /** The message's row in each one-row-per-message side table. */
  readonly rows: SideRows;
  readonly vcards: ReadonlyMap<number, { text: string | null; name: string | null }[]>;
  readonly calls: ReadonlyMap<number, NonNullable<DetailFacts['call']>[]>;
  readonly reactionParents: Set<number>;
  reactions(parent: number): Reaction[];
  systemTargets(message: number): Person[];
  pollOptions(message: number): { text: string; votes: number | null }[];
}

/** jid rows into strings, and the @lid → phone JID map. */
export function loadJids(ctx: Pick<AndroidContext, 'copy' | 'options' | 'has' | 'db'>): {
  jids: Map<number, string>;
  lidMap: Map<string, string>;
} {
  const jids = new Map<number, string>();
  requireColumns(ctx.copy, ctx.options.fileName, 'jid', ['_id']);
  const cols = ctx.copy.columns('jid');
  const sel = ['_id', 'raw_string', 'user', 'server']
    .map((c) => (cols.has(c) ? c : `NULL AS ${c}`))
    .join(', ');
  for (const r of ctx.db.prepare(`SELECT ${sel} FROM jid`).iterate() as IterableIterator<Row>) {
    const id = numberOrNull(r._id);
    if (id === null) continue;
    const raw =
      stringOrNull(r.raw_string) ??
      (r.user !== null && r.server !== null
        ? `${stringOrNull(r.user) ?? ''}@${stringOrNull(r.server) ?? ''}`
        : null);
    if (raw !== null) jids.set(id, raw);
  }
  const lidMap = new Map<string, string>();
  if (ctx.has('jid_map', 'lid_row_id') && ctx.has('jid_map', 'jid_row_id')) {
    for (const r of ctx.db
      .prepare('SELECT lid_row_id, jid_row_id FROM jid_map')
      .iterate() as IterableIterator<Row>) {
      const lid = jids.get(numberOrNull(r.lid_row_id) ?? -1);
      const phone = jids.get(numberOrNull(r.jid_row_id) ?? -1);
      if (lid && phone) lidMap.set(lid, phone);
    }
  }
  return { jids, lidMap };
}

export class CurrentSource {
  readonly table = 'message';
  /** Chats read, by chat._id. */
  readonly chats = new Map<number, ChatInfo>();
  /** Chats whose rows are counted, not read (status updates, channels, the placeholder chat). */
  readonly notChats = new Map<number, RowSkipReason>();
  /** personForRow by jid row id. */
  private readonly people = new Map<number, Person | null>();

  constructor(
    private readonly ctx: AndroidContext,
    private readonly jids: ReadonlyMap<number, string>,
  ) {}

  /** Rows that are not the placeholder (`chat_row_id` -1). */
  realRows(): number {
    if (!this.ctx.has('message', 'chat_row_id')) return this.ctx.count('SELECT COUNT(*) AS n FROM message');
    return this.ctx.count('SELECT COUNT(*) AS n FROM message WHERE chat_row_id IS NOT -1');
  }

  total(): number {
    return this.ctx.count('SELECT COUNT(*) AS n FROM message');
  }

  personForRow(rowId: unknown): Person | null {
    const id = numberOrNull(rowId);
    if (id === null || id <= 0) return null;
    // Once per jid row, not once per message (the identity book keys its cache by a built string).
    let person = this.people.get(id);
    if (person === undefined) {
      const raw = this.jids.get(id);
      person = raw === undefined || raw === '' ? null : this.ctx.book.person(raw);
      this.people.set(id, person);
    }
    return person;
  }

  /** chat, key id and direction of every row, to match the legacy table's rows against. */
  keys(): Set<string> {
    const out = new Set<string>();
    const key = this.ctx.has('message', 'key_id') ? 'key_id' : 'NULL AS key_id';
    for (const r of this.ctx.db
      .prepare(`SELECT chat_row_id, ${key}, from_me FROM message`)
      .iterate() as IterableIterator<Row>) {
      const chat = this.chats.get(numberOrNull(r.chat_row_id) ?? -1);
      const k = stringOrNull(r.key_id);
      if (chat && k !== null) out.add(messageKey(chat.key, k, r.from_me));
    }
    return out;
  }

  /** Chats and their members (listed now, seen writing, named by system rows) into `set`. */
  loadChats(set: ConversationSet): void {
    const { ctx } = this;
    const label = ctx.options.fileName;
    requireColumns(ctx.copy, label, 'chat', ['_id', 'jid_row_id']);
    requireColumns(ctx.copy, label, 'message', ['_id', 'chat_row_id', 'from_me', 'timestamp']);
    const cols = ctx.copy.columns('chat');
    const c = (n: string) => (cols.has(n) ? n : `NULL AS ${n}`);
    for (const row of ctx.db
      .prepare(`SELECT _id, jid_row_id, ${c('subject')}, ${c('created_timestamp')} FROM chat ORDER BY _id`)
      .all() as Row[]) {
      const id = numberOrNull(row._id) as number;
      const key = this.jids.get(numberOrNull(row.jid_row_id) ?? -1) ?? '';
      const skip = notAChat(key);
      if (skip !== null) {
        this.notChats.set(id, skip);
        continue;
      }
      this.chats.set(id, set.ensure(key, stringOrNull(row.subject), numberOrNull(row.created_timestamp)));
    }
    const membersOf = (chatRow: unknown) => {
      const chat = this.chats.get(numberOrNull(chatRow) ?? -1);
      return chat ? set.members(chat.key) : undefined;
    };
    this.loadGroupMembers(set);
    // Everyone who wrote in, or was named by a system row, was a member at some point.
    if (ctx.has('message', 'sender_jid_row_id')) {
      for (const r of ctx.db
        .prepare(
          'SELECT DISTINCT chat_row_id, sender_jid_row_id FROM message WHERE sender_jid_row_id > 0 AND from_me = 0',
        )
        .iterate() as IterableIterator<Row>) {
        const p = this.personForRow(r.sender_jid_row_id);
        if (p) membersOf(r.chat_row_id)?.add(p, null, false);
      }
    }
    if (ctx.has('message_system_chat_participant', 'user_jid_row_id')) {
      for (const r of ctx.db
        .prepare(
          'SELECT DISTINCT m.chat_row_id, p.user_jid_row_id FROM message_system_chat_participant p JOIN message m ON m._id = p.message_row_id',
        )
        .iterate() as IterableIterator<Row>) {
        const p = this.personForRow(r.user_jid_row_id);
        if (p) membersOf(r.chat_row_id)?.add(p, null, false);
      }
    }
  }

  /** Members listed now: group_participant_user (rank 1 admin, 2 creator / superadmin). */
  private loadGroupMembers(set: ConversationSet): void {
    const { ctx } = this;
    if (
      !ctx.has('group_participant_user', 'group_jid_row_id') ||
      !ctx.has('group_participant_user', 'user_jid_row_id')
    )
      return;
    const rank = ctx.has('group_participant_user', 'rank') ? 'rank' : 'NULL AS rank';
    const pending = ctx.has('group_participant_user', 'pending') ? 'pending' : 'NULL AS pending';
    let pendingRows = 0;
    for (const r of ctx.db
      .prepare(
        `SELECT group_jid_row_id, user_jid_row_id, ${rank}, ${pending} FROM group_participant_user ORDER BY _id`,
      )
      .iterate() as IterableIterator<Row>) {
      const groupJid = this.jids.get(numberOrNull(r.group_jid_row_id) ?? -1) ?? '';
      const list = groupJid.endsWith('@g.us') ? set.members(groupJid) : undefined;
      if (!list) continue;
      // A pending row (invited, or asking to join) is not a member yet: not listed as current.
      if ((numberOrNull(r.pending) ?? 0) > 0) {
        pendingRows++;
        continue;
      }
      const raw = this.jids.get(numberOrNull(r.user_jid_row_id) ?? -1);
      const person = raw === undefined || raw === '' ? ctx.book.ownerPerson() : ctx.book.person(raw);
      const rk = numberOrNull(r.rank);
      list.add(person, rk === null ? null : rk > 0, true);
    }
    if (pendingRows > 0) {
      ctx.notices.push({
        code: 'skipped_rows',
        message: `${pendingRows} pending row(s) in group_participant_user (invited or awaiting approval) were not counted as current members`,
        line: null,
      });
    }
  }

  /**
   * Reactions, system-row members and poll options, grouped by their message in one ordered pass
   * each. Their tables need not have an index on the message column (a per-message query would
   * then scan the whole table for every message); they are small beside the message table.
   */
  sideLookups(): Side {
    const { ctx } = this;
    const db = ctx.db;
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
      ctx.has('message_add_on', 'parent_message_row_id') &&
      ctx.has('message_add_on_reaction', 'message_add_on_row_id') &&
      ctx.has('message_add_on_reaction', 'reaction')
    ) {
      reactions = group(
        `SELECT a.parent_message_row_id AS parent, ${ctx.col('message_add_on', 'a', 'from_me', 'from_me')}, ${ctx.col('message_add_on', 'a', 'sender_jid_row_id', 'sender')}, ${ctx.col('message_add_on', 'a', 'timestamp', 'ts')}, ${ctx.col('message_add_on_reaction', 'r', 'sender_timestamp', 'sts')}, r.reaction AS reaction FROM message_add_on a JOIN message_add_on_reaction r ON r.message_add_on_row_id = a._id ORDER BY a.parent_message_row_id, a._id`,
        'parent',
        (r) => {
          const emoji = stringOrNull(r.reaction);
          // An empty reaction is a reaction taken back: nothing is shown on the phone.
          if (emoji === null || emoji === '') return null;
          const person = numberOrNull(r.from_me) === 1 ? ctx.book.ownerPerson() : this.personForRow(r.sender);
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
    const targets = ctx.has('message_system_chat_participant', 'user_jid_row_id')
      ? group(
          'SELECT message_row_id, user_jid_row_id FROM message_system_chat_participant ORDER BY message_row_id, rowid',
          'message_row_id',
          (r) => this.personForRow(r.user_jid_row_id),
        )
      : new Map<number, Person[]>();
    const polls =
      ctx.has('message_poll_option', 'message_row_id') && ctx.has('message_poll_option', 'option_name')
        ? group(
            `SELECT message_row_id, option_name, ${ctx.col('message_poll_option', 'o', 'vote_total', 'votes')} FROM message_poll_option o ORDER BY message_row_id, o.rowid`,
            'message_row_id',
            (r) => ({ text: stringOrNull(r.option_name) ?? '', votes: numberOrNull(r.votes) }),
          )
        : new Map<number, { text: string; votes: number | null }[]>();
    const vcards =
      ctx.has('message_vcard', 'message_row_id') && ctx.has('message_vcard', 'vcard')
        ? group(
            'SELECT message_row_id, vcard FROM message_vcard ORDER BY message_row_id, rowid',
            'message_row_id',
            (r) => ({
              text: stringOrNull(r.vcard),
              name: null,
            }),
          )
        : new Map<number, { text: string | null; name: string | null }[]>();
    return {
      rows: new SideRows(ctx),
      vcards,
      calls: this.callLinks(group),
      reactionParents: new Set(reactions.keys()),
      reactions: (parent) => reactions.get(parent) ?? [],
      systemTargets: (message) => targets.get(message) ?? [],
      pollOptions: (message) => polls.get(message) ?? [],
    };
  }

  query(): string {
    return messageQuery(this.ctx);
  }

  /** A row of query() (positions in M) as a message. */
  message(v: readonly unknown[], chat: ChatInfo, seq: number, side: Side): ParsedMessage {
    const { ctx } = this;
    const id = numberOrNull(v[M.id]) as number;
    const bits = v[M.side] as number;
    const type = numberOrNull(v[M.type]);
    const fromMe = numberOrNull(v[M.fromMe]) === 1;
    const senderRow = this.personForRow(v[M.sender]);
    const person = ctx.sender(fromMe, chat, senderRow);
    const text = stringOrNull(v[M.text]);
    const raw: RawColumns = { message_type: type };
    if (senderRow && senderRow.rawJid !== senderRow.identity.jid) raw.sender_lid = senderRow.rawJid;
    const status = numberOrNull(v[M.status]);
    if (status !== null) raw.status = status;
    const r: RowView = {
      id,
      bits,
      type,
      text,
      revoked: sideRow(side.rows, bits, id, 'revoked'),
      loc: sideRow(side.rows, bits, id, 'location'),
      mediaRow: sideRow(side.rows, bits, id, 'media'),
    };
    if (type !== null && !KNOWN_TYPES.has(type)) ctx.countUnmapped(`message_type ${type}`);
    const c = this.content(r, person, side, raw);
    const revokedKey = r.revoked?.[REVOKED.keyId];
    if (revokedKey !== null && revokedKey !== undefined) raw.revoked_key_id = stringOrNull(revokedKey);
    const quoted = sideRow(side.rows, bits, id, 'quoted');
    const replyTo = quoted ? this.reply(quoted, chat) : null;
    const edit = sideRow(side.rows, bits, id, 'edit');
    const editedTs = numberOrNull(edit?.[0]);
    const edited = edit !== undefined;
    const ts = ctx.timestamp(v[M.timestamp], 'message', id);
    return withDetail(
      {
        seq,
        sender: c.kind === 'system' ? (c.system?.actor ?? null) : (person?.displayName ?? null),
        kind: c.kind,
        text: c.body,
        time: ctx.clock.time(ts),
        edited,
        media: c.media,
        poll: c.poll,
        location: c.location,
        system: c.system,
        source: { type: 'table', table: 'message', rowId: id },
        keyId: stringOrNull(v[M.keyId]),
        senderIdentity: person?.identity ?? null,
        replyTo,
        reactions: side.reactionParents.has(id) ? side.reactions(id) : [],
        deletedBy: c.deletedBy,
        editedAt: edited && editedTs !== null && editedTs > 0 ? isoUtc(editedTs) : null,
        raw,
      },
      this.facts(id, type, text, r.loc, r.mediaRow, side),
    );
  }

  /**
   * What the row is (system event, deleted, location, poll, media, else text) and that kind's own
   * fields, in this order of precedence; the kind's source columns go into `raw`.
   */
  private content(r: RowView, person: Person | null, side: Side, raw: RawColumns): RowContent {
    const { type, text, revoked, loc } = r;
    const lat = loc ? (loc[LOCATION.lat] ?? null) : null;
    const c: RowContent = {
      kind: 'text',
      body: text ?? '',
      media: null,
      poll: null,
      location: null,
      system: null,
      deletedBy: null,
    };
    if (type === 7) {
      c.kind = 'system';
      c.system = this.systemContent(r, person, side, raw);
    } else if (type === 15 || type === 64) {
      c.kind = 'deleted';
      c.deletedBy = type === 64 || numberOrNull(revoked?.[REVOKED.admin]) !== null ? 'admin' : 'sender';
    } else if (revoked) {
      c.kind = 'deleted';
      c.deletedBy = numberOrNull(revoked[REVOKED.admin]) !== null ? 'admin' : 'sender';
    } else if (type === 5 || type === 16 || lat !== null) {
      c.kind = 'location';
      c.location = locationContent(type, lat, loc, raw);
    } else if (type === 66 || (r.bits & SIDE.poll) !== 0) {
      c.kind = 'poll';
      c.poll = { question: text ?? '', options: side.pollOptions(r.id) };
    } else if ((type !== null && MEDIA_TYPES.has(type)) || r.mediaRow) {
      c.kind = 'media';
      c.media = mediaContent(r.mediaRow, text, raw);
      // A media message without its own text shows its caption.
      if (text === null && c.media.caption !== null) c.body = c.media.caption;
    }
    return c;
  }

  /** A system row (type 7): its action and old value from the side tables, as an event. */
  private systemContent(r: RowView, person: Person | null, side: Side, raw: RawColumns): SystemEvent {
    const action = numberOrNull(sideRow(side.rows, r.bits, r.id, 'system')?.[0] ?? null);
    raw.action_type = action;
    const old = stringOrNull(sideRow(side.rows, r.bits, r.id, 'valueChange')?.[0] ?? null);
    if (old !== null) raw.old_data = old;
    return this.ctx.systemEvent(action, person, side.systemTargets(r.id), r.text, old, 'action_type');
  }

  /** The message a reply quotes, from its message_quoted row. */
  private reply(quoted: readonly unknown[], chat: ChatInfo): ReplyRef {
    const qFromMe = numberOrNull(quoted[QUOTED.fromMe]) === 1;
    const qPerson = qFromMe ? this.ctx.book.ownerPerson() : this.personForRow(quoted[QUOTED.sender]);
    return {
      keyId: stringOrNull(quoted[QUOTED.keyId]),
      text: stringOrNull(quoted[QUOTED.text]),
      senderJid: qPerson?.identity.jid ?? (qFromMe ? null : (chat.partner?.identity.jid ?? null)),
    };
  }

  /** What a location, contact card or call row records beyond the message's own fields. */
  private facts(
    id: number,
    type: number | null,
    text: string | null,
    loc: readonly unknown[] | undefined,
    mediaRow: readonly unknown[] | undefined,
    side: Side,
  ): DetailFacts {
    const call = side.calls.get(id)?.[0];
    if (call) return { call };
    const lat = loc?.[LOCATION.lat];
    if (type === 5 || type === 16 || (lat !== null && lat !== undefined))
      return {
        location: {
          lat: numberOrNull(lat),
          lng: numberOrNull(loc?.[LOCATION.lng]),
          name: stringOrNull(loc?.[LOCATION.place]),
          address: stringOrNull(loc?.[LOCATION.address]),
          live: type === 16 || (numberOrNull(loc?.[LOCATION.live]) ?? 0) > 0,
        },
      };
    if (type === 4 || type === 14) {
      const cards = side.vcards.get(id);
      return { vcards: cards ?? [{ text, name: stringOrNull(mediaRow?.[MEDIA.name]) }] };
    }
    return {};
  }

  /** Calls shown in a chat: message_call_log links a message row to its call_log row. */
  private callLinks(
    group: <T>(sql: string, key: string, map: (r: Row) => T | null) => Map<number, T[]>,
  ): Map<number, NonNullable<DetailFacts['call']>[]> {
    const { ctx } = this;
    if (!ctx.has('message_call_log', 'message_row_id') || !ctx.has('message_call_log', 'call_log_row_id'))
      return new Map();
    if (!ctx.has('call_log', '_id')) return new Map();
    return group(
      `SELECT l.message_row_id AS message_row_id, ${ctx.col('call_log', 'c', 'video_call', 'video')}, ${ctx.col('call_log', 'c', 'duration', 'duration')}, ${ctx.col('call_log', 'c', 'call_result', 'result')} FROM message_call_log l JOIN call_log c ON c._id = l.call_log_row_id ORDER BY l.message_row_id`,
      'message_row_id',
      (r) => ({
        video: numberOrNull(r.video) === 1,
        durationS: numberOrNull(r.duration),
        result: numberOrNull(r.result),
      }),
    );
  }
}

/** A message's identity across the two table families: chat JID, key id and direction. */
export function messageKey(chatJid: string, keyId: string, fromMe: unknown): string {
  return `${chatJid}\u0000${keyId}\u0000${numberOrNull(fromMe) === 1 ? 1 : 0}`;
}
