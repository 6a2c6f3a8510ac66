/**
 * Writes fixtures/views.json: the generated cases' inputs and what the conduct analysis computes
 * from them (views-fixture.ts). It was run once on the code before the long functions were split;
 * run it again only to record a change of behaviour that is meant, and say so in the commit:
 *
 *   npx tsx test/analysis/conduct/write-views-fixture.ts
 */
import { writeFileSync } from 'node:fs';

import {
  FIXTURE,
  conductCases,
  conductViews,
  mergedCases,
  mergedViews,
  save,
  type ViewsFixture,
} from './views-fixture.js';

// Through JSON first, so the outputs are computed from exactly the inputs the test will read back.
const roundTrip = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const fixture: ViewsFixture = {
  conduct: conductCases().map((c, i) => {
    const input = roundTrip(c.input);
    return { name: c.name, input, output: save(conductViews({ name: c.name, input }), i === 0) };
  }),
  merged: mergedCases().map((c, i) => {
    const saved = roundTrip({ input: c.input, merges: c.merges });
    return { name: c.name, ...saved, output: save(mergedViews({ name: c.name, ...saved }), i === 0) };
  }),
};
writeFileSync(FIXTURE, `${JSON.stringify(fixture)}\n`);
console.log(`wrote ${FIXTURE.pathname}`);
