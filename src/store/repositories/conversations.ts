import type { Selectable } from 'kysely';

import type { ConversationsTable } from '../database.js';
import type { ConversationRecord, ConversationSummary, NewConversation } from '../types.js';
import { bool, flagOrNull, toInt, type RepoContext } from './context.js';

const toConversation = (r: Selectable<ConversationsTable>): ConversationRecord => ({
  id: toInt(r.id),
  caseId: toInt(r.case_id),
  name: r.name,
  exhibitId: r.exhibit_id === null ? null : toInt(r.exhibit_id),
  createdAt: r.created_at,
  sourceKey: r.source_key,
  isGroup: bool(r.is_group),
  groupJid: r.group_jid,
});

export class ConversationsRepository {
  constructor(private readonly ctx: RepoContext) {}

  async create(input: NewConversation): Promise<ConversationRecord> {
    const row = await this.ctx.db
      .insertInto('conversations')
      .values({
        case_id: input.caseId,
        name: input.name,
        exhibit_id: input.exhibitId ?? null,
        created_at: input.createdAt ?? this.ctx.now(),
        source_key: input.sourceKey ?? null,
        is_group: input.isGroup === undefined ? null : flagOrNull(input.isGroup),
        group_jid: input.groupJid ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toConversation(row);
  }

  async get(id: number): Promise<ConversationRecord | null> {
    const row = await this.ctx.db
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toConversation(row) : null;
  }

  /** The case's conversations, oldest first, with message and participant counts. */
  async list(caseId: number): Promise<ConversationSummary[]> {
    const rows = await this.ctx.db
      .selectFrom('conversations as c')
      .selectAll('c')
      .select((eb) => [
        eb
          .selectFrom('messages as m')
          .whereRef('m.conversation_id', '=', 'c.id')
          .select(eb.fn.countAll().as('n'))
          .as('messages'),
        eb
          .selectFrom('participants as p')
          .whereRef('p.conversation_id', '=', 'c.id')
          .select(eb.fn.countAll().as('n'))
          .as('participants'),
      ])
      .where('c.case_id', '=', caseId)
      .orderBy('c.id')
      .execute();
    return rows.map((r) => ({
      ...toConversation(r),
      messages: toInt(r.messages),
      participants: toInt(r.participants),
    }));
  }
}
