/**
 * A review batch's definition: a date range, a run of one conversation, or the flagged messages above
 * a score ("priority"). The API, the CLI and the web form all send this; src/review/batches.ts finds
 * a batch's messages from it.
 */
import { z } from 'zod/v4';

const iso = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());

export const BatchSpec = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('date_range'),
    from: iso,
    to: iso,
    conversationId: z.number().int().positive().optional(),
  }),
  z.object({
    kind: z.literal('conversation'),
    conversationId: z.number().int().positive(),
    fromSeq: z.number().int().min(0).optional(),
    toSeq: z.number().int().min(0).optional(),
  }),
  z.object({
    kind: z.literal('priority'),
    minScore: z.number().min(0).max(1),
    category: z.string().min(1).max(100).optional(),
  }),
]);
export type BatchSpecT = z.output<typeof BatchSpec>;
