import type { Repos } from '../store/repositories/index.js';
import type { ExhibitFileRecord, ExhibitFileRole, ExhibitFormat, ExhibitRecord } from '../store/types.js';
import type { StoredFile } from './evidence-store.js';
import type { AddExhibitRequest } from './intake.js';

export interface ExhibitToRecord {
  readonly caseId: number;
  readonly ref: string;
  /** The original's file name. */
  readonly label: string;
  readonly original: StoredFile;
  readonly format: ExhibitFormat;
  readonly req: AddExhibitRequest;
  readonly dateOrder: string | null;
  readonly parser: string;
  readonly parserVersion: string;
  /** Files stored with the original: archive entries, a -wal, a wa.db. */
  readonly files: readonly {
    readonly pathInArchive: string;
    readonly file: StoredFile;
    readonly role: ExhibitFileRole;
  }[];
  /** How the continuity entry names what was received, e.g. "WhatsApp export archive". */
  readonly receivedAs: string;
  /** Added to the "received" entry, e.g. the hashes of a -wal and wa.db. */
  readonly receivedDetail?: string;
}

/**
 * The exhibit record, its stored files and the "received" continuity entry: the same for every
 * format, inside the importer's transaction.
 */
export async function recordExhibit(
  repos: Repos,
  x: ExhibitToRecord,
): Promise<{ exhibit: ExhibitRecord; files: ExhibitFileRecord[] }> {
  const { req, original } = x;
  const exhibit = await repos.exhibits.create({
    caseId: x.caseId,
    ref: x.ref,
    originalName: x.label,
    size: original.size,
    sha256: original.sha256,
    storedPath: original.storedPath,
    format: x.format,
    description: req.description ?? null,
    seizedFrom: req.seizedFrom ?? null,
    officer: req.officer ?? null,
    timezone: req.timezone,
    dateOrder: x.dateOrder,
    parser: x.parser,
    parserVersion: x.parserVersion,
    addedBy: req.actor,
  });
  const files = await repos.exhibits.addFiles(
    x.files.map((f) => ({
      exhibitId: exhibit.id,
      pathInArchive: f.pathInArchive,
      size: f.file.size,
      sha256: f.file.sha256,
      storedPath: f.file.storedPath,
      role: f.role,
    })),
  );
  await repos.exhibits.addContinuity({
    exhibitId: exhibit.id,
    actor: req.actor,
    action: 'received',
    detail: `${x.receivedAs} ${x.label} (${original.size} bytes, SHA-256 ${original.sha256}) from ${req.file}${
      x.receivedDetail ?? ''
    }${req.seizedFrom ? `; seized from ${req.seizedFrom}` : ''}${req.officer ? `; producing officer ${req.officer}` : ''}`,
  });
  return { exhibit, files };
}
