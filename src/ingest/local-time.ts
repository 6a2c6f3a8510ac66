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
  private readonly offsetsByHour = new Map<number, number[]>();
  private readonly lastRepeated = new Map<number, { wall: number; second: boolean }>();

  constructor(readonly zone: string) {
    assertZone(zone);
  }

  private offsetAt(utcMs: number): number {
    return DateTime.fromMillis(utcMs, { zone: this.zone }).offset;
  }

  /** Candidate offsets (minutes) for one wall-clock hour, earliest instant first. */
  private candidates(hourKey: number, wallMs: number): number[] {
    let found = this.offsetsByHour.get(hourKey);
    if (found) return found;
    const before = this.offsetAt(wallMs - 43_200_000);
    const after = this.offsetAt(wallMs + 43_200_000);
    const unique = before === after ? [before] : [before, after];
    // An offset fits when the instant it gives shows this wall-clock hour in the zone.
    const hourStart = hourKey * 3_600_000;
    // Empty when the hour never happened (clocks went forward).
    found = unique.filter((o) => this.offsetAt(hourStart - o * 60_000) === o);
    // Earliest instant first: a larger offset gives an earlier UTC instant.
    found.sort((a, b) => b - a);
    this.offsetsByHour.set(hourKey, found);
    return found;
  }

  resolve(w: WallClock): ResolvedInstant {
    const wallMs = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    const hourKey = Math.floor(wallMs / 3_600_000);
    const offsets = this.candidates(hourKey, wallMs);
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
    const dayKey = Math.floor(wallMs / 86_400_000);
    const state = this.lastRepeated.get(dayKey);
    let second = state?.second ?? false;
    if (state && !second && wallMs < state.wall) second = true;
    this.lastRepeated.set(dayKey, { wall: wallMs, second });
    const chosen = (second ? offsets[1] : offsets[0]) as number;
    return { utcMs: wallMs - chosen * 60_000, resolution: 'ambiguous' };
  }
}
