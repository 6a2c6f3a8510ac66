/**
 * The SQLite full-text index as derived data (issue 20, migration 0023). Imports commit their
 * messages and record the new id ranges in `search_index_pending`; the index is filled after the
 * commit, a chunk per transaction, by `SearchIndexBuilder`. Until a case's ranges are gone its
 * search refuses with "search index building, N of M" rather than return partial hits. PostgreSQL
 * generates its tsvector with each row, so there nothing is ever pending.
 */
import { sql } from 'kysely';

import { UserError } from '../../domain/errors.js';
import { inTransaction, toInt, type RepoContext } from './context.js';

/** Messages indexed per transaction after an import: short enough for other writers to interleave. */
const CHUNK = 50_000;

export interface SearchIndexProgress {
  /** The case's messages, and how many of them the full-text index holds. */
  readonly total: number;
  readonly indexed: number;
}

export interface SearchIndexCheck {
  readonly ok: boolean;
  /** Messages committed but not yet indexed, over all cases. */
  readonly pending: number;
  /** Null when complete; else what is wrong. */
  readonly problem: string | null;
}

export class SearchIndexRepository {
  constructor(private readonly ctx: RepoContext) {}

  /**
   * Records ids `firstId..lastId` (consecutive) of one case as not yet indexed, extending the range
   * the same transaction recorded just before when they follow on (an import inserts in batches).
   */
  async addPending(caseId: number, firstId: number, lastId: number): Promise<void> {
    if (this.ctx.dialect !== 'sqlite') return;
    const extended = await this.ctx.db
      .updateTable('search_index_pending')
      .set({ last_id: lastId })
      .where('case_id', '=', caseId)
      .where('last_id', '=', firstId - 1)
      .executeTakeFirst();
    if (Number(extended.numUpdatedRows) === 0) {
      await this.ctx.db
        .insertInto('search_index_pending')
        .values({ case_id: caseId, next_id: firstId, last_id: lastId })
        .execute();
    }
  }

  /** Messages of `caseId` (every case when null) committed but not yet indexed. */
  async pending(caseId: number | null = null): Promise<number> {
    if (this.ctx.dialect !== 'sqlite') return 0;
    let q = this.ctx.db
      .selectFrom('search_index_pending')
      .select(sql<number | null>`sum(last_id - next_id + 1)`.as('n'));
    if (caseId !== null) q = q.where('case_id', '=', caseId);
    const row = await q.executeTakeFirstOrThrow();
    return toInt(row.n);
  }

  async progress(caseId: number): Promise<SearchIndexProgress> {
    const pending = await this.pending(caseId);
    const row = await this.ctx.db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    const total = toInt(row.n);
    return { total, indexed: total - pending };
  }

  /** Throws "search index building, N of M" while any of the case's messages are not yet indexed. */
  async assertReady(caseId: number): Promise<void> {
    if ((await this.pending(caseId)) === 0) return;
    const { total, indexed } = await this.progress(caseId);
    throw new UserError(
      `Search index building: ${indexed.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} messages indexed; search again in a moment.`,
      { code: 'search_index_building' },
    );
  }

  /**
   * Indexes up to CHUNK pending messages in one transaction (the index rows and the shrunk range
   * commit together) and returns how many are still pending.
   */
  async buildChunk(): Promise<number> {
    if (this.ctx.dialect !== 'sqlite') return 0;
    return inTransaction(this.ctx, async (ctx) => {
      const range = await ctx.db
        .selectFrom('search_index_pending')
        .selectAll()
        .orderBy('id')
        .limit(1)
        .executeTakeFirst();
      if (!range) return 0;
      const next = toInt(range.next_id);
      const last = toInt(range.last_id);
      const end = Math.min(next + CHUNK - 1, last);
      await sql`insert into messages_fts (rowid, search_text)
        select id, search_text from messages where id between ${next} and ${end}`.execute(ctx.db);
      if (end === last) await ctx.db.deleteFrom('search_index_pending').where('id', '=', range.id).execute();
      else
        await ctx.db
          .updateTable('search_index_pending')
          .set({ next_id: end + 1 })
          .where('id', '=', range.id)
          .execute();
      return new SearchIndexRepository(ctx).pending();
    });
  }

  /**
   * For `verify`: nothing pending, and (SQLite) FTS5's own check that the index holds exactly the
   * messages' search text (it re-tokenises every message: seconds for a million).
   */
  async check(): Promise<SearchIndexCheck> {
    if (this.ctx.dialect !== 'sqlite') return { ok: true, pending: 0, problem: null };
    const pending = await this.pending();
    if (pending > 0)
      return {
        ok: false,
        pending,
        problem: `search index incomplete: ${pending} messages not yet indexed (still building, or the import's process stopped before it finished; opening the workspace resumes it)`,
      };
    try {
      await sql`insert into messages_fts (messages_fts, rank) values ('integrity-check', 1)`.execute(
        this.ctx.db,
      );
    } catch (error) {
      return {
        ok: false,
        pending,
        problem: `search index does not match the messages: ${(error as Error).message}`,
      };
    }
    return { ok: true, pending, problem: null };
  }
}

/** Messages committed at once up to this many are indexed before the commit's caller goes on. */
const INDEX_AT_ONCE = 20_000;

/**
 * Fills the SQLite full-text index after commits, one per store. Small commits (a test, a short
 * chat) are indexed before `afterCommit` returns, so their search works at once; large imports are
 * indexed in the background, a chunk per transaction, while the process goes on (the server serves
 * other requests between chunks). `idle()` (awaited by `store.close()`) waits for the build.
 */
export class SearchIndexBuilder {
  private added = 0;
  private tail: Promise<void> = Promise.resolve();
  private failure: unknown = null;

  constructor(private readonly repo: SearchIndexRepository) {}

  /** The current transaction inserted `count` messages that are not yet indexed. */
  noteInserted(count: number): void {
    this.added += count;
  }

  /** The transaction rolled back: its pending ranges went with it. */
  discard(): void {
    this.added = 0;
  }

  /** The transaction committed: index what it added (and anything else still pending). */
  async afterCommit(): Promise<void> {
    const added = this.added;
    this.added = 0;
    if (added === 0) return;
    const run = this.start();
    if (added <= INDEX_AT_ONCE) await run;
  }

  /** Builds whatever is pending (after an earlier process stopped half-way, say). */
  start(): Promise<void> {
    this.tail = this.tail.then(() => this.run());
    return this.tail;
  }

  /** Waits for the build; rethrows a failure it met (other than another process holding the lock). */
  async idle(): Promise<void> {
    await this.tail;
    if (this.failure !== null) {
      const failure = this.failure;
      this.failure = null;
      throw failure;
    }
  }

  private async run(): Promise<void> {
    try {
      while ((await this.repo.buildChunk()) > 0);
    } catch (error) {
      // Another process is writing: the ranges stay pending, and its own commit (or the next
      // opening of the workspace) builds them. Anything else is reported by idle().
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY') this.failure = error;
    }
  }
}
