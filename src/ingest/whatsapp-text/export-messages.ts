/**
 * Pass 2 of the export parser, message side: a header and the lines after it (a `Pending`) become
 * one ParsedMessage, its wall-clock time resolved in the zone, and the notices that raises are
 * listed (capped per kind). parse-export.ts decides the plan and walks the lines.
 */
import type { ImportNotice } from '../../domain/import-report.js';
import type { ParsedMessage } from '../../domain/message.js';
import { isoDays } from '../iso-days.js';
import { isValidDate, LocalTimeResolver } from '../local-time.js';
import type { VariantOrder } from './date-order.js';
import { clockHour, commonEraYear, type HeaderMatch } from './header.js';
import type { Line } from './lines.js';
import { readMessage } from './message.js';

/** At most this many notices of one kind are listed; the rest are counted in a summary notice. */
const NOTICE_CAP = 200;

/** A message being read: its header line and the continuation lines seen so far. */
export interface Pending {
  header: HeaderMatch;
  lineStart: number;
  lineEnd: number;
  byteStart: number;
  byteEnd: number;
  /** Body pieces after the header, with the terminators between them. */
  parts: string[];
  lastTerminator: string;
}

/** A message opened at its header line. */
export function openPending(line: Line, h: HeaderMatch): Pending {
  return {
    header: h,
    lineStart: line.number,
    lineEnd: line.number,
    byteStart: line.byteStart,
    byteEnd: line.byteEnd,
    parts: [],
    lastTerminator: line.terminator,
  };
}

/** A line that is no header, kept as part of the message above (with the terminator before it). */
export function continuePending(p: Pending, line: Line): void {
  p.parts.push(p.lastTerminator, line.text);
  p.lastTerminator = line.terminator;
  p.lineEnd = line.number;
  p.byteEnd = line.byteEnd;
}

export class NoticeList {
  readonly notices: ImportNotice[] = [];
  private readonly counts = new Map<string, number>();
  add(notice: ImportNotice): void {
    const n = (this.counts.get(notice.code) ?? 0) + 1;
    this.counts.set(notice.code, n);
    if (n <= NOTICE_CAP) this.notices.push(notice);
  }
  finish(): ImportNotice[] {
    for (const [code, n] of this.counts) {
      if (n > NOTICE_CAP) {
        this.notices.push({
          code: code as ImportNotice['code'],
          message: `${n - NOTICE_CAP} more notices of this kind not listed (${n} in all)`,
          line: null,
        });
      }
    }
    return this.notices;
  }
}

/** The wall-clock time a header says, read in its own variant's day/month order; null if impossible. */
export function wallClockOf(h: HeaderMatch, variants: ReadonlyMap<string, VariantOrder>) {
  const hour = clockHour(h);
  const variant = variants.get(h.signature);
  if (hour === null || !variant) return null;
  const o = variant.order;
  const [d, m, yRaw] = o === 'dmy' ? [h.a, h.b, h.c] : o === 'mdy' ? [h.b, h.a, h.c] : [h.c, h.b, h.a];
  const year = commonEraYear(h, yRaw);
  if (!isValidDate(year, m, d)) return null;
  return { year, month: m, day: d, hour, minute: h.minute, second: h.second };
}

function unknownSystemNotice(text: string, line: number): ImportNotice {
  const shown = text.length > 200 ? `${text.slice(0, 200)}…` : text;
  return {
    code: 'unknown_system_text',
    message: `a system line whose wording is not in the phrase tables is kept as a system line: ${JSON.stringify(shown)}`,
    line,
  };
}

type MessageContext = Parameters<typeof readMessage>[2];

/** Turns pending messages into ParsedMessages in file order, numbering them and noting time oddities. */
export class MessageAssembler {
  /** Messages built so far (the next one's seq). */
  seq = 0;
  private readonly resolver: LocalTimeResolver;
  private readonly iso = isoDays();
  private lastUtc = -Infinity;
  private outOfOrder = 0;
  private firstOutOfOrder: number | null = null;

  constructor(
    private readonly zone: string,
    private readonly variants: ReadonlyMap<string, VariantOrder>,
    private readonly ctx: MessageContext,
    private readonly sortedNames: readonly string[],
    private readonly notices: NoticeList,
  ) {
    this.resolver = new LocalTimeResolver(zone);
  }

  build(p: Pending): ParsedMessage {
    const h = p.header;
    const wall = wallClockOf(h, this.variants);
    if (!wall) throw new Error('unreachable: header validated before it was opened');
    const instant = this.resolver.resolve(wall);
    if (instant.resolution !== 'exact') {
      this.notices.add({
        code: instant.resolution === 'ambiguous' ? 'time_ambiguous' : 'time_nonexistent',
        message:
          instant.resolution === 'ambiguous'
            ? `${h.localText} occurs twice in ${this.zone} (clocks went back); read as ${new Date(instant.utcMs).toISOString()} from the file's order`
            : `${h.localText} does not exist in ${this.zone} (clocks went forward); read as ${new Date(instant.utcMs).toISOString()}`,
        line: p.lineStart,
      });
    }
    if (instant.utcMs < this.lastUtc) {
      this.outOfOrder++;
      this.firstOutOfOrder ??= p.lineStart;
    }
    this.lastUtc = instant.utcMs;
    const rest = p.parts.length === 0 ? '' : p.parts.join('');
    const m = readMessage(h.rest, rest, this.ctx, this.sortedNames);
    if (m.unknownSystem) this.notices.add(unknownSystemNotice(m.text, p.lineStart));
    const time = {
      localText: h.localText,
      zone: this.zone,
      utc: this.iso(instant.utcMs),
      resolution: instant.resolution,
    };
    const source = {
      type: 'text' as const,
      lineStart: p.lineStart,
      lineEnd: p.lineEnd,
      byteStart: p.byteStart,
      byteEnd: p.byteEnd,
    };
    // Written out rather than spread (this runs once per message); displayedAuthor only where set.
    const { sender, kind, text, edited, media, poll, location, system, displayedAuthor } = m;
    return displayedAuthor
      ? {
          seq: this.seq++,
          sender,
          text,
          system,
          kind,
          edited,
          media,
          poll,
          location,
          displayedAuthor,
          time,
          source,
        }
      : { seq: this.seq++, sender, text, system, kind, edited, media, poll, location, time, source };
  }

  /** Once all are built: a notice where messages are earlier than the one before them. */
  noteOutOfOrder(): void {
    if (this.outOfOrder > 0) {
      this.notices.add({
        code: 'out_of_order',
        message: `${this.outOfOrder} message(s) are earlier than the message before them in the file (first at line ${this.firstOutOfOrder}); file order is kept`,
        line: this.firstOutOfOrder,
      });
    }
  }
}
