import type { MediaRef, MessageKind, ParsedMessage, ReplyRef, SystemEvent } from '../../domain/message.js';
import { notAChat } from './accounting.js';
import {
  MEDIA_TYPES,
  type AndroidContext,
  type ChatInfo,
  type ConversationSet,
  type Row,
} from './android-core.js';
import { numberOrNull, stringOrNull } from './common.js';
import { withDetail, type DetailFacts } from './detail.js';
import { requireColumns } from './open-copy.js';

/**
 * The legacy Android table family: `messages` (chat by `key_remote_jid`, group sender in
 * `remote_resource`), `chat_list`, `group_participants`, `messages_quotes`. Read alone on old
 * databases, and beside `message` on databases in transition (android.ts decides).
 */
export class LegacySource {
  readonly table = 'messages';

  constructor(private readonly ctx: AndroidContext) {}

  /** Rows that are not WhatsApp's placeholder (`key_remote_jid` "-1"). */
  realRows(): number {
    if (!this.ctx.has('messages', 'key_remote_jid'))
      return this.ctx.count('SELECT COUNT(*) AS n FROM messages');
    return this.ctx.count("SELECT COUNT(*) AS n FROM messages WHERE key_remote_jid IS NOT '-1'");
  }

  total(): number {
    return this.ctx.count('SELECT COUNT(*) AS n FROM messages');
  }

  /** Chats (chat_list, and any JID messages name) and their members into `set`. */
  loadChats(set: ConversationSet): void {
    const { ctx } = this;
    requireColumns(ctx.copy, ctx.options.fileName, 'messages', [
      '_id',
      'key_remote_jid',
      'key_from_me',
      'timestamp',
    ]);
    if (ctx.has('chat_list', 'key_remote_jid')) {
      const cols = ctx.copy.columns('chat_list');
      const c = (n: string) => (cols.has(n) ? n : `NULL AS ${n}`);
      for (const r of ctx.db
        .prepare(`SELECT key_remote_jid, ${c('subject')}, ${c('creation')} FROM chat_list ORDER BY _id`)
        .iterate() as IterableIterator<Row>) {
        const key = stringOrNull(r.key_remote_jid);
        if (key && notAChat(key) === null) set.ensure(key, stringOrNull(r.subject), numberOrNull(r.creation));
      }
    }
    // Chats with messages but no chat_list row are still read.
    for (const r of ctx.db
      .prepare('SELECT DISTINCT key_remote_jid FROM messages')
      .iterate() as IterableIterator<Row>) {
      const key = stringOrNull(r.key_remote_jid);
      if (key && notAChat(key) === null) set.ensure(key, null, null);
    }
    if (ctx.has('group_participants', 'gjid') && ctx.has('group_participants', 'jid')) {
      const admin = ctx.has('group_participants', 'admin') ? 'admin' : 'NULL AS admin';
      for (const r of ctx.db
        .prepare(`SELECT gjid, jid, ${admin} FROM group_participants`)
        .iterate() as IterableIterator<Row>) {
        const list = set.members(stringOrNull(r.gjid) ?? '');
        if (!list) continue;
        const jid = stringOrNull(r.jid);
        const person = jid === null || jid === '' ? ctx.book.ownerPerson() : ctx.book.person(jid);
        const a = numberOrNull(r.admin);
        list.add(person, a === null ? null : a > 0, true);
      }
    }
    if (ctx.has('messages', 'remote_resource')) {
      for (const r of ctx.db
        .prepare(
          "SELECT DISTINCT key_remote_jid, remote_resource FROM messages WHERE key_from_me = 0 AND remote_resource IS NOT NULL AND remote_resource != ''",
        )
        .iterate() as IterableIterator<Row>) {
        const jid = stringOrNull(r.remote_resource);
        if (jid) set.members(stringOrNull(r.key_remote_jid) ?? '')?.add(ctx.book.person(jid), null, false);
      }
    }
  }

  query(): string {
    const { ctx } = this;
    const m = (c: string) => ctx.col('messages', 'm', c, c);
    const q = (c: string, as: string) => ctx.col('messages_quotes', 'q', c, as);
    const quotes = ctx.has('messages_quotes', '_id') && ctx.has('messages', 'quoted_row_id');
    const select = [
      'm._id AS _id',
      'm.key_remote_jid AS chat_jid',
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
      m('media_duration'),
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

  message(row: Row, chat: ChatInfo, seq: number): ParsedMessage {
    const { ctx } = this;
    const id = numberOrNull(row._id) as number;
    const type = numberOrNull(row.media_wa_type);
    const status = numberOrNull(row.status);
    const fromMe = numberOrNull(row.from_me) === 1;
    const rr = stringOrNull(row.remote_resource);
    const senderRow = rr ? ctx.book.person(rr) : null;
    const person = ctx.sender(fromMe, chat, senderRow);
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
      system = ctx.systemEvent(action, person, [], text, null, 'legacy media_size (action)');
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
      ctx.countUnmapped(`media_wa_type ${type}`);
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
          ? ctx.ownerJid
          : qSender
            ? ctx.book.person(qSender).identity.jid
            : (chat.partner?.identity.jid ?? null),
      };
    }
    if (editVersion !== null) raw.edit_version = editVersion;
    const lat = numberOrNull(row.latitude);
    const lng = numberOrNull(row.longitude);
    const facts: DetailFacts =
      kind === 'location'
        ? { location: { lat, lng, name: null, address: null, live: type === 16 } }
        : type === 4
          ? { vcards: [{ text, name: stringOrNull(row.media_name) }] }
          : {};
    return withDetail(
      {
        seq,
        sender: kind === 'system' ? (system?.actor ?? null) : (person?.displayName ?? null),
        kind,
        text: body,
        time: ctx.clock.time(ctx.timestamp(row.timestamp, 'messages', id)),
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
      },
      facts,
    );
  }
}
