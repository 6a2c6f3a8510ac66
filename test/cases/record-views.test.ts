import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { FIXTURE, recordViews, type RecordCase } from './record-views-fixture.js';

// Saved from the code before caseDeadlines and caseTimeline were split into named parts
// (write-record-views-fixture.ts); the parts must give exactly the same, order included.
const cases = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { input: RecordCase; output: unknown }[];

describe('deadlines and timelines computed before the split', () => {
  it('cover every kind of deadline and many timeline kinds', () => {
    const out = cases.map((c) => c.output as { deadlines: { kind: string; status: string }[][] });
    const kinds = new Set(out.flatMap((o) => o.deadlines.flat().map((d) => `${d.kind} ${d.status}`)));
    expect(kinds.size).toBeGreaterThanOrEqual(15);
  });

  it.each(cases.map((c) => [c.input.name, c] as const))('%s', (_name, c) => {
    expect(recordViews(c.input)).toEqual(c.output);
  });
});
