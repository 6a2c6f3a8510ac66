import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDir, loadData, parseCsv } from '../../../src/analysis/flagger/train/data.js';
import { featurize, DEFAULT_FEATURES } from '../../../src/analysis/flagger/model.js';
import { createPipeline } from '../../../src/analysis/flagger/index.js';

const haveData = existsSync(path.join(dataDir(), 'hatemojibuild', 'test.csv'));

describe('training data', () => {
  it('parses quoted CSV with doubled quotes, commas, newlines and CR line ends', () => {
    expect(parseCsv('a,b\r"x, ""y""","line\nbreak"\r')).toEqual([
      ['a', 'b'],
      ['x, "y"', 'line\nbreak'],
    ]);
  });

  it.runIf(haveData)(
    'keeps the held-out split apart from training (HatemojiBuild test.csv, hash slices)',
    () => {
      const { docs } = loadData();
      const held = docs.filter((d) => d.split === 'heldout');
      const train = docs.filter((d) => d.split === 'train');
      expect(held.filter((d) => d.source === 'hatemoji')).toHaveLength(593);
      expect(held.some((d) => d.source === 'toxigen')).toBe(true);
      expect(held.some((d) => d.source === 'davidson')).toBe(true);
      // Hash-split sources: no normalised text is on both sides.
      const norm = (s: string): string =>
        s
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, ' ')
          .trim();
      const trainTexts = new Set(train.filter((d) => d.source !== 'hatemoji').map((d) => norm(d.text)));
      const leaked = held.filter((d) => d.source !== 'hatemoji' && trainTexts.has(norm(d.text)));
      expect(leaked.length).toBeLessThanOrEqual(held.length * 0.01);
    },
  );

  it('hashes the same features for the same text every time', () => {
    const p = createPipeline();
    const a = featurize(p.tokens('Wom3n are v e r m i n 🐀'), DEFAULT_FEATURES);
    const ids = Array.from(a.ids.slice(0, a.count));
    const b = featurize(p.tokens('Wom3n are v e r m i n 🐀'), DEFAULT_FEATURES);
    expect(Array.from(b.ids.slice(0, b.count))).toEqual(ids);
    expect(ids.length).toBeGreaterThan(10);
  });
});
