import type { CanonicalMessage, MergeReport } from '../../domain/merge.js';
import { toInt, type RepoContext } from './context.js';

export interface MergeRecord {
  readonly id: number;
  readonly caseId: number;
  readonly name: string;
  readonly conversationIds: readonly number[];
  readonly report: MergeReport;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly undoneAt: string | null;
  readonly undoneBy: string | null;
}

export interface CanonicalMessageRecord extends CanonicalMessage {
  readonly id: number;
  readonly position: number;
}

export class MergesRepository {
  constructor(private readonly ctx: RepoContext) {}

  async create(input: {
    caseId: number;
    name: string;
    conversationIds: readonly number[];
    report: MergeReport;
    messages: readonly CanonicalMessage[];
    createdBy: string;
  }): Promise<MergeRecord> {
    const row = await this.ctx.db
      .insertInto('merges')
      .values({
        case_id: input.caseId,
        name: input.name,
        conversation_ids_json: JSON.stringify(input.conversationIds),
        report_json: JSON.stringify(input.report),
        created_at: this.ctx.now(),
        created_by: input.createdBy,
        undone_at: null,
        undone_by: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    for (let i = 0; i < input.messages.length; i += 500) {
      await this.ctx.db
        .insertInto('canonical_messages')
        .values(
          input.messages.slice(i, i + 500).map((m, j) => ({
            merge_id: row.id,
            position: i + j,
            utc: m.utc,
            matched_by: m.matchedBy,
            sources_json: JSON.stringify(m.sources),
          })),
        )
        .execute();
    }
    return merge(row);
  }

  async list(caseId: number): Promise<MergeRecord[]> {
    const rows = await this.ctx.db
      .selectFrom('merges')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('id')
      .execute();
    return rows.map(merge);
  }

  async get(caseId: number, id: number): Promise<MergeRecord | null> {
    const row = await this.ctx.db
      .selectFrom('merges')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? merge(row) : null;
  }

  async undo(id: number, by: string): Promise<void> {
    await this.ctx.db
      .updateTable('merges')
      .set({ undone_at: this.ctx.now(), undone_by: by })
      .where('id', '=', id)
      .execute();
  }

  async messages(mergeId: number): Promise<CanonicalMessageRecord[]> {
    const rows = await this.ctx.db
      .selectFrom('canonical_messages')
      .selectAll()
      .where('merge_id', '=', mergeId)
      .orderBy('position')
      .execute();
    return rows.map((r) => ({
      id: toInt(r.id),
      position: toInt(r.position),
      utc: r.utc,
      matchedBy: r.matched_by as CanonicalMessage['matchedBy'],
      sources: JSON.parse(r.sources_json) as number[],
    }));
  }
}

function merge(r: {
  id: number;
  case_id: number;
  name: string;
  conversation_ids_json: string;
  report_json: string;
  created_at: string;
  created_by: string;
  undone_at: string | null;
  undone_by: string | null;
}): MergeRecord {
  return {
    id: toInt(r.id),
    caseId: toInt(r.case_id),
    name: r.name,
    conversationIds: JSON.parse(r.conversation_ids_json) as number[],
    report: JSON.parse(r.report_json) as MergeReport,
    createdAt: r.created_at,
    createdBy: r.created_by,
    undoneAt: r.undone_at,
    undoneBy: r.undone_by,
  };
}
