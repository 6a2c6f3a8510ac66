/** The search-term report (docs/api.md, "Search terms"): each case term's hits and how many were reviewed. */
import { z } from 'zod/v4';

import { CaseTerm } from './workspace-schemas.js';

export const SearchTermReport = z.object({
  caseId: z.number().int(),
  /** The term-list version searched; null when the case has no term list yet. */
  termListVersion: z.number().int().nullable(),
  rows: z.array(
    CaseTerm.extend({
      /** Messages the term hits (as a phrase search). */
      hits: z.number().int(),
      /** Hits no other term of the list also hits. */
      unique: z.number().int(),
      /** Hits someone has reviewed (coded or marked reviewed). */
      reviewed: z.number().int(),
      /** Why a term could not be searched, if it could not. */
      note: z.string().nullable(),
    }),
  ),
  /** Messages hit by at least one term, and how many of those are reviewed. */
  messagesHit: z.number().int(),
  messagesHitReviewed: z.number().int(),
  messagesInCase: z.number().int(),
});
export const SavedSearchTermReport = z.object({
  id: z.number().int(),
  termListVersion: z.number().int().nullable(),
  sha256: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  report: SearchTermReport,
});
export const SearchTermsQuery = z.object({
  /** `false`: the terms only (for highlighting), without running every term's search. */
  report: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});
export const SearchTermsResponse = z.object({
  terms: z.array(CaseTerm),
  report: SearchTermReport.nullable(),
});
export const SearchTermSaveBody = z.object({ note: z.string().trim().max(2000).optional() });
export const SavedSearchTermResponse = z.object({ saved: SavedSearchTermReport });
export const SavedSearchTermListResponse = z.object({ reports: z.array(SavedSearchTermReport) });

export type SearchTermReportT = z.infer<typeof SearchTermReport>;
export type SavedSearchTermReportT = z.infer<typeof SavedSearchTermReport>;
export type SearchTermsResponseT = z.infer<typeof SearchTermsResponse>;
export type SavedSearchTermResponseT = z.infer<typeof SavedSearchTermResponse>;
export type SavedSearchTermListResponseT = z.infer<typeof SavedSearchTermListResponse>;
