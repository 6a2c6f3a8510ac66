/**
 * Who may do what. Roles give permissions; case membership gives the cases (admins: every case).
 * Both are checked on every request that touches a case.
 */
import type { Store } from '../store/open-store.js';
import { roleAllows, type Permission } from '../contract/roles.js';
import type { UserRecord } from '../store/repositories/users.js';

export type CaseAccess = 'ok' | 'no_case' | 'not_member' | 'role';

/** Whether `user` may use `permission` on case `caseId`. */
export async function checkCaseAccess(
  store: Store,
  user: UserRecord,
  caseId: number,
  permission: Permission,
): Promise<CaseAccess> {
  if (user.disabled) return 'role';
  return caseAccessVerdict(user, await store.caseMembers.access(caseId, user.id), permission);
}

/** The rule of `checkCaseAccess`, for a case and membership already looked up. */
export function caseAccessVerdict(
  user: UserRecord,
  found: { readonly exists: boolean; readonly member: boolean },
  permission: Permission,
): CaseAccess {
  if (user.disabled) return 'role';
  if (!found.exists) return 'no_case';
  if (user.role !== 'admin' && !found.member) return 'not_member';
  if (!roleAllows(user.role, permission)) return 'role';
  return 'ok';
}

/** The ids of the cases a user can see. */
export async function visibleCaseIds(store: Store, user: UserRecord): Promise<number[] | 'all'> {
  if (user.role === 'admin') return 'all';
  return store.caseMembers.caseIds(user.id);
}
