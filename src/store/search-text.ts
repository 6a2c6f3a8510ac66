/**
 * The searchable copy of a message body. The stored `text` is never changed; this derived copy is
 * what the full-text index sees, on SQLite (FTS5, unicode61) and on PostgreSQL ('simple' config).
 *
 * Steps, in order: NFKC; drop direction marks and the BOM; lowercase; fold Latin accents (`café`
 * is indexed as `cafe`, so `cafe` finds it; other scripts keep their marks, which carry meaning
 * there); replace each emoji (with its modifiers, ZWJ parts and tags) by a word like ` emoji_1f602 `
 * so that it survives tokenisers that drop symbols. The same function normalises query words, so
 * both sides always agree. Stores made before the folding are brought up to it by migration 0019.
 */

/** LRM, RLM, LRE..RLO (U+202A-U+202E), LRI..PDI (U+2066-U+2069), BOM / zero-width no-break space. */
const INVISIBLE_MARKS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/gu;

/** Variation selectors: VS16 (emoji presentation) and VS15 (text presentation) carry no meaning for search. */
const VARIATION_SELECTORS = new Set([0xfe0e, 0xfe0f]);

/**
 * One emoji: a regional-indicator pair (flag), a keycap, or a pictograph with optional variation
 * selector, skin tone, tag sequence (e.g. the England flag) and ZWJ-joined continuations.
 * A lone skin-tone modifier is matched too, so it is never silently lost.
 */
const PICTO_PART =
  '(?:\\p{Extended_Pictographic}|\\p{Emoji_Modifier})[\\uFE0E\\uFE0F]?\\p{Emoji_Modifier}?(?:[\\u{E0020}-\\u{E007E}]+\\u{E007F})?';
export const EMOJI_PATTERN = new RegExp(
  `\\p{Regional_Indicator}{2}|[#*0-9]\\uFE0F?\\u20E3|${PICTO_PART}(?:\\u200D${PICTO_PART})*`,
  'gu',
);

/** The token for one emoji sequence: `emoji_` then its code points in lowercase hex, variation selectors dropped. */
export function emojiToken(emoji: string): string {
  const parts: string[] = [];
  for (const ch of emoji) {
    const cp = ch.codePointAt(0)!;
    if (!VARIATION_SELECTORS.has(cp)) parts.push(cp.toString(16));
  }
  return `emoji_${parts.join('_')}`;
}

/** A Latin letter with its combining marks (after NFD). */
const LATIN_MARKED = /(\p{Script=Latin})\p{M}+/gu;
/** Latin letters whose stroke or slash is no combining mark, folded as readers type them. */
const LATIN_SINGLE: Readonly<Record<string, string>> = {
  ł: 'l',
  Ł: 'L',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ħ: 'h',
  Ħ: 'H',
};
const LATIN_SINGLE_RE = /[łŁøØđĐħĦ]/g;

/**
 * Latin letters without their accents (`café` → `cafe`, `Łukasz` → `Lukasz`, `tiếng` → `tieng`);
 * marks on letters of other scripts (Devanagari vowel signs, Arabic harakat …) are kept, because
 * there they are part of the word. Text without non-ASCII characters is returned as it is.
 */
export function foldLatinAccents(text: string): string {
  if (!/[^\u0000-\u007F]/.test(text)) return text;
  return text
    .normalize('NFD')
    .replace(LATIN_MARKED, '$1')
    .normalize('NFC')
    .replace(LATIN_SINGLE_RE, (c) => LATIN_SINGLE[c] ?? c);
}

/**
 * ASCII, ZWJ and emoji blocks without decompositions, marks or case (test/store/search-text.test.ts
 * checks each code point): NFKC, the marks, lowercasing and accent folding leave them as they are.
 */
const ASCII_AND_EMOJI =
  /^[\u0000-\u007F\u200D\u2600-\u27BF\u{1F000}-\u{1F0FF}\u{1F1E6}-\u{1F1FF}\u{1F300}-\u{1FAFF}]*$/u;
const NON_ASCII = /[^\u0000-\u007F]/;

export function toSearchText(text: string): string {
  // Most messages: only their case and their emoji change (a fast path for the import's hot loop).
  if (ASCII_AND_EMOJI.test(text)) {
    const lower = text.toLowerCase();
    return NON_ASCII.test(lower) ? lower.replace(EMOJI_PATTERN, (emoji) => ` ${emojiToken(emoji)} `) : lower;
  }
  return foldLatinAccents(text.normalize('NFKC').replace(INVISIBLE_MARKS, '').toLowerCase()).replace(
    EMOJI_PATTERN,
    (emoji) => ` ${emojiToken(emoji)} `,
  );
}

/**
 * A sender's name as people type it, for finding senders: direction marks (Android wraps numbers
 * in U+202A…U+202C) and BOMs dropped, NFKC, case and Latin accents folded, runs of space as one.
 * The stored name is never changed; this only decides which stored names a typed one means.
 */
export function senderKey(name: string): string {
  return foldLatinAccents(name.normalize('NFKC').replace(INVISIBLE_MARKS, '').toLowerCase())
    .replace(/[\s\u00A0\u202F]+/g, ' ')
    .trim();
}

/** The digits of a name that is a phone number (`+44 7700 900123`, `(0)7700-900123`), else null. */
export function phoneDigits(name: string): string | null {
  const key = senderKey(name);
  if (!/^\+?[\d ()./-]{6,}$/.test(key)) return null;
  return key.replace(/\D/g, '');
}

/**
 * The tokens a search engine sees in already-normalised text: runs of letters, digits, marks and
 * private-use characters. This mirrors FTS5 unicode61 with `categories 'L* N* Co M*'` and the
 * PostgreSQL column, which maps the punctuation its parser would keep (`@ . / : - _` ...) to spaces.
 * An emoji token `emoji_1f44d_1f3fd` therefore yields `emoji`, `1f44d`, `1f3fd` on both.
 */
const TOKEN = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;

export function searchTokens(normalised: string): string[] {
  return normalised.match(TOKEN) ?? [];
}
