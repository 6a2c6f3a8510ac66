/**
 * A flagger whose model never flags on its own (threshold above any probability), for tests of the
 * rules: a rule test must pass or fail on the rules, not on what the latest retrain of the model
 * happens to score (a retrain moves model-alone flags by several points, docs/flagger.md).
 */
import { createFlagger, type Flagger } from '../../../src/analysis/flagger/index.js';
import type { EnsembleFile } from '../../../src/analysis/flagger/ensemble.js';
import modelData from '../../../src/analysis/flagger/model/neural-model.json' with { type: 'json' };

export function rulesOnlyFlagger(): Flagger {
  return createFlagger({ model: { ...(modelData as unknown as EnsembleFile), threshold: 2 } });
}
