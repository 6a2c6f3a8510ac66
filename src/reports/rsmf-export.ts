/**
 * Export to RSMF 2.0 (.rsmf): a conversation, a date range, or the flag hits with context, with
 * reactions, edits, deletions, quoted replies (as `parent`), joins and leaves, and the stored
 * attachment files. What RSMF has no field for is kept in `custom` as `scrutineer.*` (see
 * src/ingest/rsmf/manifest.ts), so the export imports back without loss. This file chooses the
 * messages and writes the file; rsmf-events.ts makes the events.
 */
import { UsageError, UserError } from '../domain/errors.js';
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
import type { CaseRecord, ConversationRecord, MessageRecord } from '../store/types.js';
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
import { conversationPeople, exportSources, messageEvent, rsmfConversation } from './rsmf-events.js';

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

export async function exportRsmf(
  store: Store,
  workspace: string,
  theCase: CaseRecord,
  o: RsmfExportOptions,
): Promise<RsmfExportResult> {
  const chosen = chooseConversations(await store.conversations.list(theCase.id), o.conversation);
  const context = o.context ?? 3;
  if (!(Number.isInteger(context) && context >= 0 && context <= 50))
    throw new UsageError(`--context must be a whole number between 0 and 50 (got ${String(o.context)})`);
  if (o.from && o.to && Date.parse(o.from) >= Date.parse(o.to))
    throw new UsageError(`--from ${o.from} is not before --to ${o.to}`);
  const selectionParts = [
    o.conversation !== undefined ? `conversation ${chosen[0]!.id} "${chosen[0]!.name}"` : 'all conversations',
    ...(o.from ? [`from ${o.from}`] : []),
    ...(o.to ? [`to ${o.to}`] : []),
    ...(o.hits ? [`flag hits with ${context} message(s) of context`] : []),
  ];

  const byConv = await messagesInRange(store, theCase.id, new Set(chosen.map((c) => c.id)), o);
  const conduct = await reportConduct(store, theCase.id);
  if (o.hits) keepHits(byConv, new Set(conduct.input.offensive.map((x) => x.messageId)), context);
  const exhibits = await store.exhibits.list(theCase.id);
  const sources = await exportSources(store, workspace, theCase.id, exhibits, byConv);

  const out: ExportOut = { participants: [], conversations: [], events: [], attachments: new Map() };
  const total = [...byConv.values()].reduce((s, l) => s + l.length, 0);
  let done = 0;
  for (const conv of chosen) {
    const list = byConv.get(conv.id) ?? [];
    if (list.length === 0 && (o.hits || o.from || o.to)) continue;
    const people = conversationPeople(conv.id, await store.participants.list(conv.id), out.participants);
    const byKey = new Map<string, MessageRecord>();
    for (const m of list) if (m.keyId) byKey.set(m.keyId, m);
    for (const m of list) {
      out.events.push(messageEvent(m, conv.id, people, byKey, sources, out.attachments));
      done++;
      if (done % 500 === 0) o.onProgress?.(done, total);
    }
    out.conversations.push(rsmfConversation(conv, people, sources.exhibitRef));
  }
  o.onProgress?.(total, total);

  const manifest: RsmfManifest = {
    version: RSMF_VERSION,
    participants: out.participants,
    conversations: out.conversations,
    events: out.events,
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
      {
        name: 'Events',
        sha256: digest(out.events.map((e) => e.id)),
        detail: `${out.events.length} event ids`,
      },
    ],
  };
  const selection = selectionParts.join(', ');
  const bytes = rsmfFile({ theCase, manifest, attachments: out.attachments, selection, provenance });
  return {
    bytes,
    manifest,
    events: out.events.length,
    conversations: out.conversations.length,
    selection,
    provenance,
  };
}

/** Every conversation, or the one `wanted` names by id or by a name no other conversation has. */
function chooseConversations(
  conversations: readonly ConversationRecord[],
  wanted: string | undefined,
): readonly ConversationRecord[] {
  if (wanted === undefined) return conversations;
  const named = conversations.filter((x) => x.name === wanted);
  if (!conversations.some((x) => String(x.id) === wanted) && named.length > 1)
    throw new UsageError(
      `${named.length} conversations are named "${wanted}" (ids ${named.map((x) => x.id).join(', ')}): give --conversation by id`,
    );
  const c = conversations.find((x) => String(x.id) === wanted) ?? named[0];
  if (!c)
    throw new UserError(`no conversation "${wanted}" in this case (ids and names in \`scrutineer stats\`)`);
  return [c];
}

/** Messages in range, per chosen conversation, in time order. */
async function messagesInRange(
  store: Store,
  caseId: number,
  convIds: ReadonlySet<number>,
  o: RsmfExportOptions,
): Promise<Map<number, MessageRecord[]>> {
  const byConv = new Map<number, MessageRecord[]>();
  for await (const m of store.messages.iterate(caseId, {
    ...(o.from ? { from: o.from } : {}),
    ...(o.to ? { to: o.to } : {}),
  })) {
    if (!convIds.has(m.conversationId)) continue;
    const list = byConv.get(m.conversationId) ?? [];
    list.push(m);
    byConv.set(m.conversationId, list);
  }
  return byConv;
}

/** Keeps only the hits and `context` messages either side of each, per conversation. */
function keepHits(byConv: Map<number, MessageRecord[]>, hits: ReadonlySet<number>, context: number): void {
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

/** The manifest as it is built, conversation by conversation. */
interface ExportOut {
  readonly participants: RsmfParticipant[];
  readonly conversations: RsmfConversation[];
  readonly events: RsmfEvent[];
  readonly attachments: Map<string, Uint8Array>;
}

/** The .rsmf file: an RFC 5322 message with a summary and rsmf.zip, dated by the inputs. */
function rsmfFile(x: {
  theCase: CaseRecord;
  manifest: RsmfManifest;
  attachments: ReadonlyMap<string, Uint8Array>;
  selection: string;
  provenance: Provenance;
}): Buffer {
  const { manifest, provenance } = x;
  const { events } = manifest;
  const asAt = provenance.inputsAsAt;
  const sorted = events.map((e) => e.timestamp).sort((a, b) => Date.parse(a) - Date.parse(b));
  const json = JSON.stringify(manifest, null, 1);
  const date = new Date(asAt);
  const zip = buildRsmfZip(json, x.attachments, date);
  return buildRsmfEml(
    {
      subject: `${x.theCase.name}: ${x.selection}`,
      generator: `Scrutineer ${VERSION}`,
      begin: sorted[0] ?? null,
      end: sorted[sorted.length - 1] ?? null,
      eventCount: events.length,
      date,
      messageId: digest({ manifest: json, provenance }).slice(0, 32),
      summary: [
        `RSMF ${RSMF_VERSION} export of case "${x.theCase.name}" by Scrutineer ${VERSION}.`,
        `Selection: ${x.selection}.`,
        `${events.length} events in ${manifest.conversations.length} conversation(s); ${x.attachments.size} attachment file(s).`,
        `Analysis run (flagger and term-list versions): ${provenanceRows(provenance)[1]![1]}.`,
        `Inputs as at ${asAt}. Exhibits: ${provenance.inputs.map((i) => `${i.name} SHA-256 ${i.sha256}`).join('; ')}.`,
        '',
      ].join('\r\n'),
    },
    zip,
  );
}
