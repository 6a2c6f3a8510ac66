/**
 * Entry point: `npm run train:flagger` (tsx). Regenerates the domain corpus (data/flagger/corpus.tsv)
 * and trains the flagger's model from it and ../shared/data; writes
 * src/analysis/flagger/model/{neural-model,aux,training-metrics}.json. Deterministic; about a minute.
 * Our own test suites' sentences are kept out of the corpus so that they stay tests.
 */
import { trainFlagger } from '../../src/analysis/flagger/train/train.js';
import { HELD_BACK_SUITES } from '../../test/analysis/flagger/suites.js';

void trainFlagger({
  log: (s) => console.log(`[train] ${s}`),
  exclude: HELD_BACK_SUITES.map((c) => c.text),
});
