/**
 * Charge schedule (PDF or XLSX): per defendant, each count with its message(s) verbatim, date and
 * time (local with zone, and UTC), exhibit and line or row, the s127(5) limitation date and the
 * verdict.
 *
 * The counts come from the case record (src/store/repositories/record.ts, table record_counts)
 * where the case has any; otherwise the schedule is built from the candidate counts of the conduct
 * analysis (every offensive message a person sent) and its title says "candidate counts".
 * Record dates (appearances, verdicts, sentences) are printed in words as the summary writes them,
 * so a date known only to the month reads "February 2022", not a bare "2022-02".
 */
import ExcelJS from 'exceljs';

import { safeRow } from './cell-safety.js';
import { DateTime } from 'luxon';
import { countsFor, limitationFor } from '../analysis/conduct/index.js';
import { UsageError } from '../domain/errors.js';
import { compareDates, dateInWords } from '../domain/partial-date.js';
import type { Store } from '../store/open-store.js';
import type { CaseRecord, ExhibitRecord, MessageRecord } from '../store/types.js';
import { displayedAuthor, sourceOf, timeLine } from './message-lines.js';
import { senderLabel } from '../contract/sender-label.js';
import { PdfReport } from './pdf.js';
import {
  digest,
  exhibitInputs,
  inputsAsAt,
  provenanceRows,
  reportConduct,
  runProvenance,
  softwareVersion,
  type Provenance,
  type ReportConduct,
} from './provenance.js';

export interface ChargeOptions {
  readonly format: 'pdf' | 'xlsx';
  /** YYYY-MM-DD for "days left"; default the inputs-as-at date (reproducible). */
  readonly today?: string;
}

export interface ChargeRow {
  readonly defendant: string;
  readonly number: number;
  readonly offence: string;
  readonly description: string;
  readonly messages: readonly {
    readonly id: number;
    readonly sender: string | null;
    /** The name a system line was written under, where it was (see senderLabel). */
    readonly displayedAuthor?: string;
    readonly text: string;
    readonly time: string;
    readonly utc: string;
    readonly reference: string;
  }[];
  readonly sentOn: string;
  readonly limitationDate: string;
  readonly limitedBy: string;
  readonly daysLeft: number | null;
  readonly chargedOn: string | null;
  readonly verdict: string;
  /** The defendant's court appearances (date, court, purpose), from the case record. */
  readonly court: string;
  /** The defendant's sentence(s), from the case record. */
  readonly sentence: string;
}

export interface ChargeResult {
  readonly bytes: Buffer;
  readonly title: string;
  readonly source: 'case record' | 'candidate counts';
  readonly counts: number;
  readonly rows: readonly ChargeRow[];
  readonly provenance: Provenance;
}

interface RecordCount {
  readonly personId: number;
  readonly number: number;
  readonly offence: string;
  readonly description: string | null;
  readonly messageIds: readonly number[];
  readonly chargedOn: string | null;
  readonly verdict: string | null;
  readonly verdictOn: string | null;
}

interface RecordLike {
  list<R>(table: 'record_counts' | 'record_appearances' | 'record_sentences', caseId: number): Promise<R[]>;
  details(caseId: number): Promise<{ evidenceSufficientDate: string | null } | null>;
}

const S127 = 's127(1)(a) Communications Act 2003';

/** What the case record says of the prosecution: its counts and each defendant's court and sentence. */
interface RecordDetail {
  readonly recorded: readonly RecordCount[];
  readonly evidenceSufficient: string | null;
  readonly court: ReadonlyMap<number, string[]>;
  readonly sentences: ReadonlyMap<number, string[]>;
}

/** A count to print, before its messages are read. */
interface Planned {
  readonly personId: number | null;
  readonly defendant: string;
  readonly number: number;
  readonly offence: string;
  readonly description: string;
  readonly ids: readonly number[];
  readonly chargedOn: string | null;
  readonly verdict: string;
}

export async function buildChargeSchedule(
  store: Store,
  theCase: CaseRecord,
  o: ChargeOptions,
): Promise<ChargeResult> {
  const detail = await recordDetail(store, theCase.id);
  const asAt = await inputsAsAt(store, theCase);
  const today = o.today ?? DateTime.fromISO(asAt, { zone: 'utc' }).setZone('Europe/London').toISODate()!;
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(today) || !DateTime.fromISO(today).isValid)
    throw new UsageError(`--today "${o.today}" is not a date (YYYY-MM-DD)`);
  const exhibits = await store.exhibits.list(theCase.id);
  const exhibitById = new Map<number, ExhibitRecord>(exhibits.map((e) => [e.id, e]));
  const people = new Map((await store.people.list(theCase.id)).map((p) => [p.id, p.name]));
  const conduct = await reportConduct(store, theCase.id);

  const source: ChargeResult['source'] = detail.recorded.length ? 'case record' : 'candidate counts';
  const planned = detail.recorded.length
    ? recordedCounts(detail.recorded, people)
    : candidateCounts(conduct, today, detail.evidenceSufficient);
  const needed = new Set(planned.flatMap((p) => p.ids));
  const records = new Map<number, MessageRecord>();
  for await (const m of store.messages.iterate(theCase.id)) if (needed.has(m.id)) records.set(m.id, m);
  const rows = planned.map((p) => chargeRow(p, records, exhibitById, detail, today));

  const title =
    source === 'case record'
      ? `Charge schedule: ${theCase.name}`
      : `Charge schedule (candidate counts): ${theCase.name}`;
  const provenance: Provenance = {
    software: softwareVersion(),
    analysisRun: runProvenance(conduct.run, theCase.id, conduct.termListVersion),
    inputsAsAt: asAt,
    inputs: [
      ...exhibitInputs(exhibits),
      { name: 'Counts', sha256: digest(rows), detail: `${rows.length} counts from the ${source}` },
    ],
  };
  const note =
    source === 'case record'
      ? `Counts as recorded in the case record. Limitation dates: s127(5), the last day of the earlier of the 3 years beginning with the day of sending and the 6 months beginning with the day the prosecutor had sufficient evidence (${detail.evidenceSufficient ?? 'not recorded'}); days left as at ${today}.`
      : `No counts are recorded in the case record: these are CANDIDATE counts, one per offensive message a person sent (reviewer codes where coded, else flags), for the prosecutor to consider. Limitation dates as above; days left as at ${today}.`;
  const schedule = { theCase, title, note, rows, provenance, asAt };
  const bytes = o.format === 'xlsx' ? await chargeWorkbook(schedule) : await chargePdf(schedule);
  return { bytes, title, source, counts: rows.length, rows, provenance };
}

/** The record's counts, appearances and sentences; none where this store has no case record. */
async function recordDetail(store: Store, caseId: number): Promise<RecordDetail> {
  const record = (store as unknown as { record?: RecordLike }).record;
  const court = new Map<number, string[]>();
  const sentences = new Map<number, string[]>();
  if (!record || typeof record.list !== 'function')
    return { recorded: [], evidenceSufficient: null, court, sentences };
  const recorded = await record.list<RecordCount>('record_counts', caseId);
  const evidenceSufficient = (await record.details(caseId))?.evidenceSufficientDate ?? null;
  const appearances = await record.list<{
    personId: number;
    appearedOn: string;
    court: string;
    purpose: string | null;
  }>('record_appearances', caseId);
  // Ordered by date before the dates are put in words, which no longer sort as text.
  for (const a of appearances.sort((x, y) => compareDates(x.appearedOn, y.appearedOn)))
    court.set(a.personId, [
      ...(court.get(a.personId) ?? []),
      `${dateInWords(a.appearedOn)} ${a.court}${a.purpose ? ` (${a.purpose})` : ''}`,
    ]);
  for (const x of await record.list<{ personId: number; sentencedOn: string; sentence: string }>(
    'record_sentences',
    caseId,
  ))
    sentences.set(x.personId, [
      ...(sentences.get(x.personId) ?? []),
      `${dateInWords(x.sentencedOn)}: ${x.sentence}`,
    ]);
  return { recorded, evidenceSufficient, court, sentences };
}

/** The record's counts, by defendant and number. */
function recordedCounts(recorded: readonly RecordCount[], people: ReadonlyMap<number, string>): Planned[] {
  return [...recorded]
    .sort((a, b) => a.personId - b.personId || a.number - b.number)
    .map((c) => ({
      personId: c.personId,
      defendant: people.get(c.personId) ?? `person ${c.personId}`,
      number: c.number,
      offence: c.offence,
      description: c.description ?? '',
      ids: c.messageIds,
      chargedOn: c.chargedOn,
      verdict: c.verdict
        ? `${c.verdict}${c.verdictOn ? ` (${dateInWords(c.verdictOn)})` : ''}`
        : c.chargedOn
          ? 'awaiting verdict'
          : 'proposed (not charged)',
    }));
}

/** One candidate count per offensive message a person sent, where the record has no counts. */
function candidateCounts(
  conduct: ReportConduct,
  today: string,
  evidenceSufficient: string | null,
): Planned[] {
  const planned: Planned[] = [];
  for (const p of countsFor(conduct.report, conduct.input.messages, { today, evidenceSufficient })) {
    p.counts.forEach((k, i) =>
      planned.push({
        personId: null,
        defendant: p.name,
        number: i + 1,
        offence: S127,
        description: `candidate count: offensive message (${k.categories.join(', ') || 'uncategorised'}; ${k.basis})`,
        ids: [k.messageId],
        chargedOn: null,
        verdict: 'not charged (candidate)',
      }),
    );
  }
  return planned;
}

/** A count with its messages and its s127(5) limitation date. */
function chargeRow(
  p: Planned,
  records: ReadonlyMap<number, MessageRecord>,
  exhibitById: ReadonlyMap<number, ExhibitRecord>,
  detail: RecordDetail,
  today: string,
): ChargeRow {
  const { evidenceSufficient } = detail;
  const msgs = p.ids.map((id) => records.get(id)).filter((m): m is MessageRecord => m !== undefined);
  const first = [...msgs].sort((a, b) => (a.utc < b.utc ? -1 : 1))[0];
  const lim = first ? limitationFor(first.utc, { today, evidenceSufficient, zone: 'Europe/London' }) : null;
  return {
    defendant: p.defendant,
    number: p.number,
    offence: p.offence,
    description: p.description,
    messages: msgs.map((m) => ({
      id: m.id,
      sender: m.sender,
      // Only where there is one, so that the digest of counts without such a line stays as it was.
      ...authorOf(m),
      text: m.text,
      time: timeLine(m),
      utc: m.utc,
      reference: sourceOf(m, exhibitById),
    })),
    sentOn: lim?.sentOn ?? '',
    limitationDate: lim?.limitationDate ?? '',
    limitedBy: lim
      ? lim.limitedBy === 'three_years'
        ? '3 years beginning with the day of sending'
        : '6 months beginning with the evidence-sufficient date'
      : '',
    daysLeft: lim?.daysLeft ?? null,
    chargedOn: p.chargedOn,
    verdict: p.verdict,
    court: p.personId === null ? '' : (detail.court.get(p.personId) ?? []).join('; '),
    sentence: p.personId === null ? '' : (detail.sentences.get(p.personId) ?? []).join('; '),
  };
}

/** What both formats print. */
interface Schedule {
  readonly theCase: CaseRecord;
  readonly title: string;
  readonly note: string;
  readonly rows: readonly ChargeRow[];
  readonly provenance: Provenance;
  readonly asAt: string;
}

const XLSX_HEADERS = [
  'Defendant',
  'Count',
  'Offence',
  'Description',
  'Message ids',
  'Message text',
  'Date and time',
  'UTC',
  'Exhibit and location',
  'Sent on',
  'Limitation date',
  'Limited by',
  'Days left',
  'Charged on',
  'Verdict',
  'Court appearances',
  'Sentence',
];

async function chargeWorkbook(x: Schedule): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = `Scrutineer ${softwareVersion()}`;
  wb.created = new Date(x.asAt);
  wb.modified = new Date(x.asAt);
  const s = wb.addWorksheet('Charge schedule', { views: [{ state: 'frozen', ySplit: 3 }] });
  s.addRow(safeRow([x.title])).font = { bold: true, size: 13 };
  s.addRow(safeRow([x.note]));
  s.addRow(XLSX_HEADERS).font = { bold: true };
  for (const r of x.rows)
    s.addRow(
      safeRow([
        r.defendant,
        r.number,
        r.offence,
        r.description,
        r.messages.map((m) => m.id).join(', '),
        // A system line is named as one even alone, never left to read as the defendant's words.
        r.messages
          .map((m) => (r.messages.length > 1 || m.sender === null ? `${labelOf(m)}: ${m.text}` : m.text))
          .join('\n'),
        r.messages.map((m) => m.time).join('\n'),
        r.messages.map((m) => m.utc).join('\n'),
        r.messages.map((m) => m.reference).join('\n'),
        r.sentOn,
        r.limitationDate,
        r.limitedBy,
        r.daysLeft,
        r.chargedOn ?? '',
        r.verdict,
        r.court,
        r.sentence,
      ]),
    ).alignment = { wrapText: true, vertical: 'top' };
  [22, 7, 26, 30, 10, 50, 40, 24, 24, 12, 14, 22, 9, 12, 20, 40, 30].forEach(
    (w, i) => (s.getColumn(i + 1).width = w),
  );
  const p = wb.addWorksheet('Provenance');
  for (const r of provenanceRows(x.provenance)) p.addRow(safeRow(r));
  for (const i of x.provenance.inputs) p.addRow(safeRow([i.name, `${i.sha256} — ${i.detail}`]));
  p.getColumn(1).width = 24;
  p.getColumn(2).width = 120;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function chargePdf(x: Schedule): Promise<Buffer> {
  const { rows, provenance } = x;
  const pdf = new PdfReport({
    title: x.title,
    subject: `Case ${x.theCase.name}`,
    author: 'Scrutineer',
    keywords: `scrutineer; charges; inputs ${digest(provenance)}`,
    date: new Date(x.asAt),
    footer: x.title,
  });
  pdf.heading(x.title);
  pdf.paragraph(x.note, { size: 8.5 });
  pdf.keyValues(provenanceRows(provenance));
  let defendant = '';
  for (const r of rows) {
    if (r.defendant !== defendant) {
      defendant = r.defendant;
      pdf.heading(
        `Defendant: ${defendant} (${rows.filter((x) => x.defendant === defendant).length} counts)`,
        2,
      );
      if (r.court) pdf.rich(`Court: ${r.court}`, { size: 8.5 });
      if (r.sentence) pdf.rich(`Sentence: ${r.sentence}`, { size: 8.5 });
    }
    printCount(pdf, r);
  }
  if (rows.length === 0) pdf.paragraph('No counts: no offensive message is attributed to any person.');
  pdf.heading('Manifest', 2);
  pdf.table(
    [
      { header: 'Input', width: 1.5 },
      { header: 'SHA-256', width: 4.2 },
      { header: 'What', width: 2.6 },
    ],
    provenance.inputs.map((i) => [i.name, i.sha256, i.detail]),
    { size: 7 },
  );
  return pdf.finish();
}

function printCount(pdf: PdfReport, r: ChargeRow): void {
  pdf.ensure(90);
  pdf.rich(`Count ${r.number}: ${r.offence}`, { bold: true, size: 10 });
  if (r.description) pdf.rich(r.description, { size: 8, color: '#555555' });
  for (const m of r.messages) {
    pdf.rich(`#${m.id} · ${labelOf(m)} · ${m.reference}`, {
      size: 8,
      color: '#333333',
      indent: 10,
    });
    pdf.rich(m.time, { size: 7, color: '#555555', indent: 10 });
    pdf.rich(m.text || '(empty)', { size: 9.5, indent: 10 });
  }
  pdf.rich(
    `Sent on ${r.sentOn} · limitation date ${r.limitationDate} (${r.limitedBy})${limitStatus(r)} · charged ${r.chargedOn ?? '—'} · verdict: ${r.verdict}`,
    // Red only where the limit is missed or has passed: a count charged in time is not a warning.
    { size: 8, indent: 10, color: outOfTime(r) ? '#7a1f16' : '#333333' },
  );
  pdf.doc.moveDown(0.6);
}

function authorOf(m: MessageRecord): { displayedAuthor?: string } {
  const author = displayedAuthor(m);
  return author ? { displayedAuthor: author } : {};
}

/** A count's message's sender as every report names it (senderLabel). */
const labelOf = (m: ChargeRow['messages'][number]): string =>
  senderLabel(m.sender, m.displayedAuthor ?? null);

/** Charged after the limitation date, or not charged and the date has passed. */
export function outOfTime(r: ChargeRow): boolean {
  if (!r.limitationDate) return false;
  if (r.chargedOn) return r.chargedOn > r.limitationDate;
  return r.daysLeft !== null && r.daysLeft < 0;
}

/** Days left for a count not yet charged; for a charged one, whether it was charged in time. */
function limitStatus(r: ChargeRow): string {
  if (r.chargedOn && r.limitationDate)
    return r.chargedOn <= r.limitationDate
      ? ' · charged within the limit'
      : ' · charged AFTER the limitation date';
  if (r.daysLeft === null) return '';
  return ` · ${r.daysLeft < 0 ? `expired ${-r.daysLeft} days ago` : `${r.daysLeft} days left`}`;
}
