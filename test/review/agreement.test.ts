/** Cohen's kappa per reviewer pair, against values worked by hand. */
import { describe, expect, it } from 'vitest';

import { agreementByPair, cohensKappa } from '../../src/review/agreement.js';

const repeat = <T>(n: number, x: T): T[] => Array.from({ length: n }, () => x);

describe("Cohen's kappa", () => {
  it('the textbook 2×2 example: 50 items, po = 0.7, pe = 0.5, kappa = 0.4', () => {
    // A yes/B yes 20, A yes/B no 5, A no/B yes 10, A no/B no 15 (the Wikipedia worked example).
    const pairs = [
      ...repeat(20, ['offensive', 'offensive'] as const),
      ...repeat(5, ['offensive', 'not_offensive'] as const),
      ...repeat(10, ['not_offensive', 'offensive'] as const),
      ...repeat(15, ['not_offensive', 'not_offensive'] as const),
    ];
    const k = cohensKappa(pairs);
    expect(k.n).toBe(50);
    expect(k.agreed).toBe(35);
    expect(k.observed).toBeCloseTo(0.7, 12);
    // A says yes 25/50, B 30/50: 0.5 × 0.6 + 0.5 × 0.4.
    expect(k.expected).toBeCloseTo(0.5, 12);
    expect(k.kappa).toBeCloseTo(0.4, 12);
  });

  it('three decisions: po = 0.7, pe = 0.36, kappa = 0.34/0.64 = 0.53125', () => {
    // A: offensive 4, not 4, unsure 2; B: offensive 3, not 5, unsure 2.
    const pairs: [string, string][] = [
      ...repeat(3, ['offensive', 'offensive'] as [string, string]),
      ['offensive', 'not_offensive'],
      ...repeat(3, ['not_offensive', 'not_offensive'] as [string, string]),
      ['not_offensive', 'unsure'],
      ['unsure', 'unsure'],
      ['unsure', 'not_offensive'],
    ];
    const k = cohensKappa(pairs);
    expect(k.observed).toBeCloseTo(0.7, 12);
    // 0.4 × 0.3 + 0.4 × 0.5 + 0.2 × 0.2 = 0.12 + 0.20 + 0.04
    expect(k.expected).toBeCloseTo(0.36, 12);
    expect(k.kappa).toBeCloseTo(0.53125, 12);
  });

  it('perfect agreement is 1; agreement no better than chance is 0; below chance is negative', () => {
    expect(
      cohensKappa([
        ['offensive', 'offensive'],
        ['unsure', 'unsure'],
      ]).kappa,
    ).toBe(1);
    // po = 0.5, pe = 0.5.
    expect(
      cohensKappa([
        ['offensive', 'offensive'],
        ['offensive', 'not_offensive'],
        ['not_offensive', 'offensive'],
        ['not_offensive', 'not_offensive'],
      ]).kappa,
    ).toBe(0);
    expect(
      cohensKappa([
        ['offensive', 'not_offensive'],
        ['not_offensive', 'offensive'],
      ]).kappa,
    ).toBe(-1);
  });

  it('is undefined (null) with no items, or when both always gave the same single decision', () => {
    expect(cohensKappa([])).toEqual({ n: 0, agreed: 0, observed: null, expected: null, kappa: null });
    const same = cohensKappa(repeat(4, ['offensive', 'offensive'] as const));
    expect(same).toMatchObject({ n: 4, observed: 1, expected: 1, kappa: null });
  });

  it('groups by reviewer pair whichever went first, in name order', () => {
    const pairs = agreementByPair([
      { firstBy: 'zoe', firstDecision: 'offensive', secondBy: 'amy', secondDecision: 'offensive' },
      { firstBy: 'amy', firstDecision: 'not_offensive', secondBy: 'zoe', secondDecision: 'offensive' },
      { firstBy: 'amy', firstDecision: 'unsure', secondBy: 'bob', secondDecision: 'unsure' },
    ]);
    expect(pairs.map((p) => [p.a, p.b, p.n, p.agreed])).toEqual([
      ['amy', 'bob', 1, 1],
      ['amy', 'zoe', 2, 1],
    ]);
    // amy: offensive, not_offensive; zoe: offensive, offensive → po 0.5, pe 0.5 × 1 = 0.5, kappa 0.
    expect(pairs[1]).toMatchObject({ observed: 0.5, expected: 0.5, kappa: 0 });
    expect(pairs[0]!.kappa).toBeNull();
  });
});
