/** Option parsing and figures shared by the review-workspace commands (coverage, batch, qc, audit). */
import { UsageError } from '../../domain/errors.js';

/** A whole number from an option, within bounds; the message names the option. */
export function intOption(value: string, flag: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/u.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max} (got "${value}").`, {
      code: 'bad_option',
    });
  }
  return n;
}

/** A fraction from 0 to 1 (a QC share, a flag score); the message names the option. */
export function fractionOption(value: string, flag: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new UsageError(`${flag} must be a number from 0 to 1 (got "${value}").`, { code: 'bad_option' });
  }
  return n;
}

/** 0.4567 → "45.7%" for tables; JSON keeps the fraction. */
export function percent(fraction: number | null): string {
  return fraction === null ? '-' : `${(fraction * 100).toFixed(1)}%`;
}
