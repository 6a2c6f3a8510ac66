import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { FIXTURE, mergeOutputs, type MergeFixture } from './merged-cases.js';

// The outputs were saved from the code before mergeConversations and mergedConductView were split
// into named parts (scripts/write-merge-fixture.ts); the parts must compute exactly the same, order
// of lists and of keys included.
const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as MergeFixture;

describe('the merge analysis computed before the split', () => {
  it('covers several phones, both kinds of source, conflicts of every kind and two merges in a case', () => {
    const outputs = fixture.cases.map(
      (c) => c.output as { matches: { report: { conflicts: { kind: string }[] } }[] },
    );
    const kinds = new Set(
      outputs.flatMap((o) => o.matches.flatMap((m) => m.report.conflicts.map((x) => x.kind))),
    );
    expect([...kinds].sort()).toEqual(['deleted', 'text', 'time']);
    expect(Math.max(...fixture.cases.map((c) => c.sources.length))).toBe(2);
    expect(Math.max(...fixture.cases.flatMap((c) => c.sources.map((s) => s.length)))).toBe(4);
  });

  it.each(fixture.cases.map((c) => [c.name, c] as const))(
    '%s: the same matches and merged view',
    (_name, c) => {
      const now = mergeOutputs(c);
      expect(now).toEqual(c.output);
      expect(JSON.stringify(now)).toBe(JSON.stringify(c.output));
    },
  );
});
