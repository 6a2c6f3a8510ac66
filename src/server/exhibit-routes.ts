/**
 * Adding an exhibit from the browser (issue 18: an investigator who never opens a terminal): the
 * upload is written to a private folder in the workspace under its own file name, then taken in by
 * the same `addExhibit` as `scrutineer exhibit add` (hash, read-only copy, one-transaction import,
 * the same refusals and the same `exhibit.add` audit entry, with the signed-in user as the actor).
 */
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import { UserError } from '../domain/errors.js';
import { addExhibit } from '../evidence/import-sequence.js';
import { zipLimitsFrom } from '../ingest/zip/zip.js';
import type { Store } from '../store/open-store.js';
import { ApiError, caseFromParam, type Route } from './api.js';
import { CaseParams, ErrorBody } from '../contract/schemas.js';
import { UploadQuery, UploadResponse } from '../contract/exhibit-schemas.js';

/** The upload's name as a plain file name (the importer reads the format from the content, and keeps the name). */
function safeFileName(name: string): string {
  const base = basename(name.replace(/\\/gu, '/')).replace(/[\u0000-\u001f/]/gu, '_');
  return base && base !== '.' && base !== '..' ? base : 'upload';
}

export function registerExhibitRoutes(
  app: FastifyInstance,
  route: Route,
  store: Store,
  workspace: string,
): void {
  // The upload body is the file itself, streamed to disk (no size limit here: zip limits apply on import).
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));

  route({
    method: 'POST',
    url: '/api/cases/:caseId/exhibits',
    summary:
      'Add an exhibit (lead): the body is the file (application/octet-stream); imported as `scrutineer exhibit add` does',
    access: { kind: 'case', permission: 'lead', caseOf: caseFromParam },
    params: CaseParams,
    query: UploadQuery,
    responses: { 200: UploadResponse, 400: ErrorBody },
    handler: async ({ request, query, caseId, session }) => {
      if (!request.body || typeof (request.body as Readable).pipe !== 'function') {
        throw new ApiError(400, 'no_file', 'Send the file as the request body (application/octet-stream).');
      }
      await mkdir(join(workspace, 'uploads'), { recursive: true });
      const dir = await mkdtemp(join(workspace, 'uploads', 'upload-'));
      try {
        const file = join(dir, safeFileName(query.fileName));
        await pipeline(request.body as Readable, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
        const outcome = await addExhibit(store, workspace, {
          caseNameOrId: String(caseId),
          file,
          ref: query.ref,
          description: query.description ?? null,
          seizedFrom: query.seizedFrom ?? null,
          officer: query.officer ?? null,
          timezone: query.timezone,
          dateOrder: query.dateOrder,
          actor: session!.user.username,
          zipLimits: zipLimitsFrom(process.env),
        });
        const { exhibit, conversation } = outcome;
        return {
          exhibit: {
            id: exhibit.id,
            ref: exhibit.ref,
            originalName: exhibit.originalName,
            sha256: exhibit.sha256,
            size: exhibit.size,
          },
          conversation: { id: conversation.id, name: conversation.name },
          messages: outcome.messages,
          mediaFiles: outcome.mediaFiles,
          report: outcome.report as unknown as Record<string, unknown>,
        };
      } catch (err) {
        // The CLI's refusals (not an export, a duplicate, an unknown zone...) are the user's to fix.
        if (err instanceof UserError) throw new ApiError(400, err.details.code ?? 'bad_input', err.message);
        throw err;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  });
}
