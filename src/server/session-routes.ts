/** Logging in and out, the session, liveness and the API's own description (docs/api.md, "Session"). */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod/v4';

import { login, logout } from '../review/sessions.js';
import type { Store } from '../store/open-store.js';
import { VERSION } from '../version.js';
import { ApiError, type Route, type RouteDoc } from './api.js';
import { LoginThrottle } from './login-throttle.js';
import * as S from '../contract/schemas.js';

export const SESSION_COOKIE = 'scrutineer_session';

/** Login attempts allowed per client address and username in LOGIN_WINDOW. */
export const LOGIN_ATTEMPTS = 10;
export const LOGIN_WINDOW = '5 minutes';

export const publicUser = (u: { id: number; username: string; role: S.CodeT['by'] | string }) => ({
  id: u.id,
  username: u.username,
  role: u.role as z.infer<typeof S.User>['role'],
});

function loginKey(request: FastifyRequest): string {
  const body = request.body as { username?: unknown } | undefined;
  const username = typeof body?.username === 'string' ? body.username.slice(0, 64).toLowerCase() : '';
  return `${request.ip}\u0000${username}`;
}

export function registerSessionRoutes(route: Route, store: Store, docs: RouteDoc[]): void {
  const loginThrottle = new LoginThrottle();
  // ---- session ----------------------------------------------------------------------------------

  route({
    method: 'POST',
    url: '/api/login',
    summary: 'Log in; sets the scrutineer_session cookie',
    access: { kind: 'public' },
    body: S.LoginBody,
    responses: { 200: S.SessionResponse, 401: S.ErrorBody, 429: S.ErrorBody },
    config: {
      rateLimit: {
        max: LOGIN_ATTEMPTS,
        timeWindow: LOGIN_WINDOW,
        hook: 'preHandler',
        keyGenerator: loginKey,
      },
    },
    handler: async ({ body, reply, request }) => {
      const wait = loginThrottle.retryAfterMs(request.ip);
      if (wait !== null)
        throw new ApiError(
          429,
          'rate_limited',
          `Too many failed logins from this address; try again in ${Math.max(1, Math.ceil(wait / 60_000))} minute(s).`,
        );
      const result = await login(store, body.username, body.password);
      if (!result) {
        loginThrottle.fail(request.ip);
        throw new ApiError(401, 'bad_credentials', 'Wrong username or password.');
      }
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        secure: request.protocol === 'https',
        expires: result.expiresAt,
      });
      return { user: publicUser(result.user), csrfToken: result.csrfToken };
    },
  });

  route({
    method: 'POST',
    url: '/api/logout',
    summary: 'End the session',
    access: { kind: 'user' },
    responses: { 200: S.OkResponse },
    handler: async ({ session, reply, request }) => {
      await logout(store, session!);
      reply.clearCookie(SESSION_COOKIE, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        secure: request.protocol === 'https',
      });
      return { ok: true };
    },
  });

  route({
    method: 'GET',
    url: '/api/me',
    summary: 'The logged-in user and the CSRF token',
    access: { kind: 'user' },
    responses: { 200: S.SessionResponse, 401: S.ErrorBody },
    handler: async ({ session }) => ({ user: publicUser(session!.user), csrfToken: session!.csrfToken }),
  });

  route({
    method: 'GET',
    url: '/api/health',
    summary: 'Liveness and version',
    access: { kind: 'public' },
    responses: { 200: S.HealthResponse },
    handler: async () => ({ ok: true, version: VERSION }),
  });

  route({
    method: 'GET',
    url: '/api/openapi.json',
    summary: 'This API as OpenAPI 3.1',
    access: { kind: 'user' },
    responses: { 200: z.object({}).passthrough() },
    handler: async () => {
      const { openApiDocument } = await import('./openapi.js');
      return openApiDocument(docs);
    },
  });
}
