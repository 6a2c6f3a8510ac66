import { describe, expect, it } from 'vitest';
import { createFlagger, createPipeline } from '../../../src/analysis/flagger/index.js';
import { forward, loadNeural } from '../../../src/analysis/flagger/neural.js';
import {
  pickThreshold,
  platt,
  toNeuralExample,
  trainNeural,
} from '../../../src/analysis/flagger/train/neural-train.js';

const flagger = createFlagger();

describe('the trained model in the flagger', () => {
  it('flags implicit derogation no term list holds, with the model named in the span', () => {
    for (const t of [
      'women are only good for making the tea',
      'they should all be sent back where they came from, the Somalis',
      'the rape victim? attention seeker',
    ]) {
      const r = flagger.classify(t);
      expect(r.flagged, t).toBe(true);
      expect(r.spans.length, t).toBeGreaterThan(0);
    }
  });

  it('does not flag short replies whose meaning is elsewhere', () => {
    for (const t of ['lol', 'typical', 'again?', '😂😂😂', 'put me down']) {
      expect(flagger.classify(t).flagged, t).toBe(false);
    }
  });

  it('counts untargeted swearing or a threat emoji as no evidence in a short reply', () => {
    // "💀💀💀" is laughter and the model scored it 0.89; the rules' untargeted-threat span let it through.
    for (const t of ['💀💀💀', 'fuck off', '🔪🔪']) expect(flagger.classify(t).flagged, t).toBe(false);
    // A group named, even by an emoji, still lets the model (and the rules) speak.
    expect(flagger.classify('🏳️‍🌈🤮').flagged).toBe(true);
  });

  it('gives the same result from the word cache as on first sight', () => {
    const text = 'Nobody wants Albanians on this estate, scum the lot of them';
    const fresh = createFlagger().classify(text);
    flagger.classify(text);
    expect(flagger.classify(text)).toEqual(fresh);
  });
});

describe('training', () => {
  const pipeline = createPipeline();
  const texts: [string, 0 | 1][] = [
    ['women are useless', 1],
    ['gays are vermin', 1],
    ['muslims are scum', 1],
    ['I hate disabled people', 1],
    ['women are brilliant', 0],
    ['gay officers are welcome', 0],
    ['muslims are our neighbours', 0],
    ['I love disabled people', 0],
  ];
  const ex = texts.map(([t, y]) =>
    toNeuralExample(pipeline.tokens(t), y, y === 1 ? ['sex_women'] : [], 1, 10),
  );
  const params = { bucketBits: 10, dim: 4, hidden: 4, epochs: 30, lr: 0.2, seed: 7, dropout: 0 };
  const dev = { ex, thresholdOn: ex.map(() => true), maxFpRate: 0 };

  it('is deterministic: the same data and seed give the same model file', () => {
    const a = trainNeural(ex, dev, 't', params).file;
    const b = trainNeural(ex, dev, 't', params).file;
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('learns its training data, and inference reproduces it', () => {
    const m = loadNeural(trainNeural(ex, dev, 't', params).file);
    const out = new Float32Array(m.heads.length);
    const pos = texts.filter(([, y]) => y === 1).map(([t]) => forward(m, pipeline.tokens(t), out).p);
    const neg = texts.filter(([, y]) => y === 0).map(([t]) => forward(m, pipeline.tokens(t), out).p);
    expect(Math.min(...pos)).toBeGreaterThan(Math.max(...neg));
  });

  it('calibrates with Platt scaling and picks a threshold from the hard negatives', () => {
    const z = Float32Array.from([-3, -2, -1, 0, 1, 2, 3, 4]);
    const y = [0, 0, 0, 1, 0, 1, 1, 1];
    const { a } = platt(z, y);
    expect(a).toBeGreaterThan(0);
    const p = [0.1, 0.2, 0.3, 0.9, 0.6, 0.95, 0.97, 0.99];
    // At most a quarter of the negatives (one of four) may score above the threshold.
    const t = pickThreshold(p, y, 0.25);
    expect(p.filter((v, i) => y[i] === 0 && v >= t).length).toBeLessThanOrEqual(1);
    expect(t).toBeLessThanOrEqual(0.9);
  });
});
