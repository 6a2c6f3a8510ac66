/**
 * Bank holidays in England and Wales (Banking and Financial Dealings Act 1971 and royal
 * proclamations), computed rather than looked up, and working-day arithmetic over them.
 *
 * The regular days: New Year's Day (1 January, or the next Monday when it falls at a weekend),
 * Good Friday and Easter Monday (Easter Sunday by the Gregorian computus), the early May bank
 * holiday (first Monday of May), the spring bank holiday (last Monday of May), the summer bank
 * holiday (last Monday of August), Christmas Day and Boxing Day (a day at a weekend is replaced by
 * the next weekday that is not already a holiday: Christmas on a Saturday gives Monday 27 and
 * Tuesday 28; on a Sunday, Boxing Day is Monday 26 and Christmas's substitute Tuesday 27).
 *
 * Proclamations move or add days; those known are in PROCLAIMED below (e.g. VE Day 2020 moved the
 * early May holiday to Friday 8 May; the Platinum Jubilee moved the 2022 spring holiday to Thursday
 * 2 June and added Friday 3 June; the State Funeral added 19 September 2022; the Coronation added
 * 8 May 2023). A future proclamation must be added there.
 *
 * Dates are YYYY-MM-DD strings; the arithmetic is on UTC calendar days, free of time zones.
 */

const DAY = 86_400_000;

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
/** Day of the week, 0 = Sunday … 6 = Saturday. */
const weekday = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).getUTCDay();

/** Easter Sunday (Gregorian; the anonymous "Meeus/Jones/Butcher" computus), as [month, day]. */
export function easterSunday(year: number): [number, number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return [month, day];
}

/** Days moved or added by proclamation: `moved` replaces the regular day of that name. */
interface Proclamation {
  readonly moved?: Partial<Record<'earlyMay' | 'spring', string>>;
  readonly added?: readonly { readonly date: string; readonly name: string }[];
}
const PROCLAIMED: Readonly<Record<number, Proclamation>> = {
  1995: { moved: { earlyMay: '1995-05-08' } },
  1999: { added: [{ date: '1999-12-31', name: 'Millennium celebrations' }] },
  2002: {
    moved: { spring: '2002-06-04' },
    added: [{ date: '2002-06-03', name: 'Golden Jubilee' }],
  },
  2011: { added: [{ date: '2011-04-29', name: 'Royal wedding' }] },
  2012: {
    moved: { spring: '2012-06-04' },
    added: [{ date: '2012-06-05', name: 'Diamond Jubilee' }],
  },
  2020: { moved: { earlyMay: '2020-05-08' } },
  2022: {
    moved: { spring: '2022-06-02' },
    added: [
      { date: '2022-06-03', name: 'Platinum Jubilee' },
      { date: '2022-09-19', name: 'State Funeral of Queen Elizabeth II' },
    ],
  },
  2023: { added: [{ date: '2023-05-08', name: 'Coronation of King Charles III' }] },
};

export interface BankHoliday {
  readonly date: string;
  readonly name: string;
}

function firstMonday(y: number, m: number): number {
  const wd = weekday(y, m, 1);
  return 1 + ((8 - wd) % 7);
}
function lastMonday(y: number, m: number): number {
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const wd = weekday(y, m, last);
  return last - ((wd + 6) % 7);
}

const cache = new Map<number, readonly BankHoliday[]>();

/** The bank holidays of England and Wales in `year`, in date order. */
export function bankHolidays(year: number): readonly BankHoliday[] {
  const hit = cache.get(year);
  if (hit) return hit;
  const p = PROCLAIMED[year] ?? {};
  const out: BankHoliday[] = [];
  // New Year's Day, substituted to the Monday.
  const ny = weekday(year, 1, 1);
  out.push({
    date: iso(year, 1, ny === 6 ? 3 : ny === 0 ? 2 : 1),
    name: ny === 0 || ny === 6 ? "New Year's Day (substitute day)" : "New Year's Day",
  });
  const [em, ed] = easterSunday(year);
  const easter = Date.UTC(year, em - 1, ed);
  const shift = (t: number) => new Date(t).toISOString().slice(0, 10);
  out.push({ date: shift(easter - 2 * DAY), name: 'Good Friday' });
  out.push({ date: shift(easter + DAY), name: 'Easter Monday' });
  out.push({ date: p.moved?.earlyMay ?? iso(year, 5, firstMonday(year, 5)), name: 'Early May bank holiday' });
  out.push({ date: p.moved?.spring ?? iso(year, 5, lastMonday(year, 5)), name: 'Spring bank holiday' });
  out.push({ date: iso(year, 8, lastMonday(year, 8)), name: 'Summer bank holiday' });
  // Christmas and Boxing Day: a day at a weekend moves to the next free weekday.
  const xmas = weekday(year, 12, 25);
  if (xmas === 6) {
    out.push({ date: iso(year, 12, 27), name: 'Christmas Day (substitute day)' });
    out.push({ date: iso(year, 12, 28), name: 'Boxing Day (substitute day)' });
  } else if (xmas === 0) {
    out.push({ date: iso(year, 12, 26), name: 'Boxing Day' });
    out.push({ date: iso(year, 12, 27), name: 'Christmas Day (substitute day)' });
  } else if (xmas === 5) {
    out.push({ date: iso(year, 12, 25), name: 'Christmas Day' });
    out.push({ date: iso(year, 12, 28), name: 'Boxing Day (substitute day)' });
  } else {
    out.push({ date: iso(year, 12, 25), name: 'Christmas Day' });
    out.push({ date: iso(year, 12, 26), name: 'Boxing Day' });
  }
  for (const a of p.added ?? []) out.push(a);
  out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  cache.set(year, out);
  return out;
}

/** True for a bank holiday in England and Wales. */
export function isBankHoliday(date: string): boolean {
  return bankHolidays(Number(date.slice(0, 4))).some((h) => h.date === date);
}

/** True for Monday to Friday that is not a bank holiday. */
export function isWorkingDay(date: string): boolean {
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  return wd !== 0 && wd !== 6 && !isBankHoliday(date);
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(t)) throw new Error(`not a date: '${date}'`);
  return new Date(t + days * DAY).toISOString().slice(0, 10);
}

/**
 * The `n`th working day after `date` (the day itself does not count): 5 working days after Friday
 * 1 May 2020 is Monday 11 May (8 May was the VE Day bank holiday).
 */
export function addWorkingDays(date: string, n: number): string {
  let d = date;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}
