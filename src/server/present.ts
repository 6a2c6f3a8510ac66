/** Store records to the API's JSON shapes (docs/api.md). */
import { blindedAmong } from '../review/qc.js';
import type { Store } from '../store/open-store.js';
import type { CodeRecord } from '../store/repositories/codes.js';
import type { FlagSummary, ReviewMessageRow } from '../store/repositories/reviews.js';
import type { UserRecord } from '../store/repositories/users.js';
import type { MessageExtras } from '../store/types.js';
import type { CodeT, MessageT } from './schemas.js';

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

export function presentMessage(
  m: ReviewMessageRow,
  flag: FlagSummary | undefined,
  code: CodeRecord | undefined,
  reviewed: boolean,
  blind = false,
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
    flag: flag ? presentFlag(flag) : null,
    code: code && !blind ? presentCode(code) : null,
    reviewed,
    blind,
  };
}

/**
 * Messages with their flag (latest finished analysis run), code and reviewed mark, as `viewer` may
 * see them: a code awaiting a blind second review the viewer may give is withheld (`blind: true`).
 */
export async function presentMessages(
  store: Store,
  caseId: number,
  rows: readonly ReviewMessageRow[],
  viewer: UserRecord,
): Promise<MessageT[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const run = await store.flags.run(caseId);
  const [flags, codes, reviewed, blind] = await Promise.all([
    run ? store.reviews.flagsFor(run.id, ids) : Promise.resolve(new Map<number, FlagSummary>()),
    store.codes.getMany(ids),
    store.reviews.reviewedAmong(ids),
    blindedAmong(store, viewer, ids),
  ]);
  return rows.map((r) =>
    presentMessage(r, flags.get(r.id), codes.get(r.id), reviewed.has(r.id), blind.has(r.id)),
  );
}
