/**
 * Terms to highlight from a search query in the CLI syntax: words, "phrases", prefix*, AND/OR/NOT,
 * parentheses and emoji. Operators and negated terms are not highlighted.
 */
export interface HighlightTerm {
  readonly text: string;
  readonly prefix: boolean;
}

export function termsFromQuery(q: string): HighlightTerm[] {
  const out: HighlightTerm[] = [];
  const re = /"([^"]+)"|(\S+)/g;
  let negateNext = false;
  for (const m of q.matchAll(re)) {
    if (m[1] !== undefined) {
      if (!negateNext) out.push({ text: m[1], prefix: false });
      negateNext = false;
      continue;
    }
    let tok = (m[2] ?? '').replace(/[()]/g, '');
    if (!tok) continue;
    if (tok === 'AND' || tok === 'OR') continue;
    if (tok === 'NOT') {
      negateNext = true;
      continue;
    }
    if (tok.startsWith('-')) {
      tok = tok.slice(1);
      negateNext = true;
    }
    const prefix = tok.endsWith('*');
    if (prefix) tok = tok.slice(0, -1);
    if (tok && !negateNext) out.push({ text: tok, prefix });
    negateNext = false;
  }
  return out;
}

const STORAGE_KEY = 'scrutineer.highlight.';

/** Persistent highlighting: the terms stay on for the case until the reviewer clears them. */
export function loadHighlight(caseId: number): string {
  try {
    return window.localStorage.getItem(STORAGE_KEY + caseId) ?? '';
  } catch {
    return '';
  }
}

export function saveHighlight(caseId: number, q: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY + caseId, q);
  } catch {
    // storage unavailable (private mode): highlighting lasts for the page only
  }
}
