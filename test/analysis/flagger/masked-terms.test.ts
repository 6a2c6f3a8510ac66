import { describe, expect, it } from 'vitest';
import { createFlagger, createPipeline } from '../../../src/analysis/flagger/index.js';

// "wimm*n in charge of anything = chaos" crashed the flagger (and with it a case's analysis): the mask
// look-up returned the term's squeezed letters, and "wimmin" is filed under the key "women". Every
// single-word term that a mask can match is tried here with each letter starred in turn.
describe('every maskable term, starred', () => {
  const { lex } = createPipeline();
  const flagger = createFlagger();
  const terms = [...lex.maskable.values()].flat();

  it('is classified without an error, in a sentence, at every position', () => {
    expect(terms.length).toBeGreaterThan(500);
    let tried = 0;
    for (const { raw } of terms) {
      for (let i = 0; i < raw.length; i++) {
        const masked = raw.slice(0, i) + '*' + raw.slice(i + 1);
        expect(() => flagger.classify(`the ${masked} in charge of anything = chaos`), masked).not.toThrow();
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(3000);
  });

  it('reads a starred term the normaliser rewrites as that term', () => {
    const r = flagger.classify('wimm*n are vermin');
    expect(r.flagged).toBe(true);
    expect(r.categories[0]?.name).toBe('sex_women');
  });
});
