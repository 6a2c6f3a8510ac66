import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../../src/analysis/flagger/index.js';
import {
  CASCADE_BELOW,
  ENSEMBLE_KIND,
  forwardEnsemble,
  loadEnsemble,
  type EnsembleFile,
} from '../../../src/analysis/flagger/ensemble.js';
import { forward, loadNeural } from '../../../src/analysis/flagger/neural.js';
import { toNeuralExample, trainNeural } from '../../../src/analysis/flagger/train/neural-train.js';

describe('the ensemble of networks', () => {
  const pipeline = createPipeline();
  const texts: [string, 0 | 1][] = [
    ['women are useless', 1],
    ['gays are vermin', 1],
    ['muslims are scum', 1],
    ['women are brilliant', 0],
    ['gay officers are welcome', 0],
    ['muslims are our neighbours', 0],
  ];
  const ex = texts.map(([t, y]) => toNeuralExample(pipeline.tokens(t), y, [], 1, 10));
  const dev = { ex, thresholdOn: ex.map(() => true), maxFpRate: 0 };
  const params = { bucketBits: 10, dim: 4, hidden: 4, epochs: 30, lr: 0.2, dropout: 0 };
  const members = [3, 5].map((seed) => trainNeural(ex, dev, 't', { ...params, seed }).file);
  const file: EnsembleFile = { version: 't', kind: ENSEMBLE_KIND, threshold: 0.6, members };
  const ensemble = loadEnsemble(file);
  const single = members.map(loadNeural);

  it('averages the members where the first scores at or above the cascade line, else takes the first', () => {
    const out = new Float32Array(single[0]!.heads.length);
    let averaged = 0;
    let firstOnly = 0;
    for (const [t] of texts) {
      const tokens = pipeline.tokens(t);
      const p = single.map((m) => forward(m, tokens, new Float32Array(m.heads.length)).p);
      const got = forwardEnsemble(ensemble, tokens, out);
      if (p[0]! >= CASCADE_BELOW) {
        averaged++;
        expect(got).toBeCloseTo((p[0]! + p[1]!) / 2, 6);
      } else {
        firstOnly++;
        expect(got).toBeCloseTo(p[0]!, 6);
      }
    }
    expect(averaged).toBeGreaterThan(0);
    expect(firstOnly).toBeGreaterThan(0);
  });

  it('refuses a file that is not an ensemble or has no members', () => {
    expect(() => loadEnsemble({ ...file, members: [] })).toThrow(/at least one member/);
    expect(() => loadEnsemble({ ...file, kind: 'other' as typeof ENSEMBLE_KIND })).toThrow(/mean-of-seeds/);
  });
});
