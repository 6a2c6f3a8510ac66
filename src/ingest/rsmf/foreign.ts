/**
 * RSMF written by other tools: read what the official RSMF 2.0.0 JSON schema accepts
 * (`../shared/data/rsmf/rsmf_schema_2_0_0.json`), which is more than our own export writes
 * (manifest.ts, kept strict). The schema requires only `version`, `participants`,
 * `conversations` and `events` at the top, `id` on participants, `id`, `platform` and
 * `participants` on conversations, and `type` on events; it allows other properties anywhere and
 * does not check references. Relativity's own generator writes timestamps without an offset
 * (`2013-01-10T15:53:00`), as the schema's examples do.
 *
 * `normaliseForeign` turns such a manifest into the shape the importer reads (RsmfManifest), and
 * says what it had to decide: zone-less timestamps read in a zone, events with no conversation put
 * in one of their own, events with no timestamp counted and not imported.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { ImportNotice, RowAccount } from '../../domain/import-report.js';
import { EVENT_TYPES, type RsmfEvent, type RsmfManifest } from './manifest.js';

const custom = z.array(z.object({ name: z.string(), value: z.string() }).passthrough()).optional();

const foreignSchema = z
  .object({
    version: z.string().regex(/^2\.\d+\.\d+$/u, 'must be an RSMF 2.x version such as 2.0.0'),
    participants: z.array(
      z
        .object({
          id: z.string().min(1),
          display: z.string().optional(),
          email: z.string().optional(),
          account_id: z.string().optional(),
          avatar: z.string().optional(),
          custom,
        })
        .passthrough(),
    ),
    conversations: z.array(
      z
        .object({
          id: z.string().min(1),
          platform: z.string().optional(),
          type: z.enum(['direct', 'channel']).optional(),
          display: z.string().optional(),
          participants: z.array(z.string()).default([]),
          custodian: z.string().optional(),
          icon: z.string().optional(),
          custom,
        })
        .passthrough(),
    ),
    events: z.array(
      z
        .object({
          id: z.string().optional(),
          parent: z.string().optional(),
          type: z.enum(EVENT_TYPES),
          participant: z.string().optional(),
          conversation: z.string().optional(),
          timestamp: z.string().optional(),
          body: z.string().optional(),
          deleted: z.boolean().optional(),
          direction: z.enum(['incoming', 'outgoing']).optional(),
          importance: z.enum(['normal', 'high']).optional(),
          reactions: z
            .array(
              z
                .object({
                  value: z.string().min(1),
                  count: z.number().int().optional(),
                  participants: z.array(z.string()).optional(),
                })
                .passthrough(),
            )
            .optional(),
          edits: z
            .array(
              z
                .object({
                  participant: z.string().min(1),
                  timestamp: z.string().optional(),
                  previous: z.string().optional(),
                  new: z.string().optional(),
                })
                .passthrough(),
            )
            .optional(),
          attachments: z
            .array(
              z
                .object({
                  id: z.string().min(1),
                  display: z.string().optional(),
                  size: z.number().int().optional(),
                })
                .passthrough(),
            )
            .optional(),
          custom,
        })
        .passthrough(),
    ),
  })
  .passthrough();

export type ForeignManifest = z.infer<typeof foreignSchema>;

export function parseForeign(json: unknown): z.SafeParseReturnType<unknown, ForeignManifest> {
  return foreignSchema.safeParse(json);
}

const HAS_OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/iu;

/** The UTC instant of an RSMF timestamp: its own offset where it has one, else read in `zone`. */
export function rsmfInstant(timestamp: string, zone: string): { ms: number; zoneless: boolean } | null {
  const text = timestamp.trim();
  const zoneless = !HAS_OFFSET.test(text);
  const dt = DateTime.fromISO(text, zoneless ? { zone } : { setZone: true });
  return dt.isValid ? { ms: dt.toMillis(), zoneless } : null;
}

export interface Normalised {
  readonly manifest: RsmfManifest;
  readonly notices: ImportNotice[];
  readonly account: RowAccount;
}

const NO_CONVERSATION = '(no conversation)';

/** What the importer reads, from any manifest the schema accepts; see the file comment. */
export function normaliseForeign(m: ForeignManifest, zone: string, zoneDeclared: boolean): Normalised {
  const notices: ImportNotice[] = [];
  const conversations = m.conversations.map((c) => ({
    ...c,
    type: c.type ?? (c.participants.length > 2 ? ('channel' as const) : ('direct' as const)),
  }));
  const known = new Set(conversations.map((c) => c.id));
  const eventIds = new Set(m.events.map((e) => e.id).filter((id) => id !== undefined));
  const people = new Set(m.participants.map((p) => p.id));
  let orphanParents = 0;
  let strangers = 0;
  const events: RsmfEvent[] = [];
  const undated: string[] = [];
  let zoneless = 0;
  let homeless = 0;
  m.events.forEach((e, i) => {
    const instant = e.timestamp === undefined ? null : rsmfInstant(e.timestamp, zone);
    if (instant === null) {
      undated.push(e.id ?? `#${i}`);
      return;
    }
    if (instant.zoneless) zoneless++;
    if (e.parent !== undefined && !eventIds.has(e.parent)) orphanParents++;
    if (e.participant !== undefined && !people.has(e.participant)) strangers++;
    let conversation = e.conversation;
    if (conversation === undefined || !known.has(conversation)) {
      homeless++;
      conversation ??= NO_CONVERSATION;
      if (!known.has(conversation)) {
        known.add(conversation);
        conversations.push({ id: conversation, type: 'channel', participants: [] });
      }
    }
    events.push({
      ...e,
      conversation,
      timestamp: e.timestamp as string,
      reactions: e.reactions?.map((r) => ({ ...r, count: r.count ?? r.participants?.length ?? 1 })),
      edits: e.edits?.map((x) => ({ ...x, timestamp: x.timestamp ?? (e.timestamp as string) })),
      attachments: e.attachments?.map((a) => ({ ...a, display: a.display ?? a.id, size: a.size ?? 0 })),
    } as RsmfEvent);
  });
  if (zoneless > 0) {
    notices.push({
      code: 'time_ambiguous',
      message: `${zoneless} event timestamp(s) carry no UTC offset (as RSMF 2.0 allows) and were read as ${zone}${zoneDeclared ? ' (--timezone)' : ", RSMF's reading of a time without an offset; give --timezone where the tool that wrote the file meant another zone"}`,
      line: null,
    });
  }
  if (homeless > 0) {
    notices.push({
      code: 'not_read',
      message: `${homeless} event(s) name no conversation the manifest lists: put in a conversation of their own ("${NO_CONVERSATION}" or the id they name)`,
      line: null,
    });
  }
  if (orphanParents > 0) {
    notices.push({
      code: 'not_read',
      message: `${orphanParents} event(s) reply to parent event(s) not in the manifest: the reply keeps the parent's id`,
      line: null,
    });
  }
  if (strangers > 0) {
    notices.push({
      code: 'not_read',
      message: `${strangers} event(s) name a participant the manifest does not list: shown by that id`,
      line: null,
    });
  }
  const account: RowAccount = {
    table: 'events',
    rows: m.events.length,
    imported: events.length,
    notImported: undated.length
      ? [{ reason: 'no_timestamp', rows: undated.length, examples: undated.slice(0, 10) }]
      : [],
  };
  return {
    manifest: { version: m.version, participants: m.participants, conversations, events } as RsmfManifest,
    notices,
    account,
  };
}
