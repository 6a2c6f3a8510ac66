/**
 * Rules that keep impossible records out (issue 15 defects 2 to 6), beside rules.ts: event dates
 * (never after today; before the investigation started only with --force and a reason, kept in the
 * audit entry), the misconduct process in order (no allegation, case to answer, finding, outcome or
 * barred list entry without a Regulation 17 notice; no notice or assessment after the outcome), a
 * count tied to its defendant's own message, and a person's status on the date that matters.
 */
import { UserError } from '../domain/errors.js';
import { certainlyBefore, compareDates, firstDay, lastDay } from '../domain/partial-date.js';
import { checkDate, checkPartialDate } from './rules.js';
import type { CaseRecordData, RecordPerson } from '../contract/record.js';

const fail = (message: string, code: string): never => {
  throw new UserError(message, { code });
};

/** How a change's dates are checked; collects the dates accepted only because of --force. */
export class EventDates {
  readonly forced: string[] = [];

  constructor(
    private readonly record: CaseRecordData,
    readonly today: string,
    private readonly force: string | null,
  ) {}

  /**
   * A date an event happened on. `beforeStart: 'allow'` where another rule already bounds the date
   * (the case's own dates; an assessment, after the referral; steps that rules.ts requires to follow
   * the start).
   */
  check(
    value: string,
    what: string,
    opts: { beforeStart?: 'force' | 'allow'; partial?: boolean } = {},
  ): string {
    if (opts.partial) checkPartialDate(value, what);
    else checkDate(value, what);
    // A month or a year is in the future only if it begins after today (December 2022 may be
    // recorded on 5 December 2022), and before the start only if it ends before it.
    if (firstDay(value) > this.today)
      fail(
        `${what} ${value} is after today (${this.today}): the record holds what has happened`,
        'future_date',
      );
    const start = this.record.details?.startDate ?? null;
    if ((opts.beforeStart ?? 'force') === 'force' && start !== null && certainlyBefore(value, start)) {
      if (!this.force)
        fail(
          `${what} ${value} is before the investigation started (${start}): if that is right, give --force REASON (kept in the audit entry)`,
          'before_start',
        );
      this.forced.push(`${what} ${value}`);
    }
    return value;
  }

  /** What the audit entry keeps about --force, where it was needed. */
  auditDetail(): { forced?: { reason: string; dates: string[] } } {
    return this.forced.length ? { forced: { reason: this.force!, dates: this.forced } } : {};
  }
}

/** The person's status on `date`, from their dated status history (else their current status). */
export function statusOn(p: RecordPerson, date: string | null): string | null {
  if (date === null || p.statusHistory.length === 0) return p.status;
  const known = p.statusHistory.filter((h) => h.from === null || firstDay(h.from) <= lastDay(date));
  return known.at(-1)?.status ?? p.statusHistory[0]!.status;
}

/** Misconduct steps need a Regulation 17 notice served on the subject (on or before `by`). */
export function requireMisconductNotice(
  record: CaseRecordData,
  p: RecordPerson,
  step: string,
  by: string | null,
): void {
  const served = record.notices.filter(
    (n) => n.personId === p.id && n.kind === 'reg17' && (by === null || firstDay(n.servedOn) <= lastDay(by)),
  );
  if (served.length === 0)
    fail(
      `no ${step} for ${p.name}: no misconduct notice (Regulation 17) was served on ${p.name}${by ? ` by ${by}` : ''}; record the assessment and the notice first (record assess, record notice)`,
      'no_misconduct_notice',
    );
}

/** The misconduct process ends with the outcome: no assessment or misconduct notice after it. */
export function checkNotAfterOutcome(
  record: CaseRecordData,
  p: RecordPerson,
  what: string,
  on: string,
): void {
  const outcome = record.outcomes
    .filter((o) => o.personId === p.id)
    .map((o) => o.decidedOn)
    .sort(compareDates)[0];
  if (outcome !== undefined && certainlyBefore(outcome, on))
    fail(
      `the ${what} of ${p.name} (${on}) cannot be after the outcome of the misconduct proceedings (${outcome})`,
      'after_outcome',
    );
}

/** A message as a count needs it: who sent it. */
export interface MessageSender {
  readonly id: number;
  readonly participantId: number | null;
  readonly sender: string | null;
}

/**
 * A count is one of the defendant's own messages (s127(1)(a): the offence is sending): refused for
 * a system line, for a message whose sender is identified as someone else, or not identified and
 * not named as the defendant, and for a message already in another count against the defendant.
 */
export function checkCountMessages(
  record: CaseRecordData,
  p: RecordPerson,
  senders: readonly MessageSender[],
  identities: ReadonlyMap<number, number>,
): void {
  for (const m of senders) {
    if (m.sender === null)
      fail(
        `message ${m.id} is a system line, not a message anyone sent: it cannot be a count`,
        'count_system_line',
      );
    const linked = m.participantId === null ? undefined : identities.get(m.participantId);
    const own =
      linked !== undefined
        ? linked === p.id
        : (m.sender ?? '').trim().toLowerCase() === p.name.trim().toLowerCase();
    if (!own)
      fail(
        `message ${m.id} was sent by ${m.sender}, not ${p.name}: a count is the defendant's own message (if the sender is ${p.name}, confirm it with \`scrutineer identify\` first)`,
        'count_not_defendants',
      );
    const again = record.counts.find(
      (c) => c.personId === p.id && c.verdict !== 'withdrawn' && c.messageIds.includes(m.id),
    );
    if (again) fail(`message ${m.id} is already count ${again.number} against ${p.name}`, 'count_duplicate');
  }
}
