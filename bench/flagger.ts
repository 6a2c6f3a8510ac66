/**
 * Flagger benchmark: model load time and messages per second on one core (the engine is single-threaded;
 * a worker per core scales it). Messages are short chat lines of the kind found in seized group chats:
 * mostly ordinary, some abusive, some obfuscated, some emoji.
 */

import { performance } from 'node:perf_hooks';

// Ordinary chat dominates a seized phone (the watchdog's case: a few hundred offensive messages among
// 6,000): the generated corpus is about 85 % everyday lines and 15 % abusive, obfuscated or emoji lines.
const EVERYDAY = [
  'see you at {t} at the nick',
  'anyone fancy a brew?',
  'IC3 male detained, NFA',
  'lol that job was mental',
  'who is on the late turn {d}',
  'fucking hell what a shift',
  'Misper found safe and well',
  'can you cover my rest day {d}? 👍',
  'the DI wants the file by {d}',
  'proper knackered, off home',
  'got a DV on the estate again',
  'sarge is on the warpath 😬',
  "don't forget the leaving do {d} 🍻",
  'Black male, approx 20, grey hoodie',
  'I love my job some days',
  'running late, {t} now',
  'ok mate',
  'cheers {n}',
  'where are the car keys?',
  'van is back at {t}',
  'haha classic {n}',
  'nice one 👏',
  'on my way',
  'RTC on the A{t}, roads closed',
  'who has the custody log?',
  'brief is here for the interview',
];
const ABUSIVE = [
  'women are vermin',
  'I h4te immigrants',
  'gay people are 🐀',
  'she was asking for it 😂',
  'muslims should all be deported',
  'f a g g o t',
  'typical {n}, useless retard',
  'send them all back lol',
];
const FILL: Record<string, string[]> = {
  '{t}': ['6', '7', '40', '10:30', '1400', '5', '22'],
  '{d}': ['tomorrow', 'Friday', 'sat', 'next week', 'tonight', 'Monday'],
  '{n}': ['Dave', 'Sarge', 'Jonesy', 'mate', 'Kev', 'Smithy', 'boss'],
};

function corpus(size: number): string[] {
  let seed = 12345;
  const rand = (k: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % k;
  };
  const out: string[] = [];
  for (let k = 0; k < size; k++) {
    const pool = rand(100) < 85 ? EVERYDAY : ABUSIVE;
    let m = pool[rand(pool.length)]!;
    for (const [slot, vals] of Object.entries(FILL)) m = m.replace(slot, vals[rand(vals.length)]!);
    out.push(m);
  }
  return out;
}

export async function benchFlagger(): Promise<{ name: string; rows: Record<string, string | number>[] }> {
  const t0 = performance.now();
  const { createFlagger } = await import('../src/analysis/flagger/index.js');
  const flagger = createFlagger();
  const loadMs = performance.now() - t0;
  const t1 = performance.now();
  createFlagger({
    extraTerms: [{ term: 'bluebell', category: 'victims_of_crime', severity: 2 }],
    termListVersion: 'b',
  });
  const caseLoadMs = performance.now() - t1;

  // Warm up the JIT, then time whole passes over the sample for about a second.
  const SAMPLE = corpus(20_000);
  for (let k = 0; k < 20_000; k++) flagger.classify(SAMPLE[k]!);
  // Timed by this process's CPU time, not wall time: "per core" means per CPU-second the engine
  // actually gets, which stays meaningful on a shared, busy machine.
  let n = 0;
  let chars = 0;
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  let cpuMs = 0;
  while (cpuMs < 1500) {
    for (let k = 0; k < 5_000; k++) {
      const m = SAMPLE[(n + k) % SAMPLE.length]!;
      flagger.classify(m);
      chars += m.length;
    }
    n += 5_000;
    const c = process.cpuUsage(cpu0);
    cpuMs = (c.user + c.system) / 1000;
  }
  const wallMs = performance.now() - wall0;
  const perSec = Math.round((n / cpuMs) * 1000);
  // The case analysis reads each message after the two before it (engine 2.6): same sample, in order.
  let nc = 0;
  const cpuC = process.cpuUsage();
  let cpuCMs = 0;
  while (cpuCMs < 1500) {
    for (let k = 0; k < 5_000; k++) {
      const i = (nc + k) % SAMPLE.length;
      flagger.classifyInContext(SAMPLE[i]!, i >= 2 ? [SAMPLE[i - 2]!, SAMPLE[i - 1]!] : []);
    }
    nc += 5_000;
    const c = process.cpuUsage(cpuC);
    cpuCMs = (c.user + c.system) / 1000;
  }
  const perSecContext = Math.round((nc / cpuCMs) * 1000);
  const perWallSec = Math.round((n / wallMs) * 1000);
  const big = 'the lads said women are vermin and then went for a pint 🍺 '.repeat(17_000);
  const tb = performance.now();
  flagger.classify(big);
  const bigMs = performance.now() - tb;
  return {
    name: 'flagger',
    rows: [
      { metric: 'model + term lists load (first flagger, ms)', value: Math.round(loadMs) },
      { metric: 'extra flagger with case terms (ms)', value: Math.round(caseLoadMs * 10) / 10 },
      { metric: 'short messages / CPU-second (one core)', value: perSec },
      { metric: 'short messages / wall-clock second (single thread)', value: perWallSec },
      {
        metric: 'short messages / CPU-second, read after the two before (case analysis)',
        value: perSecContext,
      },
      { metric: 'mean message length (chars)', value: Math.round(chars / n) },
      { metric: `one ${Math.round(big.length / 1000)} kB message (ms)`, value: Math.round(bigMs) },
    ],
  };
}
