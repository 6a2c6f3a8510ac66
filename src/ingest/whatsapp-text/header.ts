/**
 * Message headers of WhatsApp's "Export chat" text, every variant in formats.md §1 and
 * whatsapp-strings.md "Format facts".
 *
 * A header is date, time and a form: `[date time] rest` (iOS), `date time - rest` (Android),
 * `date time: rest` (legacy and some locales) or `date time rest` (a few locales); iOS may also put
 * the time first (`[14:56:01, 3/18/22]`, Vietnamese phones). Digits may be any script's decimal
 * digits (Arabic-Indic, Persian, Devanagari …), direction marks may sit between every part, the
 * 12-hour marker may be Arabic (ص/م), and the year may be Buddhist-era (`2565 BE`). Written by hand
 * because the published parsers' single regex misses variants and cannot tell us which variant a
 * line is, which we need to keep one export's headers apart from header-like text pasted into a body.
 */

export type HeaderForm = 'bracket' | 'dash' | 'colon' | 'space';

export interface HeaderMatch {
  readonly form: HeaderForm;
  /** The three date numbers as written (in ASCII value), in file order, and their digit counts. */
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly aDigits: number;
  readonly cDigits: number;
  /** Years are Buddhist-era (`BE`): the Common Era year is 543 less. */
  readonly buddhistEra: boolean;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** 'a' or 'p' for 12-hour clocks, null for 24-hour. */
  readonly meridiem: 'a' | 'p' | null;
  /** The date and time text exactly as written (inside the brackets, before the dash). */
  readonly localText: string;
  /** Everything after the header's own punctuation: "Sender: body" or a system text. */
  readonly rest: string;
  /** Offset of `rest` within the line (in UTF-16 code units). */
  readonly restOffset: number;
  /** Identifies the variant: lines of another variant inside one export are not headers. */
  readonly signature: string;
}

/** Direction marks (and the Arabic letter mark) that phones interleave with dates in RTL locales. */
const M = '[\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]*';
const LEAD = '[\\uFEFF\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]*';
const DATE = `(?<a>\\d{1,4})${M}(?<ds>[./-])${M} ?(?<b>\\d{1,2})${M}\\k<ds>${M} ?(?<c>\\d{1,4})(?<era> BE)?${M}(?<dd>\\.?)`;
const BETWEEN = `${M}(?<bt>,? | klo |,\\u00A0|\\u00A0|\\u060C ?)${M}`;
const MERIDIEM = `(?:[ \\u00A0\\u202F]?${M}(?<mer>[AaPp]\\.?[ \\u00A0\\u202F]?[Mm]\\.?|\\u0635|\\u0645)(?![\\p{L}\\p{N}:]))`;
function time(withMeridiem: boolean): string {
  return `(?<h>\\d{1,2})${M}(?<ts>[:.])${M}(?<mi>\\d{2})(?:${M}\\k<ts>${M}(?<s>\\d{2}))?${
    withMeridiem ? `${MERIDIEM}?` : ''
  }${M}`;
}

interface Form {
  readonly form: HeaderForm;
  readonly timeFirst: boolean;
  readonly re: RegExp;
}

function forms(withMeridiem: boolean): readonly Form[] {
  const t = time(withMeridiem);
  const stamp = `${DATE}${BETWEEN}${t}`;
  const flags = 'su';
  return [
    {
      form: 'bracket',
      timeFirst: false,
      re: new RegExp(`^${LEAD}\\[(?<lt>${stamp})\\] (?<rest>.*)$`, flags),
    },
    {
      form: 'bracket',
      timeFirst: true,
      re: new RegExp(`^${LEAD}\\[(?<lt>${t}(?<bt>,? )${M}${DATE})\\] (?<rest>.*)$`, flags),
    },
    {
      form: 'dash',
      timeFirst: false,
      re: new RegExp(`^${LEAD}(?<lt>${stamp}) [-\\u2013] (?<rest>.*)$`, flags),
    },
    { form: 'colon', timeFirst: false, re: new RegExp(`^${LEAD}(?<lt>${stamp}): (?<rest>.*)$`, flags) },
    { form: 'space', timeFirst: false, re: new RegExp(`^${LEAD}(?<lt>${stamp}) (?<rest>.*)$`, flags) },
  ];
}
const FORMS = forms(true);
/** The same without a meridiem, for 24-hour exports whose authors' names begin "Am" or "PM". */
const FORMS_24 = forms(false);

// Cheap gate: every header has a digit (of any script) within its first few characters.
const GATE = /^[\uFEFF\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069[]{0,4}\p{Nd}/u;

/** First code point of each block of ten decimal digits that phones use in dates (besides ASCII). */
const DIGIT_ZEROS = [
  0x0660, 0x06f0, 0x07c0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0de6,
  0x0e50, 0x0ed0, 0x0f20, 0x1040, 0x1090, 0x17e0, 0x1810, 0xff10,
];
const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/gu;
/** How far into a line a header can reach; digits after it are never rewritten. */
const HEADER_REACH = 96;

/**
 * The line with every decimal digit in its first characters written as ASCII. Each such digit is
 * one UTF-16 unit either way, so offsets into the result are offsets into the line.
 */
function asciiDigits(line: string): string {
  const reach = Math.min(line.length, HEADER_REACH);
  let other = false;
  // Every digit block but ASCII lies at U+0660 or above: most lines are settled by this loop alone.
  for (let i = 0; i < reach && !other; i++) other = line.charCodeAt(i) >= 0x0660;
  if (!other) return line;
  const head = line.slice(0, HEADER_REACH);
  NON_ASCII_DIGIT.lastIndex = 0;
  if (!NON_ASCII_DIGIT.test(head)) return line;
  const mapped = head.replace(NON_ASCII_DIGIT, (d) => {
    const cp = d.codePointAt(0) ?? 0;
    const zero = DIGIT_ZEROS.find((z) => cp >= z && cp < z + 10);
    // A digit of a block not listed (or outside the BMP) stays as it is and the line is no header.
    return zero === undefined || d.length !== 1 ? d : String(cp - zero);
  });
  return mapped + line.slice(HEADER_REACH);
}

/**
 * Read a line as a header. With `expected` (the export's own variants, once known), a line that a
 * 12-hour reading would give another variant is read again without a meridiem, so that
 * `10:00:00 PM Office: …` in a 24-hour export is the author "PM Office", not 10 pm.
 */
export function matchHeader(line: string, expected?: ReadonlySet<string>): HeaderMatch | null {
  if (!GATE.test(line)) return null;
  const norm = asciiDigits(line);
  const first = matchWith(FORMS, line, norm);
  if (first === null || expected === undefined || expected.has(first.signature) || first.meridiem === null)
    return first;
  const again = matchWith(FORMS_24, line, norm);
  return again !== null && expected.has(again.signature) ? again : first;
}

function yearStyle(aDigits: number, cDigits: number, era: boolean): string {
  if (aDigits === 4) return 'Y---';
  return `${cDigits <= 2 ? 'yy' : 'yyyy'}${era ? 'BE' : ''}`;
}

function matchWith(list: readonly Form[], line: string, norm: string): HeaderMatch | null {
  for (const { form, timeFirst, re } of list) {
    const m = re.exec(norm);
    const g = m?.groups;
    if (!m || !g) continue;
    // `rest` runs to the end and `lt` starts within the first few characters; `norm` and `line` have
    // the same length, so both are found without asking the regex for indices (which costs time).
    const lt = g['lt'] ?? '';
    const ltStart = norm.indexOf(lt);
    const ltEnd = ltStart + lt.length;
    const restStart = norm.length - (g['rest'] ?? '').length;
    const aText = g['a'] ?? '';
    const cText = g['c'] ?? '';
    const between = g['bt'] ?? '';
    const mer = g['mer'];
    const meridiem = mer ? (/^[Aa\u0635]/.test(mer) ? 'a' : 'p') : null;
    const era = g['era'] !== undefined;
    const signature = [
      timeFirst ? `${form}-time-first` : form,
      g['ds'] ?? '',
      g['dd'] ?? '',
      between.trim() === 'klo'
        ? 'klo'
        : between.includes('\u060C')
          ? 'ar,'
          : between.includes(',')
            ? ','
            : '_',
      g['ts'] ?? '',
      g['s'] === undefined ? 'hm' : 'hms',
      meridiem ? '12h' : '24h',
      yearStyle(aText.length, cText.length, era),
    ].join('|');
    return {
      form,
      a: Number(aText),
      b: Number(g['b'] ?? ''),
      c: Number(cText),
      aDigits: aText.length,
      cDigits: cText.length,
      buddhistEra: era,
      hour: Number(g['h'] ?? ''),
      minute: Number(g['mi'] ?? ''),
      second: g['s'] === undefined ? 0 : Number(g['s']),
      meridiem,
      localText: line.slice(ltStart, ltEnd),
      rest: line.slice(restStart),
      restOffset: restStart,
      signature,
    };
  }
  return null;
}

/** 24-hour clock hour from a 12-hour reading; null when the numbers cannot be a time. */
export function clockHour(h: HeaderMatch): number | null {
  if (h.minute > 59 || h.second > 59) return null;
  if (h.meridiem === null) return h.hour <= 23 ? h.hour : null;
  if (h.hour < 1 || h.hour > 12) return null;
  if (h.meridiem === 'a') return h.hour === 12 ? 0 : h.hour;
  return h.hour === 12 ? 12 : h.hour + 12;
}

/**
 * The Common Era year a header's year field means: Buddhist-era years less 543, two-digit years
 * 20yy (WhatsApp has existed only since 2009, whatever span the chat covers).
 */
export function commonEraYear(h: HeaderMatch, written: number): number {
  if (h.buddhistEra) return written - 543;
  return written < 100 ? 2000 + written : written;
}

/** The header forms that belong to one export: variants of another form are pasted text. */
export function formOf(signature: string): string {
  return signature.split('|')[0] ?? '';
}

/** A readable name for a signature, for import reports. */
export function describeSignature(signature: string): string {
  const [form, dateSep, dateDot, between, timeSep, precision, clock, year] = signature.split('|');
  const formName =
    form === 'bracket'
      ? 'iOS [date time] '
      : form === 'bracket-time-first'
        ? 'iOS [time, date] '
        : form === 'dash'
          ? 'Android date time - '
          : form === 'colon'
            ? 'date time: '
            : 'date time ';
  const sep =
    between === 'klo' ? ', "klo"' : between === ',' ? ', comma' : between === 'ar,' ? ', Arabic comma' : '';
  const years =
    year === 'Y---'
      ? ', year first'
      : year?.endsWith('BE')
        ? ', Buddhist-era years'
        : year === 'yy'
          ? ', two-digit years'
          : '';
  return `${formName}(date separator "${dateSep}"${dateDot ? ' with trailing dot' : ''}${sep}, time separator "${timeSep}", ${
    precision === 'hms' ? 'seconds' : 'minutes'
  }, ${clock}${years})`;
}
