/**
 * Message headers of WhatsApp's "Export chat" text, every variant in formats.md §1.
 *
 * A header is date, time and a form: `[date time] rest` (iOS), `date time - rest` (Android),
 * `date time: rest` (legacy and some locales) or `date time rest` (a few locales). Written by hand
 * because the published parsers' single regex misses variants and cannot tell us which variant a
 * line is, which we need to keep one export's headers apart from header-like text pasted into a body.
 */

export type HeaderForm = 'bracket' | 'dash' | 'colon' | 'space';

export interface HeaderMatch {
  readonly form: HeaderForm;
  /** The three date numbers as written, in file order, and their digit counts. */
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly aDigits: number;
  readonly cDigits: number;
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

const MARKS = '[\\uFEFF\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]*';
const DATE = '(\\d{1,4})([./-]) ?(\\d{1,2})\\3 ?(\\d{1,4})(\\.?)';
const BETWEEN = '(,? | klo |,\\u00A0|\\u00A0)';
const TIME =
  '(\\d{1,2})([:.])(\\d{2})(?:\\9(\\d{2}))?(?:([ \\u00A0\\u202F]?)([AaPp])\\.?[ \\u00A0\\u202F]?[Mm]\\.?(?![\\p{L}\\p{N}:]))?';
/** The same without a meridiem, for 24-hour exports whose authors' names begin "Am" or "PM". */
const TIME_24 = '(\\d{1,2})([:.])(\\d{2})(?:\\9(\\d{2}))?()()';

function forms(time: string): ReadonlyArray<{ form: HeaderForm; re: RegExp }> {
  return [
    { form: 'bracket', re: new RegExp(`^${MARKS}\\[(${DATE}${BETWEEN}${time})\\] (.*)$`, 'su') },
    { form: 'dash', re: new RegExp(`^${MARKS}(${DATE}${BETWEEN}${time}) [-\\u2013] (.*)$`, 'su') },
    { form: 'colon', re: new RegExp(`^${MARKS}(${DATE}${BETWEEN}${time}): (.*)$`, 'su') },
    { form: 'space', re: new RegExp(`^${MARKS}(${DATE}${BETWEEN}${time}) (.*)$`, 'su') },
  ];
}
const FORMS = forms(TIME);
const FORMS_24 = forms(TIME_24);

// Cheap gate: every header has a digit within its first few characters.
const GATE = /^[\uFEFF\u200E\u200F\u202A-\u202E\u2066-\u2069[]{0,3}\d/u;

/**
 * Read a line as a header. With `expected` (the export's own variant, once known), a line that a
 * 12-hour reading would give another variant is read again without a meridiem, so that
 * `10:00:00 PM Office: …` in a 24-hour export is the author "PM Office", not 10 pm.
 */
export function matchHeader(line: string, expected?: string): HeaderMatch | null {
  if (!GATE.test(line)) return null;
  const first = matchWith(FORMS, line);
  if (first === null || expected === undefined || first.signature === expected || first.meridiem === null)
    return first;
  const again = matchWith(FORMS_24, line);
  return again !== null && again.signature === expected ? again : first;
}

function matchWith(list: ReadonlyArray<{ form: HeaderForm; re: RegExp }>, line: string): HeaderMatch | null {
  for (const { form, re } of list) {
    const m = re.exec(line);
    if (!m) continue;
    const [, localText = '', aText = '', dateSep = '', bText = '', cText = '', dateDot = '', between = ''] =
      m;
    const hourText = m[8] ?? '';
    const timeSep = m[9] ?? '';
    const minuteText = m[10] ?? '';
    const secondText = m[11];
    const meridiemText = m[13];
    const rest = m[14] ?? '';
    const meridiem = meridiemText ? (meridiemText.toLowerCase() as 'a' | 'p') : null;
    const signature = [
      form,
      dateSep,
      dateDot,
      between.trim() === 'klo' ? 'klo' : between.includes(',') ? ',' : '_',
      timeSep,
      secondText === undefined ? 'hm' : 'hms',
      meridiem ? '12h' : '24h',
    ].join('|');
    return {
      form,
      a: Number(aText),
      b: Number(bText),
      c: Number(cText),
      aDigits: aText.length,
      cDigits: cText.length,
      hour: Number(hourText),
      minute: Number(minuteText),
      second: secondText === undefined ? 0 : Number(secondText),
      meridiem,
      localText,
      rest,
      restOffset: line.length - rest.length,
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

/** A readable name for a signature, for import reports. */
export function describeSignature(signature: string): string {
  const [form, dateSep, dateDot, between, timeSep, precision, clock] = signature.split('|');
  const formName =
    form === 'bracket'
      ? 'iOS [date time] '
      : form === 'dash'
        ? 'Android date time - '
        : form === 'colon'
          ? 'date time: '
          : 'date time ';
  return `${formName}(date separator "${dateSep}"${dateDot ? ' with trailing dot' : ''}${
    between === 'klo' ? ', "klo"' : between === ',' ? ', comma' : ''
  }, time separator "${timeSep}", ${precision === 'hms' ? 'seconds' : 'minutes'}, ${clock})`;
}
