/**
 * How every API route is declared: its access rule, its zod schemas and its handler. `defineRoute`
 * registers the route with Fastify and wraps the handler so that, before it runs,
 *   1. a session is required (401) unless the route is public;
 *   2. a state-changing request must carry the session's CSRF token (403);
 *   3. the parameters are validated (400) and the case they lead to is found (404);
 *   4. the user's role and membership of that case are checked (403);
 *   5. the query and body are validated (400).
 * A route without an access rule cannot be registered (see `requireAccessRule`).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { z } from 'zod/v4';

import { roleAllows, type Permission } from '../contract/roles.js';
import { caseAccessVerdict, checkCaseAccess } from '../review/access.js';
import { csrfMatches, type ActiveSession } from '../review/sessions.js';
import type { Store } from '../store/open-store.js';
import type { UserRecord } from '../store/repositories/users.js';

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * How a route finds the case it touches from its (validated) parameters: its id (null: not found),
 * or, to save the membership query on a hot route, the case id with the user's membership of it.
 */
export type CaseOf<P> = (
  store: Store,
  params: P,
  user: UserRecord,
) => Promise<number | null | { readonly caseId: number; readonly member: boolean }>;

export type Access<P> =
  | { readonly kind: 'public' }
  /** Any logged-in user; the handler itself limits what it shows to the user's cases. */
  | { readonly kind: 'user' }
  /** A role permission, not tied to a case. */
  | { readonly kind: 'role'; readonly permission: Permission }
  | { readonly kind: 'case'; readonly permission: Permission; readonly caseOf: CaseOf<P> };

export interface RouteContext<P, Q, B> {
  readonly store: Store;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
  /** Null only on public routes. */
  readonly session: ActiveSession | null;
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  /** The case the access check resolved (case routes only). */
  readonly caseId: number;
}

export interface RouteSpec<PS extends z.ZodType, QS extends z.ZodType, BS extends z.ZodType> {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly url: string;
  readonly summary: string;
  readonly access: Access<z.output<PS>>;
  readonly params?: PS;
  readonly query?: QS;
  readonly body?: BS;
  /** Response schemas by status, for the OpenAPI document. */
  readonly responses: Record<number, z.ZodType>;
  readonly config?: Record<string, unknown>;
  readonly handler: (ctx: RouteContext<z.output<PS>, z.output<QS>, z.output<BS>>) => Promise<unknown>;
}

/** What the OpenAPI document is generated from. */
export interface RouteDoc {
  readonly method: string;
  readonly url: string;
  readonly summary: string;
  readonly access: string;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  readonly responses: Record<number, z.ZodType>;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: ActiveSession | null;
  }
  interface FastifyContextConfig {
    access?: string;
  }
}

function parse<S extends z.ZodType>(schema: S | undefined, value: unknown): z.output<S> {
  if (!schema) return undefined as z.output<S>;
  const r = schema.safeParse(value ?? {});
  if (!r.success) {
    const first = r.error.issues[0];
    const where = first && first.path.length ? `${first.path.join('.')}: ` : '';
    throw new ApiError(400, 'invalid_request', `${where}${first?.message ?? 'invalid request'}`);
  }
  return r.data;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function describeAccess(access: Access<unknown>): string {
  switch (access.kind) {
    case 'public':
      return 'public';
    case 'user':
      return 'any logged-in user';
    case 'role':
      return `role with "${access.permission}"`;
    case 'case':
      return `member of the case with "${access.permission}" (admins: any case)`;
  }
}

export function defineRoute<PS extends z.ZodType, QS extends z.ZodType, BS extends z.ZodType>(
  app: FastifyInstance,
  store: Store,
  docs: RouteDoc[],
  spec: RouteSpec<PS, QS, BS>,
): void {
  docs.push({
    method: spec.method,
    url: spec.url,
    summary: spec.summary,
    access: describeAccess(spec.access as Access<unknown>),
    ...(spec.params ? { params: spec.params } : {}),
    ...(spec.query ? { query: spec.query } : {}),
    ...(spec.body ? { body: spec.body } : {}),
    responses: spec.responses,
  });
  app.route({
    method: spec.method,
    url: spec.url,
    config: { ...spec.config, access: spec.access.kind },
    handler: async (request, reply) => {
      const access = spec.access;
      const session = request.auth;
      if (access.kind !== 'public') {
        if (!session) throw new ApiError(401, 'unauthenticated', 'Log in first.');
        if (
          STATE_CHANGING.has(request.method) &&
          !csrfMatches(session, request.headers['x-csrf-token'] as string)
        ) {
          throw new ApiError(403, 'csrf', 'Missing or wrong x-csrf-token header.');
        }
      }
      const params = parse(spec.params, request.params);
      let caseId = 0;
      if (access.kind === 'role' && !roleAllows(session!.user.role, access.permission)) {
        throw new ApiError(403, 'forbidden', 'Your role does not allow this.');
      }
      if (access.kind === 'case') {
        const found = await access.caseOf(store, params, session!.user);
        if (found === null) throw new ApiError(404, 'not_found', 'Not found.');
        const verdict =
          typeof found === 'number'
            ? await checkCaseAccess(store, session!.user, found, access.permission)
            : caseAccessVerdict(session!.user, { exists: true, member: found.member }, access.permission);
        if (verdict === 'no_case') throw new ApiError(404, 'not_found', 'Not found.');
        if (verdict === 'not_member')
          throw new ApiError(403, 'forbidden', 'You are not a member of this case.');
        if (verdict === 'role') throw new ApiError(403, 'forbidden', 'Your role does not allow this.');
        caseId = typeof found === 'number' ? found : found.caseId;
      }
      const query = parse(spec.query, request.query);
      const body = parse(spec.body, request.body);
      return spec.handler({ store, request, reply, session, params, query, body, caseId });
    },
  });
}

/** Refuses, at start-up, any /api route registered without an access rule. */
export function requireAccessRule(route: RouteOptions): void {
  const url = route.url ?? '';
  if (!url.startsWith('/api/')) return;
  const access = (route.config as { access?: string } | undefined)?.access;
  if (!access) throw new Error(`API route ${String(route.method)} ${url} has no access rule`);
}
