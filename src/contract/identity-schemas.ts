/** Identifying people (GET/POST /api/cases/:caseId/identities, docs/api.md), as `scrutineer identify`. */
import { z } from 'zod/v4';

import { PERSON_ROLES } from './record.js';

export const IDENTITY_DECISIONS = ['confirmed', 'rejected'] as const;

export const IdentityParticipant = z.object({
  participant: z.number().int(),
  conversation: z.number().int(),
  name: z.string(),
  phone: z.string().nullable(),
  jid: z.string().nullable(),
  pushName: z.string().nullable(),
  /** The confirmed person's name, where one is confirmed. */
  confirmedAs: z.string().nullable(),
});

export const IdentitiesResponse = z.object({
  participants: z.array(IdentityParticipant),
  proposals: z.array(
    z.object({
      a: z.number().int(),
      b: z.number().int(),
      confidence: z.number(),
      evidence: z.array(z.object({ kind: z.string(), detail: z.string() })),
    }),
  ),
  people: z.array(z.object({ id: z.number().int(), name: z.string(), role: z.enum(PERSON_ROLES) })),
});

export const IdentityBody = z.object({
  participant: z.number().int().positive(),
  person: z.number().int().positive(),
  decision: z.enum(IDENTITY_DECISIONS),
});
export const IdentityDecisionResponse = z.object({ ok: z.literal(true) });

export type IdentityDecision = (typeof IDENTITY_DECISIONS)[number];
export type IdentityParticipantT = z.infer<typeof IdentityParticipant>;
export type IdentitiesResponseT = z.infer<typeof IdentitiesResponse>;
export type IdentityDecisionResponseT = z.infer<typeof IdentityDecisionResponse>;
