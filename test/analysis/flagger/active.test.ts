import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RERANK,
  indexCase,
  moreLikeThis,
  rerank,
  type CaseMessage,
} from '../../../src/analysis/flagger/active.js';
import { createPipeline } from '../../../src/analysis/flagger/index.js';

// A case where the flagger cannot know the group's own nickname for a victim ("tinkerbell"): the
// reviewers' codes must teach the per-case ranking.
const messages: CaseMessage[] = [];
for (let k = 0; k < 60; k++)
  messages.push({ id: `e${k}`, text: `briefing at ${k % 12} tomorrow, bring the keys`, score: 0.1 });
for (let k = 0; k < 10; k++)
  messages.push({ id: `t${k}`, text: `tinkerbell rang again ${k} times lol`, score: 0.05 });
for (let k = 0; k < 10; k++) messages.push({ id: `o${k}`, text: `van ${k} is in the yard`, score: 0.2 });
const index = indexCase(messages);

describe('per-case re-ranking from reviewers codes', () => {
  it('follows the flagger when nothing is coded', () => {
    const run = rerank(index, []);
    expect(run.ranking.slice(0, 10).every((r) => r.id.startsWith('o'))).toBe(true);
    expect(run.learnedFrom).toEqual([]);
  });

  it('moves messages like the ones coded offensive to the top', () => {
    const codes = [
      { messageId: 't0', offensive: true },
      { messageId: 't1', offensive: true },
      { messageId: 'o0', offensive: false },
      { messageId: 'o1', offensive: false },
      { messageId: 'e0', offensive: false },
      { messageId: 'e1', offensive: false },
    ];
    const run = rerank(index, codes);
    const top8 = run.ranking.slice(0, 8).map((r) => r.id);
    expect(top8.every((id) => id.startsWith('t'))).toBe(true);
    expect(run.ranking.some((r) => codes.some((c) => c.messageId === r.id))).toBe(false);
    expect(run.positives).toBe(2);
    expect(run.negatives).toBe(4);
  });

  it('is a reproducible, versioned run that records what it learned from', () => {
    const codes = [
      { messageId: 'o1', offensive: true },
      { messageId: 't2', offensive: true },
      { messageId: 'e3', offensive: false },
      { messageId: 'o1', offensive: false }, // the later decision wins
      { messageId: 'nope', offensive: true }, // not in this case: ignored
    ];
    const a = rerank(index, codes);
    const b = rerank(indexCase(messages), [...codes]);
    expect(a.version).toMatch(/^case-rerank\//);
    expect(a.learnedFrom).toEqual([
      { messageId: 'e3', offensive: false },
      { messageId: 'o1', offensive: false },
      { messageId: 't2', offensive: true },
    ]);
    expect(a.rankingSha256).toBe(b.rankingSha256);
    expect(a.inputSha256).toBe(b.inputSha256);
    const c = rerank(index, [...codes, { messageId: 'e4', offensive: false }]);
    expect(c.inputSha256).not.toBe(a.inputSha256);
  });
});

describe('more like this', () => {
  it('ranks messages resembling the chosen one first', () => {
    const big: CaseMessage[] = [...messages];
    for (let k = 0; k < 400; k++)
      big.push({ id: `x${k}`, text: `shift ${k} handover, all quiet`, score: 0.1 });
    const run = moreLikeThis(indexCase(big), 't3');
    const top = run.ranking.slice(0, 8).map((r) => r.id);
    expect(top.filter((id) => id.startsWith('t')).length).toBeGreaterThanOrEqual(7);
    expect(run.learnedFrom.find((c) => c.messageId === 't3')?.offensive).toBe(true);
    expect(() => moreLikeThis(index, 'missing')).toThrow(/not in this case/);
  });
});

describe("the case's term list feeds the re-rank", () => {
  // Two nicknames for victims the flagger cannot know; the reviewers coded only "bluebell" offensive.
  const msgs: CaseMessage[] = [];
  for (let k = 0; k < 40; k++)
    msgs.push({ id: `e${k}`, text: `shift ${k} briefing in the yard`, score: 0.1 });
  msgs.push({ id: 'b0', text: 'bluebell rang the front desk', score: 0.1 });
  msgs.push({ id: 'b1', text: 'bluebell rang the control room', score: 0.1 });
  msgs.push({ id: 'm0', text: 'moonpie rang the control room', score: 0.1 });
  msgs.push({ id: 'd0', text: 'dave rang the control room', score: 0.1 });
  const codes = [
    { messageId: 'b0', offensive: true },
    ...Array.from({ length: 10 }, (_, k) => ({ messageId: `e${k}`, offensive: false })),
  ];
  const terms = createPipeline({
    extraTerms: [
      { term: 'bluebell', category: 'victims_of_crime', severity: 2 },
      { term: 'moonpie', category: 'victims_of_crime', severity: 2 },
    ],
    termListVersion: 'case-1/terms-v1',
  });

  it('lifts a message with another case term above one without', () => {
    const withTerms = rerank(indexCase(msgs, terms), codes).ranking;
    expect(withTerms.map((r) => r.id).indexOf('m0')).toBeLessThan(withTerms.map((r) => r.id).indexOf('d0'));
    // Without the list "moonpie" and "dave" are just names: only the model's hidden layer (which reads
    // an unknown word a little differently from a common name) sets them apart, by less than the list.
    const without = rerank(indexCase(msgs), codes).ranking;
    const gap = (run: typeof without) => {
      const score = (id: string) => run.find((r) => r.id === id)!.score;
      return score('m0') - score('d0');
    };
    expect(Math.abs(gap(without))).toBeLessThan(gap(withTerms) / 2);
  });
});

describe('repeated messages', () => {
  // A chat repeats short lines ("lol", "on my way") many times: one copy stands for the text.
  const msgs: CaseMessage[] = [];
  for (let k = 0; k < 30; k++) msgs.push({ id: `e${k}`, text: `briefing ${k} at the yard`, score: 0.1 });
  for (let k = 0; k < 10; k++) msgs.push({ id: `r${k}`, text: 'on my way', score: 0.6 });
  for (let k = 0; k < 3; k++) msgs.push({ id: `u${k}`, text: `unit ${k} needs the van`, score: 0.4 });
  const idx = indexCase(msgs);

  it('defers the copies of a text no one has coded behind its first copy', () => {
    const order = rerank(idx, []).ranking.map((r) => r.id);
    expect(order[0]).toBe('r0');
    expect(order.slice(1, 4).sort()).toEqual(['u0', 'u1', 'u2']);
    // The score is the model's: deferring changes the order only.
    const run = rerank(idx, []);
    expect(run.ranking.find((r) => r.id === 'r5')!.score).toBe(run.ranking.find((r) => r.id === 'r0')!.score);
  });

  it('places the other copies by the code one copy got', () => {
    const not = rerank(idx, [{ messageId: 'r0', offensive: false }]).ranking.map((r) => r.id);
    expect(not.indexOf('r1')).toBeGreaterThan(not.indexOf('e5'));
    const off = rerank(idx, [
      { messageId: 'r0', offensive: true },
      { messageId: 'e0', offensive: false },
    ]).ranking.map((r) => r.id);
    expect(off.slice(0, 9).every((id) => id.startsWith('r'))).toBe(true);
  });
});

describe('near-duplicates in the head of a re-rank (1.3.0)', () => {
  // A made-up word of six letters per number (a fixed pseudo-random sequence): distinct lines share
  // almost no n-grams.
  let seed = 12345;
  const letter = (): string => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return String.fromCharCode(97 + (seed % 26));
  };
  const words = Array.from({ length: 1100 }, () => Array.from({ length: 6 }, letter).join(''));
  const word = (n: number): string => words[n]!;
  const places = ['van', 'CAD', 'canteen', 'sarge', 'BWV dock', 'station car', 'pursuit policy', 'radio'];
  const msgs: CaseMessage[] = [];
  // One line in forty variants (another place, a typo, an exclamation mark), all scored alike.
  for (let k = 0; k < 40; k++) {
    const place = places[k % places.length]!;
    const text = `why is the bit ${k % 3 === 0 ? 'abuot' : 'about'} the ${place} so true tho 😭😭${k % 2 ? '!' : ''}`;
    msgs.push({ id: `v${k}`, text, score: 0.5 });
  }
  for (let k = 0; k < 20; k++)
    msgs.push({ id: `d${k}`, text: `${word(k)} ${word(k + 100)} ${word(k + 200)}`, score: 0.3 });
  for (let k = 0; k < 300; k++)
    msgs.push({ id: `f${k}`, text: `${word(k + 300)} ${word(k + 700)}`, score: 0.05 });
  msgs.push({ id: 'hit', text: 'the new sergeant is a useless cow', score: 0.9 });
  const idx = indexCase(msgs);
  const codes = [
    { messageId: 'hit', offensive: true },
    { messageId: 'f0', offensive: false },
  ];

  it('takes one variant of a line no one has coded, then the other lines', () => {
    const top = rerank(idx, codes)
      .ranking.slice(0, 21)
      .map((r) => r.id);
    expect(top.filter((id) => id.startsWith('v'))).toHaveLength(1);
    expect(top.filter((id) => id.startsWith('d'))).toHaveLength(20);
    // Without it, the variants fill the head (their scores are alike and the highest).
    const plain = rerank(idx, codes, { ...DEFAULT_RERANK, diversityWindow: 0 }).ranking.slice(0, 21);
    expect(plain.filter((r) => r.id.startsWith('v')).length).toBeGreaterThan(10);
  });

  it('changes the order only, and the waiting variants follow the head', () => {
    const run = rerank(idx, codes);
    const plain = rerank(idx, codes, { ...DEFAULT_RERANK, diversityWindow: 0 });
    const score = (r: typeof run, id: string) => r.ranking.find((x) => x.id === id)!.score;
    expect(score(run, 'v7')).toBe(score(plain, 'v7'));
    const order = run.ranking.map((r) => r.id);
    // The head here is the lines among the top quarter of the ranking (a small case); the 39 waiting
    // variants come straight after it, in their order.
    const at = order.flatMap((id, i) => (id.startsWith('v') ? [i] : []));
    expect(at[0]).toBe(0);
    expect(at[1]).toBeGreaterThan(20);
    expect(at.slice(1).every((p, i) => p === at[1]! + i)).toBe(true);
  });

  it('does not hold back the variants of a line coded offensive', () => {
    const run = rerank(idx, [...codes, { messageId: 'v0', offensive: true }]);
    const top = run.ranking.slice(0, 21).map((r) => r.id);
    expect(top.filter((id) => id.startsWith('v')).length).toBeGreaterThan(15);
  });

  it('keeps the ranking of no codes the flagger order', () => {
    const order = rerank(idx, [])
      .ranking.slice(0, 5)
      .map((r) => r.id);
    expect(order).toEqual(['hit', 'v0', 'v1', 'v2', 'v3']);
  });
});
