/** GET /api/openapi.json, generated from the routes' zod schemas. */
import { z } from 'zod/v4';

import { VERSION } from '../version.js';
import type { RouteDoc } from './api.js';

const toSchema = (s: z.ZodType): Record<string, unknown> => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { unrepresentable: 'any', io: 'input' }) as Record<
    string,
    unknown
  >;
  return rest;
};

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): unknown[] {
  if (!schema) return [];
  const json = toSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: s,
  }));
}

let cached: unknown = null;

export function openApiDocument(docs: readonly RouteDoc[]): unknown {
  if (cached) return cached;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const d of docs) {
    const path = d.url.replace(/:(\w+)/gu, '{$1}');
    const responses = Object.fromEntries(
      Object.entries(d.responses).map(([status, s]) => [
        status,
        { description: status, content: { 'application/json': { schema: toSchema(s) } } },
      ]),
    );
    (paths[path] ??= {})[d.method.toLowerCase()] = {
      summary: d.summary,
      description: `Access: ${d.access}.`,
      parameters: [...parameters(d.params, 'path'), ...parameters(d.query, 'query')],
      ...(d.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(d.body) } } } }
        : {}),
      responses,
      ...(d.access === 'public' ? { security: [] } : {}),
    };
  }
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'Scrutineer review workspace API',
      version: VERSION,
      description:
        'See docs/api.md. Every route except login, health and this document needs the scrutineer_session ' +
        'cookie; POST/PUT/DELETE also need the x-csrf-token header. Errors are {"error": {"code", "message"}}.',
    },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'scrutineer_session' },
        csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
      },
    },
    security: [{ session: [] }],
    paths,
  };
  return cached;
}
