import { toInt, type RepoContext } from './context.js';

export interface CaseMemberRecord {
  readonly caseId: number;
  readonly userId: number;
  readonly username: string;
  readonly role: string;
  readonly addedAt: string;
  readonly addedBy: string;
}

/** Which users may see which cases (admins see every case without being members). */
export class CaseMembersRepository {
  constructor(private readonly ctx: RepoContext) {}

  /** Adds a member; returns false if the user already was one. */
  async add(input: { caseId: number; userId: number; addedBy: string }): Promise<boolean> {
    const r = await this.ctx.db
      .insertInto('case_members')
      .values({
        case_id: input.caseId,
        user_id: input.userId,
        added_at: this.ctx.now(),
        added_by: input.addedBy,
      })
      .onConflict((oc) => oc.columns(['case_id', 'user_id']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async remove(caseId: number, userId: number): Promise<boolean> {
    const r = await this.ctx.db
      .deleteFrom('case_members')
      .where('case_id', '=', caseId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  /** Whether the case exists and the user is on it, in one round trip (every case route asks). */
  async access(caseId: number, userId: number): Promise<{ exists: boolean; member: boolean }> {
    const row = await this.ctx.db
      .selectFrom('cases as c')
      .leftJoin('case_members as m', (j) => j.onRef('m.case_id', '=', 'c.id').on('m.user_id', '=', userId))
      .select(['c.id', 'm.user_id'])
      .where('c.id', '=', caseId)
      .executeTakeFirst();
    return { exists: row !== undefined, member: row?.user_id != null };
  }

  /**
   * The case of a conversation or message and whether the user is on it, in one round trip (the
   * thread and coding routes ask on every request); null when there is no such conversation or
   * message (or case).
   */
  async accessVia(
    of: { readonly conversationId: number } | { readonly messageId: number },
    userId: number,
  ): Promise<{ caseId: number; member: boolean } | null> {
    const base =
      'conversationId' in of
        ? this.ctx.db
            .selectFrom('conversations as x')
            .select('x.case_id')
            .where('x.id', '=', of.conversationId)
        : this.ctx.db.selectFrom('messages as x').select('x.case_id').where('x.id', '=', of.messageId);
    const row = await base
      .innerJoin('cases as c', 'c.id', 'x.case_id')
      .leftJoin('case_members as m', (j) =>
        j.onRef('m.case_id', '=', 'x.case_id').on('m.user_id', '=', userId),
      )
      .select('m.user_id')
      .executeTakeFirst();
    return row ? { caseId: toInt(row.case_id), member: row.user_id != null } : null;
  }

  async isMember(caseId: number, userId: number): Promise<boolean> {
    const row = await this.ctx.db
      .selectFrom('case_members')
      .select('case_id')
      .where('case_id', '=', caseId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The ids of the cases a user is a member of. */
  async caseIds(userId: number): Promise<number[]> {
    const rows = await this.ctx.db
      .selectFrom('case_members')
      .select('case_id')
      .where('user_id', '=', userId)
      .orderBy('case_id')
      .execute();
    return rows.map((r) => toInt(r.case_id));
  }

  async list(caseId: number): Promise<CaseMemberRecord[]> {
    const rows = await this.ctx.db
      .selectFrom('case_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['m.case_id', 'm.user_id', 'u.username', 'u.role', 'm.added_at', 'm.added_by'])
      .where('m.case_id', '=', caseId)
      .orderBy('u.username')
      .execute();
    return rows.map((r) => ({
      caseId: toInt(r.case_id),
      userId: toInt(r.user_id),
      username: r.username,
      role: r.role,
      addedAt: r.added_at,
      addedBy: r.added_by,
    }));
  }
}
