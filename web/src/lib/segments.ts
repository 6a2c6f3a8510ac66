import type { FlagSpan } from '../api/types';
import type { HighlightTerm } from './search-terms';

/** A run of text with what covers it: a flag span (category and reason) and/or a search hit. */
export interface Segment {
  readonly text: string;
  readonly start: number;
  readonly flag: FlagSpan | null;
  readonly hit: boolean;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Ranges [start, end) of search-term hits, case-insensitive; a prefix term runs to the end of the word. */
export function termRanges(text: string, terms: readonly HighlightTerm[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const t of terms) {
    if (!t.text) continue;
    const body = escapeRegExp(t.text);
    const re = new RegExp(t.prefix ? `${body}[\\p{L}\\p{N}_]*` : body, 'giu');
    for (const m of text.matchAll(re)) {
      if (m[0].length === 0) continue;
      ranges.push([m.index, m.index + m[0].length]);
    }
  }
  return ranges;
}

/**
 * Cuts the original text at every span and hit boundary. Flag spans are UTF-16 offsets into the
 * original text, so the text is never normalised before cutting.
 */
export function segmentText(
  text: string,
  spans: readonly FlagSpan[],
  terms: readonly HighlightTerm[],
): Segment[] {
  const hits = termRanges(text, terms);
  const valid = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start);
  const cuts = new Set<number>([0, text.length]);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  for (const [a, b] of hits) {
    cuts.add(a);
    cuts.add(b);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i] ?? 0;
    const b = points[i + 1] ?? 0;
    if (b <= a) continue;
    const flag = valid.find((s) => s.start <= a && s.end >= b) ?? null;
    const hit = hits.some(([x, y]) => x <= a && y >= b);
    const prev = out[out.length - 1];
    if (prev && prev.flag === flag && prev.hit === hit) {
      out[out.length - 1] = { ...prev, text: prev.text + text.slice(a, b) };
    } else {
      out.push({ text: text.slice(a, b), start: a, flag, hit });
    }
  }
  return out;
}
