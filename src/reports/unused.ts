/**
 * Unused-material schedule in the style of the MG6C (CPIA 1996, non-sensitive): consecutively
 * numbered items; a message that may meet the disclosure test (flagged by the flagger, coded by a
 * reviewer, or hit by a case search term) is described individually; runs of other messages are
 * described in bulk ("Messages 1–412 of exhibit AB/1, 09/03/2021–14/03/2021: …"). Appendices: the
 * search-term report (term lists, hits and unique hits per term) and review coverage.
 *
 * XLSX: one workbook with the schedule, the appendices and the provenance. CSV: the schedule, with
 * the appendices in sibling files (FILE.search-terms.csv, FILE.coverage.csv, FILE.provenance.csv).
 */
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { DECISIONS } from '../contract/coding.js';
import { safeCell, safeRow } from './cell-safety.js';
import type { Store } from '../store/open-store.js';
import type { CaseRecord, ExhibitRecord, MessageRecord } from '../store/types.js';
import { loadRecord } from '../cases/record-service.js';
import { dateInWords } from '../domain/partial-date.js';
import { sourceOf } from './bundle.js';
import {
  digest,
  exhibitInputs,
  inputsAsAt,
  loadCodes,
  provenanceRows,
  runProvenance,
  softwareVersion,
  type Provenance,
} from './provenance.js';
import { searchTermHits } from '../review/search-term-report.js';

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

const SCHEDULE_HEADERS = [
  'Item No.',
  'Description and relative location',
  'Reference (exhibit, lines or rows)',
  'Date(s)',
  'Listing',
  'Why listed individually / bulk description basis',
  'Messages',
  "Disclosure officer's comment",
  'Decision (CPIA)',
];

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

interface TermReport {
  readonly version: string;
  readonly rows: {
    term: string;
    category: string;
    severity: string;
    hits: number;
    unique: number;
    note: string;
  }[];
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

  const used = await usedMaterial(store, theCase.id);
  const total = await store.messages.count(theCase.id);
  const items: ScheduleItem[] = [];
  const coverage: {
    exhibit: string;
    conversation: string;
    messages: number;
    flagged: number;
    coded: Record<string, number>;
    flaggedNotCoded: number;
    termHits: number;
  }[] = [];
  let codesAvailable = true;
  let done = 0;
  for (const ex of exhibits) {
    // Messages of this exhibit per conversation, in time order.
    const byConv = new Map<number, MessageRecord[]>();
    for await (const m of store.messages.iterate(theCase.id, { exhibitId: ex.id })) {
      const l = byConv.get(m.conversationId) ?? [];
      l.push(m);
      byConv.set(m.conversationId, l);
    }
    for (const [convId, list] of [...byConv.entries()].sort((a, b) => a[0] - b[0])) {
      const conv = conversations.get(convId)?.name ?? String(convId);
      const codes = await loadCodes(
        store,
        list.map((m) => m.id),
      );
      if (codes === null) codesAvailable = false;
      const cov = {
        exhibit: ex.ref,
        conversation: conv,
        messages: list.length,
        flagged: 0,
        coded: {} as Record<string, number>,
        flaggedNotCoded: 0,
        termHits: 0,
      };
      let runStart = -1;
      const flushBulk = (end: number): void => {
        if (runStart < 0) return;
        const first = list[runStart]!;
        const last = list[end - 1]!;
        const zone = first.zone;
        const from = day(first.utc, zone);
        const to = day(last.utc, zone);
        const run = list.slice(runStart, end);
        const senders = new Set(run.flatMap((m) => (m.sender === null ? [] : [m.sender])));
        const system = run.filter((m) => m.sender === null).length;
        items.push({
          item: items.length + 1,
          description: `${run.length === 1 ? `Message ${end}` : `Messages ${runStart + 1}–${end}`} of exhibit ${ex.ref} ("${conv}"), ${from}${from === to ? '' : `–${to}`}: ${run.length} message(s) from ${senders.size} sender(s)${system ? ` and ${system} system line(s)` : ''}, none flagged by the flagger, coded by a reviewer or hit by a case search term`,
          reference: runReference(run, ex),
          dates: `${from}${from === to ? '' : ` – ${to}`}`,
          listing: 'bulk',
          reason: 'repetitive material described in bulk: not flagged, not coded, no search-term hit',
          messages: end - runStart,
        });
        runStart = -1;
      };
      list.forEach((m, i) => {
        const flag = flags.get(m.id);
        const code = codes?.get(m.id);
        const terms = termsOf.get(m.id);
        if (flag) cov.flagged++;
        if (code) cov.coded[code.decision] = (cov.coded[code.decision] ?? 0) + 1;
        if (flag && !code) cov.flaggedNotCoded++;
        if (terms) cov.termHits++;
        const uses = used.get(m.id);
        if (!flag && !code && !terms && !uses) {
          if (runStart < 0) runStart = i;
          return;
        }
        flushBulk(i);
        if (uses) {
          items.push({
            item: items.length + 1,
            description: `USED MATERIAL, not unused: message ${i + 1} of exhibit ${ex.ref} ("${conv}"), #${m.id}, from ${m.sender ?? '(system)'} at ${m.localText} (${m.zone}; ${m.utc})`,
            reference: sourceOf(m, new Map([[ex.id, ex]])),
            dates: day(m.utc, m.zone),
            listing: 'used',
            reason: `used: ${uses.join('; ')}; listed here only as a cross-reference (see the charge schedule and the case record)`,
            messages: 1,
          });
          return;
        }
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
        items.push({
          item: items.length + 1,
          description: `Message ${i + 1} of exhibit ${ex.ref} ("${conv}"), #${m.id}, from ${m.sender ?? '(system)'} at ${m.localText} (${m.zone}; ${m.utc}): "${clip(m.text)}"`,
          reference: sourceOf(m, new Map([[ex.id, ex]])),
          dates: day(m.utc, m.zone),
          listing: 'individual',
          reason: `may meet the disclosure test: ${reasons.join('; ')}`,
          messages: 1,
        });
      });
      flushBulk(list.length);
      coverage.push(cov);
      done += list.length;
      o.onProgress?.(done, total);
    }
  }

  const terms: TermReport = {
    version: termList
      ? `case-${theCase.id}/terms-v${termList.version} (${termList.createdAt} by ${termList.createdBy})`
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
  const categoryHits = new Map<string, number>();
  for (const f of flags.values())
    for (const c of f.categories) categoryHits.set(c.name, (categoryHits.get(c.name) ?? 0) + 1);
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

  const scheduleRows = items.map((i) => [
    String(i.item),
    i.description,
    i.reference,
    i.dates,
    i.listing,
    i.reason,
    String(i.messages),
    '',
    '',
  ]);
  const termRows = [
    ['Case term list', terms.version, '', '', '', ''],
    ['Term', 'Category', 'Severity', 'Hits (messages)', 'Unique hits', 'Note'],
    ...terms.rows.map((r) => [r.term, r.category, r.severity, String(r.hits), String(r.unique), r.note]),
    [],
    ['Term list versions', '', '', '', '', ''],
    ['Version', 'Terms', 'Created', 'By', 'Note', ''],
    ...history.map((h) => [
      `v${h.version}`,
      h.terms.map((t) => t.term).join('; '),
      h.createdAt,
      h.createdBy,
      h.note ?? '',
      '',
    ]),
    [],
    ['Flagger hits by category', run ? `run ${run.id}` : 'no flagger run', '', '', '', ''],
    ['Category', 'Flagged messages', '', '', '', ''],
    ...[...categoryHits.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([c, n]) => [c, String(n), '', '', '', '']),
  ];
  const coverageRows = [
    [
      'Exhibit',
      'Conversation',
      'Messages',
      'Flagged',
      ...DECISIONS.map((d) => `Coded ${d.replace('_', ' ')}`),
      'Coded (all)',
      'Flagged, not coded',
      'Search-term hits',
      'Coded %',
    ],
    ...coverage.map((c) => {
      const coded = Object.values(c.coded).reduce((s, n) => s + n, 0);
      return [
        c.exhibit,
        c.conversation,
        String(c.messages),
        String(c.flagged),
        ...DECISIONS.map((d) => String(c.coded[d] ?? 0)),
        String(coded),
        String(c.flaggedNotCoded),
        String(c.termHits),
        c.messages ? ((100 * coded) / c.messages).toFixed(1) : '0.0',
      ];
    }),
    ...(codesAvailable
      ? []
      : [['Note: this workspace has no reviewer coding; every message counts as not coded.']]),
  ];
  const provRows = [
    ...provenanceRows(provenance),
    ...provenance.inputs.map((i) => [i.name, `${i.sha256} — ${i.detail}`]),
  ];

  if (o.format === 'csv') {
    return {
      bytes: csv([SCHEDULE_HEADERS, ...scheduleRows]),
      appendices: [
        ['search-terms', csv(termRows)],
        ['coverage', csv(coverageRows)],
        ['provenance', csv(provRows)],
      ],
      items: items.length,
      rows: items,
      provenance,
    };
  }

  const wb = new ExcelJS.Workbook();
  wb.creator = `Scrutineer ${softwareVersion()}`;
  wb.created = new Date(asAt);
  wb.modified = new Date(asAt);
  const sheet = wb.addWorksheet('MG6C schedule', { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.addRow(safeRow([`Schedule of non-sensitive unused material (MG6C style): ${theCase.name}`])).font = {
    bold: true,
    size: 13,
  };
  sheet.addRow([
    `Generated by Scrutineer ${softwareVersion()}; inputs as at ${asAt}; items described individually where they may meet the disclosure test.`,
  ]);
  const head = sheet.addRow(SCHEDULE_HEADERS);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'top' };
  for (const r of scheduleRows)
    sheet.addRow(safeRow(r.map((v, i) => (i === 0 || i === 6 ? Number(v) : v)))).alignment = {
      wrapText: true,
      vertical: 'top',
    };
  [8, 70, 28, 14, 11, 40, 10, 30, 16].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  const a = wb.addWorksheet('Appendix A search terms');
  for (const r of termRows) a.addRow(safeRow(r));
  a.getColumn(1).width = 28;
  a.getColumn(2).width = 40;
  const b = wb.addWorksheet('Appendix B review coverage');
  for (const r of coverageRows) b.addRow(safeRow(r));
  b.getRow(1).font = { bold: true };
  const p = wb.addWorksheet('Provenance');
  for (const r of provRows) p.addRow(safeRow(r));
  p.getColumn(1).width = 24;
  p.getColumn(2).width = 120;
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return { bytes, appendices: [], items: items.length, rows: items, provenance };
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

/** RFC 4180 CSV, UTF-8 with a BOM (so spreadsheet programs read emoji and accents), CRLF lines. */
export function csv(rows: readonly (readonly string[])[]): Buffer {
  const cell = (raw: string): string => {
    const v = safeCell(raw); // formula injection: see cell-safety.ts
    return /[",\r\n]/u.test(v) ? `"${v.replace(/"/gu, '""')}"` : v;
  };
  return Buffer.from(`\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`, 'utf8');
}
