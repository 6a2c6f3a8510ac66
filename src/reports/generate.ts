/**
 * One way to make each report, for the CLI (`scrutineer report …`, `scrutineer export rsmf`) and the
 * review server (POST /api/cases/:caseId/reports, on a worker thread): `makeReport` calls the
 * builder and returns the bytes with the figures and provenance the audit entry records;
 * `reportAuditEntry` / `recordReport` write that entry (`report.bundle`, `report.charges`,
 * `report.unused`, `export.rsmf`) once the caller knows where the bytes went and their SHA-256.
 *
 * Everything a `MadeReport` holds is plain data (structured clone), so it crosses a worker boundary.
 * The builders (PDF, XLSX and fonts) load only when a report is asked for: loaded with every CLI
 * command they cost about 100 MiB and seconds of start-up.
 */
import type { ReportFormat, ReportKind } from '../contract/report-words.js';
import { UserError } from '../domain/errors.js';
import type { Store } from '../store/open-store.js';
import type { CaseRecord } from '../store/types.js';
import type { Provenance } from './provenance.js';

export type ReportRequest =
  | { readonly kind: 'bundle'; readonly person: string; readonly context: number }
  | { readonly kind: 'charges'; readonly format: 'pdf' | 'xlsx'; readonly today?: string }
  | { readonly kind: 'unused'; readonly format: 'xlsx' | 'csv' }
  | {
      readonly kind: 'rsmf';
      /** A conversation id or name. */
      readonly conversation?: string;
      /** ISO UTC instants. */
      readonly from?: string;
      readonly to?: string;
      readonly hits: boolean;
      readonly context: number;
    };

interface Made {
  readonly bytes: Buffer;
  /** Files that go with the main one (unused CSV: `[suffix, bytes]`, e.g. `search-terms`). */
  readonly appendices: readonly (readonly [string, Buffer])[];
  readonly provenance: Provenance;
}

export type MadeReport =
  | (Made & {
      readonly kind: 'bundle';
      readonly format: 'pdf';
      readonly pages: number;
      readonly person: { readonly id: string; readonly name: string };
      readonly relevant: number;
      readonly messages: number;
      readonly context: number;
    })
  | (Made & {
      readonly kind: 'charges';
      readonly format: 'pdf' | 'xlsx';
      readonly title: string;
      readonly source: 'case record' | 'candidate counts';
      readonly counts: number;
    })
  | (Made & { readonly kind: 'unused'; readonly format: 'xlsx' | 'csv'; readonly items: number })
  | (Made & {
      readonly kind: 'rsmf';
      readonly format: 'rsmf';
      readonly events: number;
      readonly conversations: number;
      readonly selection: string;
    });

export const REPORT_ACTIONS: Readonly<Record<ReportKind, string>> = {
  bundle: 'report.bundle',
  charges: 'report.charges',
  unused: 'report.unused',
  rsmf: 'export.rsmf',
};

export const CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  rsmf: 'message/rfc822',
};

export interface MakeOptions {
  /** The workspace folder (RSMF: the stored attachments). */
  readonly workspace: string;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Builds a report of a case. Writes nothing: the caller stores the bytes, then `recordReport`. */
/**
 * The bundle, the charge schedule and the unused-material schedule read the latest analysis run's
 * flags: a message added after that run was never read by the flagger, and a schedule would call it
 * "not flagged". Such a report is refused until the case is analysed again.
 */
async function requireCurrentAnalysis(store: Store, theCase: CaseRecord): Promise<void> {
  const run = await store.flags.run(theCase.id);
  if (!run) return;
  const total = await store.messages.count(theCase.id);
  if (run.messages >= total) return;
  throw new UserError(
    `the latest analysis of case "${theCase.name}" (run ${run.id}) read ${run.messages} of its ${total} messages: ${total - run.messages} were added since and never read by the flagger. Run \`scrutineer analyse "${theCase.name}"\` (or analyse from the queue), then make the report`,
    { code: 'analysis_out_of_date' },
  );
}

export async function makeReport(
  store: Store,
  theCase: CaseRecord,
  request: ReportRequest,
  o: MakeOptions,
): Promise<MadeReport> {
  const progress = o.onProgress ? { onProgress: o.onProgress } : {};
  if (request.kind !== 'rsmf') await requireCurrentAnalysis(store, theCase);
  switch (request.kind) {
    case 'bundle': {
      const r = await (
        await import('./bundle.js')
      ).buildBundle(store, theCase, {
        person: request.person,
        context: request.context,
        workspace: o.workspace,
        ...progress,
      });
      return {
        kind: 'bundle',
        format: 'pdf',
        bytes: r.pdf,
        appendices: [],
        provenance: r.provenance,
        pages: r.pages,
        person: r.person,
        relevant: r.relevant,
        messages: r.messages,
        context: request.context,
      };
    }
    case 'charges': {
      const r = await (
        await import('./charges.js')
      ).buildChargeSchedule(store, theCase, {
        format: request.format,
        ...(request.today ? { today: request.today } : {}),
      });
      return {
        kind: 'charges',
        format: request.format,
        bytes: r.bytes,
        appendices: [],
        provenance: r.provenance,
        title: r.title,
        source: r.source,
        counts: r.counts,
      };
    }
    case 'unused': {
      const r = await (
        await import('./unused.js')
      ).buildUnusedSchedule(store, theCase, { format: request.format, ...progress });
      return {
        kind: 'unused',
        format: request.format,
        bytes: r.bytes,
        appendices: r.appendices,
        provenance: r.provenance,
        items: r.items,
      };
    }
    case 'rsmf': {
      const r = await (
        await import('./rsmf-export.js')
      ).exportRsmf(store, o.workspace, theCase, {
        ...(request.conversation !== undefined ? { conversation: request.conversation } : {}),
        ...(request.from !== undefined ? { from: request.from } : {}),
        ...(request.to !== undefined ? { to: request.to } : {}),
        hits: request.hits,
        context: request.context,
        ...progress,
      });
      return {
        kind: 'rsmf',
        format: 'rsmf',
        bytes: r.bytes,
        appendices: [],
        provenance: r.provenance,
        events: r.events,
        conversations: r.conversations,
        selection: r.selection,
      };
    }
  }
}

/** Where a made report went: the file (a path for the CLI, a file name for the server) and its hash. */
export interface WrittenReport {
  readonly file: string;
  readonly sha256: string;
  /** The appendix files, as written (unused CSV). */
  readonly appendices?: readonly { readonly file: string; readonly sha256: string }[];
}

export interface ReportAuditEntry {
  readonly action: string;
  readonly subject: string;
  readonly detail: Record<string, unknown>;
}

/** The audit entry for a made report (`extra`: more detail, after the report's own). */
export function reportAuditEntry(
  made: MadeReport,
  written: WrittenReport,
  extra: Record<string, unknown> = {},
): ReportAuditEntry {
  const head = { file: written.file, sha256: written.sha256, bytes: made.bytes.length };
  switch (made.kind) {
    case 'bundle':
      return {
        action: REPORT_ACTIONS.bundle,
        subject: made.person.id,
        detail: {
          ...head,
          pages: made.pages,
          person: made.person,
          relevant: made.relevant,
          messages: made.messages,
          context: made.context,
          provenance: made.provenance,
          ...extra,
        },
      };
    case 'charges':
      return {
        action: REPORT_ACTIONS.charges,
        subject: made.title,
        detail: { ...head, source: made.source, counts: made.counts, provenance: made.provenance, ...extra },
      };
    case 'unused':
      return {
        action: REPORT_ACTIONS.unused,
        subject: 'MG6C',
        detail: {
          ...head,
          items: made.items,
          appendices: written.appendices ?? [],
          provenance: made.provenance,
          ...extra,
        },
      };
    case 'rsmf':
      return {
        action: REPORT_ACTIONS.rsmf,
        subject: written.file,
        detail: {
          ...head,
          events: made.events,
          conversations: made.conversations,
          selection: made.selection,
          provenance: made.provenance,
          ...extra,
        },
      };
  }
}

/** Appends the report's audit entry (the CLI's and the server's reports alike). */
export async function recordReport(
  store: Store,
  o: {
    readonly actor: string;
    readonly caseId: number;
    readonly made: MadeReport;
    readonly written: WrittenReport;
    readonly extra?: Record<string, unknown>;
  },
): Promise<void> {
  const entry = reportAuditEntry(o.made, o.written, o.extra);
  await store.audit.append({
    actor: o.actor,
    action: entry.action,
    caseId: o.caseId,
    subject: entry.subject,
    detail: entry.detail,
  });
}

/** A one-line account of a made report ("43 items", "93 pages, 21 relevant messages", …). */
export function reportSummary(made: MadeReport): string {
  switch (made.kind) {
    case 'bundle':
      return `Evidence bundle for ${made.person.name}: ${made.pages} pages, ${made.relevant} relevant messages, ${made.messages} with context`;
    case 'charges':
      return `${made.title}: ${made.counts} counts`;
    case 'unused':
      return `Unused-material schedule: ${made.items} items`;
    case 'rsmf':
      return `RSMF 2.0.0: ${made.events} events in ${made.conversations} conversation(s)`;
  }
}

const slug = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[^\w\s-]/gu, '')
    .trim()
    .replace(/[\s_-]+/gu, '-')
    .toLowerCase()
    .slice(0, 60) || 'case';

/** A download name for a report of a case, e.g. `operation-lantern-demo-charge-schedule.xlsx`. */
export function reportFileName(caseName: string, made: MadeReport): string {
  const base = slug(caseName);
  switch (made.kind) {
    case 'bundle':
      return `${base}-bundle-${slug(made.person.name)}.pdf`;
    case 'charges':
      return `${base}-charge-schedule.${made.format}`;
    case 'unused':
      return `${base}-unused-material.${made.format}`;
    case 'rsmf':
      return `${base}-export.rsmf`;
  }
}

/** The name of an appendix beside `file` (as the CLI writes them: FILE.search-terms.csv). */
export const appendixFileName = (file: string, suffix: string): string =>
  file.replace(/\.csv$/iu, `.${suffix}.csv`);
