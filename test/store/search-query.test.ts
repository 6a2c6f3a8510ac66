import { describe, expect, it } from 'vitest';

import { UserError } from '../../src/domain/errors.js';
import {
  expandPrefixes,
  hasPrefix,
  MAX_SEARCH_DEPTH,
  parseSearchQuery,
  prefixTokens,
  toFts5Match,
  toTsQuery,
} from '../../src/store/search-query.js';

const both = (q: string) => {
  const node = parseSearchQuery(q);
  return [toFts5Match(node), toTsQuery(node)];
};

describe('parseSearchQuery', () => {
  it('reads words, implicit AND and operators', () => {
    expect(parseSearchQuery('police')).toEqual({ type: 'phrase', tokens: ['police'], prefix: false });
    expect(parseSearchQuery('Police officer')).toEqual({
      type: 'and',
      children: [
        { type: 'phrase', tokens: ['police'], prefix: false },
        { type: 'phrase', tokens: ['officer'], prefix: false },
      ],
    });
    expect(parseSearchQuery('a OR b c').type).toBe('or');
    expect(parseSearchQuery('a and b')).toMatchObject({ type: 'and', children: [{}, {}, {}] });
  });

  it('gives NOT to what precedes it', () => {
    expect(parseSearchQuery('a b NOT c')).toEqual({
      type: 'not',
      include: {
        type: 'and',
        children: [
          { type: 'phrase', tokens: ['a'], prefix: false },
          { type: 'phrase', tokens: ['b'], prefix: false },
        ],
      },
      exclude: { type: 'phrase', tokens: ['c'], prefix: false },
    });
  });

  it('splits words the way the index does', () => {
    expect(parseSearchQuery('stop-and-search')).toEqual({
      type: 'phrase',
      tokens: ['stop', 'and', 'search'],
      prefix: false,
    });
    expect(parseSearchQuery('hi😂')).toEqual({
      type: 'phrase',
      tokens: ['hi', 'emoji', '1f602'],
      prefix: false,
    });
    expect(parseSearchQuery('“curly quotes”')).toEqual({
      type: 'phrase',
      tokens: ['curly', 'quotes'],
      prefix: false,
    });
  });

  it.each([
    ['', /nothing to search/],
    ['   ', /nothing to search/],
    ['"open', /never closed/],
    ['(a', /never closed/],
    ['a)', /without a "\("/],
    ['()', /empty/],
    ['NOT a', /NOT needs something before it/],
    ['a OR NOT b', /NOT needs something before it/],
    ['a AND NOT b', /a NOT b/],
    ['a AND', /AND needs something after it/],
    ['a OR', /OR needs something after it/],
    ['AND a', /AND needs something before it/],
    ['a NOT', /NOT needs a word/],
    ['po*lice', /can only end a word/],
    ['*', /must follow the start of a word/],
    ['!!!', /no letters, digits or emoji/],
    ['"..."', /no letters, digits or emoji/],
  ])('rejects %j', (q, message) => {
    expect(() => parseSearchQuery(q)).toThrow(UserError);
    expect(() => parseSearchQuery(q)).toThrow(message);
  });

  it('explains the syntax in its errors', () => {
    expect(() => parseSearchQuery('(a')).toThrow(/at character 1\. Use words, "quoted phrases", prefix\*/);
  });

  it('flattens a chain of NOT into one exclusion (a NOT b NOT c is a NOT (b OR c))', () => {
    const p = (t: string) => ({ type: 'phrase', tokens: [t], prefix: false });
    expect(parseSearchQuery('a NOT b NOT c')).toEqual({
      type: 'not',
      include: p('a'),
      exclude: { type: 'or', children: [p('b'), p('c')] },
    });
    const long = parseSearchQuery(Array(100).fill('a').join(' NOT '));
    expect(long).toMatchObject({ type: 'not', exclude: { type: 'or' } });
    expect(toFts5Match(long).split('(').length).toBeLessThan(210);
  });

  it(`refuses searches nested deeper than ${MAX_SEARCH_DEPTH} levels, or 64 parentheses, with a UserError`, () => {
    const nested = (n: number) =>
      `${Array.from({ length: n }, (_, i) => `(w${i} OR`).join(' ')} z${')'.repeat(n)}`;
    expect(() => parseSearchQuery(nested(MAX_SEARCH_DEPTH))).not.toThrow();
    expect(() => parseSearchQuery(nested(MAX_SEARCH_DEPTH + 1))).toThrow(UserError);
    expect(() => parseSearchQuery(`${'('.repeat(65)}a${')'.repeat(65)}`)).toThrow(/nested more than 64 deep/);
    expect(() => parseSearchQuery(`${'('.repeat(100_000)}a`)).toThrow(UserError);
  });
});

describe('rendering', () => {
  it.each([
    ['police', '"police"', "'police'"],
    ['polic*', '"polic" *', "'polic':*"],
    ['"stop and search"', '"stop and search"', "('stop' <-> 'and' <-> 'search')"],
    ['"stop and sea"*', '"stop and sea" *', "('stop' <-> 'and' <-> 'sea':*)"],
    ['a OR b', '("a") OR ("b")', "('a') | ('b')"],
    ['a b', '("a") AND ("b")', "('a') & ('b')"],
    ['a NOT b', '("a") NOT ("b")', "('a') & !('b')"],
    ['(a OR b) NOT (c d)', '(("a") OR ("b")) NOT (("c") AND ("d"))', "(('a') | ('b')) & !(('c') & ('d'))"],
    ['😂', '"emoji 1f602"', "('emoji' <-> '1f602')"],
    ["o'brien", '"o brien"', "('o' <-> 'brien')"],
    ['NEAR(a', null, null],
  ])('%s', (q, fts, ts) => {
    if (fts === null) {
      expect(() => both(q)).toThrow(UserError);
      return;
    }
    expect(both(q)).toEqual([fts, ts]);
  });

  it('never lets query text act as engine syntax', () => {
    // Tokens only ever hold letters, digits and marks, and are quoted on top of that.
    for (const q of ['a:b', 'x & y', 'col:*', "it's", 'a|b', 'NEAR', 'near(a, b)', '\\x', "''"]) {
      let node;
      try {
        node = parseSearchQuery(q);
      } catch (e) {
        expect(e).toBeInstanceOf(UserError);
        continue;
      }
      expect(toFts5Match(node)).not.toMatch(/[:&|\\']/u);
      expect(toTsQuery(node).replace(/'[^']*'/gu, '')).toMatch(/^[\s()&|!<>:*-]*$/u);
    }
  });
});

describe('expandPrefixes (issue 20: a prefix* probed as the tokens it stands for)', () => {
  it('replaces each prefix by the OR of its tokens, keeping the phrase around it', () => {
    const node = parseSearchQuery('"stop and sea"* NOT van*');
    expect(prefixTokens(node)).toEqual(['sea', 'van']);
    const expanded = expandPrefixes(node, new Map([['sea', ['search', 'season']]]));
    expect(toFts5Match(expanded)).toBe('(("stop and search") OR ("stop and season")) NOT ("van" *)');
    expect(hasPrefix(expanded)).toBe(true); // van* had no expansion: it stays a prefix
    const whole = expandPrefixes(
      node,
      new Map([
        ['sea', ['search']],
        ['van', ['van', 'vans']],
      ]),
    );
    expect(toFts5Match(whole)).toBe('("stop and search") NOT (("van") OR ("vans"))');
    expect(hasPrefix(whole)).toBe(false);
  });

  it('leaves a prefix with no token in the index as it is (it matches nothing either way)', () => {
    const node = parseSearchQuery('zzz*');
    expect(expandPrefixes(node, new Map([['zzz', []]]))).toEqual(node);
  });
});
