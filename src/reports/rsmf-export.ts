/**
 * Export to RSMF 2.0 (.rsmf): a conversation, a date range, or the flag hits with context, with
 * reactions, edits, deletions, quoted replies (as `parent`), joins and leaves, and the stored
 * attachment files. What RSMF has no field for is kept in `custom` as `scrutineer.*` (see
 * src/ingest/rsmf/manifest.ts), so the export imports back without loss.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DateTime } from 'luxon';
import { UsageError, UserError } from '../domain/errors.js';
import { EvidenceStore } from '../evidence/evidence-store.js';
import { buildRsmfEml, buildRsmfZip } from '../ingest/rsmf/eml.js';
import {
  manifestSchema,
  describeIssues,
  RSMF_VERSION,
  type RsmfConversation,
  type RsmfEvent,
  type RsmfManifest,
  type RsmfParticipant,
} from '../ingest/rsmf/manifest.js';
import type { Store } from '../store/open-store.js';
import type { MediaTextRecord } from '../store/repositories/media-texts.js';
import type { CaseRecord, MembershipEventRecord, MessageExtras, MessageRecord } from '../store/types.js';
import { VERSION } from '../version.js';
import {
  digest,
  exhibitInputs,
  inputsAsAt,
  provenanceRows,
  reportConduct,
  runProvenance,
  softwareVersion,
  type Provenance,
} from './provenance.js';

export interface RsmfExportOptions {
  /** Conversation id or exact name. */
  readonly conversation?: string;
  /** ISO UTC bounds: from inclusive, to exclusive. */
  readonly from?: string;
  readonly to?: string;
  /** Only messages marked offensive (codes where coded, else flags), with context. */
  readonly hits?: boolean;
  readonly context?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface RsmfExportResult {
  readonly bytes: Buffer;
  readonly manifest: RsmfManifest;
  readonly events: number;
  readonly conversations: number;
  readonly selection: string;
  readonly provenance: Provenance;
}

const SYSTEM_TYPE: Record<string, RsmfEvent['type']> = {
  created: 'join',
  added: 'join',
  joined_by_link: 'join',
  left: 'leave',
  removed: 'leave',
  encryption_notice: 'disclaimer',
};

/** ISO 8601 in the message's zone with its offset, e.g. 2021-04-28T10:15:00.000+01:00. */
export function withOffset(utc: string, zone: string): string {
  const d = DateTime.fromISO(utc, { zone: 'utc' }).setZone(zone);
  return (d.isValid ? d : DateTime.fromISO(utc, { zone: 'utc' })).toISO({
    includeOffset: true,
    suppressMilliseconds: false,
  })!;
}

/** The `scrutineer.imageText` custom field: the newest OCR reading of the event's attachment. */
function imageTextCustom(t: MediaTextRecord | undefined): { name: string; value: string }[] {
  if (!t || t.error !== null) return [];
  return [
    {
      name: 'scrutineer.imageText',
      value: JSON.stringify({
        text: t.text,
        sha256: t.sha256,
        engine: t.engine,
        engineVersion: t.engineVersion,
        language: t.language,
        pass: t.pass,
        confidence: t.confidence,
        readAt: t.createdAt,
      }),
    },
  ];
}

export async function exportRsmf(
  store: Store,
  workspace: string,
  theCase: CaseRecord,
  o: RsmfExportOptions,
): Promise<RsmfExportResult> {
  const conversations = await store.conversations.list(theCase.id);
  let chosen = conversations;
  if (o.conversation !== undefined) {
    const named = conversations.filter((x) => x.name === o.conversation);
    if (!conversations.some((x) => String(x.id) === o.conversation) && named.length > 1)
      throw new UsageError(
        `${named.length} conversations are named "${o.conversation}" (ids ${named.map((x) => x.id).join(', ')}): give --conversation by id`,
      );
    const c = conversations.find((x) => String(x.id) === o.conversation) ?? named[0];
    if (!c)
      throw new UserError(
        `no conversation "${o.conversation}" in this case (ids and names in \`scrutineer stats\`)`,
      );
    chosen = [c];
  }
  const context = o.context ?? 3;
  if (!(Number.isInteger(context) && context >= 0 && context <= 50))
    throw new UsageError(`--context must be a whole number between 0 and 50 (got ${String(o.context)})`);
  if (o.from && o.to && Date.parse(o.from) >= Date.parse(o.to))
    throw new UsageError(`--from ${o.from} is not before --to ${o.to}`);
  const convIds = new Set(chosen.map((c) => c.id));
  const selectionParts = [
    o.conversation !== undefined ? `conversation ${chosen[0]!.id} "${chosen[0]!.name}"` : 'all conversations',
    ...(o.from ? [`from ${o.from}`] : []),
    ...(o.to ? [`to ${o.to}`] : []),
    ...(o.hits ? [`flag hits with ${context} message(s) of context`] : []),
  ];

  // Messages in range, per conversation, in time order.
  const byConv = new Map<number, MessageRecord[]>();
  for await (const m of store.messages.iterate(theCase.id, {
    ...(o.from ? { from: o.from } : {}),
    ...(o.to ? { to: o.to } : {}),
  })) {
    if (!convIds.has(m.conversationId)) continue;
    const list = byConv.get(m.conversationId) ?? [];
    list.push(m);
    byConv.set(m.conversationId, list);
  }
  const conduct = await reportConduct(store, theCase.id);
  if (o.hits) {
    const hits = new Set(conduct.input.offensive.map((x) => x.messageId));
    for (const [conv, list] of byConv) {
      const keep = new Set<number>();
      list.forEach((m, i) => {
        if (!hits.has(m.id)) return;
        for (let j = Math.max(0, i - context); j <= Math.min(list.length - 1, i + context); j++) keep.add(j);
      });
      byConv.set(
        conv,
        list.filter((_, i) => keep.has(i)),
      );
    }
  }

  const membership = new Map<number, MembershipEventRecord>();
  for (const e of await store.membershipEvents.list(theCase.id)) membership.set(e.messageId, e);
  const exhibits = await store.exhibits.list(theCase.id);
  const exhibitRef = new Map(exhibits.map((e) => [e.id, e.ref]));
  const files = new Map<number, { path: string; storedPath: string | null; size: number }>();
  for (const e of exhibits)
    for (const f of await store.exhibits.listFiles(e.id))
      files.set(f.id, { path: f.pathInArchive, storedPath: f.storedPath, size: f.size });
  const evidence = new EvidenceStore(workspace);
  // Text read from images (issue 17): RSMF 2.0 has no field for derived text of an attachment, so
  // it goes in the event's custom fields, which keeps the export valid against the schema.
  const imageTexts = await store.mediaTexts.latestOfMessages(
    [...byConv.values()].flatMap((l) => l.filter((m) => m.mediaFileId !== null).map((m) => m.id)),
  );

  const participants: RsmfParticipant[] = [];
  const rsmfConversations: RsmfConversation[] = [];
  const events: RsmfEvent[] = [];
  const attachments = new Map<string, Uint8Array>();
  const total = [...byConv.values()].reduce((s, l) => s + l.length, 0);
  let done = 0;

  for (const conv of chosen) {
    const list = byConv.get(conv.id) ?? [];
    if (list.length === 0 && (o.hits || o.from || o.to)) continue;
    const parts = await store.participants.list(conv.id);
    const pid = new Map<number, string>();
    const byName = new Map<string, string>();
    const ids: string[] = [];
    let custodian: string | undefined;
    for (const p of parts) {
      const id = `P${p.id}`;
      pid.set(p.id, id);
      byName.set(p.displayName, id);
      ids.push(id);
      if (p.isOwner) custodian = id;
      const account = p.jid ?? p.phone ?? undefined;
      const custom = [
        ...(p.phone ? [{ name: 'scrutineer.phone', value: p.phone }] : []),
        ...(p.pushName ? [{ name: 'scrutineer.pushName', value: p.pushName }] : []),
        ...(p.contactName ? [{ name: 'scrutineer.contactName', value: p.contactName }] : []),
        ...(p.isOwner ? [{ name: 'scrutineer.isOwner', value: 'true' }] : []),
      ];
      participants.push({
        id,
        display: p.displayName,
        ...(account ? { account_id: account } : {}),
        ...(custom.length ? { custom } : {}),
      });
    }
    const nameRef = (name: string): string => {
      let id = byName.get(name);
      if (!id) {
        id = `C${conv.id}:${name}`;
        byName.set(name, id);
        ids.push(id);
        participants.push({ id, display: name, custom: [{ name: 'scrutineer.implicit', value: 'true' }] });
      }
      return id;
    };
    const eventId = (m: MessageRecord): string => `E${m.id}`;
    const byKey = new Map<string, MessageRecord>();
    for (const m of list) if (m.keyId) byKey.set(m.keyId, m);

    for (const m of list) {
      const extras =
        m.extrasJson === null ? ({} as MessageExtras) : (JSON.parse(m.extrasJson) as MessageExtras);
      const sys = membership.get(m.id);
      const type: RsmfEvent['type'] =
        m.kind === 'system' ? (sys ? (SYSTEM_TYPE[sys.type] ?? 'unknown') : 'unknown') : 'message';
      // A join or leave names who joined or left: the one target, else the actor ("X left").
      const member =
        sys && (type === 'join' || type === 'leave')
          ? sys.targets.length === 1
            ? sys.targets[0]!
            : sys.targets.length === 0
              ? sys.actor
              : null
          : null;
      const participant =
        m.participantId !== null && pid.has(m.participantId)
          ? pid.get(m.participantId)!
          : m.sender !== null
            ? nameRef(m.sender)
            : member !== null
              ? /^you$/iu.test(member)
                ? custodian
                : nameRef(member)
              : undefined;
      const custom: { name: string; value: string }[] = [
        { name: 'scrutineer.messageId', value: String(m.id) },
        { name: 'scrutineer.kind', value: m.kind },
        { name: 'scrutineer.localTime', value: m.localText },
        { name: 'scrutineer.zone', value: m.zone },
        { name: 'scrutineer.utc', value: m.utc },
        { name: 'scrutineer.timeResolution', value: m.timeResolution },
        {
          name: 'scrutineer.source',
          value: JSON.stringify({
            exhibit: exhibitRef.get(m.exhibitId) ?? null,
            seq: m.seq,
            lineStart: m.lineStart,
            lineEnd: m.lineEnd,
            table: m.sourceTable,
            rowId: m.sourceRowId,
            modelId: m.sourceModelId,
          }),
        },
        ...(m.sender !== null ? [{ name: 'scrutineer.sender', value: m.sender }] : []),
        ...(m.keyId ? [{ name: 'scrutineer.keyId', value: m.keyId }] : []),
        ...(m.edited ? [{ name: 'scrutineer.edited', value: 'true' }] : []),
        ...(extras.editedAt ? [{ name: 'scrutineer.editedAt', value: extras.editedAt }] : []),
        ...(extras.deletedBy ? [{ name: 'scrutineer.deletedBy', value: extras.deletedBy }] : []),
        ...(extras.replyTo ? [{ name: 'scrutineer.replyTo', value: JSON.stringify(extras.replyTo) }] : []),
        ...(extras.reactions?.length
          ? [{ name: 'scrutineer.reactions', value: JSON.stringify(extras.reactions) }]
          : []),
        ...(extras.senderIdentity
          ? [{ name: 'scrutineer.senderIdentity', value: JSON.stringify(extras.senderIdentity) }]
          : []),
        ...(extras.raw ? [{ name: 'scrutineer.raw', value: JSON.stringify(extras.raw) }] : []),
        ...(sys
          ? [
              {
                name: 'scrutineer.system',
                value: JSON.stringify({
                  type: sys.type,
                  actor: sys.actor,
                  targets: sys.targets,
                  value: sys.value,
                  previousValue: sys.previousValue,
                }),
              },
            ]
          : []),
        ...(m.mediaOmitted !== null
          ? [
              {
                name: 'scrutineer.media',
                value: JSON.stringify({
                  fileName: m.mediaFileName,
                  omitted: m.mediaOmitted,
                  caption: m.mediaCaption,
                }),
              },
            ]
          : []),
        ...imageTextCustom(imageTexts.get(m.id)),
        ...(m.pollJson ? [{ name: 'scrutineer.poll', value: m.pollJson }] : []),
        ...(m.locationLive !== null
          ? [
              {
                name: 'scrutineer.location',
                value: JSON.stringify({ url: m.locationUrl, live: m.locationLive }),
              },
            ]
          : []),
      ];
      // Reactions grouped by emoji, reactors as participants.
      const reactions = new Map<string, string[]>();
      for (const r of extras.reactions ?? []) {
        const who = r.sender === 'You' && custodian ? custodian : nameRef(r.sender);
        reactions.set(r.emoji, [...(reactions.get(r.emoji) ?? []), who]);
      }
      const parentMsg = extras.replyTo?.keyId ? byKey.get(extras.replyTo.keyId) : undefined;
      const attachment: RsmfEvent['attachments'] = [];
      if (m.mediaFileId !== null) {
        const f = files.get(m.mediaFileId);
        if (f?.storedPath) {
          const id = `A${m.mediaFileId}-${basename(f.path)}`;
          if (!attachments.has(id)) attachments.set(id, readFileSync(evidence.absolutePath(f.storedPath)));
          attachment.push({ id, display: m.mediaFileName ?? basename(f.path), size: f.size });
        }
      }
      const owner =
        extras.senderIdentity?.isOwner ?? (participant !== undefined && participant === custodian);
      events.push({
        id: eventId(m),
        ...(parentMsg ? { parent: eventId(parentMsg) } : {}),
        type,
        ...(participant ? { participant } : {}),
        conversation: `C${conv.id}`,
        timestamp: withOffset(m.utc, m.zone),
        body: m.text,
        ...(m.kind === 'deleted' ? { deleted: true } : {}),
        ...(type === 'message' && custodian
          ? { direction: owner ? ('outgoing' as const) : ('incoming' as const) }
          : {}),
        ...(reactions.size
          ? {
              reactions: [...reactions.entries()].map(([value, who]) => ({
                value,
                count: who.length,
                participants: [...new Set(who)],
              })),
            }
          : {}),
        ...(m.edited && participant
          ? { edits: [{ participant, timestamp: withOffset(extras.editedAt ?? m.utc, m.zone), new: m.text }] }
          : {}),
        ...(attachment.length ? { attachments: attachment } : {}),
        custom,
      });
      done++;
      if (done % 500 === 0) o.onProgress?.(done, total);
    }
    rsmfConversations.push({
      id: `C${conv.id}`,
      platform: 'whatsapp',
      type: conv.isGroup === false ? 'direct' : 'channel',
      display: conv.name,
      participants: ids,
      ...(custodian ? { custodian } : {}),
      custom: [
        { name: 'scrutineer.conversationId', value: String(conv.id) },
        ...(conv.exhibitId !== null
          ? [{ name: 'scrutineer.exhibit', value: exhibitRef.get(conv.exhibitId) ?? '' }]
          : []),
        ...(conv.groupJid ? [{ name: 'scrutineer.groupJid', value: conv.groupJid }] : []),
      ],
    });
  }
  o.onProgress?.(total, total);

  const manifest: RsmfManifest = {
    version: RSMF_VERSION,
    participants,
    conversations: rsmfConversations,
    events,
  };
  const checked = manifestSchema.safeParse(manifest);
  if (!checked.success) throw new Error(`RSMF export would not validate: ${describeIssues(checked.error)}`);

  const asAt = await inputsAsAt(store, theCase);
  const provenance: Provenance = {
    software: softwareVersion(),
    analysisRun: runProvenance(conduct.run, theCase.id, conduct.termListVersion),
    inputsAsAt: asAt,
    inputs: [
      ...exhibitInputs(
        exhibits.filter((e) => chosen.some((c) => c.exhibitId === e.id) || o.conversation === undefined),
      ),
      { name: 'Events', sha256: digest(events.map((e) => e.id)), detail: `${events.length} event ids` },
    ],
  };
  const sorted = events.map((e) => e.timestamp).sort((a, b) => Date.parse(a) - Date.parse(b));
  const json = JSON.stringify(manifest, null, 1);
  const date = new Date(asAt);
  const zip = buildRsmfZip(json, attachments, date);
  const bytes = buildRsmfEml(
    {
      subject: `${theCase.name}: ${selectionParts.join(', ')}`,
      generator: `Scrutineer ${VERSION}`,
      begin: sorted[0] ?? null,
      end: sorted[sorted.length - 1] ?? null,
      eventCount: events.length,
      date,
      messageId: digest({ manifest: json, provenance }).slice(0, 32),
      summary: [
        `RSMF ${RSMF_VERSION} export of case "${theCase.name}" by Scrutineer ${VERSION}.`,
        `Selection: ${selectionParts.join(', ')}.`,
        `${events.length} events in ${rsmfConversations.length} conversation(s); ${attachments.size} attachment file(s).`,
        `Analysis run (flagger and term-list versions): ${provenanceRows(provenance)[1]![1]}.`,
        `Inputs as at ${asAt}. Exhibits: ${provenance.inputs.map((i) => `${i.name} SHA-256 ${i.sha256}`).join('; ')}.`,
        '',
      ].join('\r\n'),
    },
    zip,
  );
  return {
    bytes,
    manifest,
    events: events.length,
    conversations: rsmfConversations.length,
    selection: selectionParts.join(', '),
    provenance,
  };
}
