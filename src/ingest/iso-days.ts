const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

/**
 * `new Date(ms).toISOString()` with the day's text kept: within a day only the time of day is
 * written, from numbers (toISOString itself costs as much as reading the rest of the message).
 */
export function isoDays(): (ms: number) => string {
  let day = NaN;
  let head = '';
  return (ms) => {
    const d = Math.floor(ms / 86_400_000);
    if (d !== day) {
      const whole = new Date(ms).toISOString();
      day = d;
      // "2024-03-05T" (or "+012024-03-05T") then "12:34:56.789Z", thirteen characters.
      head = whole.slice(0, -13);
      return whole;
    }
    let rest = ms - d * 86_400_000;
    const h = Math.floor(rest / 3_600_000);
    rest -= h * 3_600_000;
    const m = Math.floor(rest / 60_000);
    rest -= m * 60_000;
    const s = Math.floor(rest / 1000);
    const milli = rest - s * 1000;
    const mmm = milli < 10 ? `00${milli}` : milli < 100 ? `0${milli}` : String(milli);
    return `${head}${TWO_DIGITS[h]}:${TWO_DIGITS[m]}:${TWO_DIGITS[s]}.${mmm}Z`;
  };
}
