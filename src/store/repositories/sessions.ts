import { toInt, type RepoContext } from './context.js';
import { toUser, type UserRecord } from './users.js';

export interface SessionRecord {
  /** SHA-256 (hex) of the token. */
  readonly id: string;
  readonly userId: number;
  readonly csrfToken: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly lastSeenAt: string;
}

export interface SessionWithUser {
  readonly session: SessionRecord;
  readonly user: UserRecord;
}

/** Login sessions. Only the token's hash is stored, so a copy of the database cannot log anyone in. */
export class SessionsRepository {
  constructor(private readonly ctx: RepoContext) {}

  async create(input: {
    tokenHash: string;
    userId: number;
    csrfToken: string;
    expiresAt: string;
  }): Promise<SessionRecord> {
    const now = this.ctx.now();
    await this.ctx.db
      .insertInto('sessions')
      .values({
        id: input.tokenHash,
        user_id: input.userId,
        csrf_token: input.csrfToken,
        created_at: now,
        expires_at: input.expiresAt,
        last_seen_at: now,
      })
      .execute();
    return {
      id: input.tokenHash,
      userId: input.userId,
      csrfToken: input.csrfToken,
      createdAt: now,
      expiresAt: input.expiresAt,
      lastSeenAt: now,
    };
  }

  /** The session and its user, whatever their state; the caller checks expiry and `disabled`. */
  async find(tokenHash: string): Promise<SessionWithUser | null> {
    const row = await this.ctx.db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select([
        's.id as s_id',
        's.user_id as s_user_id',
        's.csrf_token as s_csrf_token',
        's.created_at as s_created_at',
        's.expires_at as s_expires_at',
        's.last_seen_at as s_last_seen_at',
        'u.id',
        'u.username',
        'u.password_hash',
        'u.role',
        'u.created_at',
        'u.created_by',
        'u.disabled',
      ])
      .where('s.id', '=', tokenHash)
      .executeTakeFirst();
    if (!row) return null;
    return {
      session: {
        id: row.s_id,
        userId: toInt(row.s_user_id),
        csrfToken: row.s_csrf_token,
        createdAt: row.s_created_at,
        expiresAt: row.s_expires_at,
        lastSeenAt: row.s_last_seen_at,
      },
      user: toUser(row),
    };
  }

  async touch(tokenHash: string, at: string): Promise<void> {
    await this.ctx.db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', tokenHash).execute();
  }

  async delete(tokenHash: string): Promise<void> {
    await this.ctx.db.deleteFrom('sessions').where('id', '=', tokenHash).execute();
  }

  async deleteForUser(userId: number): Promise<void> {
    await this.ctx.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  /** Removes sessions that expired before `now`; returns how many. */
  async deleteExpired(now: string): Promise<number> {
    const r = await this.ctx.db.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
