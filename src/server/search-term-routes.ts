/** The search-term report routes (docs/api.md, "Search terms"); the figures come from src/review/search-term-report.ts. */
import { z } from 'zod/v4';

import {
  saveSearchTermReport,
  searchTermReport,
  type SearchTermReport,
} from '../review/search-term-report.js';
import type { Store } from '../store/open-store.js';
import type { SavedSearchTermReport } from '../store/repositories/search-term-reports.js';
import type { CaseOf, RouteDoc, defineRoute } from './api.js';
import { CaseParams } from '../contract/schemas.js';

type Route = <PS extends z.ZodType, QS extends z.ZodType, BS extends z.ZodType>(
  spec: Parameters<typeof defineRoute<PS, QS, BS>>[3],
) => void;

const caseFromParam: CaseOf<{ caseId: number }> = async (_store, p) => p.caseId;

const Term = z.object({ term: z.string(), category: z.string(), severity: z.string() });
const Report = z.object({
  caseId: z.number().int(),
  termListVersion: z.number().int().nullable(),
  rows: z.array(
    Term.extend({
      hits: z.number().int(),
      unique: z.number().int(),
      reviewed: z.number().int(),
      note: z.string().nullable(),
    }),
  ),
  messagesHit: z.number().int(),
  messagesHitReviewed: z.number().int(),
  messagesInCase: z.number().int(),
});
const Saved = z.object({
  id: z.number().int(),
  termListVersion: z.number().int().nullable(),
  sha256: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  report: Report,
});
const SearchTermsQuery = z.object({
  /** `false`: the terms only (for highlighting), without running every term's search. */
  report: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});
const SearchTermsResponse = z.object({ terms: z.array(Term), report: Report.nullable() });
const SaveBody = z.object({ note: z.string().trim().max(2000).optional() });
const SavedResponse = z.object({ saved: Saved });
const SavedListResponse = z.object({ reports: z.array(Saved) });

const presentSaved = (s: SavedSearchTermReport): z.infer<typeof Saved> => ({
  id: s.id,
  termListVersion: s.termListVersion,
  sha256: s.sha256,
  note: s.note,
  createdAt: s.createdAt,
  createdBy: s.createdBy,
  report: JSON.parse(s.reportJson) as SearchTermReport as z.infer<typeof Report>,
});

export function registerSearchTermRoutes(route: Route, store: Store, _docs: RouteDoc[]): void {
  route({
    method: 'GET',
    url: '/api/cases/:caseId/search-terms',
    summary:
      "The case's term list (for persistent highlighting) and, unless report=false, its search-term report now",
    access: { kind: 'case', permission: 'read', caseOf: caseFromParam },
    params: CaseParams,
    query: SearchTermsQuery,
    responses: { 200: SearchTermsResponse },
    handler: async ({ caseId, query }) => {
      if (!query.report) {
        const list = await store.termLists.latest(caseId);
        return {
          terms: (list?.terms ?? []).map(({ term, category, severity }) => ({ term, category, severity })),
          report: null,
        };
      }
      const report = await searchTermReport(store, caseId);
      return {
        terms: report.rows.map(({ term, category, severity }) => ({ term, category, severity })),
        report,
      };
    },
  });

  route({
    method: 'POST',
    url: '/api/cases/:caseId/search-terms/reports',
    summary: 'Save the search-term report now in the case, as the record of the search strategy (audited)',
    access: { kind: 'case', permission: 'code', caseOf: caseFromParam },
    params: CaseParams,
    body: SaveBody,
    responses: { 200: SavedResponse },
    handler: async ({ caseId, body, session }) => ({
      saved: presentSaved(
        (
          await saveSearchTermReport(store, {
            caseId,
            actor: session!.user.username,
            note: body.note ?? null,
          })
        ).saved,
      ),
    }),
  });

  route({
    method: 'GET',
    url: '/api/cases/:caseId/search-terms/reports',
    summary: 'The saved search-term reports, newest first, each with its SHA-256',
    access: { kind: 'case', permission: 'read', caseOf: caseFromParam },
    params: CaseParams,
    responses: { 200: SavedListResponse },
    handler: async ({ caseId }) => ({
      reports: (await store.searchTermReports.list(caseId)).map(presentSaved),
    }),
  });
}
