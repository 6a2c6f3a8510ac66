/** The one way the blind sets (blind-cases, blind4-, blind5-, blind6-cases) turn their rows into cases. */
import type { FlagCategory } from '../../../src/contract/coding.js';
import type { FunctionalCase } from '../../../src/analysis/flagger/train/evaluate.js';

/** A blind-set line: its functionality, its text and (hateful lines) the category it must be flagged with. */
export type BlindRow = [functionality: string, text: string, category?: FlagCategory];

/** Hateful rows become `${prefix}-h${k}`, quiet rows `${prefix}-n${k}`, in the order written. */
export function buildBlindCases(
  prefix: string,
  hateful: readonly BlindRow[],
  quiet: readonly BlindRow[],
): readonly FunctionalCase[] {
  const out: FunctionalCase[] = [];
  hateful.forEach(([functionality, text, category], k) =>
    out.push({
      id: `${prefix}-h${k}`,
      functionality,
      target: category ?? 'none',
      text,
      hateful: true,
      category,
    }),
  );
  quiet.forEach(([functionality, text], k) =>
    out.push({ id: `${prefix}-n${k}`, functionality, target: 'none', text, hateful: false }),
  );
  return out;
}
