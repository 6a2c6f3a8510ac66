import type { RowSkipReason } from '../../domain/import-report.js';
import type {
  MediaRef,
  MessageKind,
  ParsedMessage,
  Poll,
  Reaction,
  ReplyRef,
  SystemEvent,
} from '../../domain/message.js';
import { notAChat } from './accounting.js';
import {
  KNOWN_TYPES,
  MEDIA_TYPES,
  type AndroidContext,
  type ChatInfo,
  type ConversationSet,
  type Row,
} from './android-core.js';
import { basename, isoUtc, numberOrNull, stringOrNull } from './common.js';
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
    const raw = this.jids.get(id);
    if (raw === undefined || raw === '') return null;
    return this.ctx.book.person(raw);
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
      vcards,
      calls: this.callLinks(group),
      reactionParents: new Set(reactions.keys()),
      reactions: (parent) => reactions.get(parent) ?? [],
      systemTargets: (message) => targets.get(message) ?? [],
      pollOptions: (message) => polls.get(message) ?? [],
    };
  }

  query(): string {
    const { ctx } = this;
    const join = (table: string, alias: string, on: string) =>
      ctx.has(table, 'message_row_id')
        ? `LEFT JOIN ${table} ${alias} ON ${alias}.message_row_id = ${on}`
        : '';
    const m = (c: string) => ctx.col('message', 'm', c, c);
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
      ctx.col('message_media', 'mm', 'file_path', 'file_path'),
      ctx.col('message_media', 'mm', 'file_size', 'file_size'),
      ctx.col('message_media', 'mm', 'mime_type', 'mime_type'),
      ctx.col('message_media', 'mm', 'media_name', 'media_name'),
      ctx.col('message_media', 'mm', 'file_hash', 'file_hash'),
      ctx.col('message_media', 'mm', 'media_caption', 'media_caption'),
      ctx.has('message_media', 'message_row_id') ? 'mm.message_row_id AS has_media' : 'NULL AS has_media',
      ctx.col('message_quoted', 'mq', 'key_id', 'q_key_id'),
      ctx.col('message_quoted', 'mq', 'from_me', 'q_from_me'),
      ctx.col('message_quoted', 'mq', 'sender_jid_row_id', 'q_sender'),
      ctx.col('message_quoted', 'mq', 'text_data', 'q_text'),
      ctx.has('message_quoted', 'message_row_id') ? 'mq.message_row_id AS has_quote' : 'NULL AS has_quote',
      ctx.col('message_location', 'ml', 'latitude', 'latitude'),
      ctx.col('message_location', 'ml', 'longitude', 'longitude'),
      ctx.col('message_location', 'ml', 'place_name', 'place_name'),
      ctx.col('message_location', 'ml', 'place_address', 'place_address'),
      ctx.col('message_location', 'ml', 'url', 'loc_url'),
      ctx.col('message_location', 'ml', 'live_share_duration', 'live_duration'),
      ctx.col('message_system', 'ms', 'action_type', 'action_type'),
      ctx.col('message_system_value_change', 'mv', 'old_data', 'old_data'),
      ctx.col('message_revoked', 'mr', 'revoked_key_id', 'revoked_key_id'),
      ctx.col('message_revoked', 'mr', 'admin_jid_row_id', 'revoke_admin'),
      ctx.has('message_revoked', 'message_row_id')
        ? 'mr.message_row_id AS has_revoked'
        : 'NULL AS has_revoked',
      ctx.col('message_edit_info', 'me', 'edited_timestamp', 'edited_timestamp'),
      ctx.has('message_edit_info', 'message_row_id') ? 'me.message_row_id AS has_edit' : 'NULL AS has_edit',
      ctx.has('message_poll', 'message_row_id') ? 'mp.message_row_id AS has_poll' : 'NULL AS has_poll',
    ];
    const order = ctx.has('message', 'sort_id') ? 'm.chat_row_id, m.sort_id, m._id' : 'm.chat_row_id, m._id';
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

  message(row: Row, chat: ChatInfo, seq: number, side: Side): ParsedMessage {
    const { ctx } = this;
    const id = numberOrNull(row._id) as number;
    const type = numberOrNull(row.message_type);
    const fromMe = numberOrNull(row.from_me) === 1;
    const senderRow = this.personForRow(row.sender_jid_row_id);
    const person = ctx.sender(fromMe, chat, senderRow);
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
    if (type !== null && !KNOWN_TYPES.has(type)) ctx.countUnmapped(`message_type ${type}`);
    if (type === 7) {
      kind = 'system';
      const action = numberOrNull(row.action_type);
      raw.action_type = action;
      const old = stringOrNull(row.old_data);
      if (old !== null) raw.old_data = old;
      system = ctx.systemEvent(action, person, side.systemTargets(id), text, old, 'action_type');
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
      const qPerson = qFromMe ? ctx.book.ownerPerson() : this.personForRow(row.q_sender);
      replyTo = {
        keyId: stringOrNull(row.q_key_id),
        text: stringOrNull(row.q_text),
        senderJid: qPerson?.identity.jid ?? (qFromMe ? null : (chat.partner?.identity.jid ?? null)),
      };
    }
    const editedTs = numberOrNull(row.edited_timestamp);
    const edited = row.has_edit !== null && row.has_edit !== undefined;
    const ts = ctx.timestamp(row.timestamp, 'message', id);
    return withDetail(
      {
        seq,
        sender: kind === 'system' ? (system?.actor ?? null) : (person?.displayName ?? null),
        kind,
        text: body,
        time: ctx.clock.time(ts),
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
      },
      this.facts(row, id, type, text, side),
    );
  }

  /** What a location, contact card or call row records beyond the message's own fields. */
  private facts(row: Row, id: number, type: number | null, text: string | null, side: Side): DetailFacts {
    const call = side.calls.get(id)?.[0];
    if (call) return { call };
    if (type === 5 || type === 16 || (row.latitude !== null && row.latitude !== undefined))
      return {
        location: {
          lat: numberOrNull(row.latitude),
          lng: numberOrNull(row.longitude),
          name: stringOrNull(row.place_name),
          address: stringOrNull(row.place_address),
          live: type === 16 || (numberOrNull(row.live_duration) ?? 0) > 0,
        },
      };
    if (type === 4 || type === 14) {
      const cards = side.vcards.get(id);
      return { vcards: cards ?? [{ text, name: stringOrNull(row.media_name) }] };
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
