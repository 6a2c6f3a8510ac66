/**
 * What a reviewer waits for on a big case, run in its own process against a workspace the intake
 * bench has just filled (`node dist/bench/case-queries.js WORKSPACE CASE`): full-text search as the
 * web app's search page asks it (first page of 50, time order) for a spread of queries, each run
 * several times, p50/p95 over all runs; then the conduct picture the dashboard shows (who saw what,
 * who laughed along), whole; then the import's row digest recomputed. Prints one JSON object.
 */
import { performance } from 'node:perf_hooks';
import { writeFileSync } from 'node:fs';

import { caseConductViews } from '../src/analysis/conduct-case.js';
import { openStore } from '../src/store/open-store.js';

/** Common words (a third of the messages hold each), a phrase, a prefix, emoji, OR, NOT, a rare word, none. */
export const SEARCH_QUERIES = [
  'van',
  'custody',
  'sarge',
  '"second line"',
  'over*',
  '😂',
  'van OR radio',
  'van NOT radio',
  'shift court',
  'second',
  'nosuchword',
];
const RUNS = 5;
/** The web app's search page size (web/src/pages/SearchPage.tsx). */
const PAGE = 50;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export interface CaseQueryTimes {
  readonly searches: number;
  readonly searchP50Ms: number;
  readonly searchP95Ms: number;
  readonly searchMaxMs: number;
  readonly slowest: string;
  readonly conductMs: number;
  readonly conductParticipants: number;
  /** Recomputing the import's row digest (what the import does before its audit entry, and `verify`). */
  readonly digestMs: number;
}

async function main(workspace: string, caseName: string): Promise<CaseQueryTimes> {
  const store = await openStore({ workspace });
  try {
    const theCase = await store.cases.findByName(caseName);
    if (!theCase) throw new Error(`no case ${caseName}`);
    const times: { q: string; ms: number }[] = [];
    for (let run = 0; run < RUNS; run++) {
      for (const q of SEARCH_QUERIES) {
        const t0 = performance.now();
        await store.messages.query(theCase.id, { search: q, limit: PAGE });
        times.push({ q, ms: performance.now() - t0 });
      }
    }
    const sorted = times.map((t) => t.ms).sort((a, b) => a - b);
    const slowest = times.reduce((a, b) => (b.ms > a.ms ? b : a));
    const t0 = performance.now();
    const views = await caseConductViews(store, theCase.id, new Set());
    const conductMs = performance.now() - t0;
    const [exhibit] = await store.exhibits.list(theCase.id);
    const t1 = performance.now();
    if (exhibit) await store.exhibits.rowDigest(exhibit.id);
    const digestMs = performance.now() - t1;
    return {
      searches: times.length,
      searchP50Ms: percentile(sorted, 50),
      searchP95Ms: percentile(sorted, 95),
      searchMaxMs: sorted[sorted.length - 1] ?? 0,
      slowest: slowest.q,
      conductMs,
      conductParticipants: views.conduct.people.length,
      digestMs,
    };
  } finally {
    await store.close();
  }
}

const [workspace, caseName] = process.argv.slice(2);
if (workspace && caseName) {
  writeFileSync(process.stdout.fd, `${JSON.stringify(await main(workspace, caseName))}\n`);
}
