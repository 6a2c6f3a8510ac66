/**
 * Media of a device extraction (issue 17, item 1): the Android `Media/` tree or the iOS
 * `Message/Media` folder beside the database (or given with `--media`, as a folder or a zip), and
 * the files inside a UFDR. Every file is hashed and stored read-only like an export's media; each
 * message that names one is linked to it by the hash the database records (Android `file_hash`),
 * else by the path it records (`file_path`, `ZMEDIALOCALPATH`, a UFDR attachment's file name);
 * what is named but absent and what is present but named by no message go to the import report.
 */
import { lstatSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';

import { EvidenceError } from '../domain/errors.js';
import type { ImportNotice } from '../domain/import-report.js';
import type { EvidenceStore, StoredFile } from '../evidence/evidence-store.js';
import { DEFAULT_ZIP_LIMITS, readZipEntries, type ZipLimits } from '../ingest/zip/zip.js';
import { CELL, type CellValue } from '../store/message-cells.js';
import { deviceThumbnails, limitMissing, MEDIA_NOTICE_LIMIT, mediaNamedByNoMessage } from './accounting.js';

export type DeviceMediaFormat = 'android-msgstore' | 'ios-chatstorage' | 'ufdr';

/** Where the media come from: a folder walked on disk, or a zip's entries. */
export type MediaSource =
  | { readonly kind: 'folder'; readonly path: string; readonly label: string }
  | {
      readonly kind: 'zip';
      readonly path: string;
      readonly label: string;
      readonly skip: ReadonlySet<string>;
    };

export interface StoredMedia {
  readonly pathInArchive: string;
  readonly file: StoredFile;
  readonly role: 'media';
}

/**
 * The media beside a database: `--media` where given; else `Media/` beside msgstore.db, or
 * `Message/Media` beside ChatStorage.sqlite (the layouts of a file-system extraction); a UFDR
 * carries its own. null where there are none.
 */
export function findDeviceMedia(
  database: string,
  /** The evidence store's copy of the database: a UFDR's files are read from it. */
  storedCopy: string,
  format: DeviceMediaFormat,
  given: string | null | undefined,
): MediaSource | null {
  // `--media` with a UFDR is refused with the request (import-request.ts).
  if (format === 'ufdr') {
    return { kind: 'zip', path: storedCopy, label: basename(database), skip: UFDR_REPORT_FILES };
  }
  if (given) {
    let stat;
    try {
      stat = lstatSync(given);
    } catch {
      throw new EvidenceError(basename(given), 'cannot be read: the --media folder or zip does not exist');
    }
    if (stat.isDirectory()) return { kind: 'folder', path: given, label: basename(given) };
    if (stat.isFile()) return { kind: 'zip', path: given, label: basename(given), skip: new Set() };
    throw new EvidenceError(basename(given), 'is neither a folder nor a zip: give --media a folder or a zip');
  }
  const beside = join(dirname(database), format === 'ios-chatstorage' ? join('Message', 'Media') : 'Media');
  try {
    return lstatSync(beside).isDirectory() ? { kind: 'folder', path: beside, label: basename(beside) } : null;
  } catch {
    return null;
  }
}

/** A UFDR's own report, read as the exhibit; everything else in it is a file of the phone. */
const UFDR_REPORT_FILES: ReadonlySet<string> = new Set(['report.xml', 'Report.xml']);

/**
 * Every file under `root`, as paths relative to the folder holding `root` (so they begin with its
 * name: `Media/WhatsApp Images/…`). Links are not followed: one is refused with its path, since
 * what it points at is not part of the folder that was given.
 */
function walk(root: string, limits: ZipLimits): string[] {
  const out: string[] = [];
  const pending = [root];
  while (pending.length) {
    const dir = pending.pop() as string;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (entry.isFile()) out.push(full);
      else
        throw new EvidenceError(
          relative(dirname(root), full),
          'is a link or device file in the media folder: only plain files are stored',
        );
      if (out.length > limits.maxEntries)
        throw new EvidenceError(basename(root), `holds more than ${limits.maxEntries} files`);
    }
  }
  return out.sort();
}

/**
 * Hash and store every media file. The evidence store claims each as it is stored, so a failed
 * import's files are removed by its release (evidence-store.ts).
 */
export async function storeDeviceMedia(
  evidence: EvidenceStore,
  source: MediaSource,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<StoredMedia[]> {
  const out: StoredMedia[] = [];
  if (source.kind === 'folder') {
    let total = 0;
    for (const full of walk(source.path, limits)) {
      const pathInArchive = relative(dirname(source.path), full).split(sep).join('/');
      const file = await evidence.putFile(full, pathInArchive);
      total += file.size;
      if (total > limits.maxTotalBytes)
        throw new EvidenceError(
          basename(source.path),
          `holds more than ${limits.maxTotalBytes} bytes of media`,
        );
      out.push({ pathInArchive, file, role: 'media' });
    }
    return out;
  }
  const label = source.label;
  const zip = await readZipEntries(source.path, label, limits);
  try {
    let budget = limits.maxTotalBytes;
    for (const entry of zip.entries) {
      if (source.skip.has(entry.path)) continue;
      const file = await evidence.put(await entry.open(), budget, `${label}!${entry.path}`);
      budget -= file.size;
      out.push({ pathInArchive: entry.path, file, role: 'media' });
    }
    return out;
  } finally {
    zip.close();
  }
}

/** An exhibit file as stored: what the linker needs of it. */
export interface MediaFileRecord {
  readonly id: number;
  readonly pathInArchive: string;
  readonly sha256: string;
  readonly role: string;
}

const AMBIGUOUS = -1;

function segments(path: string): string[] {
  return path
    .toLowerCase()
    .split(/[/\\]+/)
    .filter((s) => s !== '' && s !== '.');
}

/**
 * Links the messages of one device import to its stored media, as their cells pass through the
 * storing thread, then says what was left over. Paths are compared by their trailing segments,
 * ignoring case: a database records `/storage/emulated/0/WhatsApp/Media/WhatsApp Images/x.jpg` or
 * `Media/<jid>/a/b/x.jpg` where the folder given holds `Media/WhatsApp Images/x.jpg`, and the
 * longest tail shared with exactly one stored file decides. A tail shared by two files decides
 * nothing (never a guess between two candidates).
 */
export class MediaLinker {
  private readonly byTail = new Map<string, number>();
  private readonly byHash = new Map<string, number>();
  private readonly hashOf = new Map<number, string>();
  private readonly linked = new Set<number>();
  private readonly missing: ImportNotice[] = [];
  private named = 0;
  private linkedMessages = 0;
  /** Linked by the exact path a UFDR's report ties the attachment to (`raw.ufdr_path`). */
  private byExactPath = 0;
  /** Linked by file name alone (the source gave no path): each is listed in the report. */
  private readonly byName: string[] = [];
  private readonly pathOf = new Map<number, string>();

  constructor(
    private readonly files: readonly MediaFileRecord[],
    /** Whether any media were given: without them, the named files are counted in one notice. */
    private readonly given: boolean,
  ) {
    for (const f of files) {
      if (f.role !== 'media') continue;
      this.hashOf.set(f.id, f.sha256);
      this.pathOf.set(f.id, f.pathInArchive);
      this.byHash.set(f.sha256, this.byHash.has(f.sha256) ? AMBIGUOUS : f.id);
      const s = segments(f.pathInArchive);
      for (let k = 1; k <= s.length; k++) {
        const tail = s.slice(s.length - k).join('/');
        this.byTail.set(tail, this.byTail.has(tail) ? AMBIGUOUS : f.id);
      }
    }
  }

  /** The stored file a message names: by its recorded hash first, then by its path's tail. */
  find(path: string, sha256: string | null): { id: number | null; why: string | null } {
    if (sha256 !== null) {
      const id = this.byHash.get(sha256);
      if (id !== undefined && id !== AMBIGUOUS) return { id, why: null };
    }
    const s = segments(path);
    for (let k = s.length; k >= 1; k--) {
      const id = this.byTail.get(s.slice(s.length - k).join('/'));
      if (id === undefined) continue;
      if (id === AMBIGUOUS)
        return { id: null, why: `more than one stored file is named ${s.slice(s.length - k).join('/')}` };
      if (sha256 !== null && this.hashOf.get(id) !== sha256)
        return {
          id: null,
          why: `the file at that path (exhibit file ${id}) has other bytes than the SHA-256 the database records (${sha256})`,
        };
      return { id, why: null };
    }
    return { id: null, why: null };
  }

  /**
   * The stored file at exactly `path` (all its segments, ignoring case; a UFDR's `Local Path`):
   * no shorter tail is tried, since a path was given and another folder's file of that name is
   * not it.
   */
  findExact(path: string, sha256: string | null, via: string): { id: number | null; why: string | null } {
    const whole = segments(path).join('/');
    const id = this.byTail.get(whole);
    if (id === undefined)
      return { id: null, why: `the report ties it to ${path} (${via}), which is not in the UFDR` };
    if (id === AMBIGUOUS) return { id: null, why: `more than one stored file is at ${path}` };
    if (sha256 !== null && this.hashOf.get(id) !== sha256)
      return {
        id: null,
        why: `the file at ${path} (exhibit file ${id}) has other bytes than the SHA-256 the report records (${sha256})`,
      };
    return { id, why: null };
  }

  /** Fills `media_file_id` of the message whose cells start at `at`, where it names a file. */
  fill(cells: CellValue[], at: number): void {
    const name = cells[at + CELL.media_file_name] as string | null;
    if (name === null || cells[at + CELL.media_omitted] === 1) return;
    this.named++;
    if (!this.given) return;
    const raw = rawOf(cells[at + CELL.extras_json]);
    const exact = typeof raw.ufdr_path === 'string' ? raw.ufdr_path : null;
    const path = exact ?? (typeof raw.file_path === 'string' ? raw.file_path : name);
    const sha256 = sha256Of(raw.file_hash);
    const { id, why } =
      exact !== null
        ? this.findExact(exact, hexOf(raw.ufdr_sha256), String(raw.ufdr_link ?? 'tagged file'))
        : this.find(path, sha256);
    cells[at + CELL.media_file_id] = id;
    const row = cells[at + CELL.source_row_id] ?? cells[at + CELL.source_model_id];
    const where = `${cells[at + CELL.source_table] ?? 'model'} ${row}`;
    if (id !== null) {
      this.linked.add(id);
      this.linkedMessages++;
      if (exact !== null) this.byExactPath++;
      else if (path === name && sha256 === null)
        this.byName.push(
          `attachment ${name} (${where}) linked by file name only, to ${this.pathOf.get(id)} (exhibit file ${id}): the source gives no path for it`,
        );
      return;
    }
    this.missing.push({
      code: 'media_missing',
      message: `attachment ${path} (${where}) is named but not in the media given${why ? `: ${why}` : ''}`,
      line: null,
    });
  }

  /** Says how the links were made where it was by a UFDR's path or by name alone. */
  private howLinked(): ImportNotice[] {
    if (this.byExactPath === 0 && this.byName.length === 0) return [];
    const ways = [
      ...(this.byExactPath
        ? [`${this.byExactPath} by their exact path in the UFDR (the report's tagged files)`]
        : []),
      ...(this.byName.length ? [`${this.byName.length} by file name only (listed below)`] : []),
    ];
    const notice = (message: string): ImportNotice => ({ code: 'media_linked', message, line: null });
    return [
      notice(`attachments linked: ${ways.join('; ')}`),
      ...this.byName.slice(0, MEDIA_NOTICE_LIMIT).map(notice),
      ...(this.byName.length > MEDIA_NOTICE_LIMIT
        ? [notice(`${this.byName.length - MEDIA_NOTICE_LIMIT} more attachments linked by file name only`)]
        : []),
    ];
  }

  /** How many messages were linked, and the report's notices on what was not. */
  result(): { linked: number; notices: ImportNotice[] } {
    if (!this.given) {
      return {
        linked: 0,
        notices: this.named
          ? [
              {
                code: 'media_missing',
                message: `${this.named} messages name a media file, and no media were given: put the Media folder beside the database or give --media`,
                line: null,
              },
            ]
          : [],
      };
    }
    const thumbnails = deviceThumbnails(this.files, this.linked);
    return {
      linked: this.linkedMessages,
      notices: [
        ...this.howLinked(),
        ...limitMissing(this.missing),
        ...mediaNamedByNoMessage(this.files, this.linked, thumbnails.ids),
        ...thumbnails.notices,
      ],
    };
  }
}

function rawOf(extras: CellValue | undefined): Record<string, unknown> {
  if (typeof extras !== 'string') return {};
  const parsed = JSON.parse(extras) as { raw?: Record<string, unknown> };
  return parsed.raw ?? {};
}

/** A SHA-256 recorded as hex (a UFDR's tagged file), or null. */
function hexOf(recorded: unknown): string | null {
  return typeof recorded === 'string' && /^[0-9a-f]{64}$/.test(recorded) ? recorded : null;
}

/**
 * Android records a media file's SHA-256 in base64 (`file_hash`, legacy `media_hash`); the
 * evidence store keeps hex. Anything that is not 32 bytes of base64 is not used.
 */
export function sha256Of(recorded: unknown): string | null {
  if (typeof recorded !== 'string' || !/^[A-Za-z0-9+/]{43}=$/.test(recorded)) return null;
  return Buffer.from(recorded, 'base64').toString('hex');
}
