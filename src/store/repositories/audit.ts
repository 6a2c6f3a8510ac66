import { createHash } from 'node:crypto';

import { sql, type Selectable } from 'kysely';

import { canonicalJson } from '../canonical-json.js';
import type { AuditLogTable } from '../database.js';
import type { AuditEntry, AuditVerification, NewAuditEntry } from '../types.js';
import { inTransaction, toInt, type RepoContext } from './context.js';

/** The `prev_hash` of the first entry. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/**
 * The hash of an entry: SHA-256 (lowercase hex) of the canonical JSON of
 * {action, actor, at, case_id, detail_json, id, prev_hash, subject} (keys sorted; detail_json is
 * the stored text). Anyone can recompute it from the table with a few lines in any language.
 */
export function auditHash(e: Omit<AuditEntry, 'hash'>): string {
  const body = canonicalJson({
    id: e.id,
    at: e.at,
    actor: e.actor,
    action: e.action,
    case_id: e.caseId,
    subject: e.subject,
    detail_json: e.detailJson,
    prev_hash: e.prevHash,
  });
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

const toEntry = (r: Selectable<AuditLogTable>): AuditEntry => ({
  id: toInt(r.id),
  at: r.at,
  actor: r.actor,
  action: r.action,
  caseId: r.case_id === null ? null : toInt(r.case_id),
  subject: r.subject,
  detailJson: r.detail_json,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/** Entries chained after `last` (null: the chain is empty). */
function chain(
  entries: readonly NewAuditEntry[],
  last: { readonly id: number; readonly hash: string } | null,
  now: string,
): AuditEntry[] {
  let id = last ? last.id : 0;
  let prevHash = last ? last.hash : AUDIT_GENESIS_HASH;
  return entries.map((entry) => {
    const unhashed: Omit<AuditEntry, 'hash'> = {
      id: ++id,
      at: entry.at ?? now,
      actor: entry.actor,
      action: entry.action,
      caseId: entry.caseId ?? null,
      subject: entry.subject ?? null,
      detailJson: canonicalJson(entry.detail ?? {}),
      prevHash,
    };
    const full: AuditEntry = { ...unhashed, hash: auditHash(unhashed) };
    prevHash = full.hash;
    return full;
  });
}

const toRow = (e: AuditEntry) => ({
  id: e.id,
  at: e.at,
  actor: e.actor,
  action: e.action,
  case_id: e.caseId,
  subject: e.subject,
  detail_json: e.detailJson,
  prev_hash: e.prevHash,
  hash: e.hash,
});

export class AuditRepository {
  constructor(private readonly ctx: RepoContext) {}

  /**
   * Appends an entry to the hash chain. Appends are serialised: on SQLite by the single write
   * transaction, on PostgreSQL by a transaction-level advisory lock. Inside `store.transaction` the
   * entry commits or rolls back with the rest of the work.
   */
  async append(entry: NewAuditEntry): Promise<AuditEntry> {
    return (await this.appendMany([entry]))[0]!;
  }

  /**
   * Appends entries in order, under one lock: the lock is held until the transaction commits, so a
   * transaction that appends should do so as its last work. The chain's last entry is not read when
   * this process wrote it last (the usual case for the review server): the first entry is inserted
   * only if the entry it names is still the last one, checked by the insert itself under the lock;
   * otherwise (another process appended, or that write rolled back) the last entry is read.
   */
  async appendMany(entries: readonly NewAuditEntry[]): Promise<AuditEntry[]> {
    if (entries.length === 0) return [];
    const head = this.ctx.auditHead;
    const now = this.ctx.now();
    return inTransaction(this.ctx, async ({ db, dialect }) => {
      if (dialect === 'postgres') {
        await sql`select pg_advisory_xact_lock(hashtext(current_schema() || '.audit_log'))`.execute(db);
      }
      let out: AuditEntry[] | null = null;
      const guess = head?.current ?? null;
      if (guess !== null) {
        const chained = chain(entries, guess, now);
        const first = chained[0]!;
        const r = await db
          .insertInto('audit_log')
          .columns(['id', 'at', 'actor', 'action', 'case_id', 'subject', 'detail_json', 'prev_hash', 'hash'])
          .expression(
            db
              .selectNoFrom([
                sql<number>`cast(${first.id} as integer)`.as('id'),
                sql<string>`cast(${first.at} as text)`.as('at'),
                sql<string>`cast(${first.actor} as text)`.as('actor'),
                sql<string>`cast(${first.action} as text)`.as('action'),
                sql<number | null>`cast(${first.caseId} as integer)`.as('case_id'),
                sql<string | null>`cast(${first.subject} as text)`.as('subject'),
                sql<string>`cast(${first.detailJson} as text)`.as('detail_json'),
                sql<string>`cast(${first.prevHash} as text)`.as('prev_hash'),
                sql<string>`cast(${first.hash} as text)`.as('hash'),
              ])
              .where((eb) =>
                eb.and([
                  eb.exists(
                    eb
                      .selectFrom('audit_log')
                      .select('id')
                      .where('id', '=', guess.id)
                      .where('hash', '=', guess.hash),
                  ),
                  eb.not(eb.exists(eb.selectFrom('audit_log').select('id').where('id', '>', guess.id))),
                ]),
              ),
          )
          .executeTakeFirst();
        if (Number(r.numInsertedOrUpdatedRows ?? 0) === 1) {
          if (chained.length > 1)
            await db.insertInto('audit_log').values(chained.slice(1).map(toRow)).execute();
          out = chained;
        }
      }
      if (out === null) {
        const last = await db
          .selectFrom('audit_log')
          .select(['id', 'hash'])
          .orderBy('id', 'desc')
          .limit(1)
          .executeTakeFirst();
        out = chain(entries, last ? { id: toInt(last.id), hash: last.hash } : null, now);
        await db.insertInto('audit_log').values(out.map(toRow)).execute();
      }
      const tail = out[out.length - 1]!;
      if (head) head.current = { id: tail.id, hash: tail.hash };
      return out;
    });
  }

  /** Entries by id, optionally for one case, paged with `afterId`. */
  async list(options: { caseId?: number; afterId?: number; limit?: number } = {}): Promise<AuditEntry[]> {
    let q = this.ctx.db.selectFrom('audit_log').selectAll();
    if (options.caseId !== undefined) q = q.where('case_id', '=', options.caseId);
    if (options.afterId !== undefined) q = q.where('id', '>', options.afterId);
    const rows = await q
      .orderBy('id')
      .limit(options.limit ?? 1000)
      .execute();
    return rows.map(toEntry);
  }

  /**
   * Walks the whole chain: ids run 1, 2, 3 … with no gap, each entry names its predecessor's hash,
   * and each hash recomputes. Reports the first entry that fails.
   */
  async verify(): Promise<AuditVerification> {
    let expectedId = 1;
    let prevHash = AUDIT_GENESIS_HASH;
    let entries = 0;
    let head: { id: number; hash: string } | null = null;
    for (;;) {
      const page = await this.list({ afterId: expectedId - 1, limit: 1000 });
      if (page.length === 0) break;
      for (const e of page) {
        const bad = (reason: string): AuditVerification => ({
          ok: false,
          entries,
          firstBad: { id: e.id, reason },
          head,
        });
        if (e.id !== expectedId)
          return bad(`expected entry ${expectedId} next but found ${e.id} (entries missing)`);
        if (e.prevHash !== prevHash) return bad('prev_hash does not match the previous entry');
        if (auditHash(e) !== e.hash) return bad('hash does not match the entry’s contents (entry altered)');
        entries++;
        expectedId++;
        prevHash = e.hash;
        head = { id: e.id, hash: e.hash };
      }
    }
    return { ok: true, entries, head };
  }

  /** The entry with this hash, if the chain holds one. */
  async findByHash(hash: string): Promise<AuditEntry | null> {
    const r = await this.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('hash', '=', hash)
      .executeTakeFirst();
    return r ? toEntry(r) : null;
  }
}
