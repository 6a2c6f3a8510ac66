/** The reports the server makes (src/reports/generate.ts) and the files they come in. */
export const REPORT_KINDS = ['bundle', 'charges', 'unused', 'rsmf'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_FORMATS = ['pdf', 'xlsx', 'csv', 'rsmf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const REPORT_STATUSES = ['running', 'done', 'failed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
