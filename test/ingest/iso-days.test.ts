import { describe, expect, it } from 'vitest';
import { isoDays } from '../../src/ingest/iso-days.js';

describe('isoDays', () => {
  it('writes what toISOString writes, within a day and across days, years and eras', () => {
    const iso = isoDays();
    const times: number[] = [];
    // Steps of 997 ms through two days (every millisecond digit count, midnight crossed), forwards.
    for (let t = Date.UTC(2024, 1, 28, 22, 0, 0, 3); t < Date.UTC(2024, 2, 1, 2); t += 997) times.push(t);
    // Then jumps back and forth: earlier days, six-digit and negative years, the epoch.
    times.push(0, 1, 999, 59_999, 86_399_999, -1, -86_400_001, Date.UTC(-5, 0, 1, 3, 4, 5, 6));
    times.push(Date.UTC(12_000, 5, 6, 7, 8, 9, 10), Date.UTC(12_000, 5, 6, 23, 59, 59, 999));
    const got = times.map(iso);
    expect(got).toEqual(times.map((t) => new Date(t).toISOString()));
    expect(new Set(got).size).toBe(times.length);
  });
});
