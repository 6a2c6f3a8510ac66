/** Word lists of the workspace tools (issue 18.4), kept free of zod so the web app can import them. */

export const TERM_SEVERITIES = ['low', 'medium', 'high'] as const;
export type TermSeverity = (typeof TERM_SEVERITIES)[number];
/** Longest term accepted: a phrase, not a paragraph. */
export const MAX_TERM_LENGTH = 200;

/** queued: waiting for a worker; running: a worker has it; done / failed: finished. */
export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
