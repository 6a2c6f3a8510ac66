/**
 * Entry point: `npm run eval`. Evaluates the committed flagger on
 *  1. the held-out split (HatemojiBuild test.csv + the hash-selected ToxiGen and Davidson slices; never
 *     trained on, never used to choose a threshold): per-category precision/recall/F1, ROC AUC, and the
 *     review-priority curve;
 *  2. the functional suite (test/flagger/functional-cases.ts): pass rates by functionality, target and
 *     category.
 * Writes src/analysis/flagger/model/eval-report.{json,md}.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createFlagger } from '../../src/analysis/flagger/index.js';
import { loadData, repoRoot } from '../../src/analysis/flagger/train/data.js';
import { evaluateDocs, evaluateFunctional } from '../../src/analysis/flagger/train/evaluate.js';
import { renderReport } from '../../src/analysis/flagger/train/report.js';
import { FUNCTIONAL_CASES } from '../../test/flagger/functional-cases.js';

const t0 = performance.now();
const flagger = createFlagger();
const loadMs = performance.now() - t0;
const { docs } = loadData();
const heldout = docs.filter((d) => d.split === 'heldout');
const t1 = performance.now();
const held = evaluateDocs(flagger, heldout);
const heldSecs = (performance.now() - t1) / 1000;
const functional = evaluateFunctional(flagger, FUNCTIONAL_CASES);
const report = {
  version: flagger.version,
  heldout: held,
  functional,
  timing: { loadMs: Math.round(loadMs), heldoutMessagesPerSecond: Math.round(heldout.length / heldSecs) },
};
const dir = path.join(repoRoot(), 'src', 'analysis', 'flagger', 'model');
const prettier = await import('prettier');
writeFileSync(
  path.join(dir, 'eval-report.json'),
  await prettier.format(JSON.stringify(report), { parser: 'json', printWidth: 110 }),
);
writeFileSync(path.join(dir, 'eval-report.md'), renderReport(report));
console.log(renderReport(report));
