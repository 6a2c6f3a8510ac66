import type { Store } from '../store/open-store.js';
import type { ExhibitRowDigest } from '../store/repositories/row-digest.js';
import type { SearchIndexCheck } from '../store/repositories/search-index.js';
import type { AuditVerification, ExhibitRecord } from '../store/types.js';
import { EvidenceStore, findOrphans, type Orphan } from './evidence-store.js';

export interface FileCheck {
  readonly caseId: number;
  readonly exhibit: string;
  /** The original, or the path of an entry inside it. */
  readonly file: string;
  readonly expected: string;
  readonly actual: string | null;
  readonly ok: boolean;
  readonly problem: string | null;
}

/** An exhibit's rows against the digest its `exhibit.add` audit entry recorded. */
export interface RowCheck {
  readonly caseId: number;
  readonly exhibit: string;
  readonly ok: boolean;
  /** Null when the rows match; else what differs. */
  readonly problem: string | null;
  /** False for exhibits imported before digests were recorded (nothing to compare). */
  readonly digested: boolean;
}

export interface VerifyOutcome {
  readonly ok: boolean;
  readonly files: FileCheck[];
  readonly rows: RowCheck[];
  readonly audit: AuditVerification;
  /** The full-text index holds every message, and only their search text (issue 20: it is built after the import commits). */
  readonly searchIndex: SearchIndexCheck;
  /** The head hash given with --expect-head, and whether the chain holds it. */
  readonly expectedHead: { readonly hash: string; readonly found: boolean } | null;
  /** Files in the evidence store nothing references (not failures: the next import removes them). */
  readonly orphans: Orphan[];
  /** Imports holding claims right now (orphans may be theirs while they run). */
  readonly runningImports: number;
}

/**
 * Re-hash every stored original and archive entry, recompute every import's row digest and check
 * it and the exhibit's SHA-256 against the audited `exhibit.add` entry, check the audit chain (and
 * that it still holds `expectHead`), and list orphaned files.
 */
export async function verifyWorkspace(
  store: Store,
  workspace: string,
  opts: { readonly expectHead?: string | null } = {},
): Promise<VerifyOutcome> {
  const evidence = new EvidenceStore(workspace);
  const exhibits = await store.exhibits.listAll();
  const files: FileCheck[] = [];
  for (const ex of exhibits) {
    files.push(await checkFile(evidence, ex, ex.originalName, ex.storedPath, ex.sha256));
    for (const f of await store.exhibits.listFiles(ex.id)) {
      if (f.storedPath)
        files.push(
          await checkFile(evidence, ex, `${ex.originalName}!${f.pathInArchive}`, f.storedPath, f.sha256),
        );
    }
  }
  const rows = await checkRows(store, exhibits);
  const audit = await store.audit.verify();
  const searchIndex = await store.searchIndex.check();
  const expectHead = opts.expectHead?.trim().toLowerCase() || null;
  const expectedHead =
    expectHead === null
      ? null
      : { hash: expectHead, found: (await store.audit.findByHash(expectHead)) !== null };
  const claims = await store.evidenceClaims.list();
  const orphans = findOrphans(evidence, await store.evidenceClaims.referencedPaths());
  return {
    ok:
      audit.ok &&
      searchIndex.ok &&
      files.every((f) => f.ok) &&
      rows.every((r) => r.ok) &&
      (expectedHead?.found ?? true),
    files,
    rows,
    audit,
    searchIndex,
    expectedHead,
    orphans,
    runningImports: new Set(claims.map((c) => c.claimant)).size,
  };
}

async function checkFile(
  evidence: EvidenceStore,
  ex: ExhibitRecord,
  file: string,
  storedPath: string,
  expected: string,
): Promise<FileCheck> {
  const base = { caseId: ex.caseId, exhibit: ex.ref, file, expected };
  try {
    const actual = await evidence.hashStored(storedPath);
    const ok = actual === expected;
    return { ...base, actual, ok, problem: ok ? null : 'hash differs from intake' };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'stored copy is missing' : `cannot be read (${code ?? String(err)})`;
    return { ...base, actual: null, ok: false, problem };
  }
}

interface AuditedIntake {
  readonly sha256?: unknown;
  readonly rows?: ExhibitRowDigest;
}

async function checkRows(store: Store, exhibits: readonly ExhibitRecord[]): Promise<RowCheck[]> {
  const intakes = new Map<number, AuditedIntake>();
  for (let afterId = 0; ;) {
    const page = await store.audit.list({ afterId, limit: 1000 });
    if (page.length === 0) break;
    for (const e of page) {
      if (e.action !== 'exhibit.add') continue;
      const detail = JSON.parse(e.detailJson) as { exhibitId?: unknown } & AuditedIntake;
      if (typeof detail.exhibitId === 'number') intakes.set(detail.exhibitId, detail);
    }
    afterId = page[page.length - 1]!.id;
  }
  const out: RowCheck[] = [];
  for (const ex of exhibits) {
    const audited = intakes.get(ex.id);
    intakes.delete(ex.id);
    const base = { caseId: ex.caseId, exhibit: ex.ref };
    if (!audited) {
      out.push({
        ...base,
        ok: false,
        digested: false,
        problem: 'no exhibit.add audit entry records this exhibit',
      });
      continue;
    }
    if (audited.sha256 !== ex.sha256) {
      out.push({
        ...base,
        ok: false,
        digested: audited.rows !== undefined,
        problem: `exhibits.sha256 is ${ex.sha256} but the audited intake recorded ${String(audited.sha256)}`,
      });
      continue;
    }
    if (!audited.rows) {
      out.push({ ...base, ok: true, digested: false, problem: null });
      continue;
    }
    const now = await store.exhibits.rowDigest(ex.id);
    const differ = (['exhibit', 'messages', 'participants', 'events'] as const).filter(
      (k) => now[k].sha256 !== audited.rows?.[k]?.sha256 || now[k].count !== audited.rows?.[k]?.count,
    );
    out.push({
      ...base,
      ok: differ.length === 0,
      digested: true,
      problem: differ.length
        ? `rows differ from the import's digest: ${differ
            .map((k) => `${k} (${audited.rows?.[k]?.count} at intake, ${now[k].count} now)`)
            .join(', ')}`
        : null,
    });
  }
  for (const id of intakes.keys())
    out.push({
      caseId: 0,
      exhibit: `#${id}`,
      ok: false,
      digested: false,
      problem: `the audit trail records exhibit ${id}, which is no longer in the database`,
    });
  return out;
}
