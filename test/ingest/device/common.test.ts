import fc from 'fast-check';
import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isoUtc, ZoneClock } from '../../../src/ingest/device/common.js';

/**
 * ZoneClock formats each day once and the time of day by arithmetic (issue 20); it must give
 * exactly what a Date per row gives: the wall clock in the zone (its offset from luxon at that
 * instant) and Date's ISO string, for any instant, fractions of a millisecond included.
 */

const ZONES = [
  'Europe/London',
  'Europe/Paris',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'UTC',
];

/** The Date-per-row rendering the clock replaced. */
function dateLocal(zone: string, ms: number): string {
  const d = new Date(ms + IANAZone.create(zone).offset(ms) * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  const y = d.getUTCFullYear();
  const year = y >= 0 && y < 10_000 ? String(y).padStart(4, '0') : String(y);
  return `${year}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

const instants = fc.oneof(
  // 1900 to 2100, whole milliseconds and fractions.
  fc.integer({ min: -2_208_988_800_000, max: 4_102_444_800_000 }),
  fc.double({ min: -1e12, max: 4.1e12, noNaN: true }),
  // Around the clock changes of 2023 (London, Paris, New York, Lord Howe's half hour).
  fc
    .constantFrom(
      1_679_792_400_000,
      1_698_541_200_000,
      1_678_604_400_000,
      1_699_164_000_000,
      1_680_361_200_000,
    )
    .chain((t) => fc.integer({ min: t - 7_200_000, max: t + 7_200_000 })),
  // The edges of the fast path: the epoch, and the year 10000.
  fc.integer({ min: -90_000_000, max: 90_000_000 }),
  fc.integer({ min: 253_402_300_800_000 - 200_000_000, max: 253_402_300_800_000 + 100_000_000 }),
);

describe('ZoneClock', () => {
  it('renders every instant as a Date per row did, in every zone', () => {
    const clocks = new Map(ZONES.map((z) => [z, new ZoneClock(z)]));
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instants, (zone, ms) => {
        const clock = clocks.get(zone) as ZoneClock;
        expect(clock.local(ms)).toBe(dateLocal(zone, ms));
        expect(clock.utc(ms)).toBe(isoUtc(ms));
        expect(clock.time(ms)).toEqual({
          localText: dateLocal(zone, ms),
          zone,
          utc: isoUtc(ms),
          resolution: 'exact',
        });
      }),
      { numRuns: 5_000 },
    );
  });

  it('a time Date cannot hold is refused as Date refuses it', () => {
    const clock = new ZoneClock('UTC');
    expect(() => clock.utc(Number.NaN)).toThrow(RangeError);
    expect(() => clock.utc(8.64e15 + 1)).toThrow(RangeError);
    expect(clock.utc(8.64e15)).toBe('+275760-09-13T00:00:00.000Z');
  });
});
