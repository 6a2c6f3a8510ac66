/**
 * Normalisation that sees through obfuscation while keeping every token tied to character offsets in the
 * ORIGINAL text (UTF-16 code units, end exclusive), so evidence spans always point at what the sender typed.
 *
 * One linear pass over the text; every step is per character or per token, never backtracking, so a
 * megabyte-long message costs a megabyte of work. Steps: case folding, Unicode look-alikes and diacritics
 * (NFKD + a confusables table), zero-width and bidi controls dropped, apostrophes inside words joined,
 * leetspeak mapped, emoji clustered (ZWJ sequences, skin tones, flags, tags) and named, repeated letters
 * squeezed (`key`), and letters spelled out with spaces or punctuation (`s p a c e d`, `s.p.a.c.e.d`)
 * offered as a joined candidate.
 *
 * Why one file over 500 lines: the one linear pass and its tables (confusables, leet, emoji letters) must agree on offsets, so they are kept together.
 */

import emojiData from './terms/emoji.json' with { type: 'json' };

export const TK_WORD = 0;
export const TK_NUM = 1;
export const TK_EMOJI = 2;
/** Sentence end: . ! ? ; newline and the like. */
export const TK_END = 3;
export const TK_QUOTE = 4;
/** Clause break inside a sentence: a comma, colon or dash followed by a space. Negation stops here. */
export const TK_COMMA = 5;

export interface Token {
  /** Normalised form: lower case ASCII letters/digits for words; the emoji's name for emoji. */
  norm: string;
  /** `norm` with runs of the same letter squeezed to one (`fagggot` → `fagot`): the lookup key. */
  key: string;
  /** Key of the form before leetspeak mapping, where it differs (`ic3` stays findable). */
  alt?: string;
  /**
   * The word's letters (not squeezed) with a symbol at its edge read as a letter (`n1gg@` → `nigga`,
   * `@spie` → `aspie`), where the tokeniser dropped it as punctuation or a mention marker. Only slurs
   * are looked up under it.
   */
  edge?: string;
  start: number;
  end: number;
  kind: number;
  /** For emoji: the meaning from terms/emoji.json (role, group, category). */
  emoji?: EmojiInfo;
  /** The token contains `*` or `#` standing in for letters (`f**k`). */
  masked?: boolean;
  /** The form before an abbreviation was expanded (`n` before `and`): spaced letters join on it. */
  raw?: string;
  /** Set when the token was produced by joining spaced letters or splitting a run-together word. */
  synthetic?: 'joined' | 'split';
  /** The word carried a possessive 's ("women's"). */
  poss?: boolean;
  /** Index of the first original token in a `joined` token (so a failed join can be undone). */
  parts?: Token[];
}

/**
 * Every token is created with the same fields in the same order, so V8 keeps one hidden class for
 * all of them (property access stays monomorphic on the hot path).
 */
export function makeToken(norm: string, key: string, start: number, end: number, kind: number): Token {
  return {
    norm,
    key,
    alt: undefined,
    edge: undefined,
    start,
    end,
    kind,
    emoji: undefined,
    masked: undefined,
    raw: undefined,
    synthetic: undefined,
    parts: undefined,
    poss: undefined,
  };
}

export interface EmojiInfo {
  name: string;
  role?: string;
  group?: string;
  category?: string;
  /** A group stand-in only before a word for people ("🚤 people"), the thing itself otherwise. */
  peopleOnly?: boolean;
}

interface EmojiFile {
  version: string;
  darkTonePersons: string[];
  emoji: Record<string, EmojiInfo>;
}

const EMOJI = emojiData as unknown as EmojiFile;
export const EMOJI_VERSION = EMOJI.version;
const EMOJI_MAP = new Map<string, EmojiInfo>(Object.entries(EMOJI.emoji));
const DARK_TONE_PERSONS = new Set(EMOJI.darkTonePersons.map((s) => s.replace(/\uFE0F/g, '')));
const BLACK_IDENTITY: EmojiInfo = {
  name: 'black person',
  role: 'identity',
  group: 'black',
  category: 'race_ethnicity',
};

const BROWN_IDENTITY: EmojiInfo = {
  name: 'brown person',
  role: 'identity',
  group: 'ethnicity',
  category: 'race_ethnicity',
};
const FLAG_IDENTITY: EmojiInfo = {
  name: 'flag',
  role: 'identity',
  group: 'nationality',
  category: 'race_ethnicity',
};
const HOME_FLAGS = new Set(['🇬🇧', '🇺🇳', '🇪🇺', '🇮🇲', '🇯🇪', '🇬🇬']);

/** Look-alike letters that NFKD does not fold (Cyrillic, Greek, IPA, Cherokee, ...). */
const CONFUSABLES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԍ: 'g',
  һ: 'h',
  ӏ: 'l',
  ԛ: 'q',
  ԝ: 'w',
  ү: 'y',
  ғ: 'f',
  ь: 'b',
  α: 'a',
  β: 'b',
  γ: 'y',
  δ: 'd',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  ς: 's',
  σ: 'o',
  μ: 'u',
  λ: 'a',
  π: 'n',
  θ: 'o',
  ɡ: 'g',
  ɑ: 'a',
  ɪ: 'i',
  ʏ: 'y',
  ɴ: 'n',
  ʀ: 'r',
  ᴀ: 'a',
  ʙ: 'b',
  ᴄ: 'c',
  ᴅ: 'd',
  ᴇ: 'e',
  ꜰ: 'f',
  ʜ: 'h',
  ᴊ: 'j',
  ᴋ: 'k',
  ʟ: 'l',
  ᴍ: 'm',
  ᴏ: 'o',
  ᴘ: 'p',
  ǫ: 'q',
  ꜱ: 's',
  ᴛ: 't',
  ᴜ: 'u',
  ᴠ: 'v',
  ᴡ: 'w',
  ᴢ: 'z',
  ø: 'o',
  đ: 'd',
  ħ: 'h',
  ł: 'l',
  ŧ: 't',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ð: 'd',
  ı: 'i',
  ƒ: 'f',
  '¡': 'i',
  ℓ: 'l',
  '€': 'e',
  '£': 'l',
  '¢': 'c',
  '¥': 'y',
  '∂': 'd',
  ə: 'e',
  ɐ: 'a',
  ɔ: 'c',
  ʇ: 't',
  ɯ: 'm',
  ɹ: 'r',
  ʞ: 'k',
};

/** Leetspeak: symbols and digits standing for letters inside a word. */
const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
  '+': 't',
  '€': 'e',
  '(': 'c',
  '<': 'c',
};

// Per-code-unit fold table for the BMP, filled lazily: '' = drop, '\u0000' = not a letter, else letters.
const FOLD_CACHE = new Map<number, string>();
const NOT_LETTER = '\u0000';

function foldCodePoint(cp: number): string {
  // ASCII fast path.
  if (cp < 128) {
    if (cp >= 97 && cp <= 122) return String.fromCharCode(cp);
    if (cp >= 65 && cp <= 90) return String.fromCharCode(cp + 32);
    return NOT_LETTER;
  }
  const cached = FOLD_CACHE.get(cp);
  if (cached !== undefined) return cached;
  let out: string;
  // Zero-width characters and bidi controls are dropped: they are used to split words invisibly
  // (and RTL overrides to disguise them) but carry no meaning.
  if (
    cp === 0x00ad ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0x2066 && cp <= 0x2069) ||
    cp === 0xfeff ||
    cp === 0x034f ||
    cp === 0xfe0f ||
    cp === 0xfe0e ||
    cp === 0x20e3
  ) {
    out = '';
  } else if (cp >= 0x0300 && cp <= 0x036f) {
    out = ''; // combining diacritics (Zalgo text)
  } else {
    const ch = String.fromCodePoint(cp);
    const conf = CONFUSABLES[ch] ?? CONFUSABLES[ch.toLowerCase()];
    if (conf !== undefined) {
      out = conf;
    } else {
      const decomposed = ch.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
      let letters = '';
      for (const c of decomposed) {
        if (c >= 'a' && c <= 'z') letters += c;
        else {
          const c2 = CONFUSABLES[c];
          if (c2 !== undefined) letters += c2;
          else if (c >= '0' && c <= '9') letters += c;
        }
      }
      out = letters.length > 0 ? letters : NOT_LETTER;
      // Fullwidth/mathematical digits decompose to ASCII digits: keep them as digits for leet handling.
    }
  }
  if (FOLD_CACHE.size < 50_000) FOLD_CACHE.set(cp, out);
  return out;
}

function letterEmoji(cp: number): string | undefined {
  // Squared, circled and negative-squared Latin capitals (🄰 🅐 🅰 ...).
  if (cp >= 0x1f130 && cp <= 0x1f149) return String.fromCharCode(97 + cp - 0x1f130);
  if (cp >= 0x1f150 && cp <= 0x1f169) return String.fromCharCode(97 + cp - 0x1f150);
  if (cp >= 0x1f170 && cp <= 0x1f189) return String.fromCharCode(97 + cp - 0x1f170);
  if (cp === 0x2139) return 'i'; // ℹ️
  if (cp === 0x24c2) return 'm'; // Ⓜ️
  return undefined;
}

/**
 * Emoji that look like a letter when typed inside a word ("w⭕men", "mu💲lims", "imm❗grants"). Circles
 * and balls read as "o"; a lone regional indicator (🇮, not part of a flag) reads as its letter.
 */
const EMOJI_SHAPES = new Map<number, string>([
  [0x2b55, 'o'], // ⭕
  [0x26aa, 'o'], // ⚪
  [0x26ab, 'o'], // ⚫
  [0x1f534, 'o'], // 🔴
  [0x1f535, 'o'], // 🔵
  [0x1f7e0, 'o'],
  [0x1f7e1, 'o'],
  [0x1f7e2, 'o'],
  [0x1f7e3, 'o'],
  [0x1f7e4, 'o'],
  [0x1f518, 'o'], // 🔘
  [0x1f369, 'o'], // 🍩
  [0x26bd, 'o'], // ⚽
  [0x1f3c0, 'o'], // 🏀
  [0x1f315, 'o'], // 🌕
  [0x1f311, 'o'], // 🌑
  [0x1f4bf, 'o'], // 💿
  [0x1f4c0, 'o'], // 📀
  [0x274c, 'x'], // ❌
  [0x2716, 'x'], // ✖
  [0x274e, 'x'], // ❎
  [0x2757, 'i'], // ❗
  [0x2755, 'i'], // ❕
  [0x2763, 'i'], // ❣
  [0x271d, 't'], // ✝
  [0x1f4b2, 's'], // 💲
  [0x26a1, 's'], // ⚡ (the SS rune shape)
]);

/**
 * An emoji typed between letters with no space ("f💩gs", "w⭕men", "k🔫ll"): it stands for a letter
 * there, not for its picture. A letter-shaped one is that letter; any other is a mask ("*"), matched
 * like "f*gs". Only between ASCII letters, so "love ❤️ you" and "done✅" keep their emoji.
 * Returns the letter and the index after the emoji (with its selectors and skin tone).
 */
function emojiInWord(
  text: string,
  i: number,
  cp: number,
  width: number,
): { letter: string; end: number } | undefined {
  let k = i + width;
  while (k < text.length) {
    const c = text.codePointAt(k)!;
    if (c === 0xfe0f || c === 0xfe0e) k++;
    else if (isSkinTone(c)) k += 2;
    else break;
  }
  if (k >= text.length) return undefined;
  const next = text.charCodeAt(k);
  if (!((next >= 97 && next <= 122) || (next >= 65 && next <= 90))) return undefined;
  const prev = text.charCodeAt(i - 1);
  if (!((prev >= 97 && prev <= 122) || (prev >= 65 && prev <= 90))) return undefined;
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) return { letter: String.fromCharCode(97 + cp - 0x1f1e6), end: k };
  return { letter: EMOJI_SHAPES.get(cp) ?? '*', end: k };
}

let pictographic: RegExp | undefined;
function isPictographic(cp: number): boolean {
  if (cp < 0x00a9) return false;
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) return true; // regional indicators (flags)
  pictographic ??= /^\p{Extended_Pictographic}$/u;
  const cached = PICTO_CACHE.get(cp);
  if (cached !== undefined) return cached;
  const r = pictographic.test(String.fromCodePoint(cp));
  if (PICTO_CACHE.size < 20_000) PICTO_CACHE.set(cp, r);
  return r;
}
const PICTO_CACHE = new Map<number, boolean>();

function isSkinTone(cp: number): boolean {
  return cp >= 0x1f3fb && cp <= 0x1f3ff;
}

/** Squeeze runs of the same character: the key every term list is indexed by. */
export function squeeze(s: string): string {
  let out = '';
  let prev = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== prev) out += c;
    prev = c;
  }
  return out;
}

function laughKey(norm: string): string | undefined {
  if (norm.length < 3) return undefined;
  if (/^(?:a?h+a+)+h*$|^(?:h+e+)+h*$|^(?:j+a+){2,}$/.test(norm)) return 'haha';
  if (/^l+o+l+(?:o+l+)*z?$/.test(norm)) return 'lol';
  if (/^l+m+f*a+o+$/.test(norm)) return 'lmao';
  return undefined;
}

const SENTENCE_END = new Set(['.', '!', '?', ';', '\n', '\r', '…', '。', '！', '？', '\u2029', '\u2028']);
const CLAUSE_MARKS = new Set([',', ':', '–', '—', '(', ')']);
const QUOTES = new Set(['"', '“', '”', '„', '«', '»', '‘', '’', "'", '`', '‚', '「', '」']);
const APOSTROPHES = new Set(["'", '’', 'ʼ', '´', '`', '‘']);
const LEET_SYMBOLS = new Set(['@', '$', '!', '|', '+', '*', '#', '€', '(', '<']);
const SPACED_SEPARATORS = new Set([
  ' ',
  '.',
  '-',
  '_',
  '*',
  '·',
  '•',
  ',',
  '/',
  '|',
  '~',
  '+',
  ':',
  '\u00a0',
]);

interface WordBuf {
  poss?: boolean;
  chars: string;
  start: number;
  end: number;
  letters: number;
  digits: number;
  symbols: number;
}

/** Symbols that may stand for a word's last letter (`n1gg@`, `f4g$`, `pak!`): read so only for slurs. */
const EDGE_LETTERS: Readonly<Record<string, string>> = { '@': 'a', $: 's', '!': 'i' };

function finishWord(buf: WordBuf, abbreviations: ReadonlyMap<string, string>): Token | undefined {
  let raw = buf.chars;
  // Trailing symbols are punctuation, not leet ("hate!!", "what?!").
  let trail = '';
  while (raw.length > 0 && LEET_SYMBOLS.has(raw[raw.length - 1]!) && raw[raw.length - 1] !== '*') {
    trail = raw[raw.length - 1]!;
    raw = raw.slice(0, -1);
  }
  // Leading '@' is a mention/handle marker; leading '#' a hashtag: keep the word.
  const lead = raw.startsWith('@');
  if (lead || raw.startsWith('#')) raw = raw.slice(1);
  if (raw.length === 0) return undefined;
  let hasLetter = false;
  let hasDigit = false;
  let hasSym = false;
  let masked = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c >= 'a' && c <= 'z') hasLetter = true;
    else if (c >= '0' && c <= '9') hasDigit = true;
    else if (c === '*' || c === '#') masked = true;
    else hasSym = true;
  }
  if (!hasLetter && !masked) {
    if (hasSym) {
      // A run of leet symbols alone ("@$$") is read as letters only if it maps to at least two.
      if (raw.length < 2) return undefined;
    } else {
      // "4" for "for", "2" for "to" in chat ("good 4 sex").
      const asWord = abbreviations.get(raw);
      if (asWord !== undefined && !asWord.includes(' '))
        return makeToken(asWord, asWord, buf.start, buf.end, TK_WORD);
      return makeToken(raw, raw, buf.start, buf.end, TK_NUM);
    }
  }
  let norm = raw;
  let alt: string | undefined;
  if (hasDigit || hasSym) {
    let mapped = '';
    for (let i = 0; i < raw.length; i++) {
      const c = raw[i]!;
      mapped += LEET[c] ?? c;
    }
    alt = squeeze(raw.replace(/[^a-z0-9]/g, ''));
    norm = mapped;
  }
  if (masked) norm = norm.replace(/#/g, '*');
  // Chat spellings are looked up before leet mapping too ("h8" is "hate", not "hb").
  const abbr = abbreviations.get(norm) ?? (norm !== raw ? abbreviations.get(raw) : undefined);
  let before: string | undefined;
  if (abbr !== undefined && !abbr.includes(' ')) {
    before = norm;
    norm = abbr;
  }
  // Only words starting like laughter can be laughter: skip the regexes for everything else.
  const c0 = norm.charCodeAt(0);
  const laugh = c0 === 104 || c0 === 108 || c0 === 106 || c0 === 97 ? laughKey(norm) : undefined;
  const key = laugh ?? squeeze(norm);
  const tok = makeToken(norm, key, buf.start, buf.end, TK_WORD);
  if (alt !== undefined && alt !== key) tok.alt = alt;
  // The first symbol after the word, or an '@' before it, may be a letter in disguise ("n1gg@!!"): kept
  // as a second reading. A mention is read so only when three letters or more follow ("@bo" is Bo).
  const last = EDGE_LETTERS[trail];
  if ((last !== undefined || (lead && raw.length >= 3)) && hasLetter && !masked) {
    let mapped = '';
    for (let i = 0; i < raw.length; i++) mapped += LEET[raw[i]!] ?? raw[i]!;
    const edge = (lead ? 'a' : '') + mapped + (last ?? '');
    if (squeeze(edge) !== key) tok.edge = edge;
  }
  if (masked) tok.masked = true;
  if (before !== undefined) tok.raw = before;
  if (buf.poss === true) tok.poss = true;
  return tok;
}

/**
 * Split text into normalised tokens. `abbreviations` maps chat spellings to words (`ppl` → `people`).
 * Spaced-out letters are joined into one candidate token (with `parts` so the caller can undo it).
 */
/**
 * What one `tokenize` call carries between its scanning steps. One object per message, handed to each
 * step, so the steps need no closures and the per-character loop allocates nothing for bookkeeping.
 */
interface Scan {
  readonly text: string;
  readonly n: number;
  readonly abbreviations: ReadonlyMap<string, string>;
  readonly tokens: Token[];
  /** The word being built, if any. */
  buf: WordBuf | undefined;
}

export function tokenize(text: string, abbreviations: ReadonlyMap<string, string> = new Map()): Token[] {
  const s: Scan = { text, n: text.length, abbreviations, tokens: [], buf: undefined };
  const n = s.n;
  let i = 0;
  while (i < n) {
    const c0 = text.charCodeAt(i);
    // Fast path for runs of ASCII letters (most chat text), kept inline in the loop.
    if ((c0 >= 97 && c0 <= 122) || (c0 >= 65 && c0 <= 90)) i = scanAsciiLetters(s, i);
    else i = scanCodePoint(s, i, c0);
  }
  flushWord(s);
  return joinSpaced(s.tokens, text);
}

/** Ends the word being built, if any, and keeps it when it makes a token. */
function flushWord(s: Scan): void {
  if (s.buf === undefined) return;
  const t = finishWord(s.buf, s.abbreviations);
  if (t !== undefined) s.tokens.push(t);
  s.buf = undefined;
}

/** A run of ASCII letters from `i`: one slice instead of per-character appends. Returns the next index. */
function scanAsciiLetters(s: Scan, i: number): number {
  const text = s.text;
  const n = s.n;
  let k = i + 1;
  while (k < n) {
    const c = text.charCodeAt(k);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) k++;
    else break;
  }
  const run = text.slice(i, k).toLowerCase();
  const buf = s.buf;
  if (buf === undefined) s.buf = { chars: run, start: i, end: k, letters: k - i, digits: 0, symbols: 0 };
  else {
    buf.chars += run;
    buf.letters += k - i;
    buf.end = k;
  }
  return k;
}

/** The word being built, started at `i` when there is none. */
function wordAt(s: Scan, i: number): WordBuf {
  return (s.buf ??= { chars: '', start: i, end: i, letters: 0, digits: 0, symbols: 0 });
}

/**
 * One code point at `i` that is not an ASCII letter: a letter-shaped emoji, an emoji cluster, a folded
 * letter, an invisible character, or something that may end the word. Returns the next index.
 */
function scanCodePoint(s: Scan, i: number, c0: number): number {
  const text = s.text;
  let cp = c0;
  let width = 1;
  if (c0 >= 0xd800 && c0 <= 0xdbff && i + 1 < s.n) {
    const c1 = text.charCodeAt(i + 1);
    if (c1 >= 0xdc00 && c1 <= 0xdfff) {
      cp = (c0 - 0xd800) * 0x400 + (c1 - 0xdc00) + 0x10000;
      width = 2;
    }
  }
  // Lone surrogates are treated as separators: they carry no text.
  const lone = width === 1 && c0 >= 0xd800 && c0 <= 0xdfff;

  // Letter-shaped emoji used to spell words ("f🅰️g", "🅿️🅰️K ℹ️") are letters, not pictures.
  const emojiLetter = lone ? undefined : letterEmoji(cp);
  if (emojiLetter !== undefined) {
    const buf = wordAt(s, i);
    buf.chars += emojiLetter;
    buf.letters++;
    i += width;
    // Swallow the emoji presentation selector.
    if (i < s.n && text.charCodeAt(i) === 0xfe0f) i++;
    buf.end = i;
    return i;
  }
  // A dark skin-tone swatch on its own ("🏿🏿 are …") is the colour standing for Black people.
  if (!lone && (cp === 0x1f3fe || cp === 0x1f3ff)) {
    flushWord(s);
    return scanEmoji(s, i, cp, width);
  }
  if (!lone && isPictographic(cp)) {
    const inWord = s.buf !== undefined && s.buf.letters > 0 ? emojiInWord(text, i, cp, width) : undefined;
    if (inWord !== undefined) {
      const buf = s.buf!;
      buf.chars += inWord.letter;
      if (inWord.letter !== '*') buf.letters++;
      buf.end = inWord.end;
      return inWord.end;
    }
    flushWord(s);
    return scanEmoji(s, i, cp, width);
  }

  const ch = lone ? '\ufffd' : width === 2 ? text.slice(i, i + 2) : text[i]!;
  const folded = lone ? NOT_LETTER : foldCodePoint(cp);
  // Invisible character: skip without breaking the word.
  if (folded === '') return i + width;
  if (folded !== NOT_LETTER) {
    const buf = wordAt(s, i);
    buf.chars += folded;
    buf.letters++;
    buf.end = i + width;
    return i + width;
  }
  return scanNonLetter(s, i, cp, width, ch);
}

/**
 * An emoji cluster starting with pictograph `cp` at `start`: modifiers, skin tones, flag pairs, tags and
 * ZWJ-joined parts make one token. Returns the index after the cluster.
 */
function scanEmoji(s: Scan, start: number, cp: number, width: number): number {
  const text = s.text;
  const n = s.n;
  let key = String.fromCodePoint(cp);
  const base = key;
  let tone = 0;
  let i = start + width;
  const isFlag = cp >= 0x1f1e6 && cp <= 0x1f1ff;
  if (isFlag && i < n) {
    const nx = text.codePointAt(i)!;
    if (nx >= 0x1f1e6 && nx <= 0x1f1ff) {
      key += String.fromCodePoint(nx);
      i += 2;
    }
  }
  // Consume modifiers and ZWJ-joined parts: one emoji cluster is one token.
  while (i < n) {
    const nx = text.codePointAt(i)!;
    const w = nx > 0xffff ? 2 : 1;
    if (nx === 0xfe0f || nx === 0xfe0e || nx === 0x20e3) {
      i += w;
    } else if (isSkinTone(nx)) {
      tone = nx;
      i += w;
    } else if (nx >= 0xe0020 && nx <= 0xe007f) {
      key += String.fromCodePoint(nx);
      i += w;
    } else if (nx === 0x200d && i + 1 < n) {
      const after = text.codePointAt(i + 1)!;
      if (isPictographic(after) || after === 0x2640 || after === 0x2642 || after === 0x26a7) {
        key += '\u200d' + String.fromCodePoint(after);
        i += 1 + (after > 0xffff ? 2 : 1);
      } else break;
    } else break;
  }
  const info = emojiMeaning(key, base, tone, isFlag);
  const name = info?.name ?? 'emoji' + (cp & 0xffff).toString(16);
  const normName = name.replace(/ /g, '_');
  const tok = makeToken(normName, normName, start, i, TK_EMOJI);
  if (info !== undefined) tok.emoji = info;
  s.tokens.push(tok);
  return i;
}

/** What an emoji cluster means: its own entry, its base's for gender variants, or a skin-tone/flag identity. */
function emojiMeaning(key: string, base: string, tone: number, isFlag: boolean): EmojiInfo | undefined {
  if (base === '\u{1F3FE}' || base === '\u{1F3FF}') return BLACK_IDENTITY;
  let info = EMOJI_MAP.get(key);
  // A ZWJ sequence we do not know keeps its base's meaning only for gender variants (🙋‍♀️), not
  // for professions or activities (👩‍🔬 is a scientist first).
  if (info === undefined && key !== base) {
    const rest = key.slice(base.length);
    if (!rest.includes('\u200d') || /^\u200d[\u2640\u2642]$/u.test(rest)) info = EMOJI_MAP.get(base);
  }
  // A faith the emoji names stays its meaning with any skin tone (🧕🏿 is a Muslim woman first).
  const faith = info?.category === 'religion';
  if ((tone === 0x1f3ff || tone === 0x1f3fe) && DARK_TONE_PERSONS.has(base) && !faith) info = BLACK_IDENTITY;
  else if (
    tone === 0x1f3fd &&
    DARK_TONE_PERSONS.has(base) &&
    (info === undefined || info.role === undefined)
  ) {
    info = BROWN_IDENTITY;
  }
  // A country flag stands for its people (HatemojiBuild: "Death to all 🇸🇦"); the UK's own flags
  // and the EU's are too common in ordinary chat to count.
  if (isFlag && key.length === 4 && info === undefined && !HOME_FLAGS.has(key)) info = FLAG_IDENTITY;
  return info;
}

/**
 * A character that is not a letter (`ch`, code point `cp`): a digit or leet symbol that joins the word,
 * an apostrophe that is dropped inside it, or a separator that ends it. Returns the next index.
 */
function scanNonLetter(s: Scan, i: number, cp: number, width: number, ch: string): number {
  const text = s.text;
  const n = s.n;
  // Digits and leet symbols join a word (they may stand for letters).
  const isDigit = cp >= 48 && cp <= 57;
  if (isDigit || LEET_SYMBOLS.has(ch)) {
    const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    const nextIsWordish =
      (next >= 97 && next <= 122) || (next >= 65 && next <= 90) || (next >= 48 && next <= 57);
    if (s.buf !== undefined || isDigit || nextIsWordish || ch === '@' || ch === '$') {
      const buf = wordAt(s, i);
      buf.chars += ch;
      buf.end = i + 1;
      return i + 1;
    }
  }
  if (APOSTROPHES.has(ch) && s.buf !== undefined && i + 1 < n) {
    // Possessive or contracted 's is dropped ("people's" → "people", "that's" → "that").
    if (text[i + 1] === 's' || text[i + 1] === 'S') {
      const after = i + 2 < n ? foldCodePoint(text.charCodeAt(i + 2)) : NOT_LETTER;
      if (after === NOT_LETTER) {
        s.buf.poss = true;
        s.buf.end = i;
        return i + 2;
      }
    }
    // Apostrophe inside a word is dropped ("don't" → "dont").
    const nf = foldCodePoint(text.charCodeAt(i + 1));
    if (nf !== NOT_LETTER && nf !== '') return i + 1;
  }
  // Separator or punctuation: end the word.
  flushWord(s);
  pushMark(s, i, ch);
  return i + width;
}

/** The token a separator makes, if any: sentence end (merged with one just before), clause break or quote. */
function pushMark(s: Scan, i: number, ch: string): void {
  const text = s.text;
  const tokens = s.tokens;
  if (SENTENCE_END.has(ch) && !(ch === '.' && isSpacedDot(text, i))) {
    const last = tokens[tokens.length - 1];
    if (last === undefined || last.kind !== TK_END || last.end !== i) {
      tokens.push(makeToken(ch === '?' ? '?' : '.', ch === '?' ? '?' : '.', i, i + 1, TK_END));
    } else {
      last.end = i + 1;
    }
  } else if (
    CLAUSE_MARKS.has(ch) &&
    (i + 1 >= s.n || text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 10)
  ) {
    tokens.push(makeToken(',', ',', i, i + 1, TK_COMMA));
  } else if (QUOTES.has(ch)) {
    tokens.push(makeToken('"', '"', i, i + 1, TK_QUOTE));
  }
}

/** A '.' between two single letters ("s.p.a.c.e") is a spacer, not a sentence end. */
function isSpacedDot(text: string, i: number): boolean {
  if (i < 1 || i + 1 >= text.length) return false;
  const a = text.charCodeAt(i - 1);
  const b = text.charCodeAt(i + 1);
  const letter = (c: number): boolean =>
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (!letter(a) || !letter(b)) return false;
  const before = i >= 2 ? text.charCodeAt(i - 2) : 32;
  const after = i + 2 < text.length ? text.charCodeAt(i + 2) : 32;
  return !letter(before) || !letter(after);
}

/**
 * Join runs of three or more single-character word tokens separated by single spacers
 * (`w o m e n`, `w.o.m.e.n`, `w-o-m-e-n`) into one candidate token. The parts are kept so that a
 * join which matches nothing can be undone by the caller.
 */
function joinSpaced(tokens: Token[], text: string): Token[] {
  const spacer = (a: Token, b: Token): boolean =>
    b.start - a.end === 1 && SPACED_SEPARATORS.has(text[a.end]!);
  // Most messages have no run of three single letters: return the list untouched.
  let run = 0;
  let any = false;
  for (const t of tokens) {
    run = t.kind === TK_WORD && (t.raw ?? t.norm).length === 1 ? run + 1 : 0;
    if (run >= 3) {
      any = true;
      break;
    }
  }
  if (!any) return tokens;
  const out: Token[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (t.kind === TK_WORD && (t.raw ?? t.norm).length === 1) {
      let j = i + 1;
      while (j < tokens.length) {
        const u = tokens[j]!;
        if (u.kind !== TK_WORD || (u.raw ?? u.norm).length !== 1 || !spacer(tokens[j - 1]!, u)) break;
        j++;
      }
      if (j - i >= 3) {
        const parts = tokens.slice(i, j);
        const norm = parts.map((p) => p.raw ?? p.norm).join('');
        const jt = makeToken(norm, squeeze(norm), parts[0]!.start, parts[parts.length - 1]!.end, TK_WORD);
        jt.synthetic = 'joined';
        jt.parts = parts;
        out.push(jt);
        i = j;
        continue;
      }
    }
    out.push(t);
    i++;
  }
  return out;
}
