/** Request and response shapes of the second-review (QC) routes (docs/api.md, "Second review"). */
import { z } from 'zod/v4';

import { DECISIONS } from './coding.js';
import { QC_REASONS, QC_STATUSES } from './review-words.js';
import { Message } from './schemas.js';

const id = z.coerce.number().int().positive().max(2_147_483_647);

export const QcParams = z.object({ qcId: id });
export const QcSampleBody = z.object({ size: z.number().int().min(1).max(1000) });
export const QcListQuery = z.object({
  status: z.enum(QC_STATUSES).optional(),
  /** Only items the user may second-review: pending, and not their own first decision. */
  secondable: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const QcSecondBody = z.object({ decision: z.enum(DECISIONS) });
export const QcResolveBody = z.object({ resolution: z.string().trim().min(1).max(20_000) });
export const QcSettingsBody = z.object({ share: z.number().min(0).max(1) });

export const QcItem = z.object({
  id: z.number().int(),
  messageId: z.number().int(),
  conversationId: z.number().int(),
  seq: z.number().int(),
  status: z.enum(QC_STATUSES),
  reason: z
    .enum(QC_REASONS)
    .nullable()
    .describe('why it was queued (offensive decision, QC share, lead sample); null while blind to the user'),
  firstBy: z.string(),
  firstVersion: z.number().int(),
  firstDecision: z
    .enum(DECISIONS)
    .nullable()
    .describe('the first decision the second was compared with; null while the item is pending (blind)'),
  secondBy: z.string().nullable(),
  secondDecision: z.enum(DECISIONS).nullable(),
  resolvedBy: z.string().nullable(),
  resolution: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const QcListItem = QcItem.extend({
  message: Message.describe('the message as the user may see it (its code withheld while blind)'),
});
export const QcItemResponse = z.object({ item: QcItem });
export const QcListResponse = z.object({ items: z.array(QcListItem) });
export const QcSampleResponse = z.object({ added: z.number().int() });
export const QcSettingsResponse = z.object({ share: z.number() });
export const QcAgreementResponse = z.object({
  share: z.number().describe('the QC share of non-offensive decisions (0–1)'),
  counts: z.object({
    pending: z.number().int(),
    agreed: z.number().int(),
    disagreed: z.number().int(),
    resolved: z.number().int(),
  }),
  pairs: z.array(
    z.object({
      a: z.string(),
      b: z.string(),
      n: z.number().int(),
      agreed: z.number().int(),
      observed: z.number().nullable(),
      expected: z.number().nullable(),
      kappa: z.number().nullable().describe("Cohen's kappa; null when undefined (n = 0 or expected = 1)"),
    }),
  ),
});

export type QcItemT = z.infer<typeof QcItem>;
export type QcListItemT = z.infer<typeof QcListItem>;
export type QcAgreementResponseT = z.infer<typeof QcAgreementResponse>;
