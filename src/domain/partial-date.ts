/**
 * Partial dates (issue 15): a published account often gives only a month or a year ("a hearing in
 * December 2022"), and no one should have to invent a day. A record date is an ISO 8601 calendar
 * date at one of three precisions, `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (ISO 8601 reduced precision),
 * and it is stored as written: the form of the text is its precision, so a precision that
 * disagrees with the value cannot be stored.
 *
 * A partial date stands for a span of days (December 2022: 1 to 31 December). Rules compare spans:
 * a date is refused as out of order only when it is certainly out of order (its span lies wholly
 * before the other's), and refused as in the future only when its first day is after today.
 * Deadlines need a day: a period counted from a partial date is reported as not computable (see
 * docs/record.md, "Partial dates").
 */
import { DateTime } from 'luxon';

export type DatePrecision = 'day' | 'month' | 'year';

/** A record date: exactly one of three precisions, each with only the parts it has. */
export type PartialDate =
  | { readonly precision: 'day'; readonly year: number; readonly month: number; readonly day: number }
  | { readonly precision: 'month'; readonly year: number; readonly month: number }
  | { readonly precision: 'year'; readonly year: number };

const FORMS = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/u;

/** The record date `text` means, or null when it is not one (YYYY-MM-DD, YYYY-MM or YYYY). */
export function parsePartialDate(text: string): PartialDate | null {
  const m = FORMS.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1900) return null;
  if (m[2] === undefined) return { precision: 'year', year };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) return { precision: 'month', year, month };
  const day = Number(m[3]);
  if (!DateTime.fromObject({ year, month, day }).isValid) return null;
  return { precision: 'day', year, month, day };
}

const pad = (n: number): string => String(n).padStart(2, '0');

function parsed(text: string): PartialDate {
  const d = parsePartialDate(text);
  if (!d) throw new Error(`not a record date: '${text}'`);
  return d;
}

/** The precision of a record date. */
export const precisionOf = (text: string): DatePrecision => parsed(text).precision;

/** Whether the date names one day (periods can be counted from it). */
export const isDay = (text: string): boolean => precisionOf(text) === 'day';

/** The first day the date can mean (YYYY-MM-DD). */
export function firstDay(text: string): string {
  const d = parsed(text);
  if (d.precision === 'day') return text;
  return `${d.year}-${d.precision === 'month' ? pad(d.month) : '01'}-01`;
}

/** The last day the date can mean (YYYY-MM-DD). */
export function lastDay(text: string): string {
  const d = parsed(text);
  if (d.precision === 'day') return text;
  if (d.precision === 'year') return `${d.year}-12-31`;
  const end = DateTime.fromObject({ year: d.year, month: d.month }).endOf('month');
  return end.toISODate()!;
}

/** `a` is certainly before `b`: every day `a` can mean is before every day `b` can mean. */
export const certainlyBefore = (a: string, b: string): boolean => lastDay(a) < firstDay(b);

/** Orders record dates by their first day, a partial date before the days it contains. */
export function compareDates(a: string, b: string): number {
  const x = firstDay(a);
  const y = firstDay(b);
  if (x !== y) return x < y ? -1 : 1;
  return lastDay(b) < lastDay(a) ? 1 : lastDay(a) < lastDay(b) ? -1 : 0;
}

/** In words, as written: "14 May 2021", "December 2022", "2022". */
export function dateInWords(text: string): string {
  const d = parsed(text);
  if (d.precision === 'year') return String(d.year);
  const dt = DateTime.fromObject({ year: d.year, month: d.month, day: d.precision === 'day' ? d.day : 1 });
  return dt.setLocale('en-GB').toFormat(d.precision === 'day' ? 'd MMMM yyyy' : 'MMMM yyyy');
}

/** With its preposition: "on 14 May 2021", "in December 2022", "in 2022". */
export const onDate = (text: string): string =>
  `${precisionOf(text) === 'day' ? 'on' : 'in'} ${dateInWords(text)}`;
