/**
 * A generated case for the evaluation's simulated review: 6,500 chat messages, of which 150 are
 * offensive lines from the corpus DEV templates (phrasings the model never trained on), 40 are hard
 * negatives from the dev templates (counter-speech, reports of what a suspect said, false friends,
 * jargon, negation, reclaimed use, victim support), and the rest everyday chat: the dev templates'
 * everyday lines, then the demo chat's messages (its own offensive incidents left out). Then a reviewer codes in priority order, using the
 * truth labels, with or without the per-case re-ranking of ../active.ts after every batch.
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateDemoChat } from '../../../demo/generate-chat.js';
import { indexCase, rerank, type CaseIndex, type RerankParams, type ReviewCode } from '../active.js';
import type { Flagger, Pipeline } from '../index.js';
import { fnv, seeded, type CorpusLine } from './corpus.js';
import { repoRoot } from './data.js';

export interface SimMessage {
  id: string;
  text: string;
  offensive: boolean;
  hardNegative: boolean;
}

const HARD_KINDS = new Set([
  'counter_speech',
  'neutral_report',
  'false_friend',
  'jargon',
  'negation',
  'reclaimed',
  'victim_support',
]);

function sample<T>(xs: readonly T[], n: number, r: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, n);
}

/** The demo chat's offensive lines (`INCIDENTS` in src/demo/generate-chat.ts), read from its source. */
export function demoIncidentLines(): Set<string> {
  const src = readFileSync(path.join(repoRoot(), 'src', 'demo', 'generate-chat.ts'), 'utf8');
  const from = src.indexOf('const INCIDENTS');
  const block = src.slice(from, src.indexOf('];', from));
  const out = new Set<string>();
  for (const m of block.matchAll(/^\s*text:\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"),\s*$/gm)) {
    out.add((m[1] ?? m[2]!).replace(/\\(.)/g, '$1'));
  }
  return out;
}

/** The demo chat's messages (single-line ones), without the offensive incidents it contains. */
function everyday(seed: number, incidents: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const line of generateDemoChat(seed).split('\n')) {
    const m = /^\d\d\/\d\d\/\d{4}, \d\d:\d\d - [^:]+: (.+)$/.exec(line);
    if (m !== null && !incidents.has(m[1]!)) out.push(m[1]!);
  }
  return out;
}

export function generateEvalCase(
  dev: readonly CorpusLine[],
  incidents: ReadonlySet<string>,
  size = 6500,
  seed = 2026,
): SimMessage[] {
  const r = seeded(seed);
  const offensive = sample(
    dev.filter((l) => l.label === 1),
    150,
    r,
  );
  const hard = sample(
    dev.filter((l) => l.label === 0 && HARD_KINDS.has(l.kind.split('+')[0]!)),
    40,
    r,
  );
  // Everyday chat: the corpus's dev "everyday" lines (every author's, never trained on, each once) and
  // then the demo chat's messages, which repeat a few hundred texts as real groups do ("on way",
  // "lol"). The demo alone made a case of ~455 distinct texts, where a re-ranker that lets one code
  // stand for every copy of a text finds the rest by elimination.
  const varied = sample(
    dev.filter((l) => l.label === 0 && l.kind.split('+')[0] === 'everyday').map((l) => l.text),
    size - 190,
    r,
  );
  const demo: string[] = [];
  for (let s = 1; demo.length < size; s++) demo.push(...everyday(s, incidents));
  const filler = [...varied, ...sample(demo, size - 190 - varied.length, r)];
  const msgs: SimMessage[] = [
    ...offensive.map((l) => ({ id: '', text: l.text, offensive: true, hardNegative: false })),
    ...hard.map((l) => ({ id: '', text: l.text, offensive: false, hardNegative: true })),
    ...filler.map((text) => ({ id: '', text, offensive: false, hardNegative: false })),
  ];
  // A fixed pseudo-random order (hash of text and position), ids in that order.
  const keyed = msgs.map((m, k) => ({ m, key: fnv(`${k}:${m.text}`) }));
  keyed.sort((x, y) => x.key - y.key);
  return keyed.map(({ m }, k) => ({ ...m, id: `m${String(k).padStart(5, '0')}` }));
}

export interface ReviewPoint {
  reviewedShare: number;
  foundShare: number;
}

/**
 * Code in priority order, `batch` messages at a time, until `maxShare` of the case is reviewed.
 * With `active`, the per-case model is refitted on all codes so far after each batch and the next
 * batch is taken from its ranking; without, the flagger's ranking is followed throughout.
 */
export function simulateReview(
  msgs: readonly SimMessage[],
  scores: readonly number[],
  pipeline: Pipeline,
  o: { active: boolean; batch?: number; maxShare?: number; index?: CaseIndex; params?: RerankParams },
): ReviewPoint[] {
  const batch = o.batch ?? 65;
  const maxShare = o.maxShare ?? 0.3;
  const total = msgs.filter((m) => m.offensive).length;
  const truth = new Map(msgs.map((m) => [m.id, m.offensive]));
  const index =
    o.index ??
    indexCase(
      msgs.map((m, k) => ({ id: m.id, text: m.text, score: scores[k]! })),
      pipeline,
    );
  let order = msgs
    .map((m, k) => ({ id: m.id, s: scores[k]!, k }))
    .sort((a, b) => b.s - a.s || a.k - b.k)
    .map((x) => x.id);
  const codes: ReviewCode[] = [];
  const points: ReviewPoint[] = [{ reviewedShare: 0, foundShare: 0 }];
  let found = 0;
  while (codes.length < maxShare * msgs.length && order.length > 0) {
    for (const id of order.slice(0, batch)) {
      const y = truth.get(id)!;
      codes.push({ messageId: id, offensive: y });
      if (y) found++;
    }
    points.push({ reviewedShare: codes.length / msgs.length, foundShare: found / total });
    if (o.active) order = rerank(index, codes, o.params).ranking.map((x) => x.id);
    else order = order.slice(batch);
  }
  return points;
}

/** Share found once `share` of the case has been reviewed (interpolated between batches). */
export function foundAt(points: readonly ReviewPoint[], share: number): number {
  for (let i = 1; i < points.length; i++) {
    const p = points[i - 1]!;
    const q = points[i]!;
    if (q.reviewedShare >= share) {
      const t = (share - p.reviewedShare) / (q.reviewedShare - p.reviewedShare);
      return p.foundShare + t * (q.foundShare - p.foundShare);
    }
  }
  return points[points.length - 1]!.foundShare;
}

export function scoreCase(flagger: Flagger, msgs: readonly SimMessage[]): number[] {
  return msgs.map((m) => flagger.classify(m.text).score);
}
