/** Review batches: a named slice of a case (dates, a conversation run, or flagged by priority) for one reviewer. */
import type { BatchKind, BatchStatus } from '../../contract/review-words.js';
import { toInt, type RepoContext } from './context.js';

export interface BatchRecord {
  readonly id: number;
  readonly caseId: number;
  readonly name: string;
  readonly kind: BatchKind;
  /** The batch's definition (see src/review/batches.ts); its messages are found from it when asked. */
  readonly spec: Record<string, unknown>;
  readonly assigneeId: number | null;
  readonly assignee: string | null;
  readonly status: BatchStatus;
  readonly createdAt: string;
  readonly createdBy: string;
}

export class BatchesRepository {
  constructor(private readonly ctx: RepoContext) {}

  async create(input: {
    caseId: number;
    name: string;
    kind: BatchKind;
    spec: Record<string, unknown>;
    assigneeId: number | null;
    createdBy: string;
  }): Promise<BatchRecord> {
    const row = await this.ctx.db
      .insertInto('batches')
      .values({
        case_id: input.caseId,
        name: input.name,
        kind: input.kind,
        spec_json: JSON.stringify(input.spec),
        assignee_id: input.assigneeId,
        status: 'open',
        created_at: this.ctx.now(),
        created_by: input.createdBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return (await this.get(toInt(row.id)))!;
  }

  private base() {
    return this.ctx.db
      .selectFrom('batches as b')
      .leftJoin('users as u', 'u.id', 'b.assignee_id')
      .selectAll('b')
      .select('u.username as assignee');
  }

  async get(id: number): Promise<BatchRecord | null> {
    const row = await this.base().where('b.id', '=', id).executeTakeFirst();
    return row ? toBatch(row) : null;
  }

  async list(caseId: number): Promise<BatchRecord[]> {
    const rows = await this.base().where('b.case_id', '=', caseId).orderBy('b.id').execute();
    return rows.map(toBatch);
  }

  /** The batches assigned to a user (a reviewer's queue), closed ones left out, oldest first. */
  async listForAssignee(userId: number): Promise<BatchRecord[]> {
    const rows = await this.base()
      .where('b.assignee_id', '=', userId)
      .where('b.status', '!=', 'closed')
      .orderBy('b.case_id')
      .orderBy('b.id')
      .execute();
    return rows.map(toBatch);
  }

  async setAssignee(id: number, assigneeId: number | null): Promise<void> {
    await this.ctx.db.updateTable('batches').set({ assignee_id: assigneeId }).where('id', '=', id).execute();
  }

  async setStatus(id: number, status: BatchStatus): Promise<void> {
    await this.ctx.db.updateTable('batches').set({ status }).where('id', '=', id).execute();
  }
}

function toBatch(r: {
  id: number;
  case_id: number;
  name: string;
  kind: string;
  spec_json: string;
  assignee_id: number | null;
  assignee: string | null;
  status: string;
  created_at: string;
  created_by: string;
}): BatchRecord {
  return {
    id: toInt(r.id),
    caseId: toInt(r.case_id),
    name: r.name,
    kind: r.kind as BatchKind,
    spec: JSON.parse(r.spec_json) as Record<string, unknown>,
    assigneeId: r.assignee_id === null ? null : toInt(r.assignee_id),
    assignee: r.assignee,
    status: r.status as BatchStatus,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}
