/**
 * What a user may do is decided by their role; the server checks it on every request (with case
 * membership, src/review/access.ts) and the web app asks the same rule what to offer.
 */
export const ROLES = ['admin', 'lead', 'reviewer', 'readonly'] as const;
export type Role = (typeof ROLES)[number];

export type Permission = 'read' | 'code' | 'lead' | 'admin';

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: ['read', 'code', 'lead', 'admin'],
  lead: ['read', 'code', 'lead'],
  reviewer: ['read', 'code'],
  readonly: ['read'],
};

/** Whether the role grants the permission (no role, as before sign-in, grants nothing). */
export function roleAllows(role: Role | undefined, permission: Permission): boolean {
  return role === undefined ? false : (GRANTS[role]?.includes(permission) ?? false);
}
