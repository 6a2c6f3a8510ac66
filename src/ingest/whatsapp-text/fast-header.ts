/**
 * A specialised header reader for one variant (a signature of header.ts), for the lines of an
 * export once it is known which variant its headers are: charCode checks for the fixed punctuation
 * and digits read in place, with no regex and no copy of the line.
 *
 * It answers only where it is sure to give exactly what `matchHeader(line)` gives (the same fields,
 * the same signature); everywhere else it answers null and the caller asks the general matcher. It
 * walks the general regex's own path: at each choice the regex's first alternative, taken only
 * where every earlier alternative cannot match at that point, and it gives up (null) instead of
 * backtracking. So a line it reads is read the same way by the regex, whose first successful path
 * that is. It reads the forms that come first in header.ts's list for what starts the line after
 * its marks (`[` date-first, and the dash form for a digit), ASCII digits only, no direction marks
 * inside the header; other lines and variants go to the general matcher.
 */
import type { HeaderMatch } from './header.js';

export type FastHeader = (line: string) => HeaderMatch | null;

interface Shape {
  readonly bracket: boolean;
  readonly dateSep: number;
  readonly dateDot: boolean;
  readonly comma: boolean;
  readonly timeSep: number;
  readonly seconds: boolean;
  readonly twelveHour: boolean;
  /** 'Y---' (year first), else the year field's style. */
  readonly yearFirst: boolean;
  readonly shortYear: boolean;
  readonly era: boolean;
}

const SPACE = 0x20;
const NBSP = 0x00a0;
const NNBSP = 0x202f;
const DOT = 0x2e;
const COMMA = 0x2c;

function shapeOf(signature: string): Shape | null {
  const [form, ds, dd, between, ts, precision, clock, year] = signature.split('|');
  if (form !== 'bracket' && form !== 'dash') return null;
  if (ds === undefined || ds.length !== 1 || ts === undefined || ts.length !== 1) return null;
  if (between !== ',' && between !== '_') return null;
  if (year === undefined || !/^(?:Y---|yy|yyyy|yyBE|yyyyBE)$/.test(year)) return null;
  return {
    bracket: form === 'bracket',
    dateSep: ds.charCodeAt(0),
    dateDot: dd === '.',
    comma: between === ',',
    timeSep: ts.charCodeAt(0),
    seconds: precision === 'hms',
    twelveHour: clock === '12h',
    yearFirst: year === 'Y---',
    shortYear: year.startsWith('yy') && !year.startsWith('yyyy'),
    era: year.endsWith('BE'),
  };
}

/** Digits 0-9 at `at`, at most `max` of them: how many. */
function digitsAt(line: string, at: number, max: number): number {
  let n = 0;
  while (n < max) {
    const c = line.charCodeAt(at + n);
    if (c < 0x30 || c > 0x39) break;
    n++;
  }
  return n;
}

function valueOf(line: string, at: number, n: number): number {
  let v = 0;
  for (let i = 0; i < n; i++) v = v * 10 + line.charCodeAt(at + i) - 0x30;
  return v;
}

function isSpaceLike(c: number): boolean {
  return c === SPACE || c === NBSP || c === NNBSP;
}

/**
 * The meridiem at `at` (`[ \u00A0\u202F]?[AaPp]\.?[ \u00A0\u202F]?[Mm]\.?` not followed by a
 * letter, digit or ':'): [its end, 'a' | 'p'], or null where the general matcher must decide.
 */
function meridiemAt(line: string, at: number): [number, 'a' | 'p'] | null {
  let i = at;
  if (isSpaceLike(line.charCodeAt(i))) i++;
  const ap = line.charCodeAt(i) | 0x20;
  if (ap !== 0x61 && ap !== 0x70) return null;
  i++;
  if (line.charCodeAt(i) === DOT) i++;
  if (isSpaceLike(line.charCodeAt(i))) i++;
  if ((line.charCodeAt(i) | 0x20) !== 0x6d) return null;
  i++;
  if (line.charCodeAt(i) === DOT) i++;
  // The lookahead refuses letters, digits and ':'; past ASCII, \p{L} and \p{N} are for the regex.
  const next = line.charCodeAt(i);
  const lower = next | 0x20;
  if (next >= 0x80 || next === 0x3a || (next >= 0x30 && next <= 0x39) || (lower >= 0x61 && lower <= 0x7a))
    return null;
  return [i, ap === 0x61 ? 'a' : 'p'];
}

/** The fast reader for one signature, or null where that variant has none (the general one reads it). */
export function fastHeader(signature: string): FastHeader | null {
  const s = shapeOf(signature);
  if (s === null) return null;
  return (line) => read(line, s, signature);
}

/** The date part (`a ds b ds c[ BE][.]`) from `at`: its numbers and end, or null. */
function readDate(line: string, at: number, s: Shape) {
  const aDigits = digitsAt(line, at, 4);
  if (aDigits === 0 || line.charCodeAt(at + aDigits) !== s.dateSep) return null;
  let i = at + aDigits + 1;
  if (line.charCodeAt(i) === SPACE) i++;
  const bAt = i;
  const bDigits = digitsAt(line, i, 2);
  if (bDigits === 0 || line.charCodeAt(i + bDigits) !== s.dateSep) return null;
  i += bDigits + 1;
  if (line.charCodeAt(i) === SPACE) i++;
  const cAt = i;
  const cDigits = digitsAt(line, i, 4);
  if (cDigits === 0) return null;
  i += cDigits;
  const era =
    line.charCodeAt(i) === SPACE && line.charCodeAt(i + 1) === 0x42 && line.charCodeAt(i + 2) === 0x45;
  if (era) i += 3;
  const dot = line.charCodeAt(i) === DOT;
  if (dot) i++;
  if (dot !== s.dateDot) return null;
  if (s.yearFirst ? aDigits !== 4 : aDigits === 4 || era !== s.era || cDigits <= 2 !== s.shortYear)
    return null;
  return {
    a: valueOf(line, at, aDigits),
    b: valueOf(line, bAt, bDigits),
    c: valueOf(line, cAt, cDigits),
    aDigits,
    cDigits,
    era,
    end: i,
  };
}

/** The time part from `at` (after the date and what stands between): its numbers and end, or null. */
function readTime(line: string, at: number, s: Shape) {
  const hDigits = digitsAt(line, at, 2);
  if (hDigits === 0 || line.charCodeAt(at + hDigits) !== s.timeSep) return null;
  const miAt = at + hDigits + 1;
  if (digitsAt(line, miAt, 2) !== 2) return null;
  let i = miAt + 2;
  let second = 0;
  const hasSeconds = line.charCodeAt(i) === s.timeSep && digitsAt(line, i + 1, 2) === 2;
  if (hasSeconds) {
    second = valueOf(line, i + 1, 2);
    i += 3;
  }
  if (hasSeconds !== s.seconds) return null;
  let meridiem: 'a' | 'p' | null = null;
  if (s.twelveHour) {
    const mer = meridiemAt(line, i);
    if (mer === null) return null;
    [i, meridiem] = mer;
  }
  return { hour: valueOf(line, at, hDigits), minute: valueOf(line, miAt, 2), second, meridiem, end: i };
}

/** The marks header.ts's LEAD allows before a header (BOM, direction marks). */
function isLead(c: number): boolean {
  return (
    c === 0xfeff ||
    c === 0x061c ||
    c === 0x200e ||
    c === 0x200f ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069)
  );
}

function read(line: string, s: Shape, signature: string): HeaderMatch | null {
  let lead = 0;
  while (isLead(line.charCodeAt(lead))) lead++;
  if (s.bracket && line.charCodeAt(lead) !== 0x5b) return null;
  const ltStart = s.bracket ? lead + 1 : lead;
  // header.ts's gate: at most four marks and brackets before the first digit.
  if (ltStart > 4) return null;
  const date = readDate(line, ltStart, s);
  if (date === null) return null;
  let i = date.end;
  // What stands between date and time: `,? ` first, then `,\u00A0` and `\u00A0` (header.ts BETWEEN).
  const c0 = line.charCodeAt(i);
  const c1 = line.charCodeAt(i + 1);
  if (c0 === COMMA && (c1 === SPACE || c1 === NBSP)) i += 2;
  else if (!s.comma && (c0 === SPACE || c0 === NBSP)) i += 1;
  else return null;
  if ((c0 === COMMA) !== s.comma) return null;
  const time = readTime(line, i, s);
  if (time === null) return null;
  const ltEnd = time.end;
  // Then the form's own punctuation: `] ` or ` - ` (or an en dash).
  let restStart: number;
  if (s.bracket) {
    if (line.charCodeAt(ltEnd) !== 0x5d || line.charCodeAt(ltEnd + 1) !== SPACE) return null;
    restStart = ltEnd + 2;
  } else {
    const dash = line.charCodeAt(ltEnd + 1);
    if (line.charCodeAt(ltEnd) !== SPACE || (dash !== 0x2d && dash !== 0x2013)) return null;
    if (line.charCodeAt(ltEnd + 2) !== SPACE) return null;
    restStart = ltEnd + 3;
  }
  return {
    form: s.bracket ? 'bracket' : 'dash',
    a: date.a,
    b: date.b,
    c: date.c,
    aDigits: date.aDigits,
    cDigits: date.cDigits,
    buddhistEra: date.era,
    hour: time.hour,
    minute: time.minute,
    second: time.second,
    meridiem: time.meridiem,
    localText: line.slice(ltStart, ltEnd),
    rest: line.slice(restStart),
    restOffset: restStart,
    signature,
  };
}
