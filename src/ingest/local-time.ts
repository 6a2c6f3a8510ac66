import { DateTime, IANAZone } from 'luxon';
import { UserError } from '../domain/errors.js';
import type { TimeResolution } from '../domain/message.js';

export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

export interface ResolvedInstant {
  readonly utcMs: number;
  readonly resolution: TimeResolution;
}

export function assertZone(zone: string): void {
  if (!IANAZone.isValidZone(zone)) {
    throw new UserError(`unknown time zone "${zone}": give an IANA zone such as Europe/London`, {
      code: 'bad_zone',
    });
  }
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Every month has 28 days: only the last few need the calendar (most headers stop here).
  if (day <= 28) return true;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Turns wall-clock times read from a file into UTC instants in a declared zone, never the host's.
 *
 * A wall-clock time can exist once, twice (clocks went back) or not at all (clocks went forward).
 * Twice: the file's order decides; once the clock is seen to step backwards inside the repeated
 * hour, later times are read as the second occurrence. Not at all: moved forward by the gap, as
 * the phone itself would have shown it. Both are flagged, never silently repaired.
 */
export class LocalTimeResolver {
  /** Per wall-clock day: the offset in force across it and the hours around it, or null if it changes. */
  private readonly steadyByDay = new Map<number, readonly number[] | null>();
  /** Per wall-clock minute of the days whose offset changes. */
  private readonly offsetsByMinute = new Map<number, readonly number[]>();
  private readonly lastRepeated = new Map<number, { wall: number; second: boolean }>();
  /** The last day asked for: consecutive messages mostly fall on the same one. */
  private lastDayKey = NaN;
  private lastSteady: readonly number[] | null = null;

  constructor(readonly zone: string) {
    assertZone(zone);
  }

  private offsetAt(utcMs: number): number {
    return DateTime.fromMillis(utcMs, { zone: this.zone }).offset;
  }

  /**
   * The offset in force from 16 hours before a wall-clock day to 16 hours after it (every instant a
   * wall-clock time of the day can be, whatever the offset), or null where the zone's offset differs
   * somewhere in that span. Sampled at its ends and middle (28 hours apart): a change and its
   * reversal within 28 hours is what no zone has had. Most days are steady, so a day costs three
   * offset look-ups and its messages none.
   */
  private steadyOffset(dayKey: number): readonly number[] | null {
    if (dayKey === this.lastDayKey) return this.lastSteady;
    let steady = this.steadyByDay.get(dayKey);
    if (steady === undefined) {
      const from = dayKey * 86_400_000 - 16 * 3_600_000;
      const first = this.offsetAt(from);
      const same =
        this.offsetAt(from + 28 * 3_600_000) === first && this.offsetAt(from + 56 * 3_600_000) === first;
      steady = same ? [first] : null;
      this.steadyByDay.set(dayKey, steady);
    }
    this.lastDayKey = dayKey;
    this.lastSteady = steady;
    return steady;
  }

  /**
   * Candidate offsets (minutes) for one wall-clock minute of a day whose offset changes, earliest
   * instant first. Per minute, not per hour: Lord Howe Island's clocks move by 30 minutes, so half
   * of an hour there can be missing or repeated while its other half is not.
   */
  private candidates(wallMs: number): readonly number[] {
    const minuteKey = Math.floor(wallMs / 60_000);
    let found = this.offsetsByMinute.get(minuteKey);
    if (found) return found;
    const minuteStart = minuteKey * 60_000;
    const before = this.offsetAt(minuteStart - 43_200_000);
    const after = this.offsetAt(minuteStart + 43_200_000);
    const unique = before === after ? [before] : [before, after];
    // An offset fits when the instant it gives shows this wall-clock minute in the zone; none fits
    // when the minute never happened (clocks went forward).
    const fitting = unique.filter((o) => this.offsetAt(minuteStart - o * 60_000) === o);
    // Earliest instant first: a larger offset gives an earlier UTC instant.
    found = fitting.sort((a, b) => b - a);
    this.offsetsByMinute.set(minuteKey, found);
    return found;
  }

  resolve(w: WallClock): ResolvedInstant {
    const wallMs = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    const dayKey = Math.floor(wallMs / 86_400_000);
    const offsets = this.steadyOffset(dayKey) ?? this.candidates(wallMs);
    if (offsets.length === 1) {
      const only = offsets[0] as number;
      return { utcMs: wallMs - only * 60_000, resolution: 'exact' };
    }
    if (offsets.length === 0) {
      // The gap: read with the offset in force before the change, which lands after the gap.
      const before = this.offsetAt(wallMs - 43_200_000);
      return { utcMs: wallMs - before * 60_000, resolution: 'nonexistent' };
    }
    // Clocks went back: the transition is identified by its day.
    const state = this.lastRepeated.get(dayKey);
    let second = state?.second ?? false;
    if (state && !second && wallMs < state.wall) second = true;
    this.lastRepeated.set(dayKey, { wall: wallMs, second });
    const chosen = (second ? offsets[1] : offsets[0]) as number;
    return { utcMs: wallMs - chosen * 60_000, resolution: 'ambiguous' };
  }
}
