/**
 * LocalTimeResolver against a brute-force reading of the zone with Luxon: for each wall-clock time,
 * the offsets in force around it that show that time. One such offset: exact; two: clocks went
 * back (the first instant, as the times run forward); none: clocks went forward (read with the
 * offset before the change). Checked minute by minute through the changes of zones with whole-hour
 * and half-hour offsets and with a half-hour change (Lord Howe), and every few hours between.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isValidDate, LocalTimeResolver } from '../../src/ingest/local-time.js';

const HOUR = 3_600_000;

const memo = new Map<string, number>();
function offsetAt(zone: string, utcMs: number): number {
  const key = `${zone} ${utcMs}`;
  let o = memo.get(key);
  if (o === undefined) memo.set(key, (o = DateTime.fromMillis(utcMs, { zone }).offset));
  return o;
}

/** What a wall-clock time (as if UTC, in ms) must resolve to, read from the zone's offsets. */
function expected(zone: string, wallMs: number): { utcMs: number; resolution: string } {
  const offsets = new Set<number>();
  const hour = Math.floor(wallMs / HOUR) * HOUR;
  for (let t = hour - 16 * HOUR; t <= hour + 16 * HOUR; t += HOUR / 2) offsets.add(offsetAt(zone, t));
  const fit = [...offsets].filter((o) => offsetAt(zone, wallMs - o * 60_000) === o).sort((a, b) => b - a);
  if (fit.length === 1) return { utcMs: wallMs - fit[0]! * 60_000, resolution: 'exact' };
  if (fit.length === 0)
    return { utcMs: wallMs - offsetAt(zone, wallMs - 12 * HOUR) * 60_000, resolution: 'nonexistent' };
  return { utcMs: wallMs - fit[0]! * 60_000, resolution: 'ambiguous' };
}

function wallOf(ms: number) {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** The wall-clock days (as UTC ms at midnight) on which the zone's offset changes in [from, to). */
function changeDays(zone: string, from: number, to: number): number[] {
  const days = new Set<number>();
  let prev = offsetAt(zone, from);
  for (let t = from + HOUR; t < to; t += HOUR) {
    const o = offsetAt(zone, t);
    if (o !== prev) days.add(Math.floor((t + prev * 60_000) / 86_400_000) * 86_400_000);
    prev = o;
  }
  return [...days];
}

/** Resolve the walls in order and compare each with `expected`; how many of each resolution. */
function check(zone: string, walls: readonly number[]): Record<string, number> {
  const resolver = new LocalTimeResolver(zone);
  const got: string[] = [];
  const want: string[] = [];
  const seen: Record<string, number> = { exact: 0, ambiguous: 0, nonexistent: 0 };
  for (const wallMs of walls) {
    const r = resolver.resolve(wallOf(wallMs));
    const e = expected(zone, wallMs);
    got.push(`${new Date(wallMs).toISOString()} ${new Date(r.utcMs).toISOString()} ${r.resolution}`);
    want.push(`${new Date(wallMs).toISOString()} ${new Date(e.utcMs).toISOString()} ${e.resolution}`);
    seen[r.resolution] = (seen[r.resolution] ?? 0) + 1;
  }
  expect(got).toEqual(want);
  return seen;
}

const FROM = Date.UTC(2022, 0, 1);
const TO = Date.UTC(2024, 0, 1);

describe('LocalTimeResolver', () => {
  it.each(['Europe/London', 'Australia/Lord_Howe', 'America/St_Johns', 'Australia/Adelaide', 'Asia/Kolkata'])(
    'reads every time in %s as the zone does, through its changes',
    (zone) => {
      const days = changeDays(zone, FROM, TO);
      expect(days.length).toBe(zone === 'Asia/Kolkata' ? 0 : 4);
      // Every 5 minutes through each change day and the days beside it, in order.
      const near: number[] = [];
      for (const day of days)
        for (let t = day - 86_400_000; t < day + 2 * 86_400_000; t += 300_000) near.push(t);
      const seen = check(zone, near);
      // And every 7 hours and 13 minutes through the two years (a reader of its own: a file in order).
      const far: number[] = [];
      for (let t = FROM + 13 * 60_000; t < TO; t += 7 * HOUR + 13 * 60_000) far.push(t);
      check(zone, far);
      if (zone !== 'Asia/Kolkata') {
        // Lord Howe's change is 30 minutes: 6 five-minute steps skipped or repeated per change, else 12.
        const per = zone === 'Australia/Lord_Howe' ? 6 : 12;
        expect(seen.nonexistent).toBe(2 * per);
        expect(seen.ambiguous).toBe(2 * per);
      }
    },
  );

  it('reads a repeated time as the second occurrence once the file steps back', () => {
    const resolver = new LocalTimeResolver('Europe/London');
    const at = (hour: number, minute: number) =>
      new Date(
        resolver.resolve({ year: 2023, month: 10, day: 29, hour, minute, second: 0 }).utcMs,
      ).toISOString();
    expect([at(1, 30), at(1, 45), at(1, 10), at(1, 50), at(2, 5)]).toEqual([
      '2023-10-29T00:30:00.000Z',
      '2023-10-29T00:45:00.000Z',
      '2023-10-29T01:10:00.000Z',
      '2023-10-29T01:50:00.000Z',
      '2023-10-29T02:05:00.000Z',
    ]);
  });

  it('knows the length of every month, leap years included', () => {
    for (const year of [1900, 1923, 2000, 2023, 2024, 2100])
      for (let month = 1; month <= 12; month++)
        for (let day = 26; day <= 32; day++) {
          const real = new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
          expect(isValidDate(year, month, day)).toBe(real);
        }
  });
});
