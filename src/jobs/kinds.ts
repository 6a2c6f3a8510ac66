/**
 * The job kinds and what each runs: `exhibit.add` calls the same intake as `scrutineer exhibit add`,
 * `analyse` the same analysis as `scrutineer analyse`. A payload is plain JSON, stored with the job;
 * it is checked again when a worker takes the job (the database is not trusted to hold our shape).
 */
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

import { z } from 'zod/v4';

import { analyseCase } from '../analysis/analyse-case.js';
import { UsageError, UserError } from '../domain/errors.js';
import { addExhibit } from '../evidence/intake.js';
import { assertOwnerPhone } from '../evidence/intake-device.js';
import { DEFAULT_ZIP_LIMITS } from '../evidence/zip.js';
import { assertZone } from '../ingest/local-time.js';
import { OCR, ocrHandler } from '../media/ocr/ocr-job.js';
import { RERANK, rerankHandler } from '../review/rerank-job.js';
import type { Store } from '../store/open-store.js';
import type { JobRecord } from '../store/repositories/jobs.js';

export const EXHIBIT_ADD = 'exhibit.add';
export const ANALYSE = 'analyse';

export const DATE_ORDERS = ['auto', 'dmy', 'mdy', 'ymd'] as const;

const exhibitAddPayload = z.object({
  caseId: z.number().int().positive(),
  /** Absolute path of the file to take in, as the enqueuing process saw it. */
  file: z.string().min(1),
  ref: z.string().min(1),
  description: z.string().nullable(),
  seizedFrom: z.string().nullable(),
  officer: z.string().nullable(),
  timezone: z.string().min(1),
  dateOrder: z.enum(DATE_ORDERS),
  /** Absolute path of an Android wa.db, or null. */
  contacts: z.string().nullable(),
  ownerPhone: z.string().nullable(),
  ownerName: z.string().nullable(),
  zipLimits: z.object({ maxTotalBytes: z.number().positive(), maxEntries: z.number().int().positive() }),
});

const analysePayload = z.object({ caseId: z.number().int().positive() });

export type ExhibitAddPayload = z.infer<typeof exhibitAddPayload>;
export type AnalysePayload = z.infer<typeof analysePayload>;

/** What a handler gets: the store, the workspace (evidence files), the job, and a progress sink. */
export interface JobContext {
  readonly store: Store;
  readonly workspace: string;
  readonly job: JobRecord;
  readonly progress: (done: number, total: number) => void;
}

/** Runs one job; what it returns is recorded as the job's result (plain JSON). */
export type JobHandler = (ctx: JobContext) => Promise<unknown>;

function payloadOf<T>(schema: z.ZodType<T>, job: JobRecord): T {
  const parsed = schema.safeParse(job.payload);
  if (!parsed.success)
    throw new UserError(
      `job ${job.id} (${job.kind}) has a payload this version cannot read: ${parsed.error.message}`,
      {
        code: 'bad_job_payload',
      },
    );
  return parsed.data;
}

async function caseName(store: Store, caseId: number): Promise<string> {
  const theCase = await store.cases.get(caseId);
  if (!theCase) throw new UserError(`case ${caseId} no longer exists`, { code: 'no_case' });
  return theCase.name;
}

export const JOB_HANDLERS: Readonly<Record<string, JobHandler>> = {
  [EXHIBIT_ADD]: async ({ store, workspace, job, progress }) => {
    const p = payloadOf(exhibitAddPayload, job);
    const outcome = await addExhibit(store, workspace, {
      caseNameOrId: await caseName(store, p.caseId),
      file: p.file,
      ref: p.ref,
      description: p.description,
      seizedFrom: p.seizedFrom,
      officer: p.officer,
      timezone: p.timezone,
      dateOrder: p.dateOrder,
      actor: job.createdBy,
      onProgress: progress,
      zipLimits: p.zipLimits,
      contacts: p.contacts,
      ownerPhone: p.ownerPhone,
      ownerName: p.ownerName,
    });
    return {
      exhibitId: outcome.exhibit.id,
      ref: outcome.exhibit.ref,
      sha256: outcome.exhibit.sha256,
      format: outcome.exhibit.format,
      conversationId: outcome.conversation.id,
      conversation: outcome.conversation.name,
      messages: outcome.messages,
      mediaFiles: outcome.mediaFiles,
    };
  },
  [ANALYSE]: async ({ store, job, progress }) => {
    const p = payloadOf(analysePayload, job);
    await caseName(store, p.caseId);
    const { run, byCategory } = await analyseCase(store, p.caseId, job.createdBy, progress);
    return { runId: run.id, messages: run.messages, flagged: run.flagged, version: run.version, byCategory };
  },
  [OCR]: ocrHandler,
  [RERANK]: rerankHandler,
};

export const JOB_KINDS: readonly string[] = Object.keys(JOB_HANDLERS);

/** The request as `exhibit add` takes it; the case by name or id, paths as given. */
export interface ExhibitAddRequest {
  readonly caseNameOrId: string;
  readonly file: string;
  readonly ref: string;
  readonly description?: string | null;
  readonly seizedFrom?: string | null;
  readonly officer?: string | null;
  readonly timezone: string;
  readonly dateOrder: string;
  readonly contacts?: string | null;
  readonly ownerPhone?: string | null;
  readonly ownerName?: string | null;
  readonly zipLimits?: { readonly maxTotalBytes: number; readonly maxEntries: number };
}

function readableFile(file: string, what: string): string {
  const absolute = path.resolve(file);
  try {
    accessSync(absolute, constants.R_OK);
    if (!statSync(absolute).isFile()) throw new Error('not a file');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`${path.basename(file)}${what}: cannot be read (${code ?? 'not a plain file'})`, {
      file: path.basename(file),
      code: 'unreadable_file',
    });
  }
  return absolute;
}

/**
 * Checks what can be checked before queueing (the case, the files, the zone, the date order, the
 * reference) and gives the payload a worker will run. The rest (the file's content) is the job's.
 */
export async function exhibitAddPayloadFor(store: Store, req: ExhibitAddRequest): Promise<ExhibitAddPayload> {
  if (!(DATE_ORDERS as readonly string[]).includes(req.dateOrder))
    throw new UsageError(`--date-order must be one of ${DATE_ORDERS.join(', ')} (got "${req.dateOrder}")`);
  assertZone(req.timezone);
  assertOwnerPhone(req.ownerPhone);
  const ref = req.ref.trim();
  if (!ref) throw new UserError('an exhibit reference is required (--ref, e.g. AB/1)', { code: 'bad_ref' });
  const theCase = await store.cases.findByNameOrId(req.caseNameOrId);
  if (!theCase)
    throw new UserError(`no case "${req.caseNameOrId}": create it with \`scrutineer case create NAME\``, {
      code: 'no_case',
    });
  const sameRef = await store.exhibits.findByRef(theCase.id, ref);
  if (sameRef)
    throw new UserError(`case "${theCase.name}" already has an exhibit ${ref} (${sameRef.originalName})`, {
      code: 'duplicate_ref',
    });
  const file = readableFile(req.file, '');
  const contacts = req.contacts ? readableFile(req.contacts, ' (--contacts)') : null;
  return {
    caseId: theCase.id,
    file,
    ref,
    description: req.description ?? null,
    seizedFrom: req.seizedFrom ?? null,
    officer: req.officer ?? null,
    timezone: req.timezone,
    dateOrder: req.dateOrder as ExhibitAddPayload['dateOrder'],
    contacts,
    ownerPhone: req.ownerPhone ?? null,
    ownerName: req.ownerName ?? null,
    zipLimits: { ...(req.zipLimits ?? DEFAULT_ZIP_LIMITS) },
  };
}
