import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { FIXTURE, conductViews, mergedViews, save, type Saved, type ViewsFixture } from './views-fixture.js';

// The outputs were saved from the code before its long functions were split into named parts
// (write-views-fixture.ts); the parts must compute exactly the same, order included.
const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as ViewsFixture;

const same = (now: unknown, saved: Saved): void => {
  if ('whole' in saved) expect(now).toEqual(saved.whole);
  else expect(save(now, false)).toEqual(saved);
};

describe('the conduct views computed before the split', () => {
  it('cover both kinds of case, one of each saved whole', () => {
    expect(fixture.conduct.length).toBeGreaterThanOrEqual(4);
    expect(fixture.merged.length).toBeGreaterThanOrEqual(3);
    expect('whole' in fixture.conduct[0]!.output && 'whole' in fixture.merged[0]!.output).toBe(true);
  });

  it.each(fixture.conduct.map((c) => [c.name, c] as const))('%s: the same analysis', (_name, c) => {
    same(conductViews(c), c.output);
  });

  it.each(fixture.merged.map((c) => [c.name, c] as const))('%s: the same merged view', (_name, c) => {
    same(mergedViews(c), c.output);
  });
});
