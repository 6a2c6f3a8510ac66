/** The review API routes (docs/api.md). Every route states its access rule; see api.ts. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod/v4';

import { ConductWorker } from '../analysis/conduct-in-worker.js';
import { visibleCaseIds } from '../review/access.js';
import {
  batchMessages,
  batchProgress,
  closeBatch,
  createBatch,
  finishBatch,
  reassignBatch,
  type BatchOutcome,
} from '../review/batches.js';
import { coverage, markReviewed, setCode } from '../review/coding.js';
import { blindedAmong, withheldInCase } from '../review/qc.js';
import { rerankCase } from '../review/rerank.js';
import { findSession, login, logout } from '../review/sessions.js';
import { LoginThrottle } from './login-throttle.js';
import type { Store } from '../store/open-store.js';
import type { BatchRecord } from '../store/repositories/reviews.js';
import { VERSION } from '../version.js';
import { ApiError, defineRoute, type CaseOf, type RouteDoc } from './api.js';
import { presentCode, presentMessages, presentWindow } from './present.js';
import { registerQcRoutes } from './qc-routes.js';
import { registerRecordRoutes } from './record-routes.js';
import { registerReportRoutes } from './report-routes.js';
import { registerSearchTermRoutes } from './search-term-routes.js';
import { ConductMemo } from './conduct-memo.js';
import { registerMediaRoutes } from './media-routes.js';
import { registerExhibitRoutes } from './exhibit-routes.js';
import { registerIdentityRoutes } from './identity-routes.js';
import * as S from '../contract/schemas.js';

export const SESSION_COOKIE = 'scrutineer_session';

/** Login attempts allowed per client address and username in LOGIN_WINDOW. */
export const LOGIN_ATTEMPTS = 10;
export const LOGIN_WINDOW = '5 minutes';

const caseFromParam: CaseOf<{ caseId: number }> = async (_store, p) => p.caseId;
// The thread and coding routes: the case and the user's membership in one query.
const caseOfConversation: CaseOf<{ conversationId: number }> = async (store, p, user) =>
  store.caseMembers.accessVia({ conversationId: p.conversationId }, user.id);
const caseOfMessage: CaseOf<{ messageId: number }> = async (store, p, user) =>
  store.caseMembers.accessVia({ messageId: p.messageId }, user.id);
const caseOfBatch: CaseOf<{ batchId: number }> = async (store, p) =>
  (await store.batches.get(p.batchId))?.caseId ?? null;

async function batchResult(store: Store, outcome: BatchOutcome) {
  if (outcome.ok) return { batch: await presentBatch(store, outcome.batch) };
  if (outcome.reason === 'not_assignee') {
    throw new ApiError(
      403,
      'forbidden',
      'Only the reviewer the batch is assigned to (or a lead) can finish it.',
    );
  }
  if (outcome.reason === 'closed') throw new ApiError(409, 'conflict', 'This batch is closed.');
  throw new ApiError(
    409,
    'not_done',
    `${outcome.left} message${outcome.left === 1 ? ' is' : 's are'} not reviewed yet in this batch.`,
    { left: outcome.left },
  );
}

async function presentBatch(store: Store, b: BatchRecord) {
  return {
    id: b.id,
    name: b.name,
    kind: b.kind,
    spec: b.spec,
    assignee: b.assignee,
    status: b.status,
    createdAt: b.createdAt,
    createdBy: b.createdBy,
    ...(await batchProgress(store, b)),
  };
}

const publicUser = (u: { id: number; username: string; role: S.CodeT['by'] | string }) => ({
  id: u.id,
  username: u.username,
  role: u.role as z.infer<typeof S.User>['role'],
});

function loginKey(request: FastifyRequest): string {
  const body = request.body as { username?: unknown } | undefined;
  const username = typeof body?.username === 'string' ? body.username.slice(0, 64).toLowerCase() : '';
  return `${request.ip}\u0000${username}`;
}

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
  const [first] = await store.reviews.window(conversationId, 0, 1);
  const [last] = await store.reviews.window(conversationId, messages - 1, 1);
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

export function registerRoutes(
  app: FastifyInstance,
  store: Store,
  workspace: string,
  docs: RouteDoc[],
): void {
  const loginThrottle = new LoginThrottle();
  const conductWorker = new ConductWorker(store.reopen);
  app.addHook('onClose', () => conductWorker.close());
  const conduct = new ConductMemo((caseId, withhold) => conductWorker.run(caseId, withhold));
  const route = <PS extends z.ZodType, QS extends z.ZodType, BS extends z.ZodType>(
    spec: Parameters<typeof defineRoute<PS, QS, BS>>[3],
  ) =>
    defineRoute(
      app,
      store,
      docs,
      spec.method === 'GET'
        ? spec
        : {
            ...spec,
            // A change made through the server shows in the next conduct picture, not 20 s later.
            handler: async (ctx) => {
              const result = await spec.handler(ctx);
              conduct.forget(ctx.caseId);
              return result;
            },
          },
    );

  // The session (if any) for every request; routes decide whether they need one.
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.auth = token ? await findSession(store, token) : null;
  });

  // ---- session ----------------------------------------------------------------------------------

  route({
    method: 'POST',
    url: '/api/login',
    summary: 'Log in; sets the scrutineer_session cookie',
    access: { kind: 'public' },
    body: S.LoginBody,
    responses: { 200: S.SessionResponse, 401: S.ErrorBody, 429: S.ErrorBody },
    config: {
      rateLimit: {
        max: LOGIN_ATTEMPTS,
        timeWindow: LOGIN_WINDOW,
        hook: 'preHandler',
        keyGenerator: loginKey,
      },
    },
    handler: async ({ body, reply, request }) => {
      const wait = loginThrottle.retryAfterMs(request.ip);
      if (wait !== null)
        throw new ApiError(
          429,
          'rate_limited',
          `Too many failed logins from this address; try again in ${Math.max(1, Math.ceil(wait / 60_000))} minute(s).`,
        );
      const result = await login(store, body.username, body.password);
      if (!result) {
        loginThrottle.fail(request.ip);
        throw new ApiError(401, 'bad_credentials', 'Wrong username or password.');
      }
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        secure: request.protocol === 'https',
        expires: result.expiresAt,
      });
      return { user: publicUser(result.user), csrfToken: result.csrfToken };
    },
  });

  route({
    method: 'POST',
    url: '/api/logout',
    summary: 'End the session',
    access: { kind: 'user' },
    responses: { 200: S.OkResponse },
    handler: async ({ session, reply, request }) => {
      await logout(store, session!);
      reply.clearCookie(SESSION_COOKIE, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        secure: request.protocol === 'https',
      });
      return { ok: true };
    },
  });

  route({
    method: 'GET',
    url: '/api/me',
    summary: 'The logged-in user and the CSRF token',
    access: { kind: 'user' },
    responses: { 200: S.SessionResponse, 401: S.ErrorBody },
    handler: async ({ session }) => ({ user: publicUser(session!.user), csrfToken: session!.csrfToken }),
  });

  route({
    method: 'GET',
    url: '/api/health',
    summary: 'Liveness and version',
    access: { kind: 'public' },
    responses: { 200: S.HealthResponse },
    handler: async () => ({ ok: true, version: VERSION }),
  });

  route({
    method: 'GET',
    url: '/api/openapi.json',
    summary: 'This API as OpenAPI 3.1',
    access: { kind: 'user' },
    responses: { 200: z.object({}).passthrough() },
    handler: async () => {
      const { openApiDocument } = await import('./openapi.js');
      return openApiDocument(docs);
    },
  });

  // ---- cases ------------------------------------------------------------------------------------

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
        activity: await store.reviews.activity(caseId),
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

  // ---- thread view ------------------------------------------------------------------------------

  route({
    method: 'GET',
    url: '/api/conversations/:conversationId/messages',
    summary: 'A window of a conversation by seq (from, limit ≤ 500)',
    access: { kind: 'case', permission: 'read', caseOf: caseOfConversation },
    params: S.ConversationParams,
    query: S.MessagesQuery,
    responses: { 200: S.MessagesResponse, 403: S.ErrorBody, 404: S.ErrorBody },
    handler: async ({ params, query, caseId, session }) => {
      const { total, rows } = await store.reviews.annotatedWindow(
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
      seq: await store.reviews.seqAt(caseId, params.conversationId, query.utc),
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
          ? await store.reviews.nextFlagged(params.conversationId, query.after, run.id, rerank?.id ?? null)
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
      const { rows, next } = await store.reviews.search(caseId, { ...query, runId: run?.id ?? null });
      const hits = await presentMessages(store, caseId, rows, session!.user);
      // A status that names a decision would reveal a withheld code by the hit itself: leave those
      // out (the page may come back short; `next` still pages on).
      const byDecision = query.status === 'offensive' || query.status === 'unsure';
      const shown = byDecision ? hits.filter((h) => !h.blind) : hits;
      // Issue 17: which hits matched through the text read from their image (GET …/media/text has it).
      const viaImage = query.q?.trim()
        ? new Set(await store.mediaTexts.messagesMatching(caseId, query.q))
        : null;
      return {
        hits: shown,
        next,
        imageHits: viaImage ? shown.filter((h) => viaImage.has(h.id)).map((h) => h.id) : [],
      };
    },
  });

  route({
    method: 'GET',
    url: '/api/cases/:caseId/conduct',
    summary:
      "Each person's conduct picture, membership timelines and the audience of each offensive message (suggestions, never findings)",
    access: { kind: 'case', permission: 'read', caseOf: caseFromParam },
    params: S.CaseParams,
    responses: { 200: S.ConductResponse },
    handler: async ({ caseId, session }) => {
      // Codes under a blind second review the user may give would show through the picture.
      const withholdCodes = await withheldInCase(store, session!.user, caseId);
      return (await conduct.get(caseId, withholdCodes)).conduct;
    },
  });

  route({
    method: 'GET',
    url: '/api/cases/:caseId/membership',
    summary: 'Who was a member of each conversation from when to when, with certainty and conflicts',
    access: { kind: 'case', permission: 'read', caseOf: caseFromParam },
    params: S.CaseParams,
    responses: { 200: S.MembershipResponse },
    handler: async ({ caseId, session }) => ({
      timelines: (await conduct.get(caseId, await withheldInCase(store, session!.user, caseId))).membership,
    }),
  });

  // ---- coding -----------------------------------------------------------------------------------

  route({
    method: 'PUT',
    url: '/api/messages/:messageId/code',
    summary: 'Code a message; baseVersion is the version seen (0 when uncoded); 409 on a newer version',
    access: { kind: 'case', permission: 'code', caseOf: caseOfMessage },
    params: S.MessageParams,
    body: S.CodeBody,
    responses: { 200: S.CodeResponse, 409: S.ConflictResponse },
    handler: async ({ params, body, session, caseId, reply }) => {
      const { baseVersion, ...values } = body;
      const result = await setCode(store, {
        user: session!.user,
        messageId: params.messageId,
        caseId,
        baseVersion,
        values,
      });
      if (result.ok) return { code: presentCode(result.code) };
      reply.status(409);
      if ('blind' in result) {
        return {
          error: {
            code: 'qc_pending',
            message: 'This message awaits a blind second review: give your decision on the QC page.',
          },
          current: null,
          yours: body,
        };
      }
      return {
        error: {
          code: 'conflict',
          message: result.current
            ? `Someone else coded this message (version ${result.current.version}, by ${result.current.by}) after version ${baseVersion}.`
            : `This message has no code yet, not version ${baseVersion}.`,
        },
        current: result.current ? presentCode(result.current) : null,
        yours: body,
      };
    },
  });

  route({
    method: 'POST',
    url: '/api/conversations/:conversationId/reviewed',
    summary: 'Mark messages fromSeq…toSeq "reviewed, nothing of note" (codes are untouched)',
    access: { kind: 'case', permission: 'code', caseOf: caseOfConversation },
    params: S.ConversationParams,
    body: S.ReviewedBody,
    responses: { 200: S.ReviewedResponse },
    handler: async ({ params, body, session, caseId }) => ({
      marked: await markReviewed(store, {
        user: session!.user,
        caseId,
        conversationId: params.conversationId,
        fromSeq: body.fromSeq,
        toSeq: body.toSeq,
      }),
    }),
  });

  route({
    method: 'GET',
    url: '/api/messages/:messageId/history',
    summary: "A message's coding history (audit trail)",
    access: { kind: 'case', permission: 'read', caseOf: caseOfMessage },
    params: S.MessageParams,
    responses: { 200: S.HistoryResponse },
    handler: async ({ params, session }) => {
      // While the user may give the blind second review, the coding and QC entries would show the
      // first decision: only the "nothing of note" marks are left.
      const blind = (await blindedAmong(store, session!.user, [params.messageId])).size > 0;
      const rows = await store.reviews.history(params.messageId);
      return {
        entries: rows
          .filter((h) => !blind || !(h.action === 'code.set' || h.action.startsWith('qc.')))
          .map((h) => ({
            at: h.at,
            actor: h.actor,
            action: h.action,
            detail: JSON.parse(h.detailJson) as unknown,
          })),
      };
    },
  });

  // ---- batches (not in docs/api.md v1: an addition for leads) -----------------------------------

  route({
    method: 'POST',
    url: '/api/cases/:caseId/batches',
    summary: 'Create a review batch (lead): a date range, a conversation run, or flagged messages by score',
    access: { kind: 'case', permission: 'lead', caseOf: caseFromParam },
    params: S.CaseParams,
    body: S.BatchBody,
    responses: { 200: S.BatchResponse, 400: S.ErrorBody },
    handler: async ({ caseId, body, session }) => {
      const batch = await createBatch(store, {
        caseId,
        name: body.name,
        spec: body.spec,
        assignee: body.assignee,
        actor: session!.user.username,
      });
      return { batch: await presentBatch(store, batch) };
    },
  });

  route({
    method: 'POST',
    url: '/api/cases/:caseId/rerank',
    summary:
      "Re-rank the case's unreviewed messages from its reviewers' codes (stored and audited); priority batches follow the latest re-rank",
    // Whoever may code the case may ask for its ranking to learn from the codes (reviewers and leads).
    access: { kind: 'case', permission: 'code', caseOf: caseFromParam },
    params: S.CaseParams,
    responses: { 200: S.RerankResponse },
    handler: async ({ caseId, session }) => rerankCase(store, { caseId, actor: session!.user.username }),
  });

  route({
    method: 'GET',
    url: '/api/cases/:caseId/batches',
    summary: "A case's review batches with their progress",
    access: { kind: 'case', permission: 'read', caseOf: caseFromParam },
    params: S.CaseParams,
    responses: { 200: S.BatchesResponse },
    handler: async ({ caseId }) => {
      const batches = [];
      for (const b of await store.batches.list(caseId)) batches.push(await presentBatch(store, b));
      return { batches };
    },
  });

  route({
    method: 'GET',
    url: '/api/batches/:batchId/messages',
    summary:
      "A batch's messages, paged by after: a priority batch highest flag score first (ties in time order), the others in time order",
    access: { kind: 'case', permission: 'read', caseOf: caseOfBatch },
    params: S.BatchParams,
    query: S.BatchMessagesQuery,
    responses: { 200: S.BatchMessagesResponse },
    handler: async ({ params, query, caseId, session }) => {
      const batch = (await store.batches.get(params.batchId))!;
      const { rows, next } = await batchMessages(store, batch, {
        limit: query.limit,
        ...(query.after === undefined ? {} : { after: query.after }),
      });
      return { hits: await presentMessages(store, caseId, rows, session!.user), next };
    },
  });

  route({
    method: 'POST',
    url: '/api/batches/:batchId/assign',
    summary: 'Give a batch to a case member who can review it, or to nobody (lead); 409 when closed',
    access: { kind: 'case', permission: 'lead', caseOf: caseOfBatch },
    params: S.BatchParams,
    body: S.BatchAssignBody,
    responses: { 200: S.BatchResponse, 400: S.ErrorBody, 409: S.ErrorBody },
    handler: async ({ params, body, session }) =>
      batchResult(
        store,
        await reassignBatch(store, {
          batch: (await store.batches.get(params.batchId))!,
          assignee: body.assignee,
          actor: session!.user.username,
        }),
      ),
  });

  route({
    method: 'POST',
    url: '/api/batches/:batchId/close',
    summary: 'Close a batch (lead): set aside, off every queue',
    access: { kind: 'case', permission: 'lead', caseOf: caseOfBatch },
    params: S.BatchParams,
    responses: { 200: S.BatchResponse },
    handler: async ({ params, session }) =>
      batchResult(
        store,
        await closeBatch(store, {
          batch: (await store.batches.get(params.batchId))!,
          actor: session!.user.username,
        }),
      ),
  });

  route({
    method: 'POST',
    url: '/api/batches/:batchId/finish',
    summary: 'Mark a batch finished (its assignee, or a lead); 409 naming how many messages are left',
    access: { kind: 'case', permission: 'code', caseOf: caseOfBatch },
    params: S.BatchParams,
    responses: { 200: S.BatchResponse, 403: S.ErrorBody, 409: S.ErrorBody },
    handler: async ({ params, session }) =>
      batchResult(
        store,
        await finishBatch(store, { batch: (await store.batches.get(params.batchId))!, user: session!.user }),
      ),
  });

  route({
    method: 'GET',
    url: '/api/me/batches',
    summary: "The user's queue: batches assigned to them (not closed) with progress",
    access: { kind: 'user' },
    responses: { 200: S.QueueResponse },
    handler: async ({ session }) => {
      const visible = await visibleCaseIds(store, session!.user);
      const names = new Map((await store.cases.list()).map((c) => [c.id, c.name]));
      const batches = [];
      for (const b of await store.batches.listForAssignee(session!.user.id)) {
        // Someone taken off a case keeps no view of its batches.
        if (visible !== 'all' && !visible.includes(b.caseId)) continue;
        batches.push({ ...(await presentBatch(store, b)), caseId: b.caseId, caseName: names.get(b.caseId)! });
      }
      return { batches };
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

  // ---- second review / QC: ./qc-routes.ts ----------------------------------------------------

  registerQcRoutes(route, store, docs);
  registerSearchTermRoutes(route, store, docs);
  registerMediaRoutes(route, store, workspace, docs);
  registerExhibitRoutes(app, route, store, workspace);
  registerIdentityRoutes(route, store);
  registerRecordRoutes(route, store, docs);
  registerReportRoutes(app, route, store, workspace, docs);
}
