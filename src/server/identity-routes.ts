/**
 * Identifying people from the browser, as `scrutineer identify` does: every stored participant
 * (name, number, JID, push name, whom it is confirmed as), the proposed links with their evidence,
 * and the decisions (confirm or reject a participant as a person: the same rules, refusals and
 * `identity.confirm` / `identity.reject` audit entries, with the signed-in user as the actor).
 */
import { caseLinkProposals, decideIdentity, loadConductInput } from '../analysis/conduct-case.js';
import { UserError } from '../domain/errors.js';
import type { Store } from '../store/open-store.js';
import { ApiError, caseFromParam, type Route } from './api.js';
import { CaseParams, ErrorBody } from '../contract/schemas.js';
import { IdentitiesResponse, IdentityBody, IdentityDecisionResponse } from '../contract/identity-schemas.js';

const participantId = (key: string): number => Number(key.slice(1));

export function registerIdentityRoutes(route: Route, store: Store): void {
  route({
    method: 'GET',
    url: '/api/cases/:caseId/identities',
    summary:
      'Participants, proposed links with their evidence, and the case\u2019s people (scrutineer identify)',
    access: { kind: 'case', permission: 'read', caseOf: caseFromParam },
    params: CaseParams,
    responses: { 200: IdentitiesResponse },
    handler: async ({ caseId }) => {
      const input = await loadConductInput(store, caseId);
      const proposals = await caseLinkProposals(store, caseId);
      return {
        participants: input.allParticipants.map((p) => ({
          participant: participantId(p.key),
          conversation: p.conversationId,
          name: p.displayName,
          phone: p.phone ?? null,
          jid: p.jid ?? null,
          pushName: p.pushName ?? null,
          confirmedAs: input.allConfirmedLinks.find((l) => l.participantKey === p.key)?.name ?? null,
        })),
        proposals: proposals.map((p) => ({
          a: participantId(p.a),
          b: participantId(p.b),
          confidence: p.confidence,
          evidence: p.evidence.map((e) => ({ kind: e.kind, detail: e.detail })),
        })),
        people: (await store.people.list(caseId)).map((p) => ({ id: p.id, name: p.name, role: p.role })),
      };
    },
  });

  route({
    method: 'POST',
    url: '/api/cases/:caseId/identities',
    summary: 'Confirm or reject a participant as a person (lead); audited as scrutineer identify',
    access: { kind: 'case', permission: 'lead', caseOf: caseFromParam },
    params: CaseParams,
    body: IdentityBody,
    responses: { 200: IdentityDecisionResponse, 400: ErrorBody },
    handler: async ({ caseId, body, session }) => {
      try {
        await decideIdentity(
          store,
          caseId,
          body.participant,
          body.person,
          body.decision,
          session!.user.username,
        );
      } catch (err) {
        if (err instanceof UserError) throw new ApiError(400, err.details.code ?? 'refused', err.message);
        throw err;
      }
      return { ok: true as const };
    },
  });
}
