/**
 * Hashed word and character n-grams of the NORMALISED token stream (so "h4te", "haaate" and "h a t e"
 * produce the same features as "hate", and emoji appear by name: "rat", "knife", "rainbow_flag").
 * Engine 1.x's linear model used them; the per-case re-ranker (active.ts) uses them now, and the
 * feature settings (`DEFAULT_FEATURES`) are shared with the neural model (neural.ts).
 *
 * Hashing (FNV-1a, 2^20 buckets) keeps the feature extraction allocation-free and fast: no substrings,
 * no dictionary lookups per n-gram.
 */

import { TK_END, TK_EMOJI, TK_NUM, TK_WORD, type Token } from './normalise.js';

export const HASH_BITS = 20;
export const HASH_SIZE = 1 << HASH_BITS;
const MASK = HASH_SIZE - 1;

export interface FeatureConfig {
  charMin: number;
  charMax: number;
  wordBigrams: boolean;
  /** Only the first N characters of normalised text feed the model: keeps megabyte messages linear and cheap. */
  maxChars: number;
}

/** charMax is at most 5 (the rolling window in featurize holds five characters). */
export const DEFAULT_FEATURES: FeatureConfig = { charMin: 3, charMax: 5, wordBigrams: true, maxChars: 4000 };

/** Reusable buffer for feature ids (no allocation per message). */
let featBuf = new Int32Array(8192);

function pushFeat(count: number, h: number): number {
  if (count >= featBuf.length) {
    const bigger = new Int32Array(featBuf.length * 2);
    bigger.set(featBuf);
    featBuf = bigger;
  }
  featBuf[count] = h & MASK;
  return count + 1;
}

function fnvStr(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h;
}

/** FNV-1a of a string, for features that are not n-grams (the case re-ranker's case-term features). */
export function hashString(s: string): number {
  return fnvStr(0x811c9dc5 | 0, s) >>> 0;
}

/**
 * Compute hashed feature ids into a shared buffer; returns the count. Callers must consume the ids
 * before the next call.
 */
export function featurize(tokens: readonly Token[], cfg: FeatureConfig): { ids: Int32Array; count: number } {
  let count = 0;
  let prev = 0x9e3779b9 | 0;
  let chars = 0;
  // Word unigrams and bigrams.
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t]!;
    if (tok.kind === TK_END) {
      prev = 0x9e3779b9 | 0;
      continue;
    }
    if (tok.kind !== TK_WORD && tok.kind !== TK_EMOJI && tok.kind !== TK_NUM) continue;
    const key = tok.kind === TK_NUM ? '#' : tok.key;
    chars += key.length + 1;
    if (chars > cfg.maxChars) break;
    const hw = fnvStr(0x811c9dc5 | 0, key);
    count = pushFeat(count, hw);
    if (cfg.wordBigrams) count = pushFeat(count, Math.imul(prev ^ 0x5bd1e995, 31) ^ hw);
    prev = hw;
  }
  // Character n-grams over " key key key " (word boundaries are part of the n-grams). A rolling window
  // of the last charMax characters; for each new character the n-grams ending there are hashed.
  chars = 0;
  const cmax = cfg.charMax;
  const cmin = cfg.charMin;
  let w0 = 32;
  let w1 = 0;
  let w2 = 0;
  let w3 = 0;
  let w4 = 0;
  let filled = 1;
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t]!;
    if (tok.kind !== TK_WORD && tok.kind !== TK_EMOJI) continue;
    const key = tok.key;
    chars += key.length + 1;
    if (chars > cfg.maxChars) break;
    for (let i = 0; i <= key.length; i++) {
      const c = i < key.length ? key.charCodeAt(i) : 32;
      w4 = w3;
      w3 = w2;
      w2 = w1;
      w1 = w0;
      w0 = c;
      if (filled < cmax) filled++;
      // Hash from the newest character backwards: n-gram of length len = w[len-1..0] reversed.
      let h = 0x01000193 | 0;
      for (let len = 1; len <= filled; len++) {
        const ch = len === 1 ? w0 : len === 2 ? w1 : len === 3 ? w2 : len === 4 ? w3 : w4;
        h ^= ch;
        h = Math.imul(h, 16777619);
        if (len >= cmin) count = pushFeat(count, h ^ Math.imul(len, 0x27d4eb2d));
      }
    }
  }
  return { ids: featBuf, count };
}
