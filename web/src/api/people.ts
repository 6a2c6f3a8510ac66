/** The people of a case: their conduct picture and membership timelines (docs/api.md, docs/conduct.md). */
import { request } from './client';

export interface PersonConduct {
  readonly person: string;
  readonly name: string;
  readonly provisional: boolean;
  readonly participants: readonly string[];
  readonly sent: number;
  readonly sentOffensive: number;
  readonly byCategory: Readonly<Record<string, number>>;
  /** Of the offensive messages sent, how many a reviewer coded and how many rest on the flagger. */
  readonly byBasis?: { readonly coded: number; readonly flagged: number };
  readonly receivedOffensiveWhileMember: number;
  readonly endorsed: number;
  readonly challenged: number;
  readonly silent: number;
  readonly first: string | null;
  readonly last: string | null;
  /** Suggestions of standards the evidence may engage, never findings. */
  readonly standards: readonly {
    readonly standard: string;
    readonly messages: readonly number[];
    readonly reason: string;
  }[];
}

export interface Conduct {
  readonly people: readonly PersonConduct[];
  /** The flagger run used and how many reviewer codes went in. */
  readonly basis: { readonly flagRun: number | null; readonly coded: number };
}

export type {
  Certainty,
  MembershipConflict,
  MembershipInterval,
  MembershipTimeline,
} from './membership-types';
import type { MembershipTimeline } from './membership-types';

export function getConduct(caseId: number): Promise<Conduct> {
  return request<Conduct>('GET', `/api/cases/${caseId}/conduct`);
}

export async function getMembership(caseId: number): Promise<readonly MembershipTimeline[]> {
  return (await request<{ timelines: MembershipTimeline[] }>('GET', `/api/cases/${caseId}/membership`))
    .timelines;
}
