/**
 * The review API's routes (docs/api.md), one file per resource; every route states its access rule
 * (see api.ts). This file binds them to the app and the store and reads the session of each request.
 */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod/v4';

import { ConductWorker } from '../analysis/conduct-in-worker.js';
import { findSession } from '../review/sessions.js';
import type { Store } from '../store/open-store.js';
import { defineRoute, type RouteDoc, type RouteSpec } from './api.js';
import { registerAdminRoutes } from './admin-routes.js';
import { registerAnalysisRoutes } from './analysis-routes.js';
import { registerBatchRoutes } from './batch-routes.js';
import { registerCaseRoutes } from './case-routes.js';
import { registerCodingRoutes } from './coding-routes.js';
import { ConductMemo } from './conduct-memo.js';
import { registerConductRoutes } from './conduct-routes.js';
import { registerExhibitRoutes } from './exhibit-routes.js';
import { registerIdentityRoutes } from './identity-routes.js';
import { registerMediaRoutes } from './media-routes.js';
import { registerQcRoutes } from './qc-routes.js';
import { registerRecordRoutes } from './record-routes.js';
import { registerReportRoutes } from './report-routes.js';
import { registerSearchTermRoutes } from './search-term-routes.js';
import { registerSessionRoutes, SESSION_COOKIE } from './session-routes.js';
import { registerThreadRoutes } from './thread-routes.js';
import { registerSimilarRoutes } from './similar-routes.js';

export function registerRoutes(
  app: FastifyInstance,
  store: Store,
  workspace: string,
  docs: RouteDoc[],
): void {
  const conductWorker = new ConductWorker(store.reopen);
  app.addHook('onClose', () => conductWorker.close());
  const conduct = new ConductMemo((caseId, withhold) => conductWorker.run(caseId, withhold));
  const route = <PS extends z.ZodType, QS extends z.ZodType, BS extends z.ZodType>(
    spec: RouteSpec<PS, QS, BS>,
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

  registerSessionRoutes(route, store, docs);
  registerCaseRoutes(route, store);
  registerThreadRoutes(route, store);
  registerConductRoutes(route, store, conduct);
  registerCodingRoutes(route, store);
  registerBatchRoutes(route, store);
  registerAnalysisRoutes(route, store);
  registerAdminRoutes(route, store);
  registerQcRoutes(route, store, docs);
  registerSearchTermRoutes(route, store, docs);
  registerSimilarRoutes(route, store);
  registerMediaRoutes(route, store, workspace, docs);
  registerExhibitRoutes(app, route, store, workspace);
  registerIdentityRoutes(route, store);
  registerRecordRoutes(route, store, docs);
  registerReportRoutes(app, route, store, workspace, docs);
}
