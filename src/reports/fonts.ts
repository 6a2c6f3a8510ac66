/**
 * Fonts for PDF reports, and the split of any message text into runs that each font can draw.
 *
 * Everything is embedded from fonts installed by Debian packages (see .ci/run): DejaVu Sans for
 * Latin, Greek and Cyrillic; Noto Sans (and its Arabic, Hebrew, Devanagari, … siblings) where
 * DejaVu lacks a glyph; Symbola for emoji (Debian's colour emoji font is a CBDT bitmap font that
 * PDFs cannot embed). Nothing is ever dropped: an emoji no font can draw is written as its name in
 * brackets ("[face with tears of joy]"), any other character no font has as "[U+4E2D]".
 * Invisible format characters (direction marks, joiners) are not drawn; they stay in the data.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { UserError } from '../domain/errors.js';

const require = createRequire(import.meta.url);

export type FontRole = 'regular' | 'bold' | 'emoji' | `fallback${number}`;

export interface ReportFonts {
  /** Font name (as registered with pdfkit) → file. */
  readonly files: ReadonlyMap<FontRole, string>;
  /** Fallback chain for characters the regular font lacks, in order. */
  readonly fallbacks: readonly FontRole[];
}

const ROOTS = ['/usr/share/fonts/truetype', '/usr/share/fonts/opentype', '/usr/share/fonts'];

function find(candidates: readonly string[]): string | null {
  for (const c of candidates) {
    for (const root of ROOTS) {
      const p = `${root}/${c}`;
      if (existsSync(p)) return p;
    }
  }
  return null;
}

const REQUIRED: readonly { role: FontRole; files: string[]; pkg: string }[] = [
  { role: 'regular', files: ['dejavu/DejaVuSans.ttf'], pkg: 'fonts-dejavu-core' },
  { role: 'bold', files: ['dejavu/DejaVuSans-Bold.ttf'], pkg: 'fonts-dejavu-core' },
  {
    role: 'emoji',
    files: ['ancient-scripts/Symbola_hint.ttf', 'ancient-scripts/Symbola.ttf', 'symbola/Symbola.ttf'],
    pkg: 'fonts-symbola',
  },
];

/** Script fonts tried, in order, for a character DejaVu Sans lacks. */
const FALLBACKS: readonly string[] = [
  'noto/NotoSans-Regular.ttf',
  'noto/NotoSansArabic-Regular.ttf',
  'noto/NotoSansHebrew-Regular.ttf',
  'noto/NotoSansDevanagari-Regular.ttf',
  'noto/NotoSansBengali-Regular.ttf',
  'noto/NotoSansGurmukhi-Regular.ttf',
  'noto/NotoSansGujarati-Regular.ttf',
  'noto/NotoSansTamil-Regular.ttf',
  'noto/NotoSansThai-Regular.ttf',
  'noto/NotoSansArmenian-Regular.ttf',
  'noto/NotoSansGeorgian-Regular.ttf',
  'noto/NotoSansEthiopic-Regular.ttf',
  'noto/NotoSansSymbols-Regular.ttf',
  'noto/NotoSansSymbols2-Regular.ttf',
  'noto/NotoSansMath-Regular.ttf',
];

let cached: ReportFonts | null = null;

/** The report fonts, found under /usr/share/fonts; a clear error naming the Debian packages if missing. */
export function reportFonts(): ReportFonts {
  if (cached) return cached;
  const files = new Map<FontRole, string>();
  const missing: string[] = [];
  for (const r of REQUIRED) {
    const f = find(r.files);
    if (f) files.set(r.role, f);
    else missing.push(`${r.files[0]} (Debian package ${r.pkg})`);
  }
  const arabic = find(['noto/NotoSansArabic-Regular.ttf']);
  if (!arabic) missing.push('noto/NotoSansArabic-Regular.ttf (Debian package fonts-noto-core)');
  if (missing.length) {
    throw new UserError(
      `PDF reports need fonts that are not installed: ${missing.join(', ')}. Install them with ` +
        '`apt-get install -y fonts-dejavu-core fonts-noto-core fonts-symbola` (looked in /usr/share/fonts).',
      { code: 'fonts_missing' },
    );
  }
  const fallbacks: FontRole[] = [];
  FALLBACKS.forEach((f) => {
    const p = find([f]);
    if (p) {
      const role = `fallback${fallbacks.length}` as const;
      files.set(role, p);
      fallbacks.push(role);
    }
  });
  cached = { files, fallbacks };
  return cached;
}

interface GlyphSource {
  hasGlyphForCodePoint(cp: number): boolean;
}

const opened = new Map<string, GlyphSource>();
function open(file: string): GlyphSource {
  let f = opened.get(file);
  if (!f) {
    const loaded = fontkit.openSync(file);
    f = 'fonts' in loaded ? (loaded.fonts[0] as unknown as GlyphSource) : (loaded as unknown as GlyphSource);
    opened.set(file, f);
  }
  return f;
}

interface EmojiInfo {
  readonly name: string;
}
let emojiNames: Record<string, EmojiInfo> | null = null;
const SKIN_TONES: Record<string, string> = {
  '\u{1F3FB}': 'light skin tone',
  '\u{1F3FC}': 'medium-light skin tone',
  '\u{1F3FD}': 'medium skin tone',
  '\u{1F3FE}': 'medium-dark skin tone',
  '\u{1F3FF}': 'dark skin tone',
};

/** The emoji's CLDR name ("face with tears of joy"), with its skin tone; U+ codes where unknown. */
export function emojiName(emoji: string): string {
  emojiNames ??= require('unicode-emoji-json/data-by-emoji.json') as Record<string, EmojiInfo>;
  const direct =
    emojiNames[emoji] ?? emojiNames[emoji.replace(/\uFE0F/gu, '')] ?? emojiNames[`${emoji}\uFE0F`];
  if (direct) return direct.name;
  const tones = [...emoji].filter((c) => SKIN_TONES[c]);
  const base = [...emoji].filter((c) => !SKIN_TONES[c]).join('');
  const baseInfo = emojiNames[base] ?? emojiNames[base.replace(/\uFE0F/gu, '')];
  if (baseInfo && tones.length) return `${baseInfo.name}: ${tones.map((t) => SKIN_TONES[t]).join(', ')}`;
  if (emoji.includes('\u200D'))
    return emoji
      .split('\u200D')
      .map((p) => emojiName(p))
      .join(' + ');
  return [...emoji]
    .map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
    .join(' ');
}

export interface TextRun {
  readonly font: FontRole;
  readonly text: string;
}

const PICTO = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;
const FORMAT = /^[\p{Cf}\uFE0E\uFE0F]$/u;
const SPACES = /^[\u00A0\u2000-\u200A\u202F\u205F\u3000]$/u;
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const NEEDS_GRAPHEMES =
  /[\p{Extended_Pictographic}\p{Regional_Indicator}\u200D\u20E3\uFE0F\u{1F3FB}-\u{1F3FF}]/u;

const fontOfCodePoint = new Map<string, FontRole | null>();
const regularGlyphs = new Map<number, boolean>();
const boldGlyphs = new Map<number, boolean>();

/**
 * Splits text into runs by the font that draws each character. `bold` picks the bold base font.
 * Line breaks are kept as "\n" (CR dropped); tabs become spaces.
 */
export function textRuns(text: string, bold = false): TextRun[] {
  const fonts = reportFonts();
  const base: FontRole = bold ? 'bold' : 'regular';
  const baseFont = open(fonts.files.get(base)!);
  const emojiFont = open(fonts.files.get('emoji')!);
  const runs: TextRun[] = [];
  let font: FontRole = base;
  let buf = '';
  const push = (f: FontRole, s: string): void => {
    if (!s) return;
    if (f !== font && buf) {
      runs.push({ font, text: buf });
      buf = '';
    }
    font = f;
    buf += s;
  };
  // Fast path: plain ASCII in the base font.
  if (/^[\x20-\x7E\n]*$/u.test(text)) return text ? [{ font: base, text }] : [];
  // Graphemes only matter for emoji sequences; other text goes code point by code point.
  const segments: Iterable<string> = NEEDS_GRAPHEMES.test(text)
    ? [...segmenter.segment(text)].map((g) => g.segment)
    : text.replace(/\r\n/gu, '\n');
  for (const segment of segments) {
    if (segment === '\r\n' || segment === '\n' || segment === '\r') {
      push(base, '\n');
      continue;
    }
    if (segment === '\t') {
      push(base, '    ');
      continue;
    }
    if (PICTO.test(segment) && [...segment].some((c) => !FORMAT.test(c))) {
      const visible = [...segment].filter((c) => !FORMAT.test(c));
      // One drawable emoji (an optional VS16 dropped): draw it; sequences and missing ones by name.
      if (visible.length === 1 && emojiFont.hasGlyphForCodePoint(visible[0]!.codePointAt(0)!)) {
        push('emoji', visible[0]!);
      } else if (
        visible.length === 2 &&
        visible[1]! in SKIN_TONES &&
        emojiFont.hasGlyphForCodePoint(visible[0]!.codePointAt(0)!)
      ) {
        push('emoji', visible[0]!);
        push(base, `[${SKIN_TONES[visible[1]!]}]`);
      } else {
        push(base, `[${emojiName(segment)}]`);
      }
      continue;
    }
    for (const ch of segment) {
      if (FORMAT.test(ch)) continue;
      const cp = ch.codePointAt(0)!;
      if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
        push(base, `[U+${cp.toString(16).toUpperCase().padStart(4, '0')}]`);
        continue;
      }
      const inBase = bold ? boldGlyphs : regularGlyphs;
      let has = inBase.get(cp);
      if (has === undefined) inBase.set(cp, (has = baseFont.hasGlyphForCodePoint(cp)));
      if (has) {
        push(base, ch);
        continue;
      }
      if (SPACES.test(ch)) {
        push(base, ' ');
        continue;
      }
      const key = `${cp}`;
      let f = fontOfCodePoint.get(key);
      if (f === undefined) {
        f = fonts.fallbacks.find((r) => open(fonts.files.get(r)!).hasGlyphForCodePoint(cp)) ?? null;
        if (f === null && emojiFont.hasGlyphForCodePoint(cp)) f = 'emoji';
        fontOfCodePoint.set(key, f);
      }
      if (f === null) push(base, `[U+${cp.toString(16).toUpperCase().padStart(4, '0')}]`);
      else push(f, ch);
    }
  }
  if (buf) runs.push({ font, text: buf });
  return runs;
}

/** The text as drawn (emoji names and code points in place of what no font has). */
export function drawnText(text: string): string {
  return textRuns(text)
    .map((r) => r.text)
    .join('');
}
