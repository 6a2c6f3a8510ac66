/**
 * What taking an exhibit in is asked to do, the same whether it runs now (`exhibit add`, the upload
 * route) or from the job queue (src/jobs/kinds.ts), and the checks made before anything is stored.
 */
import { UsageError, UserError } from '../domain/errors.js';
import type { DateOrder, ImportReport } from '../domain/import-report.js';
import { assertZone } from '../ingest/local-time.js';
import type { SourceFormat, SourceReader } from '../ingest/source-reader.js';
import type { ZipLimits } from '../ingest/zip/zip.js';
import type { Store } from '../store/open-store.js';
import type { CaseRecord, ConversationRecord, ExhibitRecord } from '../store/types.js';

/** The request as `exhibit add` takes it: the case by name or id, paths as given. */
export interface ExhibitRequest {
  readonly caseNameOrId: string;
  readonly file: string;
  readonly ref: string;
  readonly description?: string | null;
  readonly seizedFrom?: string | null;
  /** The producing officer. */
  readonly officer?: string | null;
  readonly timezone: string;
  /** `timezone` was given by the investigator (not a default): RSMF reads zone-less times in it. */
  readonly timezoneDeclared?: boolean;
  readonly dateOrder: 'auto' | DateOrder;
  readonly zipLimits?: ZipLimits;
  /** Android wa.db for a msgstore.db: address-book and push names. */
  readonly contacts?: string | null;
  /** An Android or iOS database's media folder or zip (else the one beside the database is used). */
  readonly media?: string | null;
  /** The phone owner's number and name, where the database cannot tell them. */
  readonly ownerPhone?: string | null;
  readonly ownerName?: string | null;
}

/** The request as it runs: who runs it, and where its progress goes. */
export interface AddExhibitRequest extends ExhibitRequest {
  /** Who is doing this (the operator), for continuity and audit. */
  readonly actor: string;
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Called once the exhibit's files are stored, before it is read. A test seam: the regression and
   * concurrency tests interleave imports and inject failures here.
   */
  readonly afterStored?: () => Promise<void>;
}

export interface AddExhibitOutcome {
  readonly exhibit: ExhibitRecord;
  /** The first conversation read. */
  readonly conversation: ConversationRecord;
  readonly messages: number;
  readonly mediaFiles: number;
  readonly report: ImportReport;
}

/**
 * `--owner` must be a number in international form: the owner's JID is its digits, so a national
 * number (`07700 900123`) or an `00` prefix would make a JID that matches no one, silently.
 */
function assertOwnerPhone(phone: string | null | undefined): void {
  if (phone === null || phone === undefined) return;
  const digits = phone.trim().replace(/[\s().-]/g, '');
  if (!/^\+?\d{5,15}$/.test(digits)) {
    throw new UsageError(
      `--owner "${phone}" is not a phone number: give the owner's number with its country code, e.g. +44 7700 900123`,
    );
  }
  if (/^\+?0/.test(digits)) {
    throw new UsageError(
      `--owner "${phone}" starts with 0: give the number in international form with its country code (e.g. +44 7700 900123, not 07700 900123 or 0044 7700 900123)`,
    );
  }
}

/**
 * What can be checked before anything is stored: the zone, the owner's number, the reference, the
 * case, and that the case has no exhibit of that reference yet.
 */
export async function checkRequest(
  store: Store,
  req: ExhibitRequest,
): Promise<{ theCase: CaseRecord; ref: string }> {
  assertZone(req.timezone);
  assertOwnerPhone(req.ownerPhone);
  const ref = req.ref.trim();
  if (!ref) throw new UserError('an exhibit reference is required (--ref, e.g. AB/1)', { code: 'bad_ref' });
  const theCase = await store.cases.findByNameOrId(req.caseNameOrId);
  if (!theCase) {
    throw new UserError(`no case "${req.caseNameOrId}": create it with \`scrutineer case create NAME\``, {
      code: 'no_case',
    });
  }
  const sameRef = await store.exhibits.findByRef(theCase.id, ref);
  if (sameRef) {
    throw new UserError(`case "${theCase.name}" already has an exhibit ${ref} (${sameRef.originalName})`, {
      code: 'duplicate_ref',
    });
  }
  return { theCase, ref };
}

/** The options that apply only to some formats, checked once the file's format is known. */
export function checkOptionsFor(req: ExhibitRequest, format: SourceFormat, reader: SourceReader): void {
  if (req.contacts && !reader.takesContacts)
    throw new UserError('--contacts (wa.db) applies only to an Android msgstore.db');
  if (req.media && format !== 'android-msgstore' && format !== 'ios-chatstorage')
    throw new UserError(
      format === 'ufdr'
        ? '--media applies only to an Android or iOS database: a UFDR carries its own files'
        : '--media applies only to an Android or iOS database: this source carries its own media',
    );
}
