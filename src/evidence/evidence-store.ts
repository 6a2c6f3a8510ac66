import { createHash, randomBytes } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  renameSync,
  rmdirSync,
  rmSync,
  chmodSync,
} from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import { EvidenceError } from '../domain/errors.js';

/**
 * The workspace's content-addressed store of originals: `evidence/sha256/ab/abcdef…`, written once,
 * read-only afterwards. Same bytes → same path, so an original can never be overwritten with
 * different content, and re-hashing a file checks it against its own name.
 */
export class EvidenceStore {
  readonly root: string;
  private readonly tmp: string;
  /** Folders this instance created, so that a failed import can leave the workspace as it found it. */
  private readonly madeDirs = new Set<string>();

  constructor(workspace: string) {
    this.root = join(workspace, 'evidence');
    this.tmp = join(this.root, 'tmp');
  }

  /** Workspace-relative path of the stored copy of a hash. */
  relativePath(sha256: string): string {
    return ['evidence', 'sha256', sha256.slice(0, 2), sha256].join('/');
  }

  absolutePath(relativeStoredPath: string): string {
    const abs = join(this.root, '..', ...relativeStoredPath.split('/'));
    const rel = relative(this.root, abs);
    if (rel.startsWith('..') || rel.includes(`..${sep}`))
      throw new Error(`stored path escapes the evidence store: ${relativeStoredPath}`);
    return abs;
  }

  /**
   * Copy a stream into the store, hashing as it goes. Returns the hash, size, stored path and
   * whether this call created the stored file (the caller removes it again if its import fails).
   */
  async put(input: Readable, maxBytes = Number.POSITIVE_INFINITY, label = 'input'): Promise<StoredFile> {
    this.makeDir(this.tmp);
    const tmpPath = join(this.tmp, `${process.pid}-${randomBytes(8).toString('hex')}`);
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > maxBytes) {
          done(
            new EvidenceError(
              label,
              `expands past the size limit of ${maxBytes} bytes`,
              undefined,
              'too_large',
            ),
          );
          return;
        }
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(input, meter, createWriteStream(tmpPath, { mode: 0o600 }));
    } catch (err) {
      rmSync(tmpPath, { force: true });
      throw err;
    }
    const sha256 = hash.digest('hex');
    const storedPath = this.relativePath(sha256);
    const abs = this.absolutePath(storedPath);
    if (existsSync(abs)) {
      rmSync(tmpPath, { force: true });
      return { sha256, size, storedPath, created: false };
    }
    this.makeDir(dirname(abs));
    chmodSync(tmpPath, 0o444);
    renameSync(tmpPath, abs);
    return { sha256, size, storedPath, created: true };
  }

  async putFile(path: string, label: string): Promise<StoredFile> {
    return this.put(createReadStream(path), Number.POSITIVE_INFINITY, label);
  }

  /**
   * Remove a stored file this import created (never one that was already there), and the folders
   * this instance made for it once they are empty.
   */
  discard(file: StoredFile): void {
    if (file.created) rmSync(this.absolutePath(file.storedPath), { force: true });
    this.tidy();
  }

  /** Remove the folders this instance made that are empty again (after a failed import). */
  tidy(): void {
    const deepestFirst = [...this.madeDirs].sort((a, b) => b.length - a.length);
    for (const dir of deepestFirst) {
      try {
        rmdirSync(dir);
        this.madeDirs.delete(dir);
      } catch {
        // Not empty (another file lives there) or already gone: keep it.
      }
    }
  }

  private makeDir(dir: string): void {
    const first = mkdirSync(dir, { recursive: true });
    if (first === undefined) return;
    for (let d = dir; d.length >= first.length; d = dirname(d)) this.madeDirs.add(d);
  }

  async hashStored(storedPath: string): Promise<string> {
    const hash = createHash('sha256');
    await pipeline(createReadStream(this.absolutePath(storedPath)), hash);
    return hash.digest('hex');
  }
}

export interface StoredFile {
  readonly sha256: string;
  readonly size: number;
  /** Workspace-relative. */
  readonly storedPath: string;
  readonly created: boolean;
}
