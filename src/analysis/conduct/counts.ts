/**
 * Candidate counts for s127(1)(a) Communications Act 2003: each offensive message a person sent could
 * be a count (the offence is complete on sending). s127(5): proceedings must start within 3 years of
 * the offence AND within 6 months of the prosecutor having enough evidence; the limitation date is
 * the EARLIER of the two.
 *
 * Dates are calendar dates in the case's zone (default Europe/London): the sending date is the local
 * date of the UTC instant. s127(5) counts "the period of 3 years [6 months] beginning with the day"
 * of the offence [of sufficient evidence]: that day is included, so the period ends at the end of
 * the day before the anniversary (14 May 2021 -> 13 May 2024; 29 February 2020 -> 28 February 2023;
 * 31 August 2023 + 6 months -> 29 February 2024): src/cases/periods.ts, sources in docs/record.md.
 * `daysLeft` counts calendar days from `today` to the limitation date: 0 means today is the last
 * day, negative means the date has passed.
 */
import { DateTime } from 'luxon';
import { lastDayOfMonthsBeginningWith, lastDayOfYearsBeginningWith } from '../../cases/periods.js';
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
  /** The last day of the 3 years beginning with the day of sending. */
  readonly threeYearDate: string;
  /** The last day of the 6 months beginning with the evidence-sufficient date, where given. */
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
  const lastDay = (d: string) => DateTime.fromISO(d, { zone }).startOf('day');
  const three = lastDay(lastDayOfYearsBeginningWith(sentOn.toISODate()!, 3));
  const six = options.evidenceSufficient
    ? lastDay(
        lastDayOfMonthsBeginningWith(
          date(options.evidenceSufficient, zone, 'evidence-sufficient date').toISODate()!,
          6,
        ),
      )
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
