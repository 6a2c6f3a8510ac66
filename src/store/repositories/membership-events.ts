import type { MembershipEventType } from '../../domain/message.js';
import type { Selectable } from 'kysely';
import type { MembershipEventsTable } from '../database.js';
import type { MembershipEventRecord, NewMembershipEvent } from '../types.js';
import { toInt, type RepoContext } from './context.js';

export class MembershipEventsRepository {
  constructor(private readonly ctx: RepoContext) {}

  async insertMany(events: readonly NewMembershipEvent[]): Promise<void> {
    for (let i = 0; i < events.length; i += 1000) {
      await this.ctx.db
        .insertInto('membership_events')
        .values(
          events.slice(i, i + 1000).map((e) => ({
            case_id: e.caseId,
            conversation_id: e.conversationId,
            message_id: e.messageId,
            type: e.type,
            actor: e.actor,
            targets_json: JSON.stringify(e.targets),
            value: e.value,
            previous_value: e.previousValue,
            utc: e.utc,
          })),
        )
        .execute();
    }
  }

  /** The events the given messages record (a system message's structured event), by message id. */
  async forMessages(messageIds: readonly number[]): Promise<Map<number, MembershipEventRecord>> {
    const out = new Map<number, MembershipEventRecord>();
    for (let i = 0; i < messageIds.length; i += 500) {
      const rows = await this.ctx.db
        .selectFrom('membership_events')
        .selectAll()
        .where('message_id', 'in', messageIds.slice(i, i + 500))
        .orderBy('id')
        .execute();
      for (const r of rows) {
        const id = toInt(r.message_id);
        if (!out.has(id)) out.set(id, toRecord(r));
      }
    }
    return out;
  }

  /** Events of a case (optionally one conversation) in time order. */
  async list(caseId: number, options: { conversationId?: number } = {}): Promise<MembershipEventRecord[]> {
    let q = this.ctx.db.selectFrom('membership_events').selectAll().where('case_id', '=', caseId);
    if (options.conversationId !== undefined) q = q.where('conversation_id', '=', options.conversationId);
    const rows = await q.orderBy('utc').orderBy('id').execute();
    return rows.map(toRecord);
  }
}

function toRecord(r: Selectable<MembershipEventsTable>): MembershipEventRecord {
  return {
    id: toInt(r.id),
    caseId: toInt(r.case_id),
    conversationId: toInt(r.conversation_id),
    messageId: toInt(r.message_id),
    type: r.type as MembershipEventType,
    actor: r.actor,
    targets: JSON.parse(r.targets_json) as string[],
    value: r.value,
    previousValue: r.previous_value,
    utc: r.utc,
  };
}
