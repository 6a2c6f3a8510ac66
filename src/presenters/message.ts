/**
 * The published shapes of a message: the API's `Message` (docs/api.md), with its flag, code and
 * review marks as the viewer may see them, and the line `scrutineer messages --jsonl` writes, with
 * its full provenance. Both are built on one `messageBase`, so a field they share is computed once
 * and reads the same in the browser and in a script.
 */
import { blindPending } from '../review/qc.js';
import type { Store } from '../store/open-store.js';
import type { CodeRecord } from '../store/repositories/codes.js';
import type { MessageWithRef } from '../store/repositories/messages.js';
import type { AnnotatedMessageRow, FlagSummary, MessageAnnotations } from '../store/repositories/threads.js';
import type { UserRecord } from '../store/repositories/users.js';
import type { Poll } from '../domain/message.js';
import type { MembershipEventRecord, MessageExtras, MessageRecord } from '../store/types.js';
import type { CodeT, MessageT } from '../contract/schemas.js';

export function presentCode(c: CodeRecord): CodeT {
  return {
    messageId: c.messageId,
    decision: c.decision,
    categories: [...c.categories],
    standards: [...c.standards] as CodeT['standards'],
    potentialS127: c.potentialS127,
    note: c.note,
    version: c.version,
    by: c.by,
    at: c.at,
  };
}

function presentFlag(f: FlagSummary): NonNullable<MessageT['flag']> {
  return {
    score: f.score,
    flagged: f.flagged,
    categories: JSON.parse(f.categoriesJson) as NonNullable<MessageT['flag']>['categories'],
    spans: JSON.parse(f.spansJson) as NonNullable<MessageT['flag']>['spans'],
  };
}

/** The structured system events of the system messages among `rows` (device rows carry no text). */
export async function systemEventsOf(
  store: Store,
  rows: readonly MessageWithRef[],
): Promise<ReadonlyMap<number, MembershipEventRecord>> {
  const ids = rows.filter((r) => r.kind === 'system').map((r) => r.id);
  return ids.length ? store.membershipEvents.forMessages(ids) : new Map();
}

function presentSystem(e: MembershipEventRecord | undefined): MessageT['system'] {
  return e
    ? {
        type: e.type,
        actor: e.actor,
        targets: [...e.targets],
        value: e.value,
        previousValue: e.previousValue,
      }
    : null;
}

function presentPoll(json: string | null): MessageT['poll'] {
  if (json === null) return null;
  const p = JSON.parse(json) as Poll;
  return { question: p.question, options: p.options.map((o) => ({ text: o.text, votes: o.votes })) };
}

const extrasOf = (m: MessageRecord): MessageExtras =>
  m.extrasJson === null ? {} : (JSON.parse(m.extrasJson) as MessageExtras);

/** The name an export wrote a system line under (null for any other line): for shapes that cite a message. */
export const displayedAuthorOf = (m: MessageRecord): string | null => extrasOf(m).displayedAuthor ?? null;

/** The fields both published shapes share, read the same way for both. */
function messageBase(m: MessageRecord, exhibit: string, extras: MessageExtras) {
  return {
    id: m.id,
    sender: m.sender,
    kind: m.kind,
    text: m.text,
    localTime: m.localText,
    zone: m.zone,
    utc: m.utc,
    timeResolution: m.timeResolution,
    edited: m.edited,
    media:
      m.mediaOmitted === null
        ? null
        : {
            fileName: m.mediaFileName,
            omitted: m.mediaOmitted,
            caption: m.mediaCaption,
            stored: m.mediaFileId !== null,
          },
    location: m.locationLive === null ? null : { url: m.locationUrl, live: m.locationLive },
    exhibit,
    lineStart: m.lineStart,
    lineEnd: m.lineEnd,
    keyId: m.keyId,
    replyTo: extras.replyTo ?? null,
    reactions: (extras.reactions ?? []).map((r) => ({ ...r })),
    editedAt: extras.editedAt ?? null,
  };
}

/** The API's message: the shared fields, its place in the thread, and what review made of it. */
export function presentMessage(
  m: MessageWithRef,
  flag: FlagSummary | undefined,
  code: CodeRecord | undefined,
  reviewed: boolean,
  blind = false,
  system?: MembershipEventRecord,
): MessageT {
  const extras = extrasOf(m);
  return {
    ...messageBase(m, m.exhibitRef, extras),
    seq: m.seq,
    conversationId: m.conversationId,
    deleted: Boolean(extras.deletedBy),
    deletedBy: extras.deletedBy ?? null,
    fromOwner: extras.senderIdentity?.isOwner ?? false,
    displayedAuthor: extras.displayedAuthor ?? null,
    poll: presentPoll(m.pollJson),
    system: presentSystem(system),
    flag: flag ? presentFlag(flag) : null,
    code: code && !blind ? presentCode(code) : null,
    reviewed,
    blind,
  };
}

/** A message's place in its exhibit: lines of an export, a database table and row, or an XML model. */
export function provenance(m: MessageRecord): Record<string, unknown> {
  if (m.sourceTable !== null) return { table: m.sourceTable, rowId: m.sourceRowId };
  if (m.sourceModelId !== null) return { modelId: m.sourceModelId };
  return { lineStart: m.lineStart, lineEnd: m.lineEnd };
}

/**
 * The line `scrutineer messages --jsonl` writes (and every `--json` listing of messages): the shared
 * fields with the conversation's name and the message's full provenance. Other tools script against
 * these field names.
 */
export function presentMessageLine(
  m: MessageRecord,
  conversation: string,
  exhibit: string,
): Record<string, unknown> {
  const extras = extrasOf(m);
  return {
    ...messageBase(m, exhibit, extras),
    conversation,
    poll: m.pollJson === null ? null : (JSON.parse(m.pollJson) as unknown),
    byteStart: m.byteStart,
    byteEnd: m.byteEnd,
    source:
      m.sourceTable !== null
        ? { table: m.sourceTable, rowId: m.sourceRowId }
        : m.sourceModelId !== null
          ? { modelId: m.sourceModelId }
          : null,
    // Where this message was read, as a list like `merged` gives (one entry: this row's own source).
    sources: [{ exhibit, ...provenance(m) }],
    senderJid: m.senderJid,
    senderPhone: extras.senderIdentity?.phone ?? null,
    senderIsOwner: extras.senderIdentity?.isOwner ?? null,
    deleted: m.kind === 'deleted' ? (extras.deletedBy ?? 'sender') : null,
    raw: extras.raw ?? null,
    // The name an export wrote a system line under (the group's or contact's), never a sender.
    displayedAuthor: extras.displayedAuthor ?? null,
  };
}

/** A message with its annotations as `viewer` may see it (see `presentMessages`). */
function presentAnnotated(
  m: MessageWithRef,
  a: MessageAnnotations | undefined,
  viewer: UserRecord,
  systems: ReadonlyMap<number, MembershipEventRecord>,
): MessageT {
  return presentMessage(
    m,
    a?.flag ?? undefined,
    a?.code ?? undefined,
    a?.reviewed ?? false,
    blindPending(viewer, a?.qcPendingFirstUserId ?? null),
    systems.get(m.id),
  );
}

/** A thread window read with its annotations (ThreadsRepository.annotatedWindow). */
export async function presentWindow(
  store: Store,
  rows: readonly AnnotatedMessageRow[],
  viewer: UserRecord,
): Promise<MessageT[]> {
  const systems = await systemEventsOf(
    store,
    rows.map((r) => r.message),
  );
  return rows.map((r) => presentAnnotated(r.message, r.annotations, viewer, systems));
}

/**
 * Messages with their flag (latest finished analysis run), code and reviewed mark, as `viewer` may
 * see them: a code awaiting a blind second review the viewer may give is withheld (`blind: true`).
 * One query for all of them (ThreadsRepository.annotations).
 */
export async function presentMessages(
  store: Store,
  caseId: number,
  rows: readonly MessageWithRef[],
  viewer: UserRecord,
): Promise<MessageT[]> {
  if (rows.length === 0) return [];
  const annotations = await store.threads.annotations(
    caseId,
    rows.map((r) => r.id),
  );
  const systems = await systemEventsOf(store, rows);
  return rows.map((r) => presentAnnotated(r, annotations.get(r.id), viewer, systems));
}
