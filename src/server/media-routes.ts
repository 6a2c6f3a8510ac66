/**
 * Stored attachments (issue 6, thread view): the bytes of a message's media file as hashed into the
 * evidence store, for thumbnails and playback. Every fetch is evidence access, so it is audited.
 * Only raster images are served for display in the page; anything else (SVG included, which could
 * carry script) is a download with a neutral type.
 */
import { createReadStream, statSync } from 'node:fs';
import { extname } from 'node:path';

import { z } from 'zod/v4';

import { EvidenceStore } from '../evidence/evidence-store.js';
import type { Store } from '../store/open-store.js';
import { ApiError, caseOfMessage, type Route, type RouteDoc } from './api.js';
import { registerMediaInfoRoutes } from './media-info-routes.js';
import { registerMediaTextRoutes } from './media-text-routes.js';
import { ErrorBody, MessageParams } from '../contract/schemas.js';

/** Shown in the page: raster images only. */
const INLINE: Readonly<Record<string, string>> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};

export function registerMediaRoutes(route: Route, store: Store, workspace: string, _docs: RouteDoc[]): void {
  const evidence = new EvidenceStore(workspace);
  registerMediaTextRoutes(route, store, workspace);
  registerMediaInfoRoutes(route, store, workspace);
  route({
    method: 'GET',
    url: '/api/messages/:messageId/media',
    summary: "The message's stored attachment (images inline, anything else as a download); audited",
    access: { kind: 'case', permission: 'read', caseOf: caseOfMessage },
    params: MessageParams,
    responses: { 200: z.unknown(), 404: ErrorBody },
    handler: async ({ params, caseId, session, reply }) => {
      const file = await store.exhibits.fileOfMessage(params.messageId);
      if (!file || file.storedPath === null) {
        throw new ApiError(404, 'not_found', 'This message has no stored attachment.');
      }
      const abs = evidence.absolutePath(file.storedPath);
      // A stored original whose size changed is not served: `scrutineer verify` will say more.
      if (statSync(abs, { throwIfNoEntry: false })?.size !== file.size) {
        throw new ApiError(
          409,
          'evidence_changed',
          'The stored copy of this attachment does not match its record.',
        );
      }
      await store.audit.append({
        actor: session!.user.username,
        action: 'evidence.view',
        caseId,
        subject: `message:${params.messageId}`,
        detail: { exhibitFileId: file.id, path: file.pathInArchive, sha256: file.sha256 },
      });
      const type = INLINE[extname(file.pathInArchive).toLowerCase()];
      const name = file.pathInArchive
        .split('/')
        .pop()!
        .replace(/[^\w.-]/gu, '_');
      return reply
        .header('content-type', type ?? 'application/octet-stream')
        .header('content-disposition', `${type ? 'inline' : 'attachment'}; filename="${name}"`)
        .header('content-length', file.size)
        .header('x-content-sha256', file.sha256)
        .send(createReadStream(abs));
    },
  });
}
