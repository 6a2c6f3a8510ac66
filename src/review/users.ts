/** Creating users and case membership, each recorded in the audit log. */
import { UserError } from '../domain/errors.js';
import type { Store } from '../store/open-store.js';
import type { Role } from '../contract/roles.js';
import type { UserRecord } from '../store/repositories/users.js';
import { checkNewPassword, hashPassword } from './passwords.js';

export async function addUser(
  store: Store,
  input: { username: string; password: string; role: Role; actor: string },
): Promise<UserRecord> {
  checkNewPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  return store.transaction(async (repos) => {
    const user = await repos.users.create({
      username: input.username,
      passwordHash,
      role: input.role,
      createdBy: input.actor,
    });
    await repos.audit.append({
      actor: input.actor,
      action: 'user.create',
      subject: `user:${user.id}`,
      detail: { username: user.username, role: user.role },
    });
    return user;
  });
}

/** Makes a user a member of a case; returns false when they already were. */
export async function addCaseMember(
  store: Store,
  input: { caseId: number; username: string; actor: string },
): Promise<boolean> {
  return store.transaction(async (repos) => {
    const user = await repos.users.findByUsername(input.username);
    if (!user)
      throw new UserError(`There is no user "${input.username}" (see \`scrutineer user list\`).`, {
        code: 'no_user',
      });
    const added = await repos.caseMembers.add({
      caseId: input.caseId,
      userId: user.id,
      addedBy: input.actor,
    });
    if (added) {
      await repos.audit.append({
        actor: input.actor,
        action: 'case.member.add',
        caseId: input.caseId,
        subject: `user:${user.id}`,
        detail: { username: user.username },
      });
    }
    return added;
  });
}
