/**
 * The case's deadlines, as pure functions of the record and today's date. How each period is
 * counted, and its source, is in docs/record.md "How periods are counted" (src/cases/periods.ts):
 *
 * - s127(5) limitation per count: the periods of 3 years beginning with the day of sending AND of
 *   6 months beginning with the evidence-sufficient date, the earlier end (`limitationFor` from the
 *   conduct analysis; a count of several messages runs from its earliest). Met when charged by then.
 * - Investigation progress reports: due on the day after the period of 12 months beginning with the
 *   day the investigation started, if it has not finished (the investigation report) within it, and
 *   after every further 6 months.
 * - Barred list report: within 5 working days (England and Wales bank holidays) of a dismissal or a
 *   "would have been dismissed" outcome, where the barred list applies.
 * - Learning recommendation response: within 56 days of the day it was made, plus extensions.
 * - Publication of the response: within 21 days of receiving it.
 *
 * A period counted from a partial date (a month or a year: "the outcome in December 2022") is
 * reported as not computable, with the reason, rather than as a range: the range's late end would
 * show an overdue deadline as open, its early end would show one met in time as late, and either
 * would be a date no one decided. Recording the day makes it computable.
 */
import { limitationFor } from '../analysis/conduct/counts.js';
import { addDays, addWorkingDays, daysBetween } from './bank-holidays.js';
import { firstDay, isDay, lastDay } from '../domain/partial-date.js';
import { lastDayOfDaysAfter, lastDayOfMonthsBeginningWith } from './periods.js';
import {
  BARRING_OUTCOMES,
  type CaseRecordData,
  type Deadline,
  type DeadlineStatus,
  type Recommendation,
} from '../contract/record.js';

export const PROGRESS_FIRST_MONTHS = 12;
export const PROGRESS_EVERY_MONTHS = 6;
export const BARRED_REPORT_WORKING_DAYS = 5;
export const RESPONSE_DAYS = 56;
export const PUBLICATION_DAYS = 21;

export type { Deadline, DeadlineKind, DeadlineStatus } from '../contract/record.js';

function status(due: string | null, doneOn: string | null, today: string): DeadlineStatus {
  if (due === null) return 'not_computable';
  if (doneOn !== null) {
    if (lastDay(doneOn) <= due) return 'met';
    return firstDay(doneOn) > due ? 'met_late' : 'not_computable';
  }
  return today > due ? 'overdue' : 'open';
}

function make(d: Omit<Deadline, 'status' | 'daysLeft'>, today: string): Deadline {
  // As at `today`, something done after it has not been done yet (deadlines --today D, defect 8).
  const doneOn = d.doneOn !== null && firstDay(d.doneOn) <= today ? d.doneOn : null;
  const late =
    doneOn !== null && d.due !== null && isDay(doneOn) && doneOn > d.due
      ? `; done ${daysBetween(d.due, doneOn)} days late, on ${doneOn}`
      : '';
  return {
    ...d,
    basis: `${d.basis}${late}${d.due === null ? '; not computable: it runs from a month or a year, not a day' : ''}`,
    doneOn,
    status: status(d.due, doneOn, today),
    daysLeft: d.due === null ? null : daysBetween(today, d.due),
  };
}

/** s127 limitation of a count whose messages were sent at `utcs`. */
export function countLimitation(
  utcs: readonly string[],
  evidenceSufficient: string | null,
): ReturnType<typeof limitationFor> {
  if (utcs.length === 0) throw new Error('a count needs at least one message');
  const earliest = [...utcs].sort()[0]!;
  return limitationFor(earliest, { evidenceSufficient });
}

/**
 * Progress report due dates while the investigation runs: the day after the period of 12 months
 * beginning with the start day (started 14 May 2021: the period ends 13 May 2022, the report is due
 * 14 May 2022 unless the investigation finished by 13 May 2022), then after every further 6 months.
 */
export function progressReportDates(startDate: string, finishedOn: string | null, until: string): string[] {
  const out: string[] = [];
  for (let k = 0; ; k++) {
    const periodEnd = lastDayOfMonthsBeginningWith(
      startDate,
      PROGRESS_FIRST_MONTHS + PROGRESS_EVERY_MONTHS * k,
    );
    if (finishedOn !== null && finishedOn <= periodEnd) break;
    const due = addDays(periodEnd, 1);
    out.push(due);
    if (due > until) break; // the next one still to come
  }
  return out;
}

/** The last day for the barred list report of an outcome decided on `decidedOn` (null: not a day). */
export function barredReportDue(decidedOn: string): string | null {
  return isDay(decidedOn) ? addWorkingDays(decidedOn, BARRED_REPORT_WORKING_DAYS) : null;
}

/** The response is due 56 days after the recommendation was made, plus extensions (null: not a day). */
export function responseDue(rec: Pick<Recommendation, 'madeOn' | 'extensions'>): string | null {
  if (!isDay(rec.madeOn)) return null;
  return lastDayOfDaysAfter(rec.madeOn, RESPONSE_DAYS + rec.extensions.reduce((n, e) => n + e.days, 0));
}

/** The response is published within 21 days of receipt (null: received in a month or a year). */
export function publicationDue(responseOn: string): string | null {
  return isDay(responseOn) ? lastDayOfDaysAfter(responseOn, PUBLICATION_DAYS) : null;
}

/** Every deadline of the case, in due-date order. `messageTimes` gives each counted message's UTC. */
export function caseDeadlines(
  record: CaseRecordData,
  messageTimes: ReadonlyMap<number, string>,
  today: string,
): Deadline[] {
  const name = (personId: number) =>
    record.people.find((p) => p.id === personId)?.name ?? `person ${personId}`;
  const out: Deadline[] = [
    ...limitationDeadlines(record, messageTimes, name),
    ...progressDeadlines(record, today),
    ...barredListDeadlines(record, name),
    ...recommendationDeadlines(record),
  ].map((d) => make(d, today));
  // Not computable last, in the order they were recorded.
  const key = (d: Deadline) => d.due ?? '9999-12-31';
  return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.about.localeCompare(b.about)));
}

/** A deadline before it is read as of a day (`make`). */
type Due = Omit<Deadline, 'status' | 'daysLeft'>;

/** The s127(5) limitation of each count, met when the count was charged. */
function limitationDeadlines(
  record: CaseRecordData,
  messageTimes: ReadonlyMap<number, string>,
  name: (personId: number) => string,
): Due[] {
  const evidenceSufficient = record.details?.evidenceSufficientDate ?? null;
  const out: Due[] = [];
  for (const c of record.counts) {
    if (c.verdict === 'withdrawn' && c.chargedOn === null) continue;
    const utcs = c.messageIds.map((id) => messageTimes.get(id)).filter((u): u is string => u !== undefined);
    if (utcs.length === 0) continue;
    const l = countLimitation(utcs, evidenceSufficient);
    out.push({
      kind: 's127_limitation',
      about: `count ${c.number} of ${name(c.personId)} (messages ${c.messageIds.join(', ')})`,
      personId: c.personId,
      due: l.limitationDate,
      basis:
        l.limitedBy === 'six_months'
          ? `6 months beginning with the evidence-sufficient date ${evidenceSufficient}`
          : `3 years beginning with the day of sending, ${l.sentOn}`,
      doneOn: c.chargedOn,
    });
  }
  return out;
}

/** The investigation's progress reports while it runs, each met by a report sent in its window. */
function progressDeadlines(record: CaseRecordData, today: string): Due[] {
  const start = record.details?.startDate ?? null;
  if (!start) return [];
  const finished = record.details?.reportDate ?? null;
  const dates = progressReportDates(start, finished, today);
  const sent = record.progressReports.map((r) => r.sentOn).sort();
  return dates.map((due, i) => {
    const windowStart = i === 0 ? start : dates[i - 1]!;
    const next = dates[i + 1] ?? '9999-12-31';
    const onTime = sent.find((s) => s > windowStart && s <= due);
    const late = sent.find((s) => s > due && s <= next);
    return {
      kind: 'progress_report',
      about: `investigation progress report ${i + 1}`,
      personId: null,
      due,
      basis:
        i === 0
          ? `12 months beginning with the day the investigation started, ${start}`
          : `6 months beginning with the day the previous report was due (${dates[i - 1]})`,
      doneOn: onTime ?? late ?? null,
    };
  });
}

/** The barred list report after each barring outcome, where the list applies. */
function barredListDeadlines(record: CaseRecordData, name: (personId: number) => string): Due[] {
  const out: Due[] = [];
  for (const o of record.outcomes) {
    if (!BARRING_OUTCOMES.includes(o.outcome)) continue;
    const person = record.people.find((p) => p.id === o.personId);
    if (person?.barredListApplies === false) continue;
    if (record.barred.some((b) => b.personId === o.personId && b.list === 'not_applicable')) continue;
    const entry = record.barred.find((b) => b.personId === o.personId && b.list === 'barred');
    out.push({
      kind: 'barred_list_report',
      about: `barred list report for ${name(o.personId)}`,
      personId: o.personId,
      due: barredReportDue(o.decidedOn),
      basis: `within 5 working days of the outcome on ${o.decidedOn}`,
      doneOn: entry?.reportedOn ?? null,
    });
  }
  return out;
}

/** Each recommendation's response, and the publication of a response received. */
function recommendationDeadlines(record: CaseRecordData): Due[] {
  const out: Due[] = [];
  for (const r of record.recommendations) {
    const extra = r.extensions.reduce((n, e) => n + e.days, 0);
    out.push({
      kind: 'recommendation_response',
      about: `response to recommendation ${r.reference}`,
      personId: null,
      due: responseDue(r),
      basis: `within 56 days of ${r.madeOn}, when it was made${extra ? `, + ${extra} days' extension` : ''}`,
      doneOn: r.responseOn,
    });
    if (r.responseOn) {
      out.push({
        kind: 'response_publication',
        about: `publication of the response to recommendation ${r.reference}`,
        personId: null,
        due: publicationDue(r.responseOn),
        basis: `within 21 days of ${r.responseOn}, when the response was received`,
        doneOn: r.publishedOn,
      });
    }
  }
  return out;
}
