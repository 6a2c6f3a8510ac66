/** The two questions the rule suites ask of the committed flagger: flagged with a category, or quiet. */
import { createFlagger } from '../../../src/analysis/flagger/index.js';

const flagger = createFlagger();

/** Whether the message is flagged with `category` among its flagged categories. */
export function flaggedAs(text: string, category: string): boolean {
  const r = flagger.classify(text);
  return r.flagged && r.categories.some((c) => c.name === category && c.score >= 0.5);
}

/** Whether the message is left unflagged. */
export function quiet(text: string): boolean {
  return !flagger.classify(text).flagged;
}
