/** The conduct picture and membership timelines of a case, computed on a worker and kept a while (ConductMemo). */
import { withheldInCase } from '../review/qc.js';
import type { Store } from '../store/open-store.js';
import { caseFromParam, type Route } from './api.js';
import type { ConductMemo } from './conduct-memo.js';
import { ConductResponse, MembershipResponse } from '../contract/conduct-schemas.js';
import * as S from '../contract/schemas.js';

export function registerConductRoutes(route: Route, store: Store, conduct: ConductMemo): void {
  route({
    method: 'GET',
    url: '/api/cases/:caseId/conduct',
    summary:
      "Each person's conduct picture, membership timelines and the audience of each offensive message (suggestions, never findings)",
    access: { kind: 'case', permission: 'read', caseOf: caseFromParam },
    params: S.CaseParams,
    responses: { 200: ConductResponse },
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
    responses: { 200: MembershipResponse },
    handler: async ({ caseId, session }) => ({
      timelines: (await conduct.get(caseId, await withheldInCase(store, session!.user, caseId))).membership,
    }),
  });
}
