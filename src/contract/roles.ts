/** What a user may do is decided by their role (src/review/access.ts). */
export const ROLES = ['admin', 'lead', 'reviewer', 'readonly'] as const;
export type Role = (typeof ROLES)[number];
