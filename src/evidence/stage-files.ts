/**
 * The files of an exhibit besides its original, for the import sequence (import-sequence.ts): those
 * inside it (archive entries) and beside it (a -wal, a wa.db, a device's media) are hashed and
 * stored, and the reader is given the stored copies to read, so what is read is exactly what was
 * hashed.
 */
import { existsSync, mkdirSync, statSync, symlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

import { EvidenceError } from '../domain/errors.js';
import type {
  Companion,
  ContainedRole,
  ReaderInput,
  SourceFormat,
  SourceReader,
} from '../ingest/source-reader.js';
import { DEFAULT_ZIP_LIMITS } from '../ingest/zip/zip.js';
import {
  findDeviceMedia,
  storeDeviceMedia,
  type MediaSource,
  type StoredMedia,
} from '../media/device-media.js';
import type { CaseRecord } from '../store/types.js';
import type { EvidenceStore, StoredFile } from './evidence-store.js';
import type { AddExhibitRequest } from './import-request.js';

/** A file inside the original (an archive entry), as stored. */
export interface StoredContained {
  readonly path: string;
  readonly role: ContainedRole;
  readonly file: StoredFile;
}

/** A file beside the original, as stored; `what` names it in the continuity log. */
export interface StoredCompanion {
  readonly role: 'wal' | 'contacts' | 'other';
  readonly what: Companion | 'contacts';
  readonly name: string;
  readonly file: StoredFile;
}

export interface StoredExhibit {
  readonly theCase: CaseRecord;
  readonly ref: string;
  readonly label: string;
  readonly format: SourceFormat;
  readonly reader: SourceReader;
  readonly original: StoredFile;
  readonly contained: readonly StoredContained[];
  readonly companions: readonly StoredCompanion[];
  /** A device extraction's media; null for a format whose media are inside it (or that has none). */
  readonly media: StoredDeviceMedia | null;
}

/** The media of a device extraction (src/media/device-media.ts), as stored. */
export interface StoredDeviceMedia {
  /** Where they came from; null where none were given or found beside the database. */
  readonly source: MediaSource | null;
  readonly files: readonly StoredMedia[];
}

/** The files inside the original, each hashed and stored within the archive's size budget. */
export async function storeContained(
  evidence: EvidenceStore,
  reader: SourceReader,
  original: StoredFile,
  label: string,
  req: AddExhibitRequest,
): Promise<StoredContained[]> {
  if (!reader.contents) return [];
  const limits = req.zipLimits ?? DEFAULT_ZIP_LIMITS;
  const contents = await reader.contents(evidence.absolutePath(original.storedPath), label, limits);
  try {
    const stored: StoredContained[] = [];
    let budget = limits.maxTotalBytes;
    for (const f of contents.files) {
      const file = await evidence.put(await f.open(), budget, `${label}!${f.path}`);
      budget -= file.size;
      stored.push({ path: f.path, role: f.role, file });
    }
    return stored;
  } finally {
    contents.close();
  }
}

/** The files beside the original that are read with it: its companions and a contacts database. */
export async function storeCompanions(
  evidence: EvidenceStore,
  reader: SourceReader,
  req: AddExhibitRequest,
): Promise<StoredCompanion[]> {
  const stored: StoredCompanion[] = [];
  for (const what of reader.companions) {
    const side = `${req.file}-${what}`;
    if (!existsSync(side)) continue;
    const file = await evidence.putFile(side, basename(side));
    stored.push({ role: what === 'wal' ? 'wal' : 'other', what, file, name: basename(side) });
  }
  if (req.contacts) {
    let isFile = false;
    try {
      isFile = statSync(req.contacts).isFile();
    } catch {
      isFile = false;
    }
    if (!isFile) {
      throw new EvidenceError(
        basename(req.contacts),
        'cannot be read: the --contacts file does not exist or is not a file',
        undefined,
        'unreadable',
      );
    }
    const file = await evidence.putFile(req.contacts, basename(req.contacts));
    stored.push({ role: 'contacts', what: 'contacts', file, name: basename(req.contacts) });
  }
  return stored;
}

/**
 * A device extraction's media: the folder or zip given with `--media`, else the one beside the
 * database, else a UFDR's own files; each hashed and stored before anything is read.
 */
export async function storeMedia(
  evidence: EvidenceStore,
  format: SourceFormat,
  original: StoredFile,
  req: AddExhibitRequest,
): Promise<StoredDeviceMedia | null> {
  if (format !== 'android-msgstore' && format !== 'ios-chatstorage' && format !== 'ufdr') return null;
  const stored = evidence.absolutePath(original.storedPath);
  const source = findDeviceMedia(req.file, stored, format, req.media);
  return { source, files: source ? await storeDeviceMedia(evidence, source, req.zipLimits) : [] };
}

/**
 * The reader reads the stored copies, so what is read is exactly what was hashed: the original is
 * linked into a private folder under its own name with its companions beside it, and a contacts
 * database in a folder of its own (it may share the original's name).
 */
export function stageInput(
  stage: string,
  evidence: EvidenceStore,
  x: StoredExhibit,
  req: AddExhibitRequest,
): ReaderInput {
  const staged = join(stage, x.label);
  symlinkSync(evidence.absolutePath(x.original.storedPath), staged);
  let contactsPath: string | null = null;
  for (const c of x.companions) {
    const target = c.what === 'contacts' ? join(stage, 'contacts', c.name) : `${staged}-${c.what}`;
    if (c.what === 'contacts') {
      contactsPath = target;
      mkdirSync(dirname(target));
    }
    symlinkSync(evidence.absolutePath(c.file.storedPath), target);
  }
  return {
    path: staged,
    label: x.label,
    zone: req.timezone,
    zoneDeclared: req.timezoneDeclared === true,
    dateOrder: req.dateOrder,
    zipLimits: req.zipLimits ?? DEFAULT_ZIP_LIMITS,
    contained: x.contained.map((c) => ({
      path: c.path,
      role: c.role,
      file: evidence.absolutePath(c.file.storedPath),
    })),
    contactsPath,
    ownerPhone: req.ownerPhone ?? null,
    ownerName: req.ownerName ?? null,
    decideEarly: true,
  };
}
