import type { Store } from '../store/open-store.js';
import type { AuditVerification } from '../store/types.js';
import { EvidenceStore } from './evidence-store.js';

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

export interface VerifyOutcome {
  readonly ok: boolean;
  readonly files: FileCheck[];
  readonly audit: AuditVerification;
}

/** Re-hash every stored original and archive entry, and check the audit chain. */
export async function verifyWorkspace(store: Store, workspace: string): Promise<VerifyOutcome> {
  const evidence = new EvidenceStore(workspace);
  const files: FileCheck[] = [];
  const check = async (
    caseId: number,
    exhibit: string,
    file: string,
    storedPath: string,
    expected: string,
  ) => {
    try {
      const actual = await evidence.hashStored(storedPath);
      const ok = actual === expected;
      files.push({
        caseId,
        exhibit,
        file,
        expected,
        actual,
        ok,
        problem: ok ? null : 'hash differs from intake',
      });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      files.push({
        caseId,
        exhibit,
        file,
        expected,
        actual: null,
        ok: false,
        problem: code === 'ENOENT' ? 'stored copy is missing' : `cannot be read (${code ?? String(err)})`,
      });
    }
  };
  for (const ex of await store.exhibits.listAll()) {
    await check(ex.caseId, ex.ref, ex.originalName, ex.storedPath, ex.sha256);
    for (const f of await store.exhibits.listFiles(ex.id)) {
      if (f.storedPath)
        await check(ex.caseId, ex.ref, `${ex.originalName}!${f.pathInArchive}`, f.storedPath, f.sha256);
    }
  }
  const audit = await store.audit.verify();
  return { ok: audit.ok && files.every((f) => f.ok), files, audit };
}
