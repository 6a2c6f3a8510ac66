/**
 * Issue 17: what a thread tile shows of a message's stored attachment (its name, path in the
 * exhibit, size, SHA-256 and kind, told from its first bytes), for case members only, as the
 * attachment itself. Only the record and 16 bytes are read; the bytes themselves are served, and
 * audited, by GET /api/messages/:id/media.
 */
import { open } from 'node:fs/promises';

import { MediaInfo } from '../contract/media.js';
import { ErrorBody, MessageParams } from '../contract/schemas.js';
import { EvidenceStore } from '../evidence/evidence-store.js';
import { KIND_HEAD_BYTES, mediaKindOf } from '../media/kind.js';
import type { Store } from '../store/open-store.js';
import { ApiError, caseOfMessage, type Route } from './api.js';

async function head(path: string): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const buf = Buffer.alloc(KIND_HEAD_BYTES);
    const { bytesRead } = await file.read(buf, 0, KIND_HEAD_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

export function registerMediaInfoRoutes(route: Route, store: Store, workspace: string): void {
  const evidence = new EvidenceStore(workspace);
  route({
    method: 'GET',
    url: '/api/messages/:messageId/media/info',
    summary: "The message's stored attachment: name, path in the exhibit, size, SHA-256 and kind",
    access: { kind: 'case', permission: 'read', caseOf: caseOfMessage },
    params: MessageParams,
    responses: { 200: MediaInfo, 404: ErrorBody, 409: ErrorBody },
    handler: async ({ params }) => {
      const file = await store.exhibits.fileOfMessage(params.messageId);
      if (!file || file.storedPath === null)
        throw new ApiError(404, 'not_found', 'This message has no stored attachment.');
      const fileName = file.pathInArchive.split('/').pop() ?? file.pathInArchive;
      const bytes = await head(evidence.absolutePath(file.storedPath)).catch(() => {
        throw new ApiError(409, 'evidence_changed', 'The stored copy of this attachment cannot be read.');
      });
      return {
        fileName,
        pathInArchive: file.pathInArchive,
        size: file.size,
        sha256: file.sha256,
        kind: mediaKindOf(bytes, fileName),
      };
    },
  });
}
