/**
 * GET /api/cases/:caseId/membership's shapes (docs/api.md). No imports: the membership chart's data
 * module (and its unit test under the root tsconfig) use them without the HTTP client.
 */
export type Certainty = 'seen' | 'assumed' | 'uncertain';

export interface MembershipInterval {
  readonly participant: string;
  readonly participantKey: string;
  readonly from: { readonly utc: string | null; readonly basis: string; readonly certainty: string };
  readonly to: { readonly utc: string | null; readonly basis: string; readonly certainty: string };
  readonly certainty: Certainty;
  /** Indexes into the timeline's conflicts. */
  readonly conflicts: readonly number[];
}

export interface MembershipConflict {
  readonly participantKey: string;
  readonly kind: string;
  readonly utc: string;
  readonly detail: string;
}

export interface MembershipTimeline {
  readonly conversationId: number;
  readonly intervals: readonly MembershipInterval[];
  readonly conflicts: readonly MembershipConflict[];
}
