/**
 * The admin's users and case membership from the browser (issue 18.4), over the same services as
 * `scrutineer user …` and `scrutineer case member …` (src/review/users.ts), so each change has the
 * same audit entry. Admins only: the role rule for users, the case rule with `admin` for membership.
 */
import type { z } from 'zod/v4';

import * as W from '../contract/workspace-schemas.js';
import { CaseParams, ErrorBody } from '../contract/schemas.js';
import { addCaseMember, addUser, disableUser, removeCaseMember } from '../review/users.js';
import type { Store } from '../store/open-store.js';
import type { UserRecord } from '../store/repositories/users.js';
import { caseFromParam, type Route } from './api.js';

async function presentUser(store: Store, u: UserRecord): Promise<z.infer<typeof W.AdminUser>> {
  return {
    id: u.id,
    username: u.username,
    role: u.role,
    disabled: u.disabled,
    createdAt: u.createdAt,
    cases: await store.caseMembers.caseIds(u.id),
  };
}

export function registerAdminRoutes(route: Route, store: Store): void {
  route({
    method: 'GET',
    url: '/api/admin/users',
    summary: 'Every login with its role, whether it is disabled, and its cases (admin)',
    access: { kind: 'role', permission: 'admin' },
    responses: { 200: W.UsersResponse, 403: ErrorBody },
    handler: async () => {
      const users = [];
      for (const u of await store.users.list()) users.push(await presentUser(store, u));
      return { users };
    },
  });

  route({
    method: 'POST',
    url: '/api/admin/users',
    summary: 'Add a login (admin); the password must pass the same checks as `scrutineer user add`',
    access: { kind: 'role', permission: 'admin' },
    body: W.NewUserBody,
    responses: { 200: W.UserResponse, 400: ErrorBody, 403: ErrorBody },
    handler: async ({ body, session }) => ({
      user: await presentUser(store, await addUser(store, { ...body, actor: session!.user.username })),
    }),
  });

  route({
    method: 'POST',
    url: '/api/admin/users/:userId/disable',
    summary: 'Stop a login (admin): its sessions end at once; its history stays',
    access: { kind: 'role', permission: 'admin' },
    params: W.UserParams,
    responses: { 200: W.UserResponse, 400: ErrorBody, 403: ErrorBody },
    handler: async ({ params, session }) => ({
      user: await presentUser(
        store,
        await disableUser(store, { userId: params.userId, actor: session!.user.username }),
      ),
    }),
  });

  route({
    method: 'POST',
    url: '/api/cases/:caseId/members',
    summary: 'Make a user a member of the case (admin); changed is false when they already were',
    access: { kind: 'case', permission: 'admin', caseOf: caseFromParam },
    params: CaseParams,
    body: W.MemberBody,
    responses: { 200: W.MemberChangeResponse, 400: ErrorBody, 403: ErrorBody },
    handler: async ({ caseId, body, session }) => ({
      changed: await addCaseMember(store, { caseId, username: body.username, actor: session!.user.username }),
    }),
  });

  route({
    method: 'DELETE',
    url: '/api/cases/:caseId/members/:username',
    summary: 'Take a user off the case (admin); changed is false when they were not on it',
    access: { kind: 'case', permission: 'admin', caseOf: caseFromParam },
    params: W.MemberParams,
    responses: { 200: W.MemberChangeResponse, 400: ErrorBody, 403: ErrorBody },
    handler: async ({ caseId, params, session }) => ({
      changed: await removeCaseMember(store, {
        caseId,
        username: params.username,
        actor: session!.user.username,
      }),
    }),
  });
}
