/**
 * Candidate counts for s127(1)(a) Communications Act 2003: each offensive message a person sent could
 * be a count (the offence is complete on sending). s127(5): proceedings must start within 3 years of
 * the offence AND within 6 months of the prosecutor having enough evidence; the limitation date is
 * the EARLIER of the two.
 *
 * Dates are calendar dates in the case's zone (default Europe/London): the sending date is the local
 * date of the UTC instant. "3 years after" and "6 months after" are the same day of the month that
 * many years/months later, moved back to the month's last day where that day does not exist
 * (29 February 2020 + 3 years = 28 February 2023; 31 August + 6 months = 28/29 February): never
 * later than the law allows. `daysLeft` counts calendar days from `today` to the limitation date:
 * 0 means today is the last day, negative means the date has passed.
 */
import { DateTime } from 'luxon';
import type { OffensiveBasis } from './types.js';

export interface CountOptions {
  /** Today's date, YYYY-MM-DD (in the case's zone). */
  readonly today: string;
  /** The date the prosecutor had sufficient evidence, YYYY-MM-DD, where the case gives one. */
  readonly evidenceSufficient?: string | null;
  /** IANA zone for dates (default Europe/London). */
  readonly zone?: string;
}

export interface CandidateCount {
  readonly messageId: number;
  readonly utc: string;
  /** Local date of sending, YYYY-MM-DD. */
  readonly sentOn: string;
  readonly categories: readonly string[];
  readonly basis: OffensiveBasis;
  /** Three years after sending. */
  readonly threeYearDate: string;
  /** Six months after the evidence-sufficient date, where given. */
  readonly sixMonthDate: string | null;
  /** The earlier of the two: the last day proceedings can be started. */
  readonly limitationDate: string;
  /** Which limit gives the limitation date. */
  readonly limitedBy: 'three_years' | 'six_months';
  readonly daysLeft: number;
  readonly expired: boolean;
}

export interface PersonCounts {
  readonly person: string;
  readonly name: string;
  readonly counts: readonly CandidateCount[];
}

function date(iso: string, zone: string, what: string): DateTime {
  const d = DateTime.fromISO(iso, { zone });
  if (!d.isValid) throw new Error(`conduct: ${what} is not a date: '${iso}'`);
  return d.startOf('day');
}

/** The limitation date of one message sent at `utc`. */
export function limitationFor(
  utc: string,
  options: Omit<CountOptions, 'today'> & { readonly today?: string },
): Pick<CandidateCount, 'sentOn' | 'threeYearDate' | 'sixMonthDate' | 'limitationDate' | 'limitedBy'> & {
  daysLeft: number | null;
} {
  const zone = options.zone ?? 'Europe/London';
  const sent = DateTime.fromISO(utc, { zone: 'utc' }).setZone(zone);
  if (!sent.isValid) throw new Error(`conduct: not an ISO time: '${utc}'`);
  const sentOn = sent.startOf('day');
  const three = sentOn.plus({ years: 3 });
  const six = options.evidenceSufficient
    ? date(options.evidenceSufficient, zone, 'evidence-sufficient date').plus({ months: 6 })
    : null;
  const limitedBy = six !== null && six < three ? 'six_months' : 'three_years';
  const limit = limitedBy === 'six_months' ? six! : three;
  const daysLeft = options.today
    ? Math.round(limit.diff(date(options.today, zone, 'today'), 'days').days)
    : null;
  return {
    sentOn: sentOn.toISODate()!,
    threeYearDate: three.toISODate()!,
    sixMonthDate: six ? six.toISODate()! : null,
    limitationDate: limit.toISODate()!,
    limitedBy,
    daysLeft,
  };
}

/** Candidate counts for one person's offensive messages, in sending order. */
export function candidateCounts(
  sent: readonly {
    readonly messageId: number;
    readonly utc: string;
    readonly categories: readonly string[];
    readonly basis: OffensiveBasis;
  }[],
  options: CountOptions,
): CandidateCount[] {
  return [...sent]
    .sort((a, b) => (a.utc < b.utc ? -1 : a.utc > b.utc ? 1 : a.messageId - b.messageId))
    .map((s) => {
      const l = limitationFor(s.utc, options);
      const daysLeft = l.daysLeft!;
      return {
        messageId: s.messageId,
        utc: s.utc,
        sentOn: l.sentOn,
        categories: s.categories,
        basis: s.basis,
        threeYearDate: l.threeYearDate,
        sixMonthDate: l.sixMonthDate,
        limitationDate: l.limitationDate,
        limitedBy: l.limitedBy,
        daysLeft,
        expired: daysLeft < 0,
      };
    });
}
