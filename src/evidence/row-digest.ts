import type { Store } from '../store/open-store.js';
import type { AuditRepository, Repos } from '../store/repositories/index.js';
import type { NewAuditEntry } from '../store/types.js';

/**
 * The store an importer writes through: the same, except that an `exhibit.add` audit entry gets the
 * digest of the rows its import wrote (`detail.rows`, see store/repositories/row-digest.ts),
 * computed inside the import's transaction just before the entry is chained. Every importer (text
 * export, device, RSMF) appends that entry as its last work, so the digest covers all it wrote and
 * needs no code of its own in each.
 */
export function digestingStore(store: Store): Store {
  return { ...store, transaction: (fn) => store.transaction((repos) => fn(digestingRepos(repos))) };
}

function digestingRepos(repos: Repos): Repos {
  const audit = repos.audit;
  const wrapped = Object.create(audit) as AuditRepository;
  wrapped.appendMany = async (entries: readonly NewAuditEntry[]) => {
    const withRows: NewAuditEntry[] = [];
    for (const e of entries) withRows.push(await withDigest(repos, e));
    return audit.appendMany(withRows);
  };
  wrapped.append = async (entry: NewAuditEntry) => (await wrapped.appendMany([entry]))[0]!;
  return { ...repos, audit: wrapped };
}

async function withDigest(repos: Repos, entry: NewAuditEntry): Promise<NewAuditEntry> {
  const detail = entry.detail as Record<string, unknown> | undefined;
  if (entry.action !== 'exhibit.add' || typeof detail?.exhibitId !== 'number') return entry;
  return { ...entry, detail: { ...detail, rows: await repos.exhibits.rowDigest(detail.exhibitId) } };
}
