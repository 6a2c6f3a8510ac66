/**
 * RSMF 2.0 manifest (rsmf_manifest.json): its shape as a zod schema, with the published schema's
 * rules that JSON Schema alone cannot say checked in `superRefine`: ids unique, every participant,
 * conversation and parent reference resolves, timestamps are ISO 8601 with an offset.
 *
 * Scrutineer keeps what RSMF has no field for (the source's local time string, the zone, the
 * message kind, the exhibit and line, full reactions with their times, membership events) in the
 * standard `custom` arrays, named `scrutineer.*`, so an export imports back without loss while
 * staying plain RSMF for every other tool.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';

export const RSMF_VERSION = '2.0.0';
export const EVENT_TYPES = ['message', 'join', 'leave', 'disclaimer', 'history', 'unknown'] as const;
export type RsmfEventType = (typeof EVENT_TYPES)[number];

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/u;

export const isoTimestamp = z
  .string()
  .regex(ISO_WITH_OFFSET, 'must be ISO 8601 with a time zone offset (e.g. 2021-03-01T09:15:00+00:00)')
  .refine((s) => DateTime.fromISO(s, { setZone: true }).isValid, 'is not a real date and time');

const custom = z.array(z.object({ name: z.string().min(1), value: z.string() }).strict()).optional();

export const participantSchema = z
  .object({
    id: z.string().min(1),
    display: z.string().optional(),
    email: z.string().optional(),
    account_id: z.string().optional(),
    avatar: z.string().optional(),
    custom,
  })
  .strict();

export const conversationSchema = z
  .object({
    id: z.string().min(1),
    platform: z.string().optional(),
    type: z.enum(['direct', 'channel']),
    display: z.string().optional(),
    participants: z.array(z.string().min(1)),
    custodian: z.string().optional(),
    icon: z.string().optional(),
    custom,
  })
  .strict();

export const eventSchema = z
  .object({
    id: z.string().min(1).optional(),
    parent: z.string().min(1).optional(),
    type: z.enum(EVENT_TYPES),
    participant: z.string().min(1).optional(),
    conversation: z.string().min(1),
    timestamp: isoTimestamp,
    body: z.string().optional(),
    deleted: z.boolean().optional(),
    direction: z.enum(['incoming', 'outgoing']).optional(),
    importance: z.enum(['normal', 'high']).optional(),
    reactions: z
      .array(
        z
          .object({
            value: z.string().min(1),
            count: z.number().int().min(0),
            participants: z.array(z.string().min(1)).optional(),
          })
          .strict(),
      )
      .optional(),
    edits: z
      .array(
        z
          .object({
            participant: z.string().min(1),
            timestamp: isoTimestamp,
            previous: z.string().optional(),
            new: z.string().optional(),
          })
          .strict(),
      )
      .optional(),
    attachments: z
      .array(z.object({ id: z.string().min(1), display: z.string(), size: z.number().int().min(0) }).strict())
      .optional(),
    custom,
  })
  .strict();

export const manifestSchema = z
  .object({
    version: z.string().regex(/^2\.\d+\.\d+$/u, 'must be an RSMF 2.x version such as 2.0.0'),
    participants: z.array(participantSchema),
    conversations: z.array(conversationSchema),
    events: z.array(eventSchema),
  })
  .strict()
  .superRefine((m, ctx) => {
    const issue = (path: (string | number)[], message: string): void =>
      ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
    const unique = (ids: (string | undefined)[], what: string, at: string): Set<string> => {
      const seen = new Set<string>();
      ids.forEach((id, i) => {
        if (id === undefined) return;
        if (seen.has(id)) issue([at, i, 'id'], `${what} id "${id}" is used twice`);
        seen.add(id);
      });
      return seen;
    };
    const participants = unique(
      m.participants.map((p) => p.id),
      'participant',
      'participants',
    );
    const conversations = unique(
      m.conversations.map((c) => c.id),
      'conversation',
      'conversations',
    );
    const events = unique(
      m.events.map((e) => e.id),
      'event',
      'events',
    );
    const needParticipant = (id: string | undefined, path: (string | number)[]): void => {
      if (id !== undefined && !participants.has(id))
        issue(path, `participant "${id}" is not in participants`);
    };
    m.conversations.forEach((c, i) => {
      c.participants.forEach((p, j) => needParticipant(p, ['conversations', i, 'participants', j]));
      needParticipant(c.custodian, ['conversations', i, 'custodian']);
    });
    m.events.forEach((e, i) => {
      if (!conversations.has(e.conversation))
        issue(['events', i, 'conversation'], `conversation "${e.conversation}" is not in conversations`);
      needParticipant(e.participant, ['events', i, 'participant']);
      if (e.parent !== undefined && !events.has(e.parent))
        issue(['events', i, 'parent'], `parent event "${e.parent}" is not in events`);
      if (e.parent !== undefined && e.parent === e.id)
        issue(['events', i, 'parent'], 'an event cannot be its own parent');
      e.reactions?.forEach((r, j) =>
        r.participants?.forEach((p, k) =>
          needParticipant(p, ['events', i, 'reactions', j, 'participants', k]),
        ),
      );
      e.edits?.forEach((x, j) => needParticipant(x.participant, ['events', i, 'edits', j, 'participant']));
    });
  });

export type RsmfManifest = z.infer<typeof manifestSchema>;
export type RsmfEvent = z.infer<typeof eventSchema>;
export type RsmfParticipant = z.infer<typeof participantSchema>;
export type RsmfConversation = z.infer<typeof conversationSchema>;

/** The first few problems, one per line, with their JSON paths. */
export function describeIssues(error: z.ZodError, max = 5): string {
  const lines = error.issues
    .slice(0, max)
    .map((i) => `${i.path.length ? i.path.join('.') : '(manifest)'}: ${i.message}`);
  if (error.issues.length > max) lines.push(`… and ${error.issues.length - max} more`);
  return lines.join('; ');
}

export function customValue(
  items: readonly { name: string; value: string }[] | undefined,
  name: string,
): string | undefined {
  return items?.find((c) => c.name === name)?.value;
}

export function customJson<T>(
  items: readonly { name: string; value: string }[] | undefined,
  name: string,
): T | undefined {
  const v = customValue(items, name);
  if (v === undefined) return undefined;
  try {
    return JSON.parse(v) as T;
  } catch {
    return undefined;
  }
}
