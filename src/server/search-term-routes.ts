/** The search-term report routes (docs/api.md, "Search terms"); the figures come from src/review/search-term-report.ts. */
import { z } from 'zod/v4';

import {
  saveSearchTermReport,
  searchTermReport,
  type SearchTermReport,
} from '../review/search-term-report.js';
import type { Store } from '../store/open-store.js';
import type { SavedSearchTermReport } from '../store/repositories/search-term-reports.js';
import { caseFromParam, type Route, type RouteDoc } from './api.js';
import { CaseParams, ErrorBody } from '../contract/schemas.js';
import {
  SavedSearchTermListResponse as SavedListResponse,
  SavedSearchTermReport as Saved,
  SavedSearchTermResponse as SavedResponse,
  SearchTermSaveBody as SaveBody,
  SearchTermsQuery,
  SearchTermsResponse,
} from '../contract/search-term-schemas.js';
import { TermBody, TermListResponse, TermRemoveBody } from '../contract/workspace-schemas.js';
import { addCaseTerm, removeCaseTerm } from '../review/term-list.js';
import type { TermListRecord } from '../store/flag-types.js';

const presentSaved = (s: SavedSearchTermReport): z.infer<typeof Saved> => ({
  id: s.id,
  termListVersion: s.termListVersion,
  sha256: s.sha256,
  note: s.note,
  createdAt: s.createdAt,
  createdBy: s.createdBy,
  report: JSON.parse(s.reportJson) as SearchTermReport,
});

const presentTermList = (l: TermListRecord): z.infer<typeof TermListResponse>['list'] => ({
  version: l.version,
  terms: l.terms.map(({ term, category, severity }) => ({ term, category, severity })),
  createdAt: l.createdAt,
  createdBy: l.createdBy,
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

  registerTermListRoutes(route, store);

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

/** Changing the case's term list, one term at a time (src/review/term-list.ts). */
function registerTermListRoutes(route: Route, store: Store): void {
  route({
    method: 'POST',
    url: '/api/cases/:caseId/search-terms',
    summary: "Add a term to the case's term list (lead): a new version, audited as `scrutineer terms add`",
    access: { kind: 'case', permission: 'lead', caseOf: caseFromParam },
    params: CaseParams,
    body: TermBody,
    responses: { 200: TermListResponse, 400: ErrorBody, 403: ErrorBody },
    handler: async ({ caseId, body, session }) => ({
      list: presentTermList(
        await addCaseTerm(store, {
          caseId,
          term: body.term,
          category: body.category,
          severity: body.severity,
          note: body.note ?? null,
          actor: session!.user.username,
        }),
      ),
    }),
  });

  route({
    method: 'POST',
    url: '/api/cases/:caseId/search-terms/remove',
    summary:
      "Take a term off the case's term list (lead): a new version, audited as `scrutineer terms remove`",
    access: { kind: 'case', permission: 'lead', caseOf: caseFromParam },
    params: CaseParams,
    body: TermRemoveBody,
    responses: { 200: TermListResponse, 400: ErrorBody, 403: ErrorBody },
    handler: async ({ caseId, body, session }) => ({
      list: presentTermList(
        await removeCaseTerm(store, {
          caseId,
          term: body.term,
          note: body.note ?? null,
          actor: session!.user.username,
        }),
      ),
    }),
  });
}
