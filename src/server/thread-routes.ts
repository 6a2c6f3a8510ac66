/** Reading a case: a thread window, jump to date, next flag, and search (docs/api.md, "Thread view"). */
import type { Store } from '../store/open-store.js';
import { caseFromParam, caseOfConversation, type Route } from './api.js';
import { presentMessages, presentWindow } from '../presenters/message.js';
import * as S from '../contract/schemas.js';
import { SendersQuery, SendersResponse } from '../contract/workspace-schemas.js';

export function registerThreadRoutes(route: Route, store: Store): void {
  route({
    method: 'GET',
    url: '/api/conversations/:conversationId/messages',
    summary: 'A window of a conversation by seq (from, limit ≤ 500)',
    access: { kind: 'case', permission: 'read', caseOf: caseOfConversation },
    params: S.ConversationParams,
    query: S.MessagesQuery,
    responses: { 200: S.MessagesResponse, 403: S.ErrorBody, 404: S.ErrorBody },
    handler: async ({ params, query, caseId, session }) => {
      const { total, rows } = await store.threads.annotatedWindow(
        caseId,
        params.conversationId,
        query.from,
        query.limit,
      );
      return { total, messages: await presentWindow(store, rows, session!.user) };
    },
  });

  route({
    method: 'GET',
    url: '/api/conversations/:conversationId/seq',
    summary: 'Jump to date: the seq of the first message at or after utc',
    access: { kind: 'case', permission: 'read', caseOf: caseOfConversation },
    params: S.ConversationParams,
    query: S.SeqQuery,
    responses: { 200: S.SeqResponse },
    handler: async ({ params, query, caseId }) => ({
      seq: await store.threads.seqAt(caseId, params.conversationId, query.utc),
    }),
  });

  route({
    method: 'GET',
    url: '/api/conversations/:conversationId/next-flag',
    summary:
      'The seq of the next flagged message after a seq (latest analysis run, or its latest re-rank from the codes)',
    access: { kind: 'case', permission: 'read', caseOf: caseOfConversation },
    params: S.ConversationParams,
    query: S.NextFlagQuery,
    responses: { 200: S.SeqResponse },
    handler: async ({ params, query, caseId }) => {
      const run = await store.flags.run(caseId);
      // "Next flag" follows the case's latest re-rank from its reviewers' codes, when there is one.
      const rerank = await store.rerankRuns.latest(caseId);
      return {
        seq: run
          ? await store.threads.nextFlagged(params.conversationId, query.after, run.id, rerank?.id ?? null)
          : null,
      };
    },
  });

  route({
    method: 'GET',
    url: '/api/cases/:caseId/search',
    summary: 'Search a case (scrutineer messages --search syntax) with filters; time order, paged by after',
    access: { kind: 'case', permission: 'read', caseOf: caseFromParam },
    params: S.CaseParams,
    query: S.SearchQuery,
    responses: { 200: S.SearchResponse, 400: S.ErrorBody },
    handler: async ({ query, caseId, session }) => {
      const run = await store.flags.run(caseId);
      const { rows, next } = await store.reviewSearch.search(caseId, { ...query, runId: run?.id ?? null });
      const hits = await presentMessages(store, caseId, rows, session!.user);
      // A status that names a decision would reveal a withheld code by the hit itself: leave those
      // out (the page may come back short; `next` still pages on).
      const byDecision = query.status === 'offensive' || query.status === 'unsure';
      const shown = byDecision ? hits.filter((h) => !h.blind) : hits;
      // Issue 17: which hits matched through the text read from their image (GET …/media/text has it).
      const viaImage = query.q?.trim()
        ? new Set(await store.mediaTexts.messagesMatching(caseId, query.q))
        : null;
      // Issue 18: the total, not "50 so far" (counted once, with the first page).
      const total =
        query.after === undefined && !byDecision
          ? await store.reviewSearch.count(caseId, { ...query, runId: run?.id ?? null })
          : null;
      return {
        hits: shown,
        next,
        total,
        imageHits: viaImage ? shown.filter((h) => viaImage.has(h.id)).map((h) => h.id) : [],
      };
    },
  });

  route({
    method: 'GET',
    url: '/api/cases/:caseId/senders',
    summary:
      'Which stored senders a typed name means (case, accents and direction marks aside), else the close names to pick from',
    access: { kind: 'case', permission: 'read', caseOf: caseFromParam },
    params: S.CaseParams,
    query: SendersQuery,
    responses: { 200: SendersResponse },
    handler: async ({ caseId, query }) => store.messages.matchSender(caseId, query.name),
  });
}
