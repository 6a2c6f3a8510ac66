import { sql, type Kysely } from 'kysely';

import type { Database, Dialect } from '../database.js';
import { inTransaction, toInt, type RepoContext } from './context.js';

export interface EvidenceClaim {
  readonly id: number;
  readonly claimant: string;
  /** Null for the row that says "this import is running". */
  readonly sha256: string | null;
  readonly storedPath: string | null;
  readonly claimedAt: string;
}

/**
 * Which stored originals running imports hold (migration 0012). Every method runs in a transaction
 * of its own under one lock (SQLite: the write lock, taken by `begin immediate`; PostgreSQL: an
 * advisory lock on the schema's evidence store), so a claim and a removal never interleave: an
 * import claims a hash before it looks at the file at that address, and a file is removed only
 * while the lock is held and nothing (exhibit, archive entry, claim) names it. The file system work
 * happens inside the transaction, through the callbacks, for that reason.
 */
export class EvidenceClaimsRepository {
  constructor(private readonly ctx: RepoContext) {}

  /**
   * Registers an import. First drops the claims of imports that are gone (`isStale`), then, when no
   * other import holds anything, lets `sweep` clean the store, with every stored path still in use.
   */
  async begin(
    claimant: string,
    opts: {
      readonly isStale: (claimant: string, oldestClaimedAt: string) => boolean;
      readonly sweep: (referenced: ReadonlySet<string>) => void;
    },
  ): Promise<{ readonly swept: boolean; readonly staleClaimants: string[] }> {
    return this.locked(async (db) => {
      const claimants = await db
        .selectFrom('evidence_claims')
        .select(['claimant', (eb) => eb.fn.min('claimed_at').as('oldest')])
        .groupBy('claimant')
        .execute();
      const stale = claimants
        .filter((c) => c.claimant !== claimant && opts.isStale(c.claimant, String(c.oldest)))
        .map((c) => c.claimant);
      if (stale.length) await db.deleteFrom('evidence_claims').where('claimant', 'in', stale).execute();
      const others = await db
        .selectFrom('evidence_claims')
        .select('id')
        .where('claimant', '<>', claimant)
        .limit(1)
        .execute();
      let swept = false;
      if (others.length === 0) {
        opts.sweep(await referencedPaths(db));
        swept = true;
      }
      await db
        .insertInto('evidence_claims')
        .values({ claimant, sha256: null, stored_path: null, claimed_at: this.ctx.now() })
        .execute();
      return { swept, staleClaimants: stale };
    });
  }

  /** Holds a stored file for `claimant` until `release`: nothing removes it meanwhile. */
  async claim(claimant: string, sha256: string, storedPath: string): Promise<void> {
    await this.locked(async (db) => {
      await db
        .insertInto('evidence_claims')
        .values({ claimant, sha256, stored_path: storedPath, claimed_at: this.ctx.now() })
        .execute();
    });
  }

  /**
   * Drops every claim of `claimant` (after its import committed or failed) and calls `remove` for
   * each file it held that nothing references any more. Returns the removed paths.
   */
  async release(claimant: string, remove: (storedPath: string) => void): Promise<string[]> {
    return this.locked(async (db) => {
      const held = await db
        .selectFrom('evidence_claims')
        .select('stored_path')
        .distinct()
        .where('claimant', '=', claimant)
        .where('stored_path', 'is not', null)
        .execute();
      await db.deleteFrom('evidence_claims').where('claimant', '=', claimant).execute();
      const removed: string[] = [];
      for (const { stored_path: p } of held) {
        if (p === null) continue;
        // One statement, so on PostgreSQL it sees a concurrent import's commit entirely or not at
        // all: either its claims or the exhibit rows that replace them.
        const r = await sql<{ n: unknown }>`select
            (select count(*) from exhibits where stored_path = ${p})
          + (select count(*) from exhibit_files where stored_path = ${p})
          + (select count(*) from evidence_claims where stored_path = ${p}) as n`.execute(db);
        if (toInt(r.rows[0]?.n) === 0) {
          remove(p);
          removed.push(p);
        }
      }
      return removed;
    });
  }

  async list(): Promise<EvidenceClaim[]> {
    const rows = await this.ctx.db.selectFrom('evidence_claims').selectAll().orderBy('id').execute();
    return rows.map((r) => ({
      id: toInt(r.id),
      claimant: r.claimant,
      sha256: r.sha256,
      storedPath: r.stored_path,
      claimedAt: r.claimed_at,
    }));
  }

  /** Every stored path an exhibit or archive entry names. */
  async referencedPaths(): Promise<ReadonlySet<string>> {
    return referencedPaths(this.ctx.db);
  }

  private async locked<T>(fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    return inTransaction(this.ctx, async ({ db, dialect }) => {
      await lockEvidence(db, dialect);
      return fn(db);
    });
  }
}

async function lockEvidence(db: Kysely<Database>, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres')
    await sql`select pg_advisory_xact_lock(hashtext(current_schema() || '.evidence'))`.execute(db);
}

async function referencedPaths(db: Kysely<Database>): Promise<Set<string>> {
  const [a, b] = await Promise.all([
    db.selectFrom('exhibits').select('stored_path').execute(),
    db.selectFrom('exhibit_files').select('stored_path').where('stored_path', 'is not', null).execute(),
  ]);
  const out = new Set<string>();
  for (const r of a) out.add(r.stored_path);
  for (const r of b) if (r.stored_path !== null) out.add(r.stored_path);
  return out;
}
