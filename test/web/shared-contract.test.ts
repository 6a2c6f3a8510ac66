/**
 * The web app's copies of server word lists must not drift. The message's structured types and the
 * system event types are imported from src/domain/message.ts (one definition); these lists still
 * live in server modules that the bundle cannot import (they pull in the store), so until they move
 * to src/domain this test holds the web's copies to the server's.
 */
import { describe, expect, it } from 'vitest';
import { FLAG_CATEGORIES as SERVER_CATEGORIES } from '../../src/analysis/flagger/lexicon.js';
import { STANDARDS as SERVER_STANDARDS } from '../../src/review/coding.js';
import { DECISIONS as SERVER_DECISIONS } from '../../src/store/repositories/codes.js';
import { DECISIONS, FLAG_CATEGORIES, STANDARDS } from '../../web/src/api/types.js';

describe('web word lists = server word lists', () => {
  it('standards, flag categories and decisions are the same, in the same order', () => {
    expect([...STANDARDS]).toEqual([...SERVER_STANDARDS]);
    expect([...FLAG_CATEGORIES]).toEqual([...SERVER_CATEGORIES]);
    expect([...DECISIONS]).toEqual([...SERVER_DECISIONS]);
  });
});
