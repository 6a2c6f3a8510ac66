import Database from 'better-sqlite3';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  fstatSync,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  truncateSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EvidenceError } from '../../domain/errors.js';
import type { DeviceNotice } from './types.js';

/**
 * Opens a SQLite database read-only ON A COPY: the file and its `-wal`, `-shm` and `-journal`
 * siblings are copied into a fresh temporary folder and the copy is opened, so rows still in the
 * write-ahead log are read and the original is never opened by SQLite at all (SQLite may write a
 * -shm, checkpoint or roll back a journal when it opens a file; it does that to the copy only).
 */

export interface SqliteCopy {
  readonly db: Database.Database;
  /** The temporary folder holding the copy. */
  readonly dir: string;
  /** A -wal file was found beside the original and copied with it. */
  readonly walIncluded: boolean;
  /** A -journal (rollback journal) was found beside the original. */
  readonly journalIncluded: boolean;
  /**
   * Bytes after the database's last page (decrypted backups often carry some): left out of the
   * copy, so SQLite reads exactly the pages the database holds. 0 where there are none.
   */
  readonly trailingBytes: number;
  /** How many bytes the database itself holds (the original's size less trailingBytes). */
  readonly databaseBytes: number;
  readonly tables: ReadonlySet<string>;
  /** Column names of a table (cached), empty where the table does not exist. */
  columns(table: string): ReadonlySet<string>;
  close(): void;
}

const SQLITE_MAGIC = 'SQLite format 3\0';
const live = new Set<string>();
let exitHookInstalled = false;

function removeAllOnExit(): void {
  for (const dir of live) rmSync(dir, { recursive: true, force: true });
}

interface HeaderFacts {
  readonly pageSize: number;
  /** Bytes of the file that belong to the database (whole pages). */
  readonly databaseBytes: number;
  readonly trailingBytes: number;
}

/**
 * Checks the SQLite header and says how much of the file is database. The header's page count
 * is trusted where it is valid ("version-valid-for" equals the change counter): a file shorter
 * than it is truncated; bytes after it are not the database's (SQLite itself never reads them).
 * Without a valid count SQLite takes the file's whole pages; a partial page at the end is then
 * trailing bytes, and quick_check on the copy decides whether the pages before it are whole.
 */
function readHeader(file: string, label: string): HeaderFacts {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    throw new EvidenceError(
      label,
      `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
      undefined,
      'unreadable',
    );
  }
  try {
    const head = Buffer.alloc(100);
    const n = readSync(fd, head, 0, 100, 0);
    const size = fstatSync(fd).size;
    if (n < 100 || head.subarray(0, 16).toString('latin1') !== SQLITE_MAGIC) {
      throw new EvidenceError(label, 'is not a SQLite database (no SQLite header)', undefined, 'not_sqlite');
    }
    const rawPage = head.readUInt16BE(16);
    const pageSize = rawPage === 1 ? 65_536 : rawPage;
    if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) {
      throw new EvidenceError(
        label,
        `the SQLite header is corrupt (page size ${rawPage})`,
        undefined,
        'corrupt',
      );
    }
    const pages = head.readUInt32BE(28);
    const countValid = pages > 0 && head.readUInt32BE(92) === head.readUInt32BE(24);
    if (countValid && size < pages * pageSize) {
      throw new EvidenceError(
        label,
        `the SQLite database is truncated: its header declares ${pages} pages of ${pageSize} bytes (${pages * pageSize} bytes) but the file holds ${size} bytes`,
        undefined,
        'truncated',
      );
    }
    const databaseBytes = countValid ? pages * pageSize : size - (size % pageSize);
    if (databaseBytes === 0) {
      throw new EvidenceError(
        label,
        `the SQLite database is truncated: ${size} bytes is less than one ${pageSize}-byte page`,
        undefined,
        'truncated',
      );
    }
    return { pageSize, databaseBytes, trailingBytes: size - databaseBytes };
  } finally {
    closeSync(fd);
  }
}

/** Refuse a copy whose pages SQLite finds damaged, naming the first problems it reports. */
function assertPagesWhole(db: Database.Database, label: string, facts: HeaderFacts): void {
  const rows = db.prepare('PRAGMA quick_check(5)').all() as { quick_check: string }[];
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  if (problems.length === 0) return;
  throw new EvidenceError(
    label,
    `the SQLite database is damaged: after its ${facts.databaseBytes / facts.pageSize} whole pages of ${facts.pageSize} bytes (and ${facts.trailingBytes} trailing bytes) SQLite's quick_check reports: ${problems.join('; ').replace(/\s+/g, ' ')}`,
    undefined,
    'corrupt',
  );
}

/** Turn a SQLite failure while reading into an error that names the exhibit. */
export function sqliteFailure(label: string, err: unknown): EvidenceError {
  if (err instanceof EvidenceError) return err;
  const e = err as { code?: string; message?: string };
  const code = e.code ?? '';
  if (
    code === 'SQLITE_CORRUPT' ||
    code === 'SQLITE_NOTADB' ||
    /malformed|not a database/i.test(e.message ?? '')
  ) {
    return new EvidenceError(
      label,
      `the SQLite database is corrupt or truncated (${e.message ?? code})`,
      undefined,
      'corrupt',
    );
  }
  return new EvidenceError(
    label,
    `could not be read as SQLite (${e.message ?? String(err)})`,
    undefined,
    'unreadable',
  );
}

export function openSqliteCopy(file: string, label: string): SqliteCopy {
  const facts = readHeader(file, label);
  const dir = mkdtempSync(path.join(tmpdir(), 'scrutineer-sqlite-'));
  live.add(dir);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', removeAllOnExit);
  }
  const cleanup = () => {
    rmSync(dir, { recursive: true, force: true });
    live.delete(dir);
  };
  const copy = path.join(dir, 'evidence.db');
  let db: Database.Database | null = null;
  try {
    // The copies are this process's own (writable: the evidence store's files are read-only, and
    // SQLite must write to the copy to roll back a -journal or build a -shm).
    copyFileSync(file, copy);
    chmodSync(copy, 0o600);
    if (facts.trailingBytes > 0) truncateSync(copy, facts.databaseBytes);
    let walIncluded = false;
    let journalIncluded = false;
    for (const suffix of ['-wal', '-shm', '-journal']) {
      if (existsSync(file + suffix)) {
        copyFileSync(file + suffix, copy + suffix);
        chmodSync(copy + suffix, 0o600);
        if (suffix === '-wal') walIncluded = true;
        if (suffix === '-journal') journalIncluded = true;
      }
    }
    db = new Database(copy, { readonly: !journalIncluded, fileMustExist: true });
    // Rows are read in chat order through an index, so table pages are visited out of order: a
    // larger page cache (bounded, 64 MiB) saves re-reading them.
    db.pragma('cache_size = -65536');
    // Not memory-mapped: mmap saved the read() calls (0.9 s of system time at 1M rows) but its
    // pages count in the process's resident memory, +70 MiB at 1M (docs/benchmarks.md, session 6).
    if (facts.trailingBytes > 0) assertPagesWhole(db, label, facts);
    const tables = new Set(
      (
        db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table','view')").all() as {
          name: string;
        }[]
      ).map((r) => r.name),
    );
    const opened = db;
    const cache = new Map<string, ReadonlySet<string>>();
    let closed = false;
    return {
      db: opened,
      dir,
      walIncluded,
      journalIncluded,
      trailingBytes: facts.trailingBytes,
      databaseBytes: facts.databaseBytes,
      tables,
      columns(table: string) {
        let cols = cache.get(table);
        if (!cols) {
          cols = tables.has(table)
            ? new Set(
                (opened.prepare(`PRAGMA table_info(${quoteIdent(table)})`).all() as { name: string }[]).map(
                  (r) => r.name,
                ),
              )
            : new Set();
          cache.set(table, cols);
        }
        return cols;
      },
      close() {
        if (closed) return;
        closed = true;
        try {
          opened.close();
        } finally {
          cleanup();
        }
      },
    };
  } catch (err) {
    try {
      db?.close();
    } finally {
      cleanup();
    }
    throw sqliteFailure(label, err);
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Refuse a database that lacks tables a reader needs, naming each missing one. */
export function requireTables(
  copy: Pick<SqliteCopy, 'tables'>,
  label: string,
  required: readonly string[],
  what: string,
): void {
  const missing = required.filter((t) => !copy.tables.has(t));
  if (missing.length > 0) {
    throw new EvidenceError(
      label,
      `is not a ${what} database this version can read: missing table${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
      undefined,
      'unknown_schema',
    );
  }
}

/** Refuse a table that lacks columns a reader needs, naming each missing one. */
export function requireColumns(
  copy: SqliteCopy,
  label: string,
  table: string,
  required: readonly string[],
): void {
  const cols = copy.columns(table);
  const missing = required.filter((c) => !cols.has(c));
  if (missing.length > 0) {
    throw new EvidenceError(
      label,
      `table ${table} lacks column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: an unknown schema version`,
      undefined,
      'unknown_schema',
    );
  }
}

/**
 * What the copy found beside or after the database, as notices: a -wal read with it, a -journal
 * rolled back on the copy, bytes after the last page left out.
 */
export function copyNotices(copy: SqliteCopy, label: string): DeviceNotice[] {
  const out: DeviceNotice[] = [];
  if (copy.walIncluded) {
    out.push({
      code: 'wal_included',
      message: `${label}-wal was found beside the database and read with it (recent rows)`,
      line: null,
    });
  }
  if (copy.journalIncluded) {
    out.push({
      code: 'journal_present',
      message: `${label}-journal (an unfinished transaction) was found beside the database; the copy was opened with it, so SQLite rolled that transaction back on the copy`,
      line: null,
    });
  }
  if (copy.trailingBytes > 0) {
    out.push({
      code: 'trailing_bytes',
      message: `${copy.trailingBytes} byte(s) after the database's last page (its ${copy.databaseBytes} bytes are whole pages) are not part of the database, as SQLite itself reads it; they were left out of the copy that was read (decrypted backups often carry such bytes); the original is stored and hashed whole`,
      line: null,
    });
  }
  return out;
}
