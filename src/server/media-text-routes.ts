/**
 * Issue 17: a stored image's thumbnail, and the text read from it, for the thread and batch views.
 * Case members only (the same access as the attachment itself). A thumbnail is made from the
 * evidence store's copy after its SHA-256 is checked, and every fetch is audited as evidence access
 * (`evidence.thumbnail`), as the full-size fetch is (`evidence.view`).
 */
import type { MediaTextReading } from '../domain/media-text.js';
import { z } from 'zod/v4';

import { EvidenceStore } from '../evidence/evidence-store.js';
import { THUMBNAIL_SIZES, ThumbnailCache, type ThumbnailSize } from '../media/thumbnail.js';
import type { Store } from '../store/open-store.js';
import { ApiError, type CaseOf, type defineRoute } from './api.js';
import { ErrorBody, MessageParams } from '../contract/schemas.js';

type Route = <PS extends z.ZodType, QS extends z.ZodType, BS extends z.ZodType>(
  spec: Parameters<typeof defineRoute<PS, QS, BS>>[3],
) => void;

const caseOfMessage: CaseOf<{ messageId: number }> = async (store, p) =>
  store.reviews.caseOfMessage(p.messageId);

const ThumbnailQuery = z.object({
  size: z.coerce
    .number()
    .refine((n): n is ThumbnailSize => (THUMBNAIL_SIZES as readonly number[]).includes(n), {
      message: `size must be one of ${THUMBNAIL_SIZES.join(', ')}`,
    })
    .default(320),
});

export const MediaTextBody = z.object({
  texts: z.array(
    z.object({
      id: z.number(),
      text: z.string(),
      engine: z.string(),
      engineVersion: z.string(),
      language: z.string(),
      pass: z.string(),
      confidence: z.number(),
      sha256: z.string(),
      error: z.string().nullable(),
      createdAt: z.string(),
      createdBy: z.string(),
    }) satisfies z.ZodType<MediaTextReading>,
  ),
});

export function registerMediaTextRoutes(route: Route, store: Store, workspace: string): void {
  const evidence = new EvidenceStore(workspace);
  const thumbnails = new ThumbnailCache();
  route({
    method: 'GET',
    url: '/api/messages/:messageId/media/thumbnail',
    summary: "A WebP thumbnail of the message's stored image (longest side `size`); audited",
    access: { kind: 'case', permission: 'read', caseOf: caseOfMessage },
    params: MessageParams,
    query: ThumbnailQuery,
    responses: { 200: z.unknown(), 404: ErrorBody, 409: ErrorBody, 415: ErrorBody },
    handler: async ({ params, query, caseId, session, reply }) => {
      const file = await store.exhibits.fileOfMessage(params.messageId);
      if (!file || file.storedPath === null)
        throw new ApiError(404, 'not_found', 'This message has no stored attachment.');
      const made = await thumbnails
        .get(evidence.absolutePath(file.storedPath), file.sha256, query.size as ThumbnailSize)
        .catch(() => ({ kind: 'not-image' as const }));
      if (made.kind === 'changed')
        throw new ApiError(
          409,
          'evidence_changed',
          'The stored copy of this attachment does not match its record.',
        );
      if (made.kind === 'not-image')
        throw new ApiError(
          415,
          'not_an_image',
          'This attachment is not an image that can be shown as a thumbnail.',
        );
      await store.audit.append({
        actor: session!.user.username,
        action: 'evidence.thumbnail',
        caseId,
        subject: `message:${params.messageId}`,
        detail: { exhibitFileId: file.id, path: file.pathInArchive, sha256: file.sha256, size: query.size },
      });
      return reply
        .header('content-type', 'image/webp')
        .header('cache-control', 'private, max-age=3600')
        .header('x-content-sha256', file.sha256)
        .header('x-thumbnail-size', `${made.width}x${made.height}`)
        .send(made.bytes);
    },
  });
  route({
    method: 'GET',
    url: '/api/messages/:messageId/media/text',
    summary: "Text read from the message's stored image (newest reading first), with engine and confidence",
    access: { kind: 'case', permission: 'read', caseOf: caseOfMessage },
    params: MessageParams,
    responses: { 200: MediaTextBody, 404: ErrorBody },
    handler: async ({ params }) => {
      const file = await store.exhibits.fileOfMessage(params.messageId);
      if (!file) throw new ApiError(404, 'not_found', 'This message has no stored attachment.');
      const texts = await store.mediaTexts.ofFile(file.id);
      return {
        texts: texts.map((t) => ({
          id: t.id,
          text: t.text,
          engine: t.engine,
          engineVersion: t.engineVersion,
          language: t.language,
          pass: t.pass,
          confidence: t.confidence,
          sha256: t.sha256,
          error: t.error,
          createdAt: t.createdAt,
          createdBy: t.createdBy,
        })),
      };
    },
  });
}
