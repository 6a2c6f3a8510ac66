/** The words of organising review: batches and second review (QC). */

export const BATCH_KINDS = ['date_range', 'conversation', 'priority'] as const;
export type BatchKind = (typeof BATCH_KINDS)[number];
/** open: being reviewed; finished: its reviewer says every message is reviewed; closed: set aside by a lead. */
export const BATCH_STATUSES = ['open', 'finished', 'closed'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

/** The review states the search filters on (SearchQuery.status). */
export const SEARCH_STATUSES = ['unreviewed', 'reviewed', 'offensive', 'unsure'] as const;
export type SearchStatus = (typeof SEARCH_STATUSES)[number];

/** Where a second-review (QC) item stands. */
export const QC_STATUSES = ['pending', 'agreed', 'disagreed', 'resolved'] as const;
export type QcStatus = (typeof QC_STATUSES)[number];
/** Why a message was queued for second review. */
export const QC_REASONS = ['offensive', 'share', 'sample'] as const;
export type QcReason = (typeof QC_REASONS)[number];
