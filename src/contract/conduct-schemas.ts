/**
 * The conduct picture and membership timelines (GET /api/cases/:caseId/conduct and /membership,
 * docs/conduct.md), exactly as src/analysis/conduct-case.ts sends them. The word lists and the shapes
 * are defined here once: src/analysis/conduct takes its types from them (read-only, ReadonlyDeep).
 */
import { z } from 'zod/v4';

/** An interval's certainty: its weakest bound, or `uncertain` where a conflict touches it. */
export const CERTAINTIES = ['seen', 'assumed', 'uncertain'] as const;
/** A bound's certainty: an event says so (`seen`) or nothing does (`assumed`). */
export const BOUND_CERTAINTIES = ['seen', 'assumed'] as const;
export const START_BASES = [
  'created',
  'added',
  'joined_by_link',
  'number_changed',
  'first_message',
  'participant_list',
  'before_first_event',
] as const;
export const END_BASES = ['removed', 'left', 'number_changed', 'end_of_record'] as const;
export const CONFLICT_KINDS = [
  /** Left or removed while not a member (left twice; removed after leaving). */
  'left_while_not_member',
  /** Added or joined while already a member (a leave may be missing). */
  'joined_while_member',
  /** Sent a message after a seen leave, with no join seen since. */
  'sent_while_not_member',
  /** Left or removed, never seen joining, although the record holds the group's creation. */
  'left_never_joined',
] as const;
/** Whether an offensive message rests on a reviewer's code or on the flagger alone. */
export const OFFENSIVE_BASES = ['coded', 'flagged'] as const;

const int = z.number().int();
const bound = <B extends readonly [string, ...string[]]>(bases: B) =>
  z.object({
    /** ISO UTC; null = the start (or end) of the record. */
    utc: z.string().nullable(),
    basis: z.enum(bases),
    certainty: z.enum(BOUND_CERTAINTIES),
    /** The membership event that gives the bound. */
    eventId: int.optional(),
    /** The message that gives the bound (first_message). */
    messageId: int.optional(),
  });

export const MembershipInterval = z.object({
  conversationId: int,
  participantKey: z.string(),
  from: bound(START_BASES),
  to: bound(END_BASES),
  certainty: z.enum(CERTAINTIES),
  /** Indexes into the timeline's conflicts that touch this interval. */
  conflicts: z.array(int),
});
export const MembershipConflict = z.object({
  conversationId: int,
  participantKey: z.string(),
  kind: z.enum(CONFLICT_KINDS),
  utc: z.string(),
  /** The contradicting event (or, for sent_while_not_member, the message). */
  eventId: int.optional(),
  messageId: int.optional(),
  /** The earlier event it contradicts, where there is one. */
  previousEventId: int.optional(),
  detail: z.string(),
});
export const MembershipTimeline = z.object({
  conversationId: int,
  intervals: z.array(MembershipInterval),
  conflicts: z.array(MembershipConflict),
});
/** The membership route's timelines: each interval with its participant's name. */
export const NamedMembershipTimeline = MembershipTimeline.extend({
  intervals: z.array(MembershipInterval.extend({ participant: z.string() })),
});
/** `scrutineer membership --json` (src/analysis/conduct/membership.ts). */
export const MembershipResponse = z.object({ timelines: z.array(NamedMembershipTimeline) });

export const PersonConduct = z.object({
  /** Person id (`participant:<key>` while provisional). */
  person: z.string(),
  name: z.string(),
  provisional: z.boolean(),
  participants: z.array(z.string()),
  sent: int,
  sentOffensive: int,
  /** Offensive messages sent, per category (a message with two categories counts in both). */
  byCategory: z.record(z.string(), int),
  /** Of the offensive messages sent, how many a reviewer coded and how many rest on the flagger. */
  byBasis: z.object({ coded: int, flagged: int }),
  receivedOffensiveWhileMember: int,
  endorsed: int,
  challenged: int,
  silent: int,
  first: z.string().nullable(),
  last: z.string().nullable(),
  /** Suggestions of standards the evidence may engage, never findings. */
  standards: z.array(z.object({ standard: z.string(), messages: z.array(int), reason: z.string() })),
});
export const OffensiveMessageView = z.object({
  messageId: int,
  conversationId: int,
  utc: z.string(),
  /** The sender's person id. */
  sender: z.string().nullable(),
  categories: z.array(z.string()),
  basis: z.enum(OFFENSIVE_BASES),
  /** Persons who were members when it was sent (sender excluded), with certainty. */
  audience: z.array(z.object({ person: z.string(), certainty: z.enum(CERTAINTIES) })),
  endorsedBy: z.array(z.string()),
  challengedBy: z.array(z.string()),
  /** Audience persons who neither endorsed nor challenged it. */
  silent: z.array(z.string()),
});
/** The conduct picture (see src/analysis/conduct and `scrutineer conduct --json`). */
export const ConductResponse = z.object({
  people: z.array(PersonConduct),
  /** The flagger run used and how many reviewer codes went in. */
  basis: z.object({ flagRun: int.nullable(), coded: int }),
  offensiveMessages: z.array(OffensiveMessageView),
  timelines: z.array(MembershipTimeline),
});

export type Certainty = (typeof CERTAINTIES)[number];
export type StartBasis = (typeof START_BASES)[number];
export type EndBasis = (typeof END_BASES)[number];
export type ConflictKind = (typeof CONFLICT_KINDS)[number];
export type PersonConductT = z.infer<typeof PersonConduct>;
export type OffensiveMessageViewT = z.infer<typeof OffensiveMessageView>;
export type ConductResponseT = z.infer<typeof ConductResponse>;
export type MembershipIntervalT = z.infer<typeof NamedMembershipTimeline>['intervals'][number];
export type MembershipConflictT = z.infer<typeof MembershipConflict>;
export type MembershipTimelineT = z.infer<typeof NamedMembershipTimeline>;
export type MembershipResponseT = z.infer<typeof MembershipResponse>;
