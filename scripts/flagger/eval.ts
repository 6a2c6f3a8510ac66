/**
 * Entry point: `npm run eval`. Evaluates the committed flagger on
 *  1. the domain corpus's dev split (data/flagger, whole templates never trained on): precision and
 *     recall overall and per category, flagged rate per kind of line (hard negatives included);
 *  2. the functional suite (test/analysis/flagger/functional-cases.ts, the 29 functionalities in our own words)
 *     and the police implicit suite: pass rates by functionality, target and category;
 *  3. simulated reviews of generated 6,500-message cases (five seeds; offensive lines from every
 *     author and from the newer authors only), in flagger order and with per-case active learning
 *     (tables, and model/review-curve.svg for the first case);
 *  4. the held-out split of the public sets (never trained on, never used to choose a threshold).
 * Writes src/analysis/flagger/model/eval-report.{json,md}.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createFlagger, createPipeline } from '../../src/analysis/flagger/index.js';
import { readCorpus } from '../../src/analysis/flagger/train/corpus.js';
import { loadData, repoRoot } from '../../src/analysis/flagger/train/data.js';
import { evaluateCorpus, reviewChartSvg } from '../../src/analysis/flagger/train/evaluate-corpus.js';
import { evaluateDocs, evaluateFunctional } from '../../src/analysis/flagger/train/evaluate.js';
import { renderReport } from '../../src/analysis/flagger/train/report.js';
import { evaluateReviews } from '../../src/analysis/flagger/train/review-eval.js';
import { demoIncidentLines, generateEvalCase, scoreCase } from '../../src/analysis/flagger/train/simulate.js';
import { FUNCTIONAL_CASES } from '../../test/analysis/flagger/functional-cases.js';
import { POLICE_IMPLICIT_CASES } from '../../test/analysis/flagger/police-implicit-cases.js';

const t0 = performance.now();
const flagger = createFlagger();
const loadMs = performance.now() - t0;
const dev = readCorpus().filter((l) => l.split === 'dev');
const corpus = evaluateCorpus(flagger, dev);
const functional = evaluateFunctional(flagger, FUNCTIONAL_CASES);
const police = evaluateFunctional(flagger, POLICE_IMPLICIT_CASES);

// Simulated reviews of generated cases; throughput is CPU time of this process (the machine is shared).
const msgs = generateEvalCase(dev, demoIncidentLines());
scoreCase(flagger, msgs.slice(0, 500)); // warm-up
const c0 = process.cpuUsage().user;
scoreCase(flagger, msgs);
const cpuSecs = (process.cpuUsage().user - c0) / 1e6;
const { report: review, chart } = evaluateReviews(flagger, createPipeline(), dev);

const { docs } = loadData();
const heldout = docs.filter((d) => d.split === 'heldout');
const t1 = performance.now();
const held = evaluateDocs(flagger, heldout);
const heldSecs = (performance.now() - t1) / 1000;
const report = {
  version: flagger.version,
  corpus,
  police,
  review,
  heldout: held,
  functional,
  timing: {
    loadMs: Math.round(loadMs),
    caseMessagesPerCpuSecond: Math.round(msgs.length / cpuSecs),
    heldoutMessagesPerSecond: Math.round(heldout.length / heldSecs),
  },
};
const dir = path.join(repoRoot(), 'src', 'analysis', 'flagger', 'model');
const prettier = await import('prettier');
writeFileSync(
  path.join(dir, 'eval-report.json'),
  await prettier.format(JSON.stringify(report), { parser: 'json', printWidth: 110 }),
);
writeFileSync(
  path.join(dir, 'review-curve.svg'),
  reviewChartSvg([
    { name: 'flagger ranking', colour: '#888', points: chart.plain },
    { name: 'with active learning (codes only)', colour: '#c00', points: chart.learning },
  ]),
);
writeFileSync(path.join(dir, 'eval-report.md'), renderReport(report));
console.log(renderReport(report));
