/**
 * Writes test/analysis/merge/fixtures/merged-cases.json: the generated merged cases' inputs and what
 * the merge analysis computes from them (test/analysis/merge/merged-cases.ts). It was run on the code
 * before mergeConversations and mergedConductView were split into named parts; run it again only to
 * record a change of behaviour that is meant, and say so in the commit:
 *
 *   npx tsx scripts/write-merge-fixture.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

import {
  FIXTURE,
  mergedCases,
  mergeOutputs,
  type MergeFixture,
} from '../test/analysis/merge/merged-cases.js';

// Through JSON first, so the outputs are computed from exactly the inputs the test reads back.
const roundTrip = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const fixture: MergeFixture = {
  cases: mergedCases().map((generated) => {
    const c = roundTrip(generated);
    return { ...c, output: mergeOutputs(c) };
  }),
};
const path = fileURLToPath(FIXTURE);
// Formatted as Prettier would (npm run lint checks every JSON file).
const options = (await prettier.resolveConfig(path)) ?? {};
writeFileSync(path, await prettier.format(JSON.stringify(fixture), { ...options, filepath: path }));
console.log(`wrote ${path}`);
