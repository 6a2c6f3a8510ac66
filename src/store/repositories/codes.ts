import type { Selectable } from 'kysely';

import type { CodesTable } from '../database.js';
import { toInt, type RepoContext } from './context.js';
import type { Decision } from '../../contract/coding.js';

export interface CodeValues {
  readonly decision: Decision;
  readonly categories: readonly string[];
  readonly standards: readonly string[];
  readonly potentialS127: boolean;
  readonly note: string;
}

/** The current coding decision on a message; `version` counts the decisions (1 = first). */
export interface CodeRecord extends CodeValues {
  readonly messageId: number;
  readonly caseId: number;
  readonly version: number;
  /** Username of whoever made this version. */
  readonly by: string;
  readonly at: string;
}

export const toCode = (r: Selectable<CodesTable>): CodeRecord => ({
  messageId: toInt(r.message_id),
  caseId: toInt(r.case_id),
  decision: r.decision as Decision,
  categories: JSON.parse(r.categories_json) as string[],
  standards: JSON.parse(r.standards_json) as string[],
  potentialS127: toInt(r.potential_s127) !== 0,
  note: r.note,
  version: toInt(r.version),
  by: r.by_user,
  at: r.at,
});

/**
 * Coding decisions with optimistic concurrency: a write names the version it replaces and only
 * succeeds if that is still the current one (checked by the database in the same statement).
 */
export class CodesRepository {
  constructor(private readonly ctx: RepoContext) {}

  async get(messageId: number): Promise<CodeRecord | null> {
    const row = await this.ctx.db
      .selectFrom('codes')
      .selectAll()
      .where('message_id', '=', messageId)
      .executeTakeFirst();
    return row ? toCode(row) : null;
  }

  /** Every current code of a case (for the conduct picture and reports). */
  async listForCase(caseId: number): Promise<CodeRecord[]> {
    const rows = await this.ctx.db
      .selectFrom('codes')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('message_id')
      .execute();
    return rows.map(toCode);
  }

  async getMany(messageIds: readonly number[]): Promise<Map<number, CodeRecord>> {
    const out = new Map<number, CodeRecord>();
    for (let i = 0; i < messageIds.length; i += 500) {
      const chunk = messageIds.slice(i, i + 500);
      if (chunk.length === 0) continue;
      const rows = await this.ctx.db
        .selectFrom('codes')
        .selectAll()
        .where('message_id', 'in', chunk)
        .execute();
      for (const r of rows) out.set(toInt(r.message_id), toCode(r));
    }
    return out;
  }

  /**
   * Writes version `baseVersion + 1`. Version 1 is an insert that does nothing if a code exists;
   * later versions are `update … where version = baseVersion`. Returns null when the message's
   * current version is not `baseVersion` (someone else wrote first): nothing was written.
   */
  async write(input: {
    messageId: number;
    caseId: number;
    baseVersion: number;
    values: CodeValues;
    by: string;
  }): Promise<CodeRecord | null> {
    const at = this.ctx.now();
    const cols = {
      decision: input.values.decision,
      categories_json: JSON.stringify(input.values.categories),
      standards_json: JSON.stringify(input.values.standards),
      potential_s127: input.values.potentialS127 ? (1 as const) : (0 as const),
      note: input.values.note,
      version: input.baseVersion + 1,
      by_user: input.by,
      at,
    };
    if (input.baseVersion === 0) {
      const row = await this.ctx.db
        .insertInto('codes')
        .values({ message_id: input.messageId, case_id: input.caseId, ...cols })
        .onConflict((oc) => oc.column('message_id').doNothing())
        .returningAll()
        .executeTakeFirst();
      return row ? toCode(row) : null;
    }
    const row = await this.ctx.db
      .updateTable('codes')
      .set(cols)
      .where('message_id', '=', input.messageId)
      .where('version', '=', input.baseVersion)
      .returningAll()
      .executeTakeFirst();
    return row ? toCode(row) : null;
  }

  /** How many messages of a case carry each decision. */
  async countByDecision(caseId: number): Promise<Record<string, number>> {
    const rows = await this.ctx.db
      .selectFrom('codes')
      .select((eb) => ['decision', eb.fn.countAll().as('n')])
      .where('case_id', '=', caseId)
      .groupBy('decision')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.decision, toInt(r.n)]));
  }
}
