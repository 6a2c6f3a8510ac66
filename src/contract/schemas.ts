/**
 * Request and response shapes of the review API (docs/api.md), as zod schemas: requests are
 * validated with them and GET /api/openapi.json is generated from them.
 */
import { z } from 'zod/v4';

import { MEMBERSHIP_EVENT_TYPES, MESSAGE_KINDS } from '../domain/message.js';
import { BatchSpec } from './batch-spec.js';
import { DECISIONS } from './coding.js';
import { BATCH_KINDS, BATCH_STATUSES, SEARCH_STATUSES } from './review-words.js';
import { ROLES } from './roles.js';
import { STANDARDS } from './standards.js';

const id = z.coerce.number().int().positive().max(2_147_483_647);
const seq = z.coerce.number().int().min(0).max(2_147_483_647);

/** An ISO 8601 date or date-time (without an offset: UTC), normalised to `YYYY-MM-DDTHH:mm:ss.sssZ`. */
const isoInstant = z
  .string()
  .max(40)
  .regex(
    /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/u,
    'an ISO 8601 date',
  )
  .transform((s, ctx) => {
    const withZone = /[T ]/u.test(s) && !/(Z|[+-]\d{2}:?\d{2})$/u.test(s) ? `${s}Z` : s;
    const t = Date.parse(withZone.replace(' ', 'T'));
    if (Number.isNaN(t)) {
      ctx.addIssue({ code: 'custom', message: 'not a valid date' });
      return z.NEVER;
    }
    return new Date(t).toISOString();
  });

// ---- parameters -------------------------------------------------------------------------------

export const CaseParams = z.object({ caseId: id });
export const ConversationParams = z.object({ conversationId: id });
export const MessageParams = z.object({ messageId: id });

export const MessagesQuery = z.object({
  from: seq.default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const SeqQuery = z.object({ utc: isoInstant });
export const NextFlagQuery = z.object({
  after: z.coerce.number().int().min(-1).max(2_147_483_647).default(-1),
});

export const SearchQuery = z.object({
  q: z.string().max(1000).optional(),
  sender: z.string().max(500).optional(),
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  kind: z.string().max(40).optional(),
  category: z.string().max(100).optional(),
  minScore: z.coerce.number().min(0).max(1).optional(),
  status: z.enum(SEARCH_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  after: id.optional(),
});

// ---- bodies -----------------------------------------------------------------------------------

export const LoginBody = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(1024),
});

export const CodeBody = z.object({
  decision: z.enum(DECISIONS),
  categories: z.array(z.string().trim().min(1).max(100)).max(50),
  standards: z.array(z.enum(STANDARDS)).max(STANDARDS.length),
  potentialS127: z.boolean(),
  note: z.string().max(20_000),
  baseVersion: z.number().int().min(0),
});

/** At most this many messages per "reviewed" mark (a visible run, not a whole thread). */
export const MAX_MARK_RANGE = 5000;
export const ReviewedBody = z
  .object({ fromSeq: z.number().int().min(0), toSeq: z.number().int().min(0) })
  .refine((b) => b.toSeq >= b.fromSeq, { message: 'toSeq must not be before fromSeq', path: ['toSeq'] })
  .refine((b) => b.toSeq - b.fromSeq < MAX_MARK_RANGE, {
    message: `at most ${MAX_MARK_RANGE} messages at once`,
    path: ['toSeq'],
  });

// ---- responses --------------------------------------------------------------------------------

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

export const User = z.object({ id: z.number().int(), username: z.string(), role: z.enum(ROLES) });
export const SessionResponse = z.object({ user: User, csrfToken: z.string() });
export const OkResponse = z.object({ ok: z.literal(true) });
export const HealthResponse = z.object({ ok: z.literal(true), version: z.string() });

export const Code = z.object({
  messageId: z.number().int(),
  decision: z.enum(DECISIONS),
  categories: z.array(z.string()),
  standards: z.array(z.enum(STANDARDS)),
  potentialS127: z.boolean(),
  note: z.string(),
  version: z.number().int(),
  by: z.string(),
  at: z.string(),
});

export const Flag = z.object({
  score: z.number(),
  flagged: z.boolean(),
  categories: z.array(z.object({ name: z.string(), score: z.number() })),
  spans: z.array(
    z.object({
      start: z.number().int(),
      end: z.number().int(),
      text: z.string(),
      category: z.string(),
      reason: z.string(),
    }),
  ),
});

export const Message = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  conversationId: z.number().int(),
  sender: z.string().nullable(),
  kind: z.enum(MESSAGE_KINDS),
  text: z.string(),
  localTime: z.string(),
  zone: z.string(),
  utc: z.string(),
  timeResolution: z.string(),
  edited: z.boolean(),
  media: z
    .object({
      fileName: z.string().nullable(),
      omitted: z.boolean(),
      caption: z.string().nullable(),
      stored: z.boolean(),
    })
    .nullable(),
  exhibit: z.string().describe('the exhibit reference, e.g. "AB/1"'),
  lineStart: z.number().int().nullable(),
  lineEnd: z.number().int().nullable(),
  keyId: z.string().nullable(),
  replyTo: z
    .object({ keyId: z.string().nullable(), text: z.string().nullable(), senderJid: z.string().nullable() })
    .nullable(),
  reactions: z.array(
    z.object({
      sender: z.string(),
      senderJid: z.string().nullable(),
      emoji: z.string(),
      utc: z.string().nullable(),
    }),
  ),
  deleted: z.boolean(),
  deletedBy: z.enum(['sender', 'admin']).nullable(),
  editedAt: z.string().nullable().describe('when it was last edited (UTC), where the source records it'),
  fromOwner: z.boolean().describe("sent by the phone's owner (device sources; false for exports)"),
  displayedAuthor: z
    .string()
    .nullable()
    .describe('the name an export wrote a system line under (never a sender; senderLabel shows it)'),
  poll: z
    .object({
      question: z.string(),
      options: z.array(z.object({ text: z.string(), votes: z.number().int().nullable() })),
    })
    .nullable(),
  location: z.object({ url: z.string().nullable(), live: z.boolean() }).nullable(),
  system: z
    .object({
      type: z.enum(MEMBERSHIP_EVENT_TYPES),
      actor: z.string().nullable(),
      targets: z.array(z.string()),
      value: z.string().nullable(),
      previousValue: z.string().nullable(),
    })
    .nullable()
    .describe('the structured event of a system message (who added whom, a new subject, ...)'),
  flag: Flag.nullable(),
  code: Code.nullable(),
  reviewed: z.boolean(),
  blind: z
    .boolean()
    .describe('the code is withheld: the message awaits a blind second review this user may give'),
});

export const CasesResponse = z.object({
  cases: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      messages: z.number().int(),
      exhibits: z.number().int(),
      reviewed: z.number().int(),
      coverage: z.number().min(0).max(1),
    }),
  ),
});

export const CaseResponse = z.object({
  case: z.object({ id: z.number().int(), name: z.string() }),
  messages: z.number().int(),
  reviewed: z.number().int(),
  coverage: z.number(),
  flagsByCategory: z.record(z.string(), z.number().int()),
  activity: z.array(
    z.object({ sender: z.string().nullable(), month: z.string(), messages: z.number().int() }),
  ),
  conversations: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      messages: z.number().int(),
      participants: z.number().int(),
      first: z.string().nullable().describe("the conversation's first message (UTC), null when empty"),
      last: z.string().nullable().describe("the conversation's last message (UTC), null when empty"),
    }),
  ),
  exhibits: z.array(
    z.object({ id: z.number().int(), ref: z.string(), originalName: z.string(), sha256: z.string() }),
  ),
  /** The zone the web app shows every time in: the zone most of the case's exhibits were read in. */
  timeZone: z.string(),
});

export const MessagesResponse = z.object({ total: z.number().int(), messages: z.array(Message) });
export const SeqResponse = z.object({ seq: z.number().int().nullable() });
export const SearchResponse = z.object({
  hits: z.array(Message),
  next: z.number().int().nullable(),
  /**
   * How many messages match in all, on the first page (null on later pages, and for a status that
   * names a decision: a count would reveal codes withheld under a blind second review).
   */
  total: z.number().int().nullable(),
  /** Issue 17: ids of the hits that matched through the text read from their image. */
  imageHits: z.array(z.number().int()),
});
export const CodeResponse = z.object({ code: Code });
export const ConflictResponse = ErrorBody.extend({ current: Code.nullable(), yours: CodeBody });
export const ReviewedResponse = z.object({ marked: z.number().int() });
export const HistoryResponse = z.object({
  entries: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string(), detail: z.unknown() })),
});

export const BatchParams = z.object({ batchId: id });
export const BatchBody = z.object({
  name: z.string().trim().min(1).max(200),
  spec: BatchSpec,
  assignee: z.string().min(1).max(64).nullable().default(null),
});
export const BatchMessagesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  after: id.optional().describe('the last message id of the previous page (its `next`)'),
});
export const BatchMessagesResponse = z.object({
  hits: z.array(Message),
  next: z
    .number()
    .int()
    .nullable()
    .describe("the cursor for the next page (the last hit's id), null on the last page"),
});
export const Batch = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  name: z.string(),
  kind: z.enum(BATCH_KINDS),
  spec: z.record(z.string(), z.unknown()),
  assignee: z.string().nullable(),
  status: z.enum(BATCH_STATUSES),
  createdAt: z.string(),
  createdBy: z.string(),
  messages: z.number().int(),
  reviewed: z.number().int(),
  left: z.number().int().describe('messages in the batch no one has reviewed yet'),
  coverage: z.number(),
});
export const BatchResponse = z.object({ batch: Batch });
/** Issue 14.3: a stored re-rank of a case from its reviewers' codes. */
export const RerankResponse = z.object({
  run: z.object({
    id: z.number().int(),
    caseId: z.number().int(),
    analysisRunId: z.number().int().nullable(),
    version: z.string(),
    params: z.record(z.string(), z.number()),
    learnedFrom: z.array(z.object({ messageId: z.string(), offensive: z.boolean() })),
    positives: z.number().int(),
    negatives: z.number().int(),
    inputSha256: z.string(),
    rankingSha256: z.string(),
    createdAt: z.string(),
    createdBy: z.string(),
  }),
  ranked: z.number().int(),
  top: z.array(z.object({ messageId: z.number().int(), score: z.number() })),
});
export const BatchesResponse = z.object({ batches: z.array(Batch) });
export const BatchAssignBody = z.object({ assignee: z.string().min(1).max(64).nullable() });
export const QueueResponse = z.object({
  batches: z.array(Batch.extend({ caseName: z.string() })),
});
export const ReviewersResponse = z.object({
  reviewers: z.array(
    z.object({ username: z.string(), messages: z.number().int(), first: z.string(), last: z.string() }),
  ),
});
export const MembersResponse = z.object({
  members: z.array(z.object({ username: z.string(), role: z.enum(ROLES) })),
});
// The conduct picture and membership timelines are in ./conduct-schemas.ts.

// The second-review (QC) shapes are in ./qc-schemas.ts.

// The shapes as TypeScript types, for the server's presenters and the web app (web/src/api).
export type CodeBodyT = z.infer<typeof CodeBody>;
export type MessageT = z.infer<typeof Message>;
export type CodeT = z.infer<typeof Code>;
export type FlagT = z.infer<typeof Flag>;
export type UserT = z.infer<typeof User>;
export type SessionResponseT = z.infer<typeof SessionResponse>;
export type CasesResponseT = z.infer<typeof CasesResponse>;
export type CaseResponseT = z.infer<typeof CaseResponse>;
export type MessagesResponseT = z.infer<typeof MessagesResponse>;
export type SearchResponseT = z.infer<typeof SearchResponse>;
export type ConflictResponseT = z.infer<typeof ConflictResponse>;
export type HistoryResponseT = z.infer<typeof HistoryResponse>;
export type BatchT = z.infer<typeof Batch>;
export type RerankResponseT = z.infer<typeof RerankResponse>;
export type BatchMessagesResponseT = z.infer<typeof BatchMessagesResponse>;
export type QueueResponseT = z.infer<typeof QueueResponse>;
export type MembersResponseT = z.infer<typeof MembersResponse>;
export type ReviewersResponseT = z.infer<typeof ReviewersResponse>;
