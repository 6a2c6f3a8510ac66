/** Request and response shapes of the report routes (docs/api.md, "Reports"). */
import { z } from 'zod/v4';

import { REPORT_FORMATS, REPORT_KINDS, REPORT_STATUSES } from './report-words.js';

const id = z.coerce.number().int().positive().max(2_147_483_647);
const context = z.number().int().min(0).max(500).default(3);

/** An ISO 8601 date-time with Z or an offset (or a date: midnight UTC), normalised to UTC. */
const instant = z
  .string()
  .max(40)
  .regex(
    /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/u,
    'an ISO 8601 instant',
  )
  .transform((s, ctx) => {
    const t = Date.parse(s.replace(' ', 'T'));
    if (Number.isNaN(t)) {
      ctx.addIssue({ code: 'custom', message: 'not a valid date' });
      return z.NEVER;
    }
    return new Date(t).toISOString();
  });

export const ReportParams = z.object({ reportId: z.uuid() });
export const ReportFileQuery = z.object({
  /** An appendix of an unused-material CSV: `search-terms`, `coverage`, `provenance`. */
  part: z
    .string()
    .regex(/^[a-z][a-z-]{0,40}$/u)
    .optional(),
});

export const ReportBody = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('bundle'),
      format: z.literal('pdf').default('pdf'),
      person: z.string().trim().min(1).max(200).describe('person id or name, or a participant name'),
      context,
    })
    .strict(),
  z
    .object({
      kind: z.literal('charges'),
      format: z.enum(['pdf', 'xlsx']).default('xlsx'),
      today: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/u, 'YYYY-MM-DD')
        .optional()
        .describe('for "days left" (default: the inputs-as-at date)'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('unused'),
      format: z.enum(['xlsx', 'csv']).default('xlsx'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('rsmf'),
      format: z.literal('rsmf').default('rsmf'),
      conversationId: id.optional(),
      from: instant.optional(),
      to: instant.optional(),
      hits: z.boolean().default(false),
      context,
    })
    .strict(),
]);
export type ReportBodyT = z.output<typeof ReportBody>;

const ReportFile = z.object({
  part: z.string().nullable().describe('null: the report; else the appendix (`?part=`)'),
  name: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  contentType: z.string(),
});

export const Report = z.object({
  id: z.string(),
  caseId: z.number().int(),
  kind: z.enum(REPORT_KINDS),
  format: z.enum(REPORT_FORMATS),
  options: z.record(z.string(), z.unknown()).describe('what was asked for'),
  status: z.enum(REPORT_STATUSES),
  by: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  elapsedMs: z.number().int().describe('so far while running'),
  progress: z
    .object({ done: z.number(), total: z.number() })
    .nullable()
    .describe('messages done of total, where the report counts them'),
  summary: z.string().nullable().describe('done: e.g. "Unused-material schedule: 43 items"'),
  file: ReportFile.nullable(),
  parts: z.array(ReportFile).describe('appendices (unused-material CSV)'),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  expiresAt: z.string().nullable().describe('when a finished report is dropped from the server'),
});
export type ReportT = z.infer<typeof Report>;

export const ReportResponse = z.object({ report: Report });
export const ReportsResponse = z.object({ reports: z.array(Report) });
export type ReportsResponseT = z.infer<typeof ReportsResponse>;
/** A report request as the web app sends it (defaults left to the server). */
export type ReportBodyInput = z.input<typeof ReportBody>;
