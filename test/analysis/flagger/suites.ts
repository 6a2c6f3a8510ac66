/**
 * Every suite of our own that must stay a test: the corpus build leaves their sentences out
 * (scripts/flagger/train.ts) and corpus.test.ts checks that none slipped in. One list, so a new
 * suite is added in one place.
 */
import type { FunctionalCase } from '../../../src/analysis/flagger/train/evaluate.js';
import { BATTERY_CASES } from './battery-cases.js';
import { BLIND4_CASES } from './blind4-cases.js';
import { BLIND5_CASES } from './blind5-cases.js';
import { BLIND6_CASES } from './blind6-cases.js';
import { BLIND7_CASES } from './blind7-cases.js';
import { BLIND8_CASES } from './blind8-cases.js';
import { BLIND9_CASES } from './blind9-cases.js';
import { BLIND10_CASES } from './blind10-cases.js';
import { BLIND11_CASES } from './blind11-cases.js';
import { BLIND12_CASES } from './blind12-cases.js';
import { BLIND_CASES } from './blind-cases.js';
import { FUNCTIONAL_CASES } from './functional-cases.js';
import { POLICE_IMPLICIT_CASES } from './police-implicit-cases.js';

export const HELD_BACK_SUITES: readonly FunctionalCase[] = [
  ...FUNCTIONAL_CASES,
  ...POLICE_IMPLICIT_CASES,
  ...BLIND_CASES,
  ...BLIND4_CASES,
  ...BLIND5_CASES,
  ...BLIND6_CASES,
  ...BLIND7_CASES,
  ...BLIND8_CASES,
  ...BLIND9_CASES,
  ...BLIND10_CASES,
  ...BLIND11_CASES,
  // The context set's replies and the messages before them, as texts (their own shape is ContextCase).
  ...BLIND12_CASES.flatMap((c) =>
    [...c.before, c.reply].map((text, k) => ({
      id: `${c.id}-${k}`,
      functionality: c.functionality,
      target: 'none',
      text,
      hateful: false,
    })),
  ),
  ...BATTERY_CASES,
];
