/**
 * Flagger benchmark: model load time and messages per second on one core (the engine is single-threaded;
 * a worker per core scales it). Messages are short chat lines of the kind found in seized group chats:
 * mostly ordinary, some abusive, some obfuscated, some emoji.
 */

import { performance } from 'node:perf_hooks';

const SAMPLE = [
  'see you at 6 at the nick',
  'anyone fancy a brew?',
  'IC3 male detained, NFA',
  'lol that job was mental',
  'who is on the late turn tomorrow',
  'fucking hell what a shift',
  'women are vermin',
  'I h4te immigrants',
  'gay people are 🐀',
  'Misper found safe and well',
  'she was asking for it 😂',
  'can you cover my rest day sat? 👍',
  'the DI wants the file by Friday',
  'Muslims are not the problem, mate',
  'proper knackered, off home',
  'got a DV on the estate again',
  'sarge is on the warpath 😬',
  'don\'t forget the leaving do tonight 🍻',
  'Black male, approx 20, grey hoodie',
  'I love my job some days',
];

export async function benchFlagger(): Promise<{ name: string; rows: Record<string, string | number>[] }> {
  const t0 = performance.now();
  const { createFlagger } = await import('../src/analysis/flagger/index.js');
  const flagger = createFlagger();
  const loadMs = performance.now() - t0;
  const t1 = performance.now();
  createFlagger({ extraTerms: [{ term: 'bluebell', category: 'victims_of_crime', severity: 2 }], termListVersion: 'b' });
  const caseLoadMs = performance.now() - t1;

  // Warm up the JIT, then time whole passes over the sample for about a second.
  for (let k = 0; k < 20_000; k++) flagger.classify(SAMPLE[k % SAMPLE.length]!);
  let n = 0;
  let chars = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < 1500) {
    for (let k = 0; k < 5_000; k++) {
      const m = SAMPLE[k % SAMPLE.length]!;
      flagger.classify(m);
      chars += m.length;
    }
    n += 5_000;
    elapsed = performance.now() - start;
  }
  const perSec = Math.round((n / elapsed) * 1000);
  const big = 'the lads said women are vermin and then went for a pint 🍺 '.repeat(17_000);
  const tb = performance.now();
  flagger.classify(big);
  const bigMs = performance.now() - tb;
  return {
    name: 'flagger',
    rows: [
      { metric: 'model + term lists load (first flagger, ms)', value: Math.round(loadMs) },
      { metric: 'extra flagger with case terms (ms)', value: Math.round(caseLoadMs * 10) / 10 },
      { metric: 'short messages / s (one core)', value: perSec },
      { metric: 'mean message length (chars)', value: Math.round(chars / n) },
      { metric: `one ${Math.round(big.length / 1000)} kB message (ms)`, value: Math.round(bigMs) },
    ],
  };
}
