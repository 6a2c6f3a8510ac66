/** Reports made on the server (docs/api.md, "Reports"): start one, poll it, download it. Leads only. */
import { request } from './client';

export type ReportKind = 'bundle' | 'charges' | 'unused' | 'rsmf';
export type ReportFormat = 'pdf' | 'xlsx' | 'csv' | 'rsmf';

export type ReportBody =
  | { readonly kind: 'bundle'; readonly person: string; readonly context?: number }
  | { readonly kind: 'charges'; readonly format: 'pdf' | 'xlsx'; readonly today?: string }
  | { readonly kind: 'unused'; readonly format: 'xlsx' | 'csv' }
  | {
      readonly kind: 'rsmf';
      readonly conversationId?: number;
      readonly from?: string;
      readonly to?: string;
      readonly hits?: boolean;
      readonly context?: number;
    };

export interface ReportFile {
  /** Null: the report itself; else an appendix (unused-material CSV). */
  readonly part: string | null;
  readonly name: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly contentType: string;
}

export interface Report {
  readonly id: string;
  readonly caseId: number;
  readonly kind: ReportKind;
  readonly format: ReportFormat;
  readonly options: Readonly<Record<string, unknown>>;
  readonly status: 'running' | 'done' | 'failed';
  readonly by: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly elapsedMs: number;
  readonly progress: { readonly done: number; readonly total: number } | null;
  readonly summary: string | null;
  readonly file: ReportFile | null;
  readonly parts: readonly ReportFile[];
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly expiresAt: string | null;
}

export async function startReport(caseId: number, body: ReportBody): Promise<Report> {
  return (await request<{ report: Report }>('POST', `/api/cases/${caseId}/reports`, body)).report;
}

export async function getReport(reportId: string): Promise<Report> {
  return (await request<{ report: Report }>('GET', `/api/reports/${encodeURIComponent(reportId)}`)).report;
}

export async function listReports(caseId: number): Promise<readonly Report[]> {
  return (await request<{ reports: Report[] }>('GET', `/api/cases/${caseId}/reports`)).reports;
}

/** Where the file (or an appendix) downloads from; a plain link: the session cookie goes with it. */
export function reportFileUrl(reportId: string, part: string | null = null): string {
  const base = `/api/reports/${encodeURIComponent(reportId)}/file`;
  return part === null ? base : `${base}?part=${encodeURIComponent(part)}`;
}

export const reportsKey = (caseId: number) => ['reports', caseId] as const;
export const reportKey = (reportId: string) => ['report', reportId] as const;
