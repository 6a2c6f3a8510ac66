/**
 * Entry point: `npm run eval`. Evaluates the committed flagger on
 *  1. the domain corpus's dev split (data/flagger, whole templates never trained on): precision and
 *     recall overall and per category, flagged rate per kind of line (hard negatives included);
 *  2. the functional suite (test/analysis/flagger/functional-cases.ts, the 29 functionalities in our own words)
 *     and the police implicit suite: pass rates by functionality, target and category;
 *  3. a simulated review of a generated 6,500-message case, with and without per-case active learning
 *     (table, and model/review-curve.svg);
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
import {
  demoIncidentLines,
  foundAt,
  generateEvalCase,
  scoreCase,
  simulateReview,
} from '../../src/analysis/flagger/train/simulate.js';
import { FUNCTIONAL_CASES } from '../../test/analysis/flagger/functional-cases.js';
import { POLICE_IMPLICIT_CASES } from '../../test/analysis/flagger/police-implicit-cases.js';

const t0 = performance.now();
const flagger = createFlagger();
const loadMs = performance.now() - t0;
const dev = readCorpus().filter((l) => l.split === 'dev');
const corpus = evaluateCorpus(flagger, dev);
const functional = evaluateFunctional(flagger, FUNCTIONAL_CASES);
const police = evaluateFunctional(flagger, POLICE_IMPLICIT_CASES);

// Simulated review on a generated case; throughput is CPU time of this process (the machine is shared).
const msgs = generateEvalCase(dev, demoIncidentLines());
scoreCase(flagger, msgs.slice(0, 500)); // warm-up
const c0 = process.cpuUsage().user;
const scores = scoreCase(flagger, msgs);
const cpuSecs = (process.cpuUsage().user - c0) / 1e6;
const pipeline = createPipeline();
const plain = simulateReview(msgs, scores, pipeline, { active: false });
const active = simulateReview(msgs, scores, pipeline, { active: true });
const flaggedOff = msgs.filter((m, k) => m.offensive && scores[k]! >= 0.5).length;
const flaggedHard = msgs.filter((m, k) => m.hardNegative && scores[k]! >= 0.5).length;
const flaggedOther = msgs.filter((m, k) => !m.offensive && !m.hardNegative && scores[k]! >= 0.5).length;
const shares = [0.02, 0.05, 0.1, 0.2, 0.3];
const review = {
  messages: msgs.length,
  offensive: msgs.filter((m) => m.offensive).length,
  hardNegatives: msgs.filter((m) => m.hardNegative).length,
  flaggedOffensive: flaggedOff,
  flaggedHardNegatives: flaggedHard,
  flaggedEveryday: flaggedOther,
  foundAt: shares.map((s) => ({
    reviewed: s,
    withoutActiveLearning: Math.round(foundAt(plain, s) * 1e4) / 1e4,
    withActiveLearning: Math.round(foundAt(active, s) * 1e4) / 1e4,
  })),
};

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
    { name: 'flagger ranking', colour: '#888', points: plain },
    { name: 'with active learning', colour: '#c00', points: active },
  ]),
);
writeFileSync(path.join(dir, 'eval-report.md'), renderReport(report));
console.log(renderReport(report));
