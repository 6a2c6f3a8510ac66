import { EvidenceError } from '../../domain/errors.js';
import type {
  DateOrder,
  ExportImportReport,
  ImportNotice,
  ReportedLine,
} from '../../domain/import-report.js';
import type { ParsedMessage, SystemEvent } from '../../domain/message.js';
import { isValidDate, LocalTimeResolver } from '../local-time.js';
import type { ExportParseOptions, ExportParseResult } from './api.js';
import { readBody } from './body.js';
import { clockHour, describeSignature, matchHeader, type HeaderMatch } from './header.js';
import { bufferSource, type Line, type LineSource } from './lines.js';
import { groupNamesIn, looksLikeSystemPrefix, readSystemText } from './system.js';

/**
 * Recorded on every exhibit. 1.1.0: a group authoring system lines names the conversation.
 * 1.1.1: a declared date order that the file's own dates contradict is refused.
 * 1.1.2: lines the group itself authors (iOS) are system lines even when their text is not one we know.
 */
export const EXPORT_PARSER_VERSION = 'whatsapp-text/1.1.2';

/** At most this many notices of one kind are listed; the rest are counted in a summary notice. */
const NOTICE_CAP = 200;

interface SignatureStats {
  count: number;
  firstLine: number;
  ymd: number;
  /** First header that starts with a four-digit year, and first that does not. */
  ymdLine: number | null;
  notYmdLine: number | null;
  aOver12: number | null;
  bOver12: number | null;
  prevDmy: number;
  prevMdy: number;
  backDmy: number;
  backMdy: number;
}

interface Survey {
  lines: number;
  firstHeaderLine: number | null;
  signatures: Map<string, SignatureStats>;
  groupNames: Set<string>;
  /** The group's name as last set in the file (created or subject changed), if any. */
  latestGroupName: string | null;
  /** Authors whose every "message" reads as a system text: iOS puts the group's name there. */
  groupAuthors: Set<string>;
  /**
   * Authors that are the group itself, not a person: those above, those the file names as the group
   * (created or subject lines), and those whose every line starts with U+200E with at least one
   * known system text among them. Their lines that are no known system text (pinned a message,
   * disappearing messages, …) are system lines too, so the group never becomes a participant.
   */
  groupVoices: Set<string>;
}

const SYSTEM_WORDS =
  /added|removed|left|joined|created|changed|admin|encrypted|secured|were|deleted this group|icon|subject|description|settings/;

function dayKey(year: number, month: number, day: number, h: HeaderMatch): number {
  return ((year * 16 + month) * 32 + day) * 86_400 + h.hour * 3600 + h.minute * 60 + h.second;
}

/** Pass 1: which header variant this export uses and what its dates say about day/month order. */
function survey(source: LineSource): Survey {
  const signatures = new Map<string, SignatureStats>();
  const groupNames = new Set<string>();
  const authors = new Map<string, { total: number; systemLike: number; marked: number }>();
  let lines = 0;
  let firstHeaderLine: number | null = null;
  let latestGroupName: string | null = null;
  for (const line of source.lines()) {
    lines = line.number;
    const h = matchHeader(line.text);
    if (!h) continue;
    firstHeaderLine ??= line.number;
    let s = signatures.get(h.signature);
    if (!s) {
      s = {
        count: 0,
        firstLine: line.number,
        ymd: 0,
        ymdLine: null,
        notYmdLine: null,
        aOver12: null,
        bOver12: null,
        prevDmy: 0,
        prevMdy: 0,
        backDmy: 0,
        backMdy: 0,
      };
      signatures.set(h.signature, s);
    }
    s.count++;
    if (h.aDigits === 4) {
      s.ymd++;
      s.ymdLine ??= line.number;
    } else {
      s.notYmdLine ??= line.number;
      if (h.a > 12 && s.aOver12 === null) s.aOver12 = line.number;
      if (h.b > 12 && s.bOver12 === null) s.bOver12 = line.number;
      const dmy = dayKey(h.c, h.b, h.a, h);
      const mdy = dayKey(h.c, h.a, h.b, h);
      if (dmy < s.prevDmy) s.backDmy++;
      if (mdy < s.prevMdy) s.backMdy++;
      s.prevDmy = dmy;
      s.prevMdy = mdy;
    }
    if (SYSTEM_WORDS.test(h.rest)) {
      const names = groupNamesIn(h.rest);
      for (const name of names) groupNames.add(name);
      if (names[0] !== undefined) latestGroupName = names[0];
    }
    const colon = h.rest.indexOf(': ');
    if (colon > 0) {
      const author = h.rest.slice(0, colon);
      const body = h.rest.slice(colon + 2);
      let a = authors.get(author);
      if (!a) authors.set(author, (a = { total: 0, systemLike: 0, marked: 0 }));
      a.total++;
      if (body.startsWith('\u200E')) a.marked++;
      if (SYSTEM_WORDS.test(body) && readSystemText(body)) a.systemLike++;
    }
  }
  const groupAuthors = new Set<string>();
  const groupVoices = new Set<string>();
  for (const [author, a] of authors) {
    if (a.systemLike === a.total) groupAuthors.add(author);
    if (a.systemLike === a.total || (a.systemLike > 0 && a.marked === a.total) || groupNames.has(author))
      groupVoices.add(author);
  }
  return { lines, firstHeaderLine, signatures, groupNames, latestGroupName, groupAuthors, groupVoices };
}

function chooseSignature(sv: Survey): [string, SignatureStats] {
  let best: [string, SignatureStats] | null = null;
  for (const entry of sv.signatures) {
    if (!best || entry[1].count > best[1].count) best = entry;
  }
  return best as [string, SignatureStats];
}

function decideDateOrder(
  stats: SignatureStats,
  options: ExportParseOptions,
): { order: DateOrder; basis: string } {
  const file = options.fileName;
  if (options.dateOrder !== 'auto') {
    const contradiction = contradictedBy(stats, options.dateOrder);
    if (contradiction) {
      throw new EvidenceError(
        file,
        `--date-order ${options.dateOrder} contradicts the file: ${contradiction.reason}; give the order the file shows, or --date-order auto`,
        contradiction.line,
        'date_order_contradicted',
      );
    }
    return { order: options.dateOrder, basis: 'declared by the user (--date-order)' };
  }
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
  if (stats.backDmy !== stats.backMdy) {
    const order: DateOrder = stats.backDmy < stats.backMdy ? 'dmy' : 'mdy';
    return {
      order,
      basis: `no day over 12; times run in order as day/month with ${stats.backDmy} step(s) back and as month/day with ${stats.backMdy}`,
    };
  }
  throw new EvidenceError(
    file,
    'the date order (day/month or month/day) cannot be decided from this file: every day is 12 or less and both readings run in order; give --date-order dmy or --date-order mdy',
    undefined,
    'date_order_undecidable',
  );
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

interface Pending {
  header: HeaderMatch;
  lineStart: number;
  lineEnd: number;
  byteStart: number;
  byteEnd: number;
  /** Body pieces after the header, with the terminators between them. */
  parts: string[];
  lastTerminator: string;
}

class NoticeList {
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

export interface ExportReadResult {
  readonly report: ExportImportReport;
  readonly conversationName: string | null;
}

/** What the first pass learnt: enough to refuse a file, or name its conversation, before anything is written. */
export interface ExportPlan {
  readonly survey: Survey;
  readonly signature: string;
  readonly dateOrder: DateOrder;
  readonly dateOrderBasis: string;
  /** From the container's name, else the group's name as last set in the file; null when neither says. */
  readonly conversationName: string | null;
}

/** Pass 1: read the whole source once; throws an EvidenceError for anything that is not an export. */
export function planExport(source: LineSource, options: ExportParseOptions): ExportPlan {
  const file = options.fileName;
  const sv = survey(source);
  if (sv.lines === 0) throw new EvidenceError(file, 'the file is empty', undefined, 'empty_file');
  if (sv.firstHeaderLine === null) {
    throw new EvidenceError(
      file,
      `no WhatsApp message header in ${sv.lines} line(s): this is not a WhatsApp chat export`,
      undefined,
      'no_headers',
    );
  }
  const [signature, stats] = chooseSignature(sv);
  const { order, basis } = decideDateOrder(stats, options);
  return {
    survey: sv,
    signature,
    dateOrder: order,
    dateOrderBasis: basis,
    // Newer iOS exports write system lines with the group's name as author: with no name from the
    // file name or a subject line, that author is the group's name.
    conversationName:
      options.conversationName ??
      sv.latestGroupName ??
      (sv.groupAuthors.size === 1
        ? [...sv.groupAuthors][0]!
        : sv.groupVoices.size === 1
          ? [...sv.groupVoices][0]!
          : null),
  };
}

/**
 * Pass 2: yield each message in file order and return the import report. The source is read again
 * rather than held in memory, so memory stays flat however large the export.
 */
export function* readExport(
  source: LineSource,
  options: ExportParseOptions,
  plan: ExportPlan = planExport(source, options),
): Generator<ParsedMessage, ExportReadResult, undefined> {
  const file = options.fileName;
  const resolver = new LocalTimeResolver(options.zone);
  const { survey: sv, signature, dateOrder: order, dateOrderBasis: basis } = plan;
  const groupNames = new Set(sv.groupNames);
  if (options.conversationName) groupNames.add(options.conversationName);

  const notices = new NoticeList();
  notices.add({
    code: options.dateOrder === 'auto' ? 'date_order_inferred' : 'date_order_declared',
    message: `date order ${order}: ${basis}`,
    line: null,
  });
  const reported: ReportedLine[] = [];
  let pending: Pending | null = null;
  let seq = 0;
  let lastUtc = -Infinity;
  let outOfOrder = 0;
  let firstOutOfOrder: number | null = null;
  const conversationName = plan.conversationName;

  const wallClock = (h: HeaderMatch) => {
    const hour = clockHour(h);
    if (hour === null) return null;
    const [d, m, yRaw] =
      order === 'dmy' ? [h.a, h.b, h.c] : order === 'mdy' ? [h.b, h.a, h.c] : [h.c, h.b, h.a];
    const year = yRaw < 100 ? 2000 + yRaw : yRaw;
    if (!isValidDate(year, m, d)) return null;
    return { year, month: m, day: d, hour, minute: h.minute, second: h.second };
  };

  const flush = (p: Pending): ParsedMessage => {
    const h = p.header;
    const wall = wallClock(h);
    if (!wall) throw new Error('unreachable: header validated before it was opened');
    const instant = resolver.resolve(wall);
    if (instant.resolution !== 'exact') {
      notices.add({
        code: instant.resolution === 'ambiguous' ? 'time_ambiguous' : 'time_nonexistent',
        message:
          instant.resolution === 'ambiguous'
            ? `${h.localText} occurs twice in ${options.zone} (clocks went back); read as ${new Date(instant.utcMs).toISOString()} from the file's order`
            : `${h.localText} does not exist in ${options.zone} (clocks went forward); read as ${new Date(instant.utcMs).toISOString()}`,
        line: p.lineStart,
      });
    }
    if (instant.utcMs < lastUtc) {
      outOfOrder++;
      firstOutOfOrder ??= p.lineStart;
    }
    lastUtc = instant.utcMs;
    const rest = p.parts.join('');
    const message = readMessage(h.rest, rest, groupNames, sv.groupAuthors, sv.groupVoices);
    return {
      seq: seq++,
      ...message,
      time: {
        localText: h.localText,
        zone: options.zone,
        utc: new Date(instant.utcMs).toISOString(),
        resolution: instant.resolution,
      },
      source: {
        type: 'text',
        lineStart: p.lineStart,
        lineEnd: p.lineEnd,
        byteStart: p.byteStart,
        byteEnd: p.byteEnd,
      },
    };
  };

  const open = (line: Line, h: HeaderMatch): Pending => ({
    header: h,
    lineStart: line.number,
    lineEnd: line.number,
    byteStart: line.byteStart,
    byteEnd: line.byteEnd,
    parts: [],
    lastTerminator: line.terminator,
  });

  for (const line of source.lines()) {
    if (line.text.includes('\uFFFD')) {
      notices.add({
        code: 'encoding',
        message:
          'the line holds U+FFFD: bytes that are not valid text, or the replacement character itself; the original bytes are kept in the evidence copy',
        line: line.number,
      });
    }
    const h = matchHeader(line.text, signature);
    const isHeader = h !== null && h.signature === signature && wallClock(h) !== null;
    if (isHeader) {
      if (pending) yield flush(pending);
      pending = open(line, h);
      continue;
    }
    if (h !== null && pending) {
      notices.add({
        code: 'header_like_continuation',
        message:
          h.signature === signature
            ? `a header-like line with an impossible date or time (${h.localText}) is kept as part of the message above`
            : `a line in another header style (${describeSignature(h.signature)}) is kept as part of the message above`,
        line: line.number,
      });
    }
    if (!pending) {
      reported.push({
        line: line.number,
        byteStart: line.byteStart,
        byteEnd: line.byteEnd,
        reason: 'before_first_header',
        text: line.text,
      });
      continue;
    }
    pending.parts.push(pending.lastTerminator, line.text);
    pending.lastTerminator = line.terminator;
    pending.lineEnd = line.number;
    pending.byteEnd = line.byteEnd;
  }
  if (pending) yield flush(pending);
  if (seq === 0) {
    throw new EvidenceError(
      file,
      `no message header could be read with date order ${order}; check --date-order`,
      sv.firstHeaderLine ?? undefined,
    );
  }
  if (outOfOrder > 0) {
    notices.add({
      code: 'out_of_order',
      message: `${outOfOrder} message(s) are earlier than the message before them in the file (first at line ${firstOutOfOrder}); file order is kept`,
      line: firstOutOfOrder,
    });
  }
  return {
    report: {
      kind: 'export',
      lines: sv.lines,
      messages: seq,
      reportedLines: reported,
      notices: notices.finish(),
      dateOrder: order,
      dateOrderBasis: basis,
      headerStyle: describeSignature(signature),
      encoding: source.encoding,
    },
    conversationName,
  };
}

type MessageContent = Pick<
  ParsedMessage,
  'sender' | 'kind' | 'text' | 'edited' | 'media' | 'poll' | 'location' | 'system'
>;

const NO_EXTRAS = { edited: false, media: null, poll: null, location: null } as const;

/** Split "Sender: body" from a header's rest, telling people's messages from system lines. */
function readMessage(
  first: string,
  continuation: string,
  groupNames: ReadonlySet<string>,
  groupAuthors: ReadonlySet<string>,
  groupVoices: ReadonlySet<string>,
): MessageContent {
  let colon = first.indexOf(': ');
  if (colon < 0 && first.endsWith(':') && first.length > 1) colon = first.length - 1;
  if (colon < 0) {
    const text = first + continuation;
    return { ...NO_EXTRAS, sender: null, kind: 'system', text, system: readSystemText(text) ?? otherEvent() };
  }
  const author = first.slice(0, colon);
  const body = first.slice(colon + 2) + continuation;
  if (looksLikeSystemPrefix(author)) {
    const whole = first + continuation;
    const ev = readSystemText(whole);
    if (ev) return { ...NO_EXTRAS, sender: null, kind: 'system', text: whole, system: ev };
  }
  if (body.startsWith('\u200E') || groupNames.has(author) || groupAuthors.has(author)) {
    const ev = readSystemText(body);
    if (ev) return { ...NO_EXTRAS, sender: author, kind: 'system', text: body, system: ev };
  }
  const reading = readBody(body);
  if (reading.kind === 'text' && groupVoices.has(author))
    return { ...NO_EXTRAS, sender: author, kind: 'system', text: body, system: otherEvent() };
  return { sender: author, text: body, system: null, ...reading };
}

function otherEvent(): SystemEvent {
  return { type: 'other', actor: null, targets: [], value: null, previousValue: null };
}

/** Parse an export held in memory. */
export function parseExport(bytes: Uint8Array, options: ExportParseOptions): ExportParseResult {
  const messages: ParsedMessage[] = [];
  const reader = readExport(bufferSource(bytes, options.fileName), options);
  for (;;) {
    const next = reader.next();
    if (next.done) return { messages, ...next.value };
    messages.push(next.value);
  }
}
