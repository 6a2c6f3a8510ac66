/**
 * The `ocr` job kind (issue 17): `scrutineer ocr CASE --queue` puts the case's OCR on the job
 * queue; a worker runs the same `ocrCase` as the command. The payload is checked again when a worker
 * takes it (the database is not trusted to hold our shape).
 */
import { z } from 'zod/v4';

import { UserError } from '../../domain/errors.js';
import type { Store } from '../../store/open-store.js';
import type { JobRecord } from '../../store/repositories/jobs.js';
import type { JobContext } from '../../jobs/kinds.js';
import { enqueueJob } from '../../jobs/queue.js';
import { ocrResources } from './resources.js';

export const OCR = 'ocr';

const ocrPayload = z.object({
  caseId: z.number().int().positive(),
  language: z.string().min(1),
  workers: z.number().int().positive().max(64),
});

export type OcrPayload = z.infer<typeof ocrPayload>;

export async function ocrHandler({ store, workspace, job, progress }: JobContext): Promise<unknown> {
  const parsed = ocrPayload.safeParse(job.payload);
  if (!parsed.success)
    throw new UserError(
      `job ${job.id} (${job.kind}) has a payload this version cannot read: ${parsed.error.message}`,
      {
        code: 'bad_job_payload',
      },
    );
  const p = parsed.data;
  if (!(await store.cases.get(p.caseId)))
    throw new UserError(`case ${p.caseId} no longer exists`, { code: 'no_case' });
  // Loaded here, not at start-up: tesseract.js and Skia are only needed when a job runs.
  const { ocrCase } = await import('./ocr-case.js');
  return ocrCase(store, workspace, p.caseId, job.createdBy, {
    language: p.language,
    workers: p.workers,
    onProgress: progress,
  });
}

/** Queue OCR of a case, after checking the language has data here. */
export async function queueOcr(
  store: Store,
  caseId: number,
  actor: string,
  options: { language: string; workers: number },
): Promise<JobRecord> {
  ocrResources(options.language);
  const payload: OcrPayload = { caseId, language: options.language, workers: options.workers };
  return enqueueJob(store, { kind: OCR, caseId, payload, actor });
}
