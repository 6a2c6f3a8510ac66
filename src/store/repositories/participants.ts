import { toInt, type RepoContext } from './context.js';

export interface ParticipantRecord {
  readonly id: number;
  readonly conversationId: number;
  readonly displayName: string;
}

export class ParticipantsRepository {
  constructor(private readonly ctx: RepoContext) {}

  /**
   * Ensures each display name is a participant of the conversation and returns name → id for all
   * of them (existing and new). Names are kept exactly as displayed.
   */
  async upsertMany(conversationId: number, displayNames: Iterable<string>): Promise<Map<string, number>> {
    const names = [...new Set(displayNames)];
    const ids = new Map<string, number>();
    for (let i = 0; i < names.length; i += 500) {
      const chunk = names.slice(i, i + 500);
      await this.ctx.db
        .insertInto('participants')
        .values(chunk.map((display_name) => ({ conversation_id: conversationId, display_name })))
        .onConflict((oc) => oc.columns(['conversation_id', 'display_name']).doNothing())
        .execute();
      const rows = await this.ctx.db
        .selectFrom('participants')
        .select(['id', 'display_name'])
        .where('conversation_id', '=', conversationId)
        .where('display_name', 'in', chunk)
        .execute();
      for (const r of rows) ids.set(r.display_name, toInt(r.id));
    }
    return ids;
  }

  async upsert(conversationId: number, displayName: string): Promise<number> {
    const ids = await this.upsertMany(conversationId, [displayName]);
    return ids.get(displayName)!;
  }

  async list(conversationId: number): Promise<ParticipantRecord[]> {
    const rows = await this.ctx.db
      .selectFrom('participants')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: toInt(r.id),
      conversationId: toInt(r.conversation_id),
      displayName: r.display_name,
    }));
  }
}
