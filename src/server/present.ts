/** Store records to the API's JSON shapes (docs/api.md). */
import { blindPending } from '../review/qc.js';
import type { Store } from '../store/open-store.js';
import type { CodeRecord } from '../store/repositories/codes.js';
import type {
  AnnotatedMessageRow,
  FlagSummary,
  MessageAnnotations,
  ReviewMessageRow,
} from '../store/repositories/reviews.js';
import type { UserRecord } from '../store/repositories/users.js';
import type { Poll } from '../domain/message.js';
import type { MembershipEventRecord, MessageExtras } from '../store/types.js';
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
  rows: readonly ReviewMessageRow[],
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

export function presentMessage(
  m: ReviewMessageRow,
  flag: FlagSummary | undefined,
  code: CodeRecord | undefined,
  reviewed: boolean,
  blind = false,
  system?: MembershipEventRecord,
): MessageT {
  const extras: MessageExtras = m.extrasJson === null ? {} : (JSON.parse(m.extrasJson) as MessageExtras);
  return {
    id: m.id,
    seq: m.seq,
    conversationId: m.conversationId,
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
            stored: m.mediaStored,
          },
    exhibit: m.exhibitRef,
    lineStart: m.lineStart,
    lineEnd: m.lineEnd,
    keyId: m.keyId,
    replyTo: extras.replyTo ?? null,
    reactions: (extras.reactions ?? []).map((r) => ({ ...r })),
    deleted: Boolean(extras.deletedBy),
    deletedBy: extras.deletedBy ?? null,
    editedAt: extras.editedAt ?? null,
    fromOwner: extras.senderIdentity?.isOwner ?? false,
    poll: presentPoll(m.pollJson),
    location: m.locationLive === null ? null : { url: m.locationUrl, live: m.locationLive },
    system: presentSystem(system),
    flag: flag ? presentFlag(flag) : null,
    code: code && !blind ? presentCode(code) : null,
    reviewed,
    blind,
  };
}

/** A message with its annotations as `viewer` may see it (see `presentMessages`). */
function presentAnnotated(
  m: ReviewMessageRow,
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

/** A thread window read with its annotations (ReviewsRepository.annotatedWindow). */
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
 * One query for all of them (ReviewsRepository.annotations).
 */
export async function presentMessages(
  store: Store,
  caseId: number,
  rows: readonly ReviewMessageRow[],
  viewer: UserRecord,
): Promise<MessageT[]> {
  if (rows.length === 0) return [];
  const annotations = await store.reviews.annotations(
    caseId,
    rows.map((r) => r.id),
  );
  const systems = await systemEventsOf(store, rows);
  return rows.map((r) => presentAnnotated(r, annotations.get(r.id), viewer, systems));
}
