/**
 * Fonts for PDF reports, and the split of any message text into runs that each font can draw.
 *
 * Every font is embedded from an npm package, so reports work on any machine after `npm install`
 * (no system fonts are looked for or needed): DejaVu Sans (`dejavu-fonts-ttf`) for Latin, Greek and
 * Cyrillic; Noto Sans and its Arabic, Hebrew, Devanagari and Thai siblings
 * (`@expo-google-fonts/noto-sans*`, static TrueType files) where DejaVu lacks a glyph; Noto Emoji
 * (`@expo-google-fonts/noto-emoji`, the monochrome outline font: colour emoji fonts are bitmap or
 * COLR fonts that PDFs cannot embed as text) for emoji. Nothing is ever dropped: an emoji no font
 * can draw is written as its name in brackets ("[face with tears of joy]"), any other character no
 * font has as "[U+4E2D]". Invisible format characters (direction marks, joiners) are not drawn;
 * they stay in the data.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
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

/** A font file inside an npm package (a dependency of Scrutineer). */
export interface PackagedFont {
  readonly pkg: string;
  readonly file: string;
}

const REQUIRED: readonly (PackagedFont & { role: FontRole })[] = [
  { role: 'regular', pkg: 'dejavu-fonts-ttf', file: 'ttf/DejaVuSans.ttf' },
  { role: 'bold', pkg: 'dejavu-fonts-ttf', file: 'ttf/DejaVuSans-Bold.ttf' },
  { role: 'emoji', pkg: '@expo-google-fonts/noto-emoji', file: '400Regular/NotoEmoji_400Regular.ttf' },
];

/** Script fonts tried, in order, for a character DejaVu Sans lacks. */
const FALLBACKS: readonly PackagedFont[] = [
  { pkg: '@expo-google-fonts/noto-sans', file: '400Regular/NotoSans_400Regular.ttf' },
  { pkg: '@expo-google-fonts/noto-sans-arabic', file: '400Regular/NotoSansArabic_400Regular.ttf' },
  { pkg: '@expo-google-fonts/noto-sans-hebrew', file: '400Regular/NotoSansHebrew_400Regular.ttf' },
  {
    pkg: '@expo-google-fonts/noto-sans-devanagari',
    file: '400Regular/NotoSansDevanagari_400Regular.ttf',
  },
  { pkg: '@expo-google-fonts/noto-sans-thai', file: '400Regular/NotoSansThai_400Regular.ttf' },
];

/** Every font the reports use, in the order they are tried (regular, bold, emoji, fallbacks). */
export const PACKAGED_FONTS: readonly PackagedFont[] = [...REQUIRED, ...FALLBACKS];

/** Where a packaged font is on this machine, or null if its package is not installed. */
export function packagedFontPath(font: PackagedFont): string | null {
  try {
    const file = path.join(path.dirname(require.resolve(`${font.pkg}/package.json`)), font.file);
    return existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

let cached: ReportFonts | null = null;

/** The report fonts from their npm packages; a clear error naming any package that is missing. */
export function reportFonts(): ReportFonts {
  if (cached) return cached;
  const files = new Map<FontRole, string>();
  const missing: string[] = [];
  const fallbacks: FontRole[] = [];
  for (const r of REQUIRED) {
    const f = packagedFontPath(r);
    if (f) files.set(r.role, f);
    else missing.push(`${r.file} (npm package ${r.pkg})`);
  }
  FALLBACKS.forEach((font, i) => {
    const f = packagedFontPath(font);
    if (!f) return void missing.push(`${font.file} (npm package ${font.pkg})`);
    const role = `fallback${i}` as const;
    files.set(role, f);
    fallbacks.push(role);
  });
  if (missing.length) {
    throw new UserError(
      `PDF reports need fonts that are not installed: ${missing.join(', ')}. They are dependencies of ` +
        'Scrutineer: run `npm install` in its folder.',
      { code: 'fonts_missing' },
    );
  }
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

/**
 * Width in points of `text` drawn in the regular report font at `size`: what ECharts needs to lay out
 * chart labels as they will be drawn (its own estimate, without a canvas, is narrower than DejaVu Sans,
 * so long axis labels ran past the chart's left edge).
 */
export function regularTextWidth(text: string, size: number): number {
  const file = reportFonts().files.get('regular');
  if (!file) return text.length * size * 0.6;
  const font = open(file) as unknown as {
    unitsPerEm: number;
    layout(t: string): { advanceWidth: number };
  };
  return (font.layout(text).advanceWidth / font.unitsPerEm) * size;
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
