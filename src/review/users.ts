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

/** Stops a login: its sessions end at once; its history stays. Returns the user as it now is. */
export async function disableUser(
  store: Store,
  input: { userId: number; actor: string },
): Promise<UserRecord> {
  return store.transaction(async (repos) => {
    const user = await repos.users.get(input.userId);
    if (!user) throw new UserError(`There is no user ${input.userId}.`, { code: 'no_user' });
    await repos.users.setDisabled(user.id, true);
    await repos.sessions.deleteForUser(user.id);
    await repos.audit.append({ actor: input.actor, action: 'user.disable', subject: `user:${user.id}` });
    return { ...user, disabled: true };
  });
}

/** Takes a user off a case (their batches there leave their queue); returns false when they were not on it. */
export async function removeCaseMember(
  store: Store,
  input: { caseId: number; username: string; actor: string },
): Promise<boolean> {
  return store.transaction(async (repos) => {
    const user = await repos.users.findByUsername(input.username);
    if (!user)
      throw new UserError(`There is no user "${input.username}" (see \`scrutineer user list\`).`, {
        code: 'no_user',
      });
    const removed = await repos.caseMembers.remove(input.caseId, user.id);
    if (removed) {
      await repos.audit.append({
        actor: input.actor,
        action: 'case.member.remove',
        caseId: input.caseId,
        subject: `user:${user.id}`,
        detail: { username: user.username },
      });
    }
    return removed;
  });
}
