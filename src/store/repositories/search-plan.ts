/**
 * How SQLite finds a page of search hits on a big case (issue 20): which of three plans, from a
 * capped read of the full-text index, and prefix* searches expanded to the index's own tokens.
 * The SQL of each plan is `messageOrImageTextMatches` (media-texts.ts) and MessagesRepository's
 * `filtered`; this module only decides.
 */
import { sql } from 'kysely';

import {
  expandPrefixes,
  hasPrefix,
  parseSearchQuery,
  prefixTokens,
  toFts5Match,
  type SearchNode,
} from '../search-query.js';
import { toInt, type RepoContext } from './context.js';

/** See `planSearch`. */
export type SearchPlan = 'list' | 'scan' | 'probe';
/** A plan, and the query with its prefixes expanded for the messages' own index. */
export interface PlannedSearch {
  readonly plan: SearchPlan;
  readonly expanded: SearchNode;
}
/** A prefix standing for more tokens than this stays a prefix (and is never probed). */
const MAX_PREFIX_TERMS = 64;
/**
 * Where the search plans change, in hits: measured on a million-message case (bench), each bound
 * is where the two plans beside it cost the same. Tests move them to run every plan on a fixture.
 */
export const SEARCH_PLAN = { listBelow: 5_000, probeAbove: 55_000 };

/**
 * How SQLite should find a page of search hits (issue 20: p95 ≤ 50 ms on a million messages),
 * decided by a capped read of the index (how many hits, up to SEARCH_PLAN.probeAbove):
 * - `list` (few hits): every hit's id from the index, then the rows by id, sorted. The only plan
 *   that does not walk the case, so a word no message holds costs a millisecond, not a second.
 * - `scan` (more): the hits' ids in a temporary table, then the case in time order, each message
 *   tested against it until the page is full: cost grows with the hits (~1 µs each).
 * - `probe` (very many): the case in time order, each message looked up in the index until the
 *   page is full: cost grows with the messages walked per hit (~60 µs a lookup). Never for prefix*
 *   searches, which FTS5 expands again at every lookup (seconds).
 * Counting and listing every hit (count, ids) always lists.
 */
export async function planSearch(ctx: RepoContext, search: string): Promise<PlannedSearch> {
  const node = parseSearchQuery(search);
  if (ctx.dialect !== 'sqlite') return { plan: 'list', expanded: node };
  const expanded = await expandIndexedPrefixes(ctx, node);
  const cap = hasPrefix(expanded) ? SEARCH_PLAN.listBelow : SEARCH_PLAN.probeAbove;
  const row = await ctx.db
    .selectFrom(
      sql<{
        rowid: number;
      }>`(select rowid from messages_fts where messages_fts match ${toFts5Match(expanded)} limit ${cap + 1})`.as(
        'hits',
      ),
    )
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const hits = toInt(row.n);
  const plan = hits <= SEARCH_PLAN.listBelow ? 'list' : hits <= SEARCH_PLAN.probeAbove ? 'scan' : 'probe';
  return { plan, expanded };
}

/** SQLite: each prefix* replaced by the indexed tokens it stands for (up to MAX_PREFIX_TERMS; see 0024). */
async function expandIndexedPrefixes(ctx: RepoContext, node: SearchNode): Promise<SearchNode> {
  const expansion = new Map<string, string[]>();
  for (const prefix of prefixTokens(node)) {
    const rows = await ctx.db
      .selectFrom('messages_fts_vocab')
      .select('term')
      .where('term', '>=', prefix)
      .where('term', '<', `${prefix}\u{10FFFF}`)
      .orderBy('term')
      .limit(MAX_PREFIX_TERMS + 1)
      .execute();
    if (rows.length > 0 && rows.length <= MAX_PREFIX_TERMS)
      expansion.set(
        prefix,
        rows.map((r) => r.term),
      );
  }
  return expansion.size ? expandPrefixes(node, expansion) : node;
}
