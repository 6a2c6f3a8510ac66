import type { Selectable } from 'kysely';

import { UserError } from '../../domain/errors.js';
import type { UsersTable } from '../database.js';
import { isUniqueViolation, toInt, type RepoContext } from './context.js';
import { ROLES, type Role } from '../../contract/roles.js';

export interface UserRecord {
  readonly id: number;
  readonly username: string;
  readonly role: Role;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly disabled: boolean;
}

/** A user with the password hash: only the login path asks for it. */
export interface UserWithHash extends UserRecord {
  readonly passwordHash: string;
}

export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/u;

export const toUser = (r: Selectable<UsersTable>): UserRecord => ({
  id: toInt(r.id),
  username: r.username,
  role: r.role as Role,
  createdAt: r.created_at,
  createdBy: r.created_by,
  disabled: toInt(r.disabled) !== 0,
});

export class UsersRepository {
  constructor(private readonly ctx: RepoContext) {}

  /** Creates a user; the caller hashes the password (argon2id). A taken username is a UserError. */
  async create(input: {
    username: string;
    passwordHash: string;
    role: Role;
    createdBy: string;
  }): Promise<UserRecord> {
    if (!USERNAME_PATTERN.test(input.username)) {
      throw new UserError(
        `"${input.username}" is not a usable username (letters, digits, . _ @ -; at most 64).`,
        { code: 'bad_username' },
      );
    }
    if (!(ROLES as readonly string[]).includes(input.role)) {
      throw new UserError(`Unknown role "${input.role}" (one of ${ROLES.join(', ')}).`, { code: 'bad_role' });
    }
    const taken = () =>
      new UserError(`A user named "${input.username}" already exists.`, { code: 'duplicate_user' });
    if (await this.findByUsername(input.username)) throw taken();
    try {
      const row = await this.ctx.db
        .insertInto('users')
        .values({
          username: input.username,
          password_hash: input.passwordHash,
          role: input.role,
          created_at: this.ctx.now(),
          created_by: input.createdBy,
          disabled: 0,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toUser(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw taken();
      throw error;
    }
  }

  async get(id: number): Promise<UserRecord | null> {
    const row = await this.ctx.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async findByUsername(username: string): Promise<UserRecord | null> {
    const row = await this.ctx.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirst();
    return row ? toUser(row) : null;
  }

  /** For login only: the user with the stored password hash. */
  async findForLogin(username: string): Promise<UserWithHash | null> {
    const row = await this.ctx.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirst();
    return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
  }

  async list(): Promise<UserRecord[]> {
    const rows = await this.ctx.db.selectFrom('users').selectAll().orderBy('id').execute();
    return rows.map(toUser);
  }

  async setPasswordHash(id: number, passwordHash: string): Promise<void> {
    await this.ctx.db
      .updateTable('users')
      .set({ password_hash: passwordHash })
      .where('id', '=', id)
      .execute();
  }

  async setDisabled(id: number, disabled: boolean): Promise<void> {
    await this.ctx.db
      .updateTable('users')
      .set({ disabled: disabled ? 1 : 0 })
      .where('id', '=', id)
      .execute();
  }
}
