/**
 * The conduct analysis of a case, shared between requests for a few seconds. On a large case it
 * reads every message (about 10 s for a million), and the dashboard asks for the conduct picture
 * and the membership timelines together, every minute, for every user on the case: one computation
 * serves them all. A result is at most MAX_AGE_MS old; it is keyed by the codes withheld from the
 * viewer (blind second review), so no viewer is served a picture built from codes they may not see.
 * A change made through this server forgets the case's results at once; a change made from the CLI
 * in another process shows within MAX_AGE_MS. The computation itself runs wherever `compute` puts
 * it (the server: a worker thread, src/analysis/conduct-in-worker.ts).
 */
import type { ConductViews } from '../analysis/conduct-case.js';

const MAX_AGE_MS = 20_000;

export type ComputeConduct = (caseId: number, withholdCodes: ReadonlySet<number>) => Promise<ConductViews>;

export class ConductMemo {
  private readonly entries = new Map<string, { at: number; value: Promise<ConductViews> }>();

  constructor(
    private readonly compute: ComputeConduct,
    private readonly now: () => number = Date.now,
  ) {}

  /** Drops a case's results (after a change to it through the server). */
  forget(caseId: number): void {
    for (const k of this.entries.keys()) if (k.startsWith(`${caseId}:`)) this.entries.delete(k);
  }

  get(caseId: number, withholdCodes: ReadonlySet<number>): Promise<ConductViews> {
    const key = `${caseId}:${[...withholdCodes].sort((a, b) => a - b).join(',')}`;
    const t = this.now();
    for (const [k, e] of this.entries) if (t - e.at > MAX_AGE_MS) this.entries.delete(k);
    const hit = this.entries.get(key);
    if (hit) return hit.value;
    const value = this.compute(caseId, withholdCodes);
    this.entries.set(key, { at: t, value });
    // A failure is not kept: the next request tries again.
    value.catch(() => this.entries.delete(key));
    return value;
  }
}
