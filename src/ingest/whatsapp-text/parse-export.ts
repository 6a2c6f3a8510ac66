/*
 * The WhatsApp text export parser: pass 1 (the survey, the plan decided from it or from the file's
 * start and confirmed by the rest) and the line walk of pass 2; export-messages.ts builds each
 * message from its lines.
 */
import { EvidenceError } from '../../domain/errors.js';
import type {
  DateOrder,
  ExportImportReport,
  ImportNotice,
  ReportedLine,
} from '../../domain/import-report.js';
import type { ParsedMessage } from '../../domain/message.js';
import type { ExportParseOptions, ExportParseResult } from './api.js';
import {
  chooseVariants,
  decideOrders,
  observe,
  type SignatureStats,
  type VariantOrder,
} from './date-order.js';
import { describeSignature, matchHeader, type HeaderMatch } from './header.js';
import { readBody } from './body.js';
import { fastHeader, type FastHeader } from './fast-header.js';
import { bufferSource, type Line, type LineSource } from './lines.js';
import { authorEnd, namesLongestFirst } from './message.js';
import { groupNamesIn, readSystemText } from './system.js';
import { REPLAN } from '../source-reader.js';
import {
  continuePending,
  MessageAssembler,
  NoticeList,
  openPending,
  wallClockOf,
  type Pending,
} from './export-messages.js';

/**
 * Recorded on every exhibit. 1.1.0: a group authoring system lines names the conversation.
 * 1.1.1: a declared date order that the file's own dates contradict is refused.
 * 1.1.2: lines the group itself authors (iOS) are system lines even when their text is not one we know.
 * 1.2.0: time-first, Arabic-Indic/Persian-digit and Buddhist-era headers; day/month order per header
 * variant (a region change part-way); CR-only line endings; system lines and placeholders in 20
 * languages; iOS system lines have no sender (the name they were written under is kept apart);
 * group names holding ": "; unknown system lines listed in the report.
 * 1.2.1: wall-clock times on days the zone's offset changes are resolved per minute, not per hour
 * (Lord Howe Island's 30-minute change left half an hour read as missing or as happening once).
 */
export const EXPORT_PARSER_VERSION = 'whatsapp-text/1.2.1';

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

/** English system words: an unmarked line is read as system text only with one of them. */
const SYSTEM_WORDS =
  /added|removed|left|joined|created|changed|admin|encrypted|secured|were|deleted this group|icon|subject|description|settings/;
const MARKED = /^[\u200E\u200F]/;
/** Where a line may name the group: quotes around a name, or the few languages that quote with '…'. */
const GROUP_NAME_HINT = /["\u201C\u201D\u201E\u00AB\u00BB\u300C\u300D]|groep|گروپ/u;

/**
 * Pass 1: which header variants this export uses and what its dates say about day/month order,
 * line by line, so that it can be read from the start of a file and completed during pass 2.
 */
class Surveyor {
  private readonly signatures = new Map<string, SignatureStats>();
  private readonly groupNames: Set<string>;
  private sorted: string[];
  private readonly authors = new Map<string, { total: number; systemLike: number; marked: number }>();
  private lines = 0;
  private firstHeaderLine: number | null = null;
  private latestGroupName: string | null = null;
  /** The variant most frequent so far, read by its fast reader (fast-header.ts) where that can. */
  private fastSignature: string | null = null;
  private fast: FastHeader | null = null;

  constructor(
    chatName: string | null,
    private readonly fastHeaders = true,
  ) {
    // File systems refuse ":" in names, so "Response B: Nights" may come as "Response B_ Nights".
    this.groupNames = new Set<string>(chatName ? [chatName, chatName.replace(/_ /g, ': ')] : []);
    this.sorted = namesLongestFirst(this.groupNames);
  }

  /** One line; `header` is its reading where the caller has it already (what matchHeader gives). */
  line(line: Line, header?: HeaderMatch): void {
    this.lines = line.number;
    const h = header ?? this.fast?.(line.text) ?? matchHeader(line.text);
    if (!h) return;
    this.firstHeaderLine ??= line.number;
    observe(this.signatures, h, line.number);
    if (h.signature !== this.fastSignature && this.fastHeaders) this.follow(h.signature);
    if (GROUP_NAME_HINT.test(h.rest)) {
      const names = groupNamesIn(h.rest);
      for (const name of names) this.groupNames.add(name);
      if (names[0] !== undefined) {
        this.latestGroupName = names[0];
        this.sorted = namesLongestFirst(this.groupNames);
      }
    }
    const colon = authorEnd(h.rest, this.sorted);
    if (colon > 0) {
      const author = h.rest.slice(0, colon);
      const body = h.rest.slice(colon + 2);
      let a = this.authors.get(author);
      if (!a) this.authors.set(author, (a = { total: 0, systemLike: 0, marked: 0 }));
      a.total++;
      const marked = MARKED.test(body);
      if (marked) a.marked++;
      // Placeholders (image omitted, deleted …) also follow U+200E: they are people's messages.
      if ((marked || SYSTEM_WORDS.test(body)) && readBody(body).kind === 'text' && readSystemText(body))
        a.systemLike++;
    }
  }

  /** Read headers fast in the variant seen most so far. */
  private follow(signature: string): void {
    const count = (sig: string | null) => (sig === null ? 0 : (this.signatures.get(sig)?.count ?? 0));
    if (count(signature) <= count(this.fastSignature)) return;
    this.fastSignature = signature;
    this.fast = fastHeader(signature);
  }

  /** What the lines so far say (copies: the surveyor may read on). */
  result(): Survey {
    const groupAuthors = new Set<string>();
    const groupVoices = new Set<string>();
    for (const [author, a] of this.authors) {
      if (a.systemLike === a.total) groupAuthors.add(author);
      if (
        a.systemLike === a.total ||
        (a.systemLike > 0 && a.marked === a.total) ||
        this.groupNames.has(author)
      )
        groupVoices.add(author);
    }
    return {
      lines: this.lines,
      firstHeaderLine: this.firstHeaderLine,
      signatures: new Map([...this.signatures].map(([sig, stats]) => [sig, { ...stats }])),
      groupNames: new Set(this.groupNames),
      latestGroupName: this.latestGroupName,
      groupAuthors,
      groupVoices,
    };
  }
}

export interface ExportReadResult {
  readonly report: ExportImportReport;
  readonly conversationName: string | null;
}

/** What the first pass learnt: enough to refuse a file, or name its conversation, before anything is written. */
export interface ExportPlan {
  readonly survey: Survey;
  /** The header variants that are this export's headers, most frequent first, each with its order. */
  readonly variants: ReadonlyMap<string, VariantOrder>;
  /** The most frequent variant's order (the report's `dateOrder`). */
  readonly dateOrder: DateOrder;
  readonly dateOrderBasis: string;
  /** From the container's name, else the group's name as last set in the file; null when neither says. */
  readonly conversationName: string | null;
}

/** Pass 1: read the whole source once; throws an EvidenceError for anything that is not an export. */
export function planExport(source: LineSource, options: ExportParseOptions): ExportPlan {
  const surveyor = new Surveyor(options.conversationName ?? null, options.fastHeaders);
  for (const line of source.lines()) surveyor.line(line);
  return derivePlan(surveyor.result(), options);
}

/** A plan decided from the start of a file, to be confirmed by the whole of it (see readExport). */
export interface EarlyPlan {
  readonly plan: ExportPlan;
  /** null where the start was the whole file: nothing is left to confirm. */
  readonly confirm: { readonly surveyor: Surveyor; readonly afterLine: number } | null;
}

/**
 * Pass 1 on the first `lines` lines only, so messages can be sent before the whole file is read.
 * Where the start cannot decide (or is no export), the whole file is surveyed as planExport does.
 */
export function planFromStart(source: LineSource, options: ExportParseOptions, lines: number): EarlyPlan {
  const surveyor = new Surveyor(options.conversationName ?? null, options.fastHeaders);
  let last = 0;
  let complete = true;
  for (const line of source.lines()) {
    if (line.number > lines) {
      complete = false;
      break;
    }
    surveyor.line(line);
    last = line.number;
  }
  if (complete) return { plan: derivePlan(surveyor.result(), options), confirm: null };
  try {
    return { plan: derivePlan(surveyor.result(), options), confirm: { surveyor, afterLine: last } };
  } catch {
    return { plan: planExport(source, options), confirm: null };
  }
}

/**
 * The plan a whole file gives is the plan its start gave: the messages read with the start's plan
 * are then exactly those the whole file's plan gives. Otherwise the import is read again, whole
 * file first (the caller rolls back what it stored): an error naming the difference.
 */
function confirmPlan(early: ExportPlan, whole: ExportPlan, file: string): void {
  const variants = (p: ExportPlan) => JSON.stringify([...p.variants]);
  const names = (s: ReadonlySet<string>) => JSON.stringify([...s].sort());
  const differs =
    variants(early) !== variants(whole)
      ? 'header variants or their date order'
      : early.dateOrderBasis !== whole.dateOrderBasis
        ? 'the basis of the date order'
        : early.conversationName !== whole.conversationName ||
            names(early.survey.groupNames) !== names(whole.survey.groupNames)
          ? 'group names'
          : names(early.survey.groupAuthors) !== names(whole.survey.groupAuthors) ||
              names(early.survey.groupVoices) !== names(whole.survey.groupVoices)
            ? 'which authors are the group itself'
            : null;
  if (differs)
    throw new EvidenceError(
      file,
      `the whole file changes what its start decided (${differs})`,
      undefined,
      REPLAN,
    );
}

function derivePlan(sv: Survey, options: ExportParseOptions): ExportPlan {
  const file = options.fileName;
  if (sv.lines === 0) throw new EvidenceError(file, 'the file is empty', undefined, 'empty_file');
  if (sv.firstHeaderLine === null) {
    throw new EvidenceError(
      file,
      `no WhatsApp message header in ${sv.lines} line(s): this is not a WhatsApp chat export`,
      undefined,
      'no_headers',
    );
  }
  const chosen = chooseVariants(sv.signatures);
  const variants = decideOrders(chosen, sv.signatures, options.dateOrder, file);
  const main = variants.get(chosen[0] ?? '') as VariantOrder;
  const basis =
    variants.size === 1
      ? main.basis
      : [...variants]
          .map(
            ([sig, v]) =>
              `${v.order} for ${describeSignature(sig)} from line ${sv.signatures.get(sig)?.firstLine}: ${v.basis}`,
          )
          .join('; ');
  return {
    survey: sv,
    variants,
    dateOrder: main.order,
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
  /** Where the plan was decided from the file's start: the surveyor that reads on to confirm it. */
  confirm: EarlyPlan['confirm'] = null,
): Generator<ParsedMessage, ExportReadResult, undefined> {
  const file = options.fileName;
  const { survey: sv, variants, dateOrder: order, dateOrderBasis: basis } = plan;
  const notices = new NoticeList();
  const messages = assemblerFor(plan, options, notices);
  const expected = new Set(variants.keys());
  const fastRead = fastReaderOf(expected, options.fastHeaders !== false);
  notices.add({
    code: options.dateOrder === 'auto' ? 'date_order_inferred' : 'date_order_declared',
    message: `date order ${order}: ${basis}`,
    line: null,
  });
  const reported: ReportedLine[] = [];
  let pending: Pending | null = null;

  for (const line of source.lines()) {
    const fast = fastRead(line.text);
    // A fast reading is what matchHeader gives with or without `expected`: the surveyor takes it.
    if (confirm && line.number > confirm.afterLine) confirm.surveyor.line(line, fast ?? undefined);
    if (line.text.includes('\uFFFD')) notices.add(encodingNotice(line.number));
    const h = fast ?? matchHeader(line.text, expected);
    const isHeader = h !== null && expected.has(h.signature) && wallClockOf(h, variants) !== null;
    if (isHeader) {
      if (pending) yield messages.build(pending);
      pending = openPending(line, h);
      continue;
    }
    if (h !== null && pending) notices.add(continuationNotice(h, expected, line.number));
    if (pending) continuePending(pending, line);
    else reported.push(beforeFirstHeader(line));
  }
  if (pending) yield messages.build(pending);
  // The whole file's plan (which throws what planExport would have thrown) must be the start's.
  const whole = confirm ? derivePlan(confirm.surveyor.result(), options) : plan;
  if (whole !== plan) confirmPlan(plan, whole, file);
  if (messages.seq === 0) {
    throw new EvidenceError(
      file,
      `no message header could be read with date order ${order}; check --date-order`,
      sv.firstHeaderLine ?? undefined,
    );
  }
  messages.noteOutOfOrder();
  return {
    report: {
      kind: 'export',
      lines: whole.survey.lines,
      messages: messages.seq,
      reportedLines: reported,
      notices: notices.finish(),
      dateOrder: order,
      dateOrderBasis: basis,
      headerStyle: [...variants.keys()].map(describeSignature).join('; '),
      encoding: source.encoding,
    },
    conversationName: plan.conversationName,
  };
}

/** The message builder for a plan: the group names it knows tell system lines from people's. */
function assemblerFor(plan: ExportPlan, options: ExportParseOptions, notices: NoticeList): MessageAssembler {
  const sv = plan.survey;
  const groupNames = new Set(sv.groupNames);
  if (options.conversationName) groupNames.add(options.conversationName);
  if (plan.conversationName) groupNames.add(plan.conversationName);
  const ctx = { groupNames, groupAuthors: sv.groupAuthors, groupVoices: sv.groupVoices };
  return new MessageAssembler(options.zone, plan.variants, ctx, namesLongestFirst(groupNames), notices);
}

/** The export's own variants read fast; null where the general matcher must read the line. */
function fastReaderOf(expected: ReadonlySet<string>, enabled: boolean): (text: string) => HeaderMatch | null {
  const fastReaders = enabled ? [...expected].map(fastHeader) : [];
  return (text) => {
    for (const read of fastReaders) {
      const h = read?.(text);
      if (h) return h;
    }
    return null;
  };
}

function encodingNotice(line: number): ImportNotice {
  return {
    code: 'encoding',
    message:
      'the line holds U+FFFD: bytes that are not valid text, or the replacement character itself; the original bytes are kept in the evidence copy',
    line,
  };
}

/** A header-like line that is not one of this export's headers, kept in the message above. */
function continuationNotice(h: HeaderMatch, expected: ReadonlySet<string>, line: number): ImportNotice {
  return {
    code: 'header_like_continuation',
    message: expected.has(h.signature)
      ? `a header-like line with an impossible date or time (${h.localText}) is kept as part of the message above`
      : `a line in another header style (${describeSignature(h.signature)}) is kept as part of the message above`,
    line,
  };
}

function beforeFirstHeader(line: Line): ReportedLine {
  return {
    line: line.number,
    byteStart: line.byteStart,
    byteEnd: line.byteEnd,
    reason: 'before_first_header',
    text: line.text,
  };
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
