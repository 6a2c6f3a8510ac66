/** The cases a user can see, a case's overview, its members and who reviewed what (docs/api.md, "Cases"). */
import type { z } from 'zod/v4';

import { visibleCaseIds } from '../review/access.js';
import { coverage } from '../review/coding.js';
import type { Store } from '../store/open-store.js';
import { caseFromParam, type Route } from './api.js';
import * as S from '../contract/schemas.js';

/**
 * A conversation's first and last message (UTC): where its record starts and ends, so the
 * membership timeline draws "still a member" to the last message, not the last membership event.
 * Two reads of the (conversation_id, seq) index.
 */
async function recordEdges(
  store: Store,
  conversationId: number,
  messages: number,
): Promise<{ first: string | null; last: string | null }> {
  if (messages === 0) return { first: null, last: null };
  const [first] = await store.threads.window(conversationId, 0, 1);
  const [last] = await store.threads.window(conversationId, messages - 1, 1);
  return { first: first?.utc ?? null, last: last?.utc ?? null };
}

/**
 * The case's zone: the one most of its exhibits were read in (ties: the first exhibit's), else UTC.
 * One zone for the whole case, so every view shows the same wall-clock time for a message.
 */
export function caseTimeZone(exhibits: readonly { readonly timezone: string | null }[]): string {
  const n = new Map<string, number>();
  for (const e of exhibits) if (e.timezone) n.set(e.timezone, (n.get(e.timezone) ?? 0) + 1);
  let best = 'UTC';
  let most = 0;
  for (const [zone, k] of n) {
    if (k > most) [best, most] = [zone, k];
  }
  return best;
}

export function registerCaseRoutes(route: Route, store: Store): void {
  route({
    method: 'GET',
    url: '/api/cases',
    summary: 'The cases the user can see, with review coverage',
    access: { kind: 'user' },
    responses: { 200: S.CasesResponse },
    handler: async ({ session }) => {
      const visible = await visibleCaseIds(store, session!.user);
      const all = await store.cases.list();
      const cases = visible === 'all' ? all : all.filter((c) => visible.includes(c.id));
      const reviewed = await store.reviews.reviewedCounts(cases.map((c) => c.id));
      return {
        cases: cases.map((c) => {
          const n = reviewed.get(c.id) ?? 0;
          return {
            id: c.id,
            name: c.name,
            messages: c.messages,
            exhibits: c.exhibits,
            reviewed: n,
            coverage: coverage(n, c.messages),
          };
        }),
      };
    },
  });

  route({
    method: 'GET',
    url: '/api/cases/:caseId',
    summary: 'Case overview: coverage, flags by category, activity, conversations, exhibits',
    access: { kind: 'case', permission: 'read', caseOf: caseFromParam },
    params: S.CaseParams,
    responses: { 200: S.CaseResponse, 403: S.ErrorBody, 404: S.ErrorBody },
    handler: async ({ caseId }) => {
      const theCase = (await store.cases.get(caseId))!;
      const conversations = await store.conversations.list(caseId);
      const messages = conversations.reduce((n, c) => n + c.messages, 0);
      const reviewed = (await store.reviews.reviewedCounts([caseId])).get(caseId) ?? 0;
      const run = await store.flags.run(caseId);
      const flagsByCategory: Record<string, number> = {};
      if (run) {
        for (const f of await store.flags.list(run.id, { onlyFlagged: true })) {
          for (const c of f.categories) flagsByCategory[c.name] = (flagsByCategory[c.name] ?? 0) + 1;
        }
      }
      const exhibits = await store.exhibits.list(caseId);
      return {
        case: { id: theCase.id, name: theCase.name },
        messages,
        reviewed,
        coverage: coverage(reviewed, messages),
        flagsByCategory,
        activity: await store.threads.activity(caseId),
        conversations: await Promise.all(
          conversations.map(async (c) => ({
            id: c.id,
            name: c.name,
            messages: c.messages,
            participants: c.participants,
            ...(await recordEdges(store, c.id, c.messages)),
          })),
        ),
        exhibits: exhibits.map((e) => ({
          id: e.id,
          ref: e.ref,
          originalName: e.originalName,
          sha256: e.sha256,
        })),
        timeZone: caseTimeZone(exhibits),
      };
    },
  });

  route({
    method: 'GET',
    url: '/api/cases/:caseId/reviewers',
    summary: 'Coverage by whom and when: messages each user has reviewed, first and last review',
    access: { kind: 'case', permission: 'read', caseOf: caseFromParam },
    params: S.CaseParams,
    responses: { 200: S.ReviewersResponse },
    handler: async ({ caseId }) => ({ reviewers: await store.reviews.byReviewer(caseId) }),
  });

  route({
    method: 'GET',
    url: '/api/cases/:caseId/members',
    summary: "The case's members and their roles (who a batch can be given to)",
    access: { kind: 'case', permission: 'read', caseOf: caseFromParam },
    params: S.CaseParams,
    responses: { 200: S.MembersResponse },
    handler: async ({ caseId }) => ({
      members: (await store.caseMembers.list(caseId)).map((m) => ({
        username: m.username,
        role: m.role as z.infer<typeof S.User>['role'],
      })),
    }),
  });
}
