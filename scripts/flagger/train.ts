/**
 * Entry point: `npm run train:flagger` (tsx). Regenerates the domain corpus (data/flagger/corpus.tsv)
 * and trains the flagger's model from it and ../shared/data; writes
 * src/analysis/flagger/model/{neural-model,aux,training-metrics}.json. Deterministic; about a minute.
 * Our own test suites' sentences are kept out of the corpus so that they stay tests.
 */
import { trainFlagger } from '../../src/analysis/flagger/train/train.js';
import { BATTERY_CASES } from '../../test/analysis/flagger/battery-cases.js';
import { BLIND4_CASES } from '../../test/analysis/flagger/blind4-cases.js';
import { BLIND5_CASES } from '../../test/analysis/flagger/blind5-cases.js';
import { BLIND6_CASES } from '../../test/analysis/flagger/blind6-cases.js';
import { BLIND_CASES } from '../../test/analysis/flagger/blind-cases.js';
import { FUNCTIONAL_CASES } from '../../test/analysis/flagger/functional-cases.js';
import { POLICE_IMPLICIT_CASES } from '../../test/analysis/flagger/police-implicit-cases.js';

void trainFlagger({
  log: (s) => console.log(`[train] ${s}`),
  exclude: [
    ...FUNCTIONAL_CASES,
    ...POLICE_IMPLICIT_CASES,
    ...BLIND_CASES,
    ...BLIND4_CASES,
    ...BLIND5_CASES,
    ...BLIND6_CASES,
    ...BATTERY_CASES,
  ].map((c) => c.text),
});
