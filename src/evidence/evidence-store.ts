import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  createReadStream,
  createWriteStream,
  fstatSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  type Stats,
} from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import { EvidenceError } from '../domain/errors.js';
import type { EvidenceClaimsRepository } from '../store/repositories/evidence-claims.js';

/** A claim of another host older than this is taken to be left by a crashed import. */
const FOREIGN_CLAIM_STALE_MS = 24 * 3600 * 1000;

/**
 * The workspace's content-addressed store of originals: `evidence/sha256/ab/abcdef…`, written once,
 * read-only afterwards. Same bytes → same path, so an original can never be overwritten with
 * different content, and re-hashing a file checks it against its own name.
 *
 * Several imports (processes, machines) may share one store. A file is never removed because this
 * import "made" it: another import may have found it at its address meanwhile. Instead each import
 * claims every hash it stores, in the database, before looking at the address, and at its end
 * (`release`) the files nothing references are removed under the claims lock. See
 * repositories/evidence-claims.ts and docs/security.md.
 */
export class EvidenceStore {
  readonly root: string;
  private readonly tmp: string;
  /** Folders this instance created, so that a failed import can leave the workspace as it found it. */
  private readonly madeDirs = new Set<string>();
  readonly claimant: string;
  /** Whether `begin` was called: `release` has nothing to do otherwise. */
  private begun = false;

  constructor(
    workspace: string,
    private readonly claims: EvidenceClaimsRepository | null = null,
  ) {
    this.root = join(workspace, 'evidence');
    this.tmp = join(this.root, 'tmp');
    this.claimant = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
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
   * Registers this import. When no other import is running (no live claims), first removes what
   * interrupted imports left: partial copies in evidence/tmp and originals nothing references.
   * Returns the workspace-relative paths removed.
   */
  async begin(): Promise<string[]> {
    const claims = this.requireClaims();
    const removed: string[] = [];
    await claims.begin(this.claimant, {
      isStale: isStaleClaimant,
      sweep: (referenced) => {
        for (const o of findOrphans(this, referenced)) {
          rmSync(this.absolutePath(o.path), { force: true });
          removed.push(o.path);
        }
      },
    });
    this.begun = true;
    return removed;
  }

  /**
   * Copy a stream into the store, hashing as it goes. The copy goes to evidence/tmp, is flushed,
   * and is then linked to its content address, which never replaces a file: when one is already
   * there, its bytes are re-hashed and must match (else the import is refused). `check` runs on
   * the finished copy before it is stored (putFile uses it to see that the source held still).
   */
  async put(
    input: Readable,
    maxBytes = Number.POSITIVE_INFINITY,
    label = 'input',
    check?: (sha256: string, size: number) => Promise<void>,
  ): Promise<StoredFile> {
    const claims = this.requireClaims();
    this.makeDir(this.tmp);
    const tmpPath = join(this.tmp, `${process.pid}-${randomBytes(8).toString('hex')}`);
    try {
      const { sha256, size } = await copyHashing(input, tmpPath, maxBytes, label);
      await check?.(sha256, size);
      const storedPath = this.relativePath(sha256);
      // Claimed before the address is looked at: from here on nobody removes the file there.
      await claims.claim(this.claimant, sha256, storedPath);
      const abs = this.absolutePath(storedPath);
      chmodSync(tmpPath, 0o444);
      const created = this.linkNew(tmpPath, abs);
      if (!created) {
        const there = await hashFile(abs);
        if (there !== sha256)
          throw new EvidenceError(
            label,
            `the evidence store already holds different bytes at ${storedPath} (SHA-256 ${there}): the stored copy was altered or planted; run \`scrutineer verify\``,
            undefined,
            'stored_copy_differs',
          );
      }
      return { sha256, size, storedPath, created };
    } finally {
      rmSync(tmpPath, { force: true });
    }
  }

  /**
   * Copy a file into the store. Its size and modification time are taken before and after the
   * copy: a file that grew, shrank or was replaced meanwhile is refused; one only touched is
   * re-hashed and accepted if its bytes are still the ones copied.
   */
  async putFile(path: string, label: string): Promise<StoredFile> {
    const fd = openSync(path, 'r');
    try {
      const before = fstatSync(fd);
      const source = createReadStream('', { fd, autoClose: false, start: 0 });
      return await this.put(source, Number.POSITIVE_INFINITY, label, async (sha256, copied) => {
        const after = statOrNull(path);
        const moved = after === null || after.ino !== before.ino || after.dev !== before.dev;
        const resized = moved || after.size !== before.size || copied !== before.size;
        if (!resized && after.mtimeMs === before.mtimeMs) return;
        if (!resized && (await hashFile(path)) === sha256 && statOrNull(path)?.mtimeMs === after.mtimeMs)
          return;
        throw changedError(label, before, after, copied);
      });
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Ends this import's hold on the files it stored (after its transaction committed or failed):
   * those that no exhibit, archive entry or other import references are removed. Returns them.
   */
  async release(): Promise<string[]> {
    if (!this.begun) return [];
    const removed = await this.requireClaims().release(this.claimant, (p) =>
      rmSync(this.absolutePath(p), { force: true }),
    );
    this.tidy();
    return removed;
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

  async hashStored(storedPath: string): Promise<string> {
    return hashFile(this.absolutePath(storedPath));
  }

  /** Links `tmp` at `abs` unless a file is there already (false). Never replaces a file. */
  private linkNew(tmp: string, abs: string): boolean {
    for (let attempt = 0; ; attempt++) {
      this.makeDir(dirname(abs));
      try {
        linkSync(tmp, abs);
        return true;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') return false;
        // Another import's tidy removed the empty fan-out folder between mkdir and link.
        if (code === 'ENOENT' && attempt < 3) continue;
        // File systems without hard links: a rename, which is still atomic (and, under the
        // claim, can only meet a copy of the same bytes).
        if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP') {
          if (statOrNull(abs)) return false;
          renameSync(tmp, abs);
          return true;
        }
        throw err;
      }
    }
  }

  private makeDir(dir: string): void {
    const first = mkdirSync(dir, { recursive: true });
    if (first === undefined) return;
    for (let d = dir; d.length >= first.length; d = dirname(d)) this.madeDirs.add(d);
  }

  private requireClaims(): EvidenceClaimsRepository {
    if (!this.claims) throw new Error('EvidenceStore: storing files needs the store (claims)');
    return this.claims;
  }
}

export interface StoredFile {
  readonly sha256: string;
  readonly size: number;
  /** Workspace-relative. */
  readonly storedPath: string;
  /** Whether this call put the file at its address (it was not there before). */
  readonly created: boolean;
}

export interface Orphan {
  /** Workspace-relative. */
  readonly path: string;
  readonly kind: 'partial copy' | 'unreferenced original';
}

/** Files in the evidence store that nothing references: partial copies and unreferenced originals. */
export function findOrphans(evidence: EvidenceStore, referenced: ReadonlySet<string>): Orphan[] {
  const out: Orphan[] = [];
  for (const name of listDir(join(evidence.root, 'tmp')))
    out.push({ path: `evidence/tmp/${name}`, kind: 'partial copy' });
  for (const fan of listDir(join(evidence.root, 'sha256'))) {
    for (const name of listDir(join(evidence.root, 'sha256', fan))) {
      const path = `evidence/sha256/${fan}/${name}`;
      if (/^[0-9a-f]{64}$/.test(name) && !referenced.has(path))
        out.push({ path, kind: 'unreferenced original' });
    }
  }
  return out;
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

async function copyHashing(
  input: Readable,
  tmpPath: string,
  maxBytes: number,
  label: string,
): Promise<{ sha256: string; size: number }> {
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
  const out = createWriteStream(tmpPath, { mode: 0o600 });
  await pipeline(input, meter, out);
  // On disk before it gets its name: a crash must not leave a short file at a content address.
  const fd = openSync(tmpPath, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return { sha256: hash.digest('hex'), size };
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function changedError(label: string, before: Stats, after: Stats | null, copied: number): EvidenceError {
  const was = `${before.size} bytes, modified ${before.mtime.toISOString()}`;
  const now =
    after === null
      ? 'gone'
      : `${after.size} bytes, modified ${after.mtime.toISOString()}${after.ino !== before.ino ? ', another file' : ''}`;
  return new EvidenceError(
    label,
    `the file changed while it was being copied (before: ${was}; after: ${now}; ${copied} bytes read): nothing was imported; copy it again once nothing is writing to it`,
    undefined,
    'source_changed',
  );
}

/** A claimant (host:pid:random) whose process is gone: same host and no such pid, or old. */
function isStaleClaimant(claimant: string, oldestClaimedAt: string): boolean {
  const [host, pidText] = claimant.split(':');
  const pid = Number(pidText);
  if (host === hostname() && Number.isInteger(pid) && pid > 0) {
    try {
      process.kill(pid, 0);
      return false;
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'ESRCH';
    }
  }
  return Date.now() - Date.parse(oldestClaimedAt) > FOREIGN_CLAIM_STALE_MS;
}
