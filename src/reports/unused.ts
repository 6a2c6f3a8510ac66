/**
 * Unused-material schedule in the style of the MG6C (CPIA 1996, non-sensitive): consecutively
 * numbered items; a message that may meet the disclosure test (flagged by the flagger, coded by a
 * reviewer, or hit by a case search term) is described individually; runs of other messages are
 * described in bulk ("Messages 1–412 of exhibit AB/1, 09/03/2021–14/03/2021: …"). Appendices: the
 * search-term report (term lists, hits and unique hits per term) and review coverage.
 *
 * XLSX: one workbook with the schedule, the appendices and the provenance. CSV: the schedule, with
 * the appendices in sibling files (FILE.search-terms.csv, FILE.coverage.csv, FILE.provenance.csv).
 * Both are written by unused-files.ts.
 */
import { DateTime } from 'luxon';
import type { Store } from '../store/open-store.js';
import type { FlagRecord, TermListRecord } from '../store/flag-types.js';
import type { CaseRecord, ConversationRecord, ExhibitRecord, MessageRecord } from '../store/types.js';
import { loadRecord } from '../cases/record-service.js';
import { dateInWords } from '../domain/partial-date.js';
import { senderOf, sourceOf } from './message-lines.js';
import {
  digest,
  exhibitInputs,
  inputsAsAt,
  loadCodes,
  provenanceRows,
  runProvenance,
  softwareVersion,
  type Provenance,
  type ReviewCode,
} from './provenance.js';
import { searchTermHits } from '../review/search-term-report.js';
import {
  coverageRows,
  csv,
  SCHEDULE_HEADERS,
  termRows,
  unusedWorkbook,
  type Coverage,
  type Tables,
  type TermReport,
} from './unused-files.js';

export interface UnusedOptions {
  readonly format: 'xlsx' | 'csv';
  readonly onProgress?: (done: number, total: number) => void;
}

export interface UnusedResult {
  readonly bytes: Buffer;
  /** CSV only: [suffix, bytes] of the appendix files. */
  readonly appendices: readonly (readonly [string, Buffer])[];
  readonly items: number;
  readonly rows: readonly ScheduleItem[];
  readonly provenance: Provenance;
}

export interface ScheduleItem {
  readonly item: number;
  readonly description: string;
  readonly reference: string;
  readonly dates: string;
  /** used: material the prosecution or the misconduct case relies on (a count, an allegation), listed
   * only as a cross-reference, as the disclosure manual's schedules leave used material out. */
  readonly listing: 'individual' | 'bulk' | 'used';
  readonly reason: string;
  readonly messages: number;
}

/** Messages the case uses: charged as counts, or cited by allegations, with what uses them. */
async function usedMaterial(store: Store, caseId: number): Promise<Map<number, string[]>> {
  const record = await loadRecord(store, caseId);
  const out = new Map<number, string[]>();
  const add = (id: number, why: string) => out.set(id, [...(out.get(id) ?? []), why]);
  const name = (personId: number) =>
    record.people.find((p) => p.id === personId)?.name ?? `person ${personId}`;
  for (const c of record.counts)
    if (c.chargedOn !== null)
      for (const id of c.messageIds)
        add(id, `count ${c.number} against ${name(c.personId)}, charged ${dateInWords(c.chargedOn)}`);
  for (const a of record.allegations)
    for (const id of a.messageIds)
      add(id, `cited by allegation ${a.id} (${a.standard}) against ${name(a.personId)}`);
  return out;
}

const day = (utc: string, zone: string): string =>
  DateTime.fromISO(utc, { zone: 'utc' }).setZone(zone).toFormat('dd/MM/yyyy');

const clip = (s: string, n = 400): string =>
  s.length > n ? `${s.slice(0, n)}… [${s.length - n} more characters]` : s;

/** What decides how a message is listed: flags, search-term hits and the case's use of it. */
interface Marks {
  readonly flags: ReadonlyMap<number, FlagRecord>;
  readonly termsOf: ReadonlyMap<number, string[]>;
  readonly used: ReadonlyMap<number, string[]>;
}

export async function buildUnusedSchedule(
  store: Store,
  theCase: CaseRecord,
  o: UnusedOptions,
): Promise<UnusedResult> {
  const exhibits = await store.exhibits.list(theCase.id);
  const conversations = new Map((await store.conversations.list(theCase.id)).map((c) => [c.id, c]));
  const run = await store.flags.run(theCase.id);
  const flags = new Map(
    (run ? await store.flags.list(run.id, { onlyFlagged: true }) : []).map((f) => [f.messageId, f]),
  );
  const termList = await store.termLists.latest(theCase.id);

  // Search-term hits (phrase search per term), as the search-term report counts them.
  const { hits: termHits, notes: termNotes } = await searchTermHits(store, theCase.id);
  const termsOf = new Map<number, string[]>();
  for (const [term, ids] of termHits)
    for (const id of ids) termsOf.set(id, [...(termsOf.get(id) ?? []), term]);

  const marks: Marks = { flags, termsOf, used: await usedMaterial(store, theCase.id) };
  const { items, coverage, codesAvailable } = await listExhibits(store, theCase.id, exhibits, {
    conversations,
    marks,
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
  });

  const terms = termReport(theCase.id, termList, termHits, termNotes, termsOf);
  const history = await store.termLists.list(theCase.id);

  const asAt = await inputsAsAt(store, theCase);
  let termVersion: number | null = null;
  if (run?.termListId != null) termVersion = (await store.termLists.get(run.termListId))?.version ?? null;
  const provenance: Provenance = {
    software: softwareVersion(),
    analysisRun: runProvenance(run, theCase.id, termVersion),
    inputsAsAt: asAt,
    inputs: [
      ...exhibitInputs(exhibits),
      { name: 'Schedule', sha256: digest(items), detail: `${items.length} items` },
      { name: 'Search terms', sha256: digest(terms), detail: terms.version },
    ],
  };

  const tables: Tables = {
    schedule: items.map((i) => [
      String(i.item),
      i.description,
      i.reference,
      i.dates,
      i.listing,
      i.reason,
      String(i.messages),
      '',
      '',
    ]),
    terms: termRows(terms, history, run, flags),
    coverage: coverageRows(coverage, codesAvailable),
    provenance: [
      ...provenanceRows(provenance),
      ...provenance.inputs.map((i) => [i.name, `${i.sha256} — ${i.detail}`]),
    ],
  };

  if (o.format === 'csv') {
    return {
      bytes: csv([SCHEDULE_HEADERS, ...tables.schedule]),
      appendices: [
        ['search-terms', csv(tables.terms)],
        ['coverage', csv(tables.coverage)],
        ['provenance', csv(tables.provenance)],
      ],
      items: items.length,
      rows: items,
      provenance,
    };
  }
  const bytes = await unusedWorkbook(theCase, asAt, tables);
  return { bytes, appendices: [], items: items.length, rows: items, provenance };
}

/** Every exhibit's conversations in turn, listed (see listConversation), with their coverage. */
async function listExhibits(
  store: Store,
  caseId: number,
  exhibits: readonly ExhibitRecord[],
  x: {
    readonly conversations: ReadonlyMap<number, ConversationRecord>;
    readonly marks: Marks;
    readonly onProgress?: (done: number, total: number) => void;
  },
): Promise<{ items: ScheduleItem[]; coverage: Coverage[]; codesAvailable: boolean }> {
  const total = await store.messages.count(caseId);
  const items: ScheduleItem[] = [];
  const coverage: Coverage[] = [];
  let codesAvailable = true;
  let done = 0;
  for (const ex of exhibits) {
    // Messages of this exhibit per conversation, in time order.
    const byConv = new Map<number, MessageRecord[]>();
    for await (const m of store.messages.iterate(caseId, { exhibitId: ex.id })) {
      const l = byConv.get(m.conversationId) ?? [];
      l.push(m);
      byConv.set(m.conversationId, l);
    }
    for (const [convId, list] of [...byConv.entries()].sort((a, b) => a[0] - b[0])) {
      const conv = x.conversations.get(convId)?.name ?? String(convId);
      const codes = await loadCodes(
        store,
        list.map((m) => m.id),
      );
      if (codes === null) codesAvailable = false;
      coverage.push(listConversation(items, { ex, conv, list, codes, marks: x.marks }));
      done += list.length;
      x.onProgress?.(done, total);
    }
  }
  return { items, coverage, codesAvailable };
}

/** The case term list with each term's hits, and its unique hits (messages no other term hit). */
function termReport(
  caseId: number,
  termList: TermListRecord | null,
  termHits: ReadonlyMap<string, ReadonlySet<number>>,
  termNotes: ReadonlyMap<string, string>,
  termsOf: ReadonlyMap<number, string[]>,
): TermReport {
  return {
    version: termList
      ? `case-${caseId}/terms-v${termList.version} (${termList.createdAt} by ${termList.createdBy})`
      : 'no case term list',
    rows: (termList?.terms ?? []).map((t) => {
      const ids = termHits.get(t.term) ?? new Set<number>();
      let unique = 0;
      for (const id of ids) if ((termsOf.get(id)?.length ?? 0) === 1) unique++;
      return {
        term: t.term,
        category: t.category,
        severity: t.severity,
        hits: ids.size,
        unique,
        note: termNotes.get(t.term) ?? '',
      };
    }),
  };
}

/**
 * Lists one conversation of one exhibit: each message that may meet the disclosure test (or that
 * the case uses) on its own, the runs between them in bulk. Returns its coverage for Appendix B.
 */
function listConversation(
  items: ScheduleItem[],
  c: {
    readonly ex: ExhibitRecord;
    readonly conv: string;
    readonly list: readonly MessageRecord[];
    readonly codes: ReadonlyMap<number, ReviewCode> | null;
    readonly marks: Marks;
  },
): Coverage {
  const { ex, conv, list, codes, marks } = c;
  const cov: Coverage = {
    exhibit: ex.ref,
    conversation: conv,
    messages: list.length,
    flagged: 0,
    coded: {},
    flaggedNotCoded: 0,
    termHits: 0,
  };
  let runStart = -1;
  const flushBulk = (end: number): void => {
    if (runStart < 0) return;
    items.push(bulkItem(items.length + 1, list, runStart, end, ex, conv));
    runStart = -1;
  };
  list.forEach((m, i) => {
    const flag = marks.flags.get(m.id);
    const code = codes?.get(m.id);
    const terms = marks.termsOf.get(m.id);
    if (flag) cov.flagged++;
    if (code) cov.coded[code.decision] = (cov.coded[code.decision] ?? 0) + 1;
    if (flag && !code) cov.flaggedNotCoded++;
    if (terms) cov.termHits++;
    const uses = marks.used.get(m.id);
    if (!flag && !code && !terms && !uses) {
      if (runStart < 0) runStart = i;
      return;
    }
    flushBulk(i);
    const where = `${i + 1} of exhibit ${ex.ref} ("${conv}"), #${m.id}, from ${senderOf(m)} at ${m.localText} (${m.zone}; ${m.utc})`;
    // Key order as the schedule's columns: `rows` is returned as it is built.
    items.push({
      item: items.length + 1,
      description: uses
        ? `USED MATERIAL, not unused: message ${where}`
        : `Message ${where}: "${clip(m.text)}"`,
      reference: sourceOf(m, new Map([[ex.id, ex]])),
      dates: day(m.utc, m.zone),
      listing: uses ? 'used' : 'individual',
      reason: uses
        ? `used: ${uses.join('; ')}; listed here only as a cross-reference (see the charge schedule and the case record)`
        : `may meet the disclosure test: ${disclosureReasons(flag, code, terms).join('; ')}`,
      messages: 1,
    });
  });
  flushBulk(list.length);
  return cov;
}

/** Messages runStart..end-1 of a conversation, none flagged, coded or hit: one bulk item. */
function bulkItem(
  item: number,
  list: readonly MessageRecord[],
  runStart: number,
  end: number,
  ex: ExhibitRecord,
  conv: string,
): ScheduleItem {
  const first = list[runStart]!;
  const last = list[end - 1]!;
  const zone = first.zone;
  const from = day(first.utc, zone);
  const to = day(last.utc, zone);
  const run = list.slice(runStart, end);
  const senders = new Set(run.flatMap((m) => (m.sender === null ? [] : [m.sender])));
  const system = run.filter((m) => m.sender === null).length;
  return {
    item,
    description: `${run.length === 1 ? `Message ${end}` : `Messages ${runStart + 1}–${end}`} of exhibit ${ex.ref} ("${conv}"), ${from}${from === to ? '' : `–${to}`}: ${run.length} message(s) from ${senders.size} sender(s)${system ? ` and ${system} system line(s)` : ''}, none flagged by the flagger, coded by a reviewer or hit by a case search term`,
    reference: runReference(run, ex),
    dates: `${from}${from === to ? '' : ` – ${to}`}`,
    listing: 'bulk',
    reason: 'repetitive material described in bulk: not flagged, not coded, no search-term hit',
    messages: end - runStart,
  };
}

function disclosureReasons(
  flag: FlagRecord | undefined,
  code: ReviewCode | undefined,
  terms: readonly string[] | undefined,
): string[] {
  const reasons: string[] = [];
  if (flag)
    reasons.push(
      `flagged (${flag.categories.map((c) => c.name).join(', ')}; score ${flag.score.toFixed(2)})`,
    );
  if (code)
    reasons.push(
      `coded "${code.decision.replace('_', ' ')}" by ${code.by}${code.categories.length ? ` (${code.categories.join(', ')})` : ''}`,
    );
  if (terms)
    reasons.push(`search term${terms.length > 1 ? 's' : ''} ${terms.map((t) => `"${t}"`).join(', ')}`);
  return reasons;
}

/** Where a bulk run is: "AB/1 lines 1–13" (first line of the first message to last line of the last). */
function runReference(run: readonly MessageRecord[], ex: ExhibitRecord): string {
  const exhibits = new Map([[ex.id, ex]]);
  const first = run[0]!;
  const last = run[run.length - 1]!;
  if (run.length === 1) return sourceOf(first, exhibits);
  if (run.every((m) => m.lineStart !== null)) {
    let from = Number.POSITIVE_INFINITY;
    let to = 0;
    for (const m of run) {
      from = Math.min(from, m.lineStart!);
      to = Math.max(to, m.lineEnd ?? m.lineStart!);
    }
    return `${ex.ref} lines ${from}–${to}`;
  }
  return `${sourceOf(first, exhibits)} to ${sourceOf(last, exhibits).replace(`${ex.ref} `, '')}`;
}
