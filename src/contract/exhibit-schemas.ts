/** Adding an exhibit from the browser (POST /api/cases/:caseId/exhibits, docs/api.md): the query and the answer. */
import { z } from 'zod/v4';

/** How an export's dates are read (`exhibit add --date-order`, the upload, the import job): `auto` decides from the file. */
export const DATE_ORDERS = ['auto', 'dmy', 'mdy', 'ymd'] as const;
export type DateOrderChoice = (typeof DATE_ORDERS)[number];

const text = (max: number) => z.string().trim().max(max).optional();

export const UploadQuery = z.object({
  fileName: z.string().min(1).max(255),
  ref: z.string().trim().min(1).max(64),
  timezone: z.string().min(1).max(64),
  dateOrder: z.enum(DATE_ORDERS).default('auto'),
  description: text(1000),
  seizedFrom: text(500),
  officer: text(200),
});

export const UploadResponse = z.object({
  exhibit: z.object({
    id: z.number().int(),
    ref: z.string(),
    originalName: z.string(),
    sha256: z.string(),
    size: z.number().int(),
  }),
  conversation: z.object({ id: z.number().int(), name: z.string() }),
  messages: z.number().int(),
  mediaFiles: z.number().int(),
  /** The import report, as `scrutineer exhibit show` prints it. */
  report: z.record(z.string(), z.unknown()),
});

/** What the client sends (before defaults): the file's name comes from the file itself. */
export type UploadQueryIn = z.input<typeof UploadQuery>;
export type UploadResponseT = z.infer<typeof UploadResponse>;
