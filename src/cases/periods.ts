/**
 * Statutory periods, counted the way the courts count them (England and Wales). Each function
 * returns the LAST day of the period (inclusive), as YYYY-MM-DD. Sources, in docs/record.md
 * "How periods are counted":
 *
 * - A period of months or years "beginning with" a day includes that day, so it ends at the end of
 *   the day before the corresponding date (Zoan v Rouamba [2000] 1 WLR 1509, CA; Trow v Ind Coope
 *   [1967] 2 QB 899): 3 years beginning with 14 May 2021 end at the end of 13 May 2024. The
 *   corresponding date is the same day of the month (Dodds v Walker [1981] 1 WLR 1027, HL); where
 *   the day before it does not exist in that month (beginning with 31 August: "30 February"), the
 *   period ends on the month's last day. Beginning with the 1st, the period ends on the last day of
 *   the month before.
 * - A period of days "within N days of" / "after" an event excludes the day of the event (the
 *   general rule for "from"/"after", Goldsmiths' Co v West Metropolitan Railway [1904] 1 KB 1), so
 *   the last day is the event's date + N.
 */
import { DateTime } from 'luxon';

function parse(day: string): DateTime {
  const d = DateTime.fromISO(day, { zone: 'utc' });
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(day) || !d.isValid) throw new Error(`not a date: '${day}'`);
  return d;
}

/** The last day of a period of `months` months "beginning with" `first` (that day included). */
export function lastDayOfMonthsBeginningWith(first: string, months: number): string {
  const d = parse(first);
  // The month the corresponding date falls in (its day may not exist there).
  const target = d.startOf('month').plus({ months });
  if (d.day === 1) return target.minus({ days: 1 }).toISODate()!;
  const day = Math.min(d.day - 1, target.daysInMonth!);
  return target.set({ day }).toISODate()!;
}

/** The last day of a period of `years` years "beginning with" `first`. */
export function lastDayOfYearsBeginningWith(first: string, years: number): string {
  return lastDayOfMonthsBeginningWith(first, years * 12);
}

/** The last day of a period of `days` days after (excluding) the day `after`. */
export function lastDayOfDaysAfter(after: string, days: number): string {
  return parse(after).plus({ days }).toISODate()!;
}

/** The date in England and Wales (the record's calendar) at `at` (from the caller's clock). */
export function todayInEngland(at: Date): string {
  return DateTime.fromJSDate(at).setZone('Europe/London').toISODate()!;
}
