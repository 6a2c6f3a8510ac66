/**
 * The review workspace server: the JSON API of docs/api.md under /api, and the web app's static
 * files (with index.html for any other path, so the app's own routes load).
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';

import { UserError } from '../domain/errors.js';
import type { Store } from '../store/open-store.js';
import { ApiError, requireAccessRule, type RouteDoc } from './api.js';
import { registerRoutes } from './routes.js';

export interface BuildServerOptions {
  readonly store: Store;
  /** The workspace folder (for evidence files). */
  readonly workspace: string;
  /** The built web app; default web/dist in the package, if it exists. Null: API only. */
  readonly webRoot?: string | null;
  /** false (default): no request log. true or options: pino, with credentials redacted. */
  readonly logger?: boolean | Record<string, unknown>;
  /** Trust X-Forwarded-* from a reverse proxy (so https is seen and the client address is right). */
  readonly trustProxy?: boolean;
}

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** web/dist next to the package (src/server → ../../web/dist; dist/src/server → ../../../web/dist). */
export function defaultWebRoot(): string | null {
  for (const candidate of [
    path.join(PACKAGE_ROOT, 'web', 'dist'),
    path.join(PACKAGE_ROOT, '..', 'web', 'dist'),
  ]) {
    if (existsSync(path.join(candidate, 'index.html'))) return candidate;
  }
  return null;
}

/** Never logged: the session cookie, the CSRF token, passwords. */
const REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'body.password',
  'password',
];

function loggerOptions(logger: BuildServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  return {
    level: 'info',
    ...(typeof logger === 'object' ? logger : {}),
    redact: { paths: REDACT, censor: '[redacted]' },
    serializers: {
      // Method and path only: query strings carry search terms (case content) and are left out.
      req: (req: { method: string; url: string; ip?: string }) => ({
        method: req.method,
        path: req.url.split('?')[0],
        remoteAddress: req.ip,
      }),
    },
  } as FastifyServerOptions['logger'];
}

const CSP = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

export async function buildServer(opts: BuildServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(opts.logger),
    bodyLimit: 256 * 1024,
    trustProxy: opts.trustProxy ?? false,
  });
  const docs: RouteDoc[] = [];

  app.decorateRequest('auth', null);
  app.addHook('onRoute', requireAccessRule);
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) =>
      Object.assign(new Error(`Too many login attempts; try again in ${ctx.after}.`), {
        statusCode: 429,
        code: 'rate_limited',
      }),
  });

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('content-security-policy', CSP);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });

  app.setErrorHandler((error: FastifyError | ApiError | UserError, request, reply) => {
    if (error instanceof ApiError) {
      return reply
        .status(error.statusCode)
        .send({ error: { code: error.code, message: error.message }, ...error.extra });
    }
    if (error instanceof UserError) {
      return reply
        .status(400)
        .send({ error: { code: error.details.code ?? 'bad_request', message: error.message } });
    }
    const status = (error as FastifyError).statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = (error as FastifyError).code;
      return reply.status(status).send({
        error: {
          code: status === 429 ? 'rate_limited' : code && /^[a-z_]+$/u.test(code) ? code : 'bad_request',
          message: error.message,
        },
      });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send({ error: { code: 'internal', message: 'Internal error.' } });
  });

  registerRoutes(app, opts.store, opts.workspace, docs);

  const webRoot = opts.webRoot === undefined ? defaultWebRoot() : opts.webRoot;
  const hasWeb = webRoot !== null && existsSync(webRoot) && statSync(webRoot).isDirectory();
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: path.resolve(webRoot),
      prefix: '/',
      wildcard: true,
      index: 'index.html',
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url === '/api' || request.url.startsWith('/api/');
    if (!isApi && hasWeb && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply.status(404).send({ error: { code: 'not_found', message: 'Not found.' } });
  });

  return app;
}
