/**
 * Writes fixtures/record-views.json: generated case records and their deadlines and timelines
 * (record-views-fixture.ts). It was run once on the code before caseDeadlines and caseTimeline were
 * split; run it again only to record a change of behaviour that is meant, and say so in the commit:
 *
 *   npx tsx test/cases/write-record-views-fixture.ts
 */
import { writeFileSync } from 'node:fs';

import { FIXTURE, recordCases, recordViews } from './record-views-fixture.js';

const cases = recordCases().map((c) => {
  const input = JSON.parse(JSON.stringify(c)) as typeof c;
  return { input, output: recordViews(input) };
});
writeFileSync(FIXTURE, `${JSON.stringify(cases)}\n`);
console.log(`wrote ${FIXTURE.pathname}`);
