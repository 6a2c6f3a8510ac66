/** Reports made on the server (docs/api.md, "Reports"): start one, poll it, download it. Leads only. */
import type * as R from '@contract/report-schemas';
import { request } from './client';

// The contract's shapes (src/contract/report-schemas.ts), under the names the reports page uses.
export type ReportBody = R.ReportBodyInput;
export type Report = R.ReportT;
/** The report's file or an appendix (unused-material CSV). */
export type ReportFile = NonNullable<Report['file']>;

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
