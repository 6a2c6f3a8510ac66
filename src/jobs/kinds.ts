/**
 * The job kinds and what each runs: `exhibit.add` calls the same intake as `scrutineer exhibit add`,
 * `analyse` the same analysis as `scrutineer analyse`. A payload is plain JSON, stored with the job;
 * it is checked again when a worker takes the job (the database is not trusted to hold our shape).
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import path from 'node:path';

import { z } from 'zod/v4';

import { analyseCase } from '../analysis/analyse-case.js';
import { UserError } from '../domain/errors.js';
import { DATE_ORDERS } from '../contract/exhibit-schemas.js';
import { checkRequest, type ExhibitRequest } from '../evidence/import-request.js';
import { addExhibit } from '../evidence/import-sequence.js';
import { DEFAULT_ZIP_LIMITS } from '../ingest/zip/zip.js';
import { OCR, ocrHandler } from '../media/ocr/ocr-job.js';
import { RERANK, rerankHandler } from '../review/rerank-job.js';
import type { Store } from '../store/open-store.js';
import type { JobRecord } from '../store/repositories/jobs.js';

export const EXHIBIT_ADD = 'exhibit.add';
export const ANALYSE = 'analyse';

/**
 * An ExhibitRequest (src/evidence/import-request.ts) as stored with the job: the case by id, paths
 * made absolute. Fields added since a job was queued take their defaults.
 */
const exhibitAddPayload = z.object({
  caseId: z.number().int().positive(),
  /** Absolute path of the file to take in, as the enqueuing process saw it. */
  file: z.string().min(1),
  ref: z.string().min(1),
  description: z.string().nullable(),
  seizedFrom: z.string().nullable(),
  officer: z.string().nullable(),
  timezone: z.string().min(1),
  timezoneDeclared: z.boolean().default(false),
  dateOrder: z.enum(DATE_ORDERS),
  /** Absolute path of an Android wa.db, or null. */
  contacts: z.string().nullable(),
  /** Absolute path of a device's media folder or zip, or null. */
  media: z.string().nullable().default(null),
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
    const { caseId, ...request } = payloadOf(exhibitAddPayload, job);
    const outcome = await addExhibit(store, workspace, {
      ...request,
      caseNameOrId: await caseName(store, caseId),
      actor: job.createdBy,
      onProgress: progress,
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
 * reference, as the import itself does) and gives the payload a worker will run. The rest (the file's content) is the job's.
 */
export async function exhibitAddPayloadFor(store: Store, req: ExhibitRequest): Promise<ExhibitAddPayload> {
  const { theCase, ref } = await checkRequest(store, req);
  const file = readableFile(req.file, '');
  const contacts = req.contacts ? readableFile(req.contacts, ' (--contacts)') : null;
  // A folder or a zip: that it is there is checked now, what it holds when the job runs.
  if (req.media && !existsSync(req.media))
    throw new UserError(
      `${path.basename(req.media)}: cannot be read: the --media folder or zip does not exist`,
      {
        file: path.basename(req.media),
        code: 'unreadable_file',
      },
    );
  const media = req.media ? path.resolve(req.media) : null;
  return {
    caseId: theCase.id,
    file,
    ref,
    description: req.description ?? null,
    seizedFrom: req.seizedFrom ?? null,
    officer: req.officer ?? null,
    timezone: req.timezone,
    timezoneDeclared: req.timezoneDeclared === true,
    dateOrder: req.dateOrder,
    contacts,
    media,
    ownerPhone: req.ownerPhone ?? null,
    ownerName: req.ownerName ?? null,
    zipLimits: { ...(req.zipLimits ?? DEFAULT_ZIP_LIMITS) },
  };
}
