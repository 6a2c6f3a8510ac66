import { EvidenceError } from '../../domain/errors.js';
import type { DateOrder } from '../../domain/import-report.js';
import { describeSignature, formOf, type HeaderMatch } from './header.js';

/**
 * Which header variants an export uses and, per variant, what its dates say about day/month order.
 *
 * The order is decided per variant, not per file: a phone whose region changed part-way writes
 * `6/30/23, 16:14 - …` and then `30/6/2023, 16:15 - …`, two variants with opposite orders.
 */

export interface SignatureStats {
  count: number;
  firstLine: number;
  lastLine: number;
  ymd: number;
  /** First header that starts with a four-digit year, and first that does not. */
  ymdLine: number | null;
  notYmdLine: number | null;
  aOver12: number | null;
  bOver12: number | null;
  /** First header whose first two date numbers differ (before it, either order reads the same). */
  abDiffer: number | null;
  prevDmy: number;
  prevMdy: number;
  backDmy: number;
  backMdy: number;
}

function dayKey(year: number, month: number, day: number, h: HeaderMatch): number {
  return ((year * 16 + month) * 32 + day) * 86_400 + h.hour * 3600 + h.minute * 60 + h.second;
}

/** Count one header line into its variant's statistics. */
export function observe(signatures: Map<string, SignatureStats>, h: HeaderMatch, line: number): void {
  let s = signatures.get(h.signature);
  if (!s) {
    s = {
      count: 0,
      firstLine: line,
      lastLine: line,
      ymd: 0,
      ymdLine: null,
      notYmdLine: null,
      aOver12: null,
      bOver12: null,
      abDiffer: null,
      prevDmy: 0,
      prevMdy: 0,
      backDmy: 0,
      backMdy: 0,
    };
    signatures.set(h.signature, s);
  }
  s.count++;
  s.lastLine = line;
  if (h.aDigits === 4) {
    s.ymd++;
    s.ymdLine ??= line;
    return;
  }
  s.notYmdLine ??= line;
  if (h.a > 12 && s.aOver12 === null) s.aOver12 = line;
  if (h.b > 12 && s.bOver12 === null) s.bOver12 = line;
  if (h.a !== h.b && s.abDiffer === null) s.abDiffer = line;
  const dmy = dayKey(h.c, h.b, h.a, h);
  const mdy = dayKey(h.c, h.a, h.b, h);
  if (dmy < s.prevDmy) s.backDmy++;
  if (mdy < s.prevMdy) s.backMdy++;
  s.prevDmy = dmy;
  s.prevMdy = mdy;
}

/**
 * The variants that are this export's headers: the most frequent, and the others of the same form
 * (bracket, dash …) that occur more than once, or wholly before or after the main variant's lines
 * (the phone's region changed just before or after the export's other messages). A lone line of
 * another variant amid the main variant's is text someone pasted into a message, and stays in that
 * message's body. In the "space" form nothing separates
 * the time from the author, so a 12-hour reading there is an author named "PM …": one variant only.
 */
export function chooseVariants(signatures: ReadonlyMap<string, SignatureStats>): string[] {
  let best: [string, SignatureStats] | null = null;
  for (const entry of signatures) {
    if (!best || entry[1].count > best[1].count) best = entry;
  }
  if (!best) return [];
  const form = formOf(best[0]);
  const chosen = [best[0]];
  if (form === 'space') return chosen;
  for (const [sig, s] of signatures) {
    if (sig === best[0] || formOf(sig) !== form) continue;
    const outside = s.lastLine < best[1].firstLine || s.firstLine > best[1].lastLine;
    if (s.count > 1 || outside) chosen.push(sig);
  }
  return chosen;
}

export interface VariantOrder {
  readonly order: DateOrder;
  readonly basis: string;
}

/** Day/month order of one variant from its own evidence, or null when it cannot decide. */
function fromEvidence(stats: SignatureStats, file: string): VariantOrder | null {
  if (stats.ymd === stats.count) return { order: 'ymd', basis: 'every header starts with a four-digit year' };
  if (stats.ymd > 0) {
    throw new EvidenceError(
      file,
      `headers mix year-first dates (line ${stats.ymdLine}) and day/month-first dates (line ${stats.notYmdLine}); give --date-order`,
      stats.notYmdLine ?? undefined,
    );
  }
  if (stats.aOver12 !== null && stats.bOver12 !== null) {
    throw new EvidenceError(
      file,
      `the date order cannot be day/month (line ${stats.bOver12} has a month over 12) nor month/day (line ${stats.aOver12} has a month over 12); check the file or give --date-order`,
      stats.bOver12,
    );
  }
  if (stats.aOver12 !== null) {
    return { order: 'dmy', basis: `line ${stats.aOver12} has a first date number over 12, so it is the day` };
  }
  if (stats.bOver12 !== null) {
    return {
      order: 'mdy',
      basis: `line ${stats.bOver12} has a second date number over 12, so it is the day`,
    };
  }
  if (stats.abDiffer === null) {
    return {
      order: 'dmy',
      basis: 'every date reads the same as day/month and as month/day (day and month equal)',
    };
  }
  if (stats.backDmy !== stats.backMdy) {
    const order: DateOrder = stats.backDmy < stats.backMdy ? 'dmy' : 'mdy';
    return {
      order,
      basis: `no day over 12; times run in order as day/month with ${stats.backDmy} step(s) back and as month/day with ${stats.backMdy}`,
    };
  }
  return null;
}

/**
 * Where the file itself decides the order (every header year-first, or date numbers over 12 on one
 * side only), a declared order that reads otherwise would turn real headers into impossible dates
 * and fold their messages into the message above: refuse it. A file that cannot decide, or whose
 * headers contradict each other, takes the declared order.
 */
function contradictedBy(stats: SignatureStats, declared: DateOrder): { reason: string; line: number } | null {
  if (declared === 'ymd') {
    return stats.ymd === 0 && stats.notYmdLine !== null
      ? {
          reason: `no header starts with a four-digit year (line ${stats.notYmdLine})`,
          line: stats.notYmdLine,
        }
      : null;
  }
  if (stats.ymd === stats.count && stats.ymdLine !== null) {
    return {
      reason: `every header starts with a four-digit year (line ${stats.ymdLine}), so the order is ymd`,
      line: stats.ymdLine,
    };
  }
  if (declared === 'mdy' && stats.aOver12 !== null && stats.bOver12 === null) {
    return {
      reason: `line ${stats.aOver12} has a first date number over 12, which cannot be a month, so the order is dmy`,
      line: stats.aOver12,
    };
  }
  if (declared === 'dmy' && stats.bOver12 !== null && stats.aOver12 === null) {
    return {
      reason: `line ${stats.bOver12} has a second date number over 12, which cannot be a month, so the order is mdy`,
      line: stats.bOver12,
    };
  }
  return null;
}

/**
 * The order of every variant. A declared order applies to each variant that cannot decide for
 * itself; one the file contradicts is refused where the file has a single variant (the user meant
 * that file), and yields to the evidence, with its basis saying so, where the region changed.
 */
export function decideOrders(
  variants: readonly string[],
  signatures: ReadonlyMap<string, SignatureStats>,
  declared: 'auto' | DateOrder,
  file: string,
): Map<string, VariantOrder> {
  const orders = new Map<string, VariantOrder>();
  for (const sig of variants) {
    const stats = signatures.get(sig);
    if (!stats) continue;
    if (declared !== 'auto') {
      const contradiction = contradictedBy(stats, declared);
      if (!contradiction) {
        orders.set(sig, { order: declared, basis: 'declared by the user (--date-order)' });
        continue;
      }
      if (variants.length === 1) {
        throw new EvidenceError(
          file,
          `--date-order ${declared} contradicts the file: ${contradiction.reason}; give the order the file shows, or --date-order auto`,
          contradiction.line,
          'date_order_contradicted',
        );
      }
    }
    const found = fromEvidence(stats, file);
    if (found) {
      orders.set(sig, found);
      continue;
    }
    const which =
      variants.length > 1 ? ` in the headers like line ${stats.firstLine} (${describeSignature(sig)})` : '';
    throw new EvidenceError(
      file,
      `the date order (day/month or month/day) cannot be decided from this file${which}: every day is 12 or less and both readings run in order; give --date-order dmy or --date-order mdy`,
      undefined,
      'date_order_undecidable',
    );
  }
  return orders;
}
