/**
 * THE import sequence: every source format is taken in here, once, by the same steps. Its reader
 * (src/ingest/readers.ts) only reads; this module hashes and stores the original with the files
 * inside it (archive entries) and beside it (a -wal, a wa.db), records the exhibit and its
 * continuity, creates conversations and participants, fills in the ids the reader cannot know,
 * inserts, and writes the import report and the audit entry, all in one transaction.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

import { UserError } from '../domain/errors.js';
import type { ImportReport } from '../domain/import-report.js';
import { readerFor } from '../ingest/readers.js';
import { REPLAN } from '../ingest/source-reader.js';
import type { SourceParticipant } from '../ingest/source-reader.js';
import { mediaNamedByNoMessage } from '../media/accounting.js';
import { MediaLinker } from '../media/device-media.js';
import { CELL, MESSAGE_WIDTH } from '../store/message-cells.js';
import type { Store } from '../store/open-store.js';
import type { Repos } from '../store/repositories/index.js';
import type { ParticipantIdentity } from '../store/repositories/participants.js';
import type { ConversationRecord, ExhibitFileRecord, ExhibitRecord } from '../store/types.js';
import { builtWorkerUrl } from '../worker-url.js';
import { EvidenceStore } from './evidence-store.js';
import {
  checkOptionsFor,
  checkRequest,
  type AddExhibitOutcome,
  type AddExhibitRequest,
} from './import-request.js';
import type { ReadBatch, ReadDone, ReadHello, ReadWorkerInput } from './read-worker-protocol.js';
import { digestingStore } from './row-digest.js';
import {
  stageInput,
  storeCompanions,
  storeContained,
  storeMedia,
  type StoredExhibit,
} from './stage-files.js';
import { openWorkerChannel, type WorkerChannel } from './worker-channel.js';

type Read = WorkerChannel<ReadHello, ReadBatch, ReadDone>;

/**
 * Take an item of evidence into a case: hash it, keep the original read-only, read it and store
 * every message in one transaction. Any failure leaves the workspace as it was: the transaction is
 * rolled back and the stored copies nothing else references are removed (EvidenceStore.release).
 */
export async function addExhibit(
  store: Store,
  workspace: string,
  req: AddExhibitRequest,
): Promise<AddExhibitOutcome> {
  const { theCase, ref } = await checkRequest(store, req);
  const label = basename(req.file);
  const { format, reader } = readerFor(req.file, label);
  checkOptionsFor(req, format, reader);
  const evidence = new EvidenceStore(workspace, store.evidenceClaims);
  // Every import's exhibit.add audit entry carries the digest of the rows it wrote.
  const writer = digestingStore(store);
  const stage = mkdtempSync(join(tmpdir(), 'scrutineer-import-'));
  let read: Read | null = null;
  try {
    await evidence.begin();
    const original = await evidence.putFile(req.file, label);
    const earlier = await store.exhibits.findBySha256(theCase.id, original.sha256);
    if (earlier) {
      throw new UserError(
        `${label}: the same bytes (SHA-256 ${original.sha256}) are already in case "${theCase.name}" as exhibit ${earlier.ref} (${earlier.originalName}, added ${earlier.addedAt} by ${earlier.addedBy})`,
        { file: label, code: 'duplicate_exhibit' },
      );
    }
    const contained = await storeContained(evidence, reader, original, label, req);
    const companions = await storeCompanions(evidence, reader, req);
    const media = await storeMedia(evidence, format, original, req);
    const x: StoredExhibit = { theCase, ref, label, format, reader, original, contained, companions, media };
    await req.afterStored?.();
    const input = stageInput(stage, evidence, x, req);
    for (let decideEarly = true; ; decideEarly = false) {
      // The reader runs on a worker thread while this thread stores (worker-channel.ts).
      const opened = await openWorkerChannel<ReadWorkerInput, ReadHello, ReadBatch, ReadDone>(
        builtWorkerUrl(import.meta.url, 'read-worker.js'),
        { format, input: { ...input, decideEarly } },
        reader.workerHeapMiB,
      );
      read = opened;
      try {
        return await writer.transaction((repos) => storeExhibit(repos, x, opened, req));
      } catch (err) {
        // The end of the source contradicted what the reader decided from its start: the
        // transaction is rolled back; read it again, whole source first.
        if (!decideEarly || (err as UserError).details?.code !== REPLAN) throw err;
        await opened.stop();
        read = null;
      }
    }
  } catch (err) {
    throw asLockWait(err);
  } finally {
    await read?.stop();
    rmSync(stage, { recursive: true, force: true });
    // Committed or not, this import's claims end here; files nothing references (those of a
    // failed import that no other import uses) are removed. If the database is too busy to say,
    // the files stay: the next import's sweep removes them, never a file in use.
    await evidence.release().catch(() => undefined);
  }
}

/**
 * SQLite's write lock held past busy_timeout (10 s) by another import: a one-line error that says
 * what to do. The driver's error stays as the cause, so the job worker still sees a busy database
 * and queues the job again.
 */
export function asLockWait(err: unknown): unknown {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) {
      const wait = new UserError('another import is writing to this workspace; try again or use --queue', {
        code: 'workspace_busy',
      });
      Object.defineProperty(wait, 'cause', { value: err });
      return wait;
    }
  }
  return err;
}

/** Everything the import writes, inside its one transaction. */
async function storeExhibit(
  repos: Repos,
  x: StoredExhibit,
  read: Read,
  req: AddExhibitRequest,
): Promise<AddExhibitOutcome> {
  const { exhibit, files } = await recordExhibit(repos, x, read.hello, req);
  const conversations = await createConversations(repos, x.theCase.id, exhibit.id, read.hello);
  const fileIdByPath = new Map<string, number>();
  for (const f of files) fileIdByPath.set(f.pathInArchive, f.id);
  // A device's messages name their media by the path (or hash) the database records.
  const linker = x.media ? new MediaLinker(files, x.media.source !== null) : null;
  const { messages, linkedMedia, done } = await storeBatches(repos, read, conversations, {
    caseId: x.theCase.id,
    exhibitId: exhibit.id,
    fileIdByPath,
    linker,
    progress: req.onProgress,
  });
  if (x.reader.ownerIsYou) {
    // "You" in an export's system lines is the phone's owner: one participant (issue 13.7).
    for (const { record } of conversations) {
      const mentionsYou = (
        await repos.membershipEvents.list(x.theCase.id, { conversationId: record.id })
      ).some((e) => e.actor === 'You' || e.targets.includes('You'));
      await repos.participants.linkExportOwner(record.id, req.ownerName ?? null, mentionsYou);
    }
  }
  const linked = linker?.result() ?? null;
  const report: ImportReport = {
    ...done.report,
    notices: [...done.report.notices, ...(linked?.notices ?? mediaNamedByNoMessage(files, linkedMedia))],
  };
  await repos.importReports.insert(exhibit.id, report);
  await repos.exhibits.addContinuity({
    exhibitId: exhibit.id,
    actor: req.actor,
    action: 'parsed',
    detail: done.parsed,
  });
  await repos.audit.append({
    actor: req.actor,
    action: 'exhibit.add',
    caseId: x.theCase.id,
    subject: x.ref,
    detail: {
      exhibitId: exhibit.id,
      originalName: x.label,
      sha256: x.original.sha256,
      size: x.original.size,
      format: x.format,
      messages,
      conversations: conversations.length,
      archiveEntries: x.contained.length,
      files: x.companions.map((c) => ({ role: c.role, name: c.name, sha256: c.file.sha256 })),
      ...(x.media && linked ? { mediaFiles: x.media.files.length, mediaLinked: linked.linked } : {}),
      parser: x.reader.version,
      timezone: req.timezone,
      ...(read.hello.dateOrder ? { dateOrder: read.hello.dateOrder } : {}),
    },
  });
  const first = conversations[0];
  if (!first) throw new Error('unreachable: a reader opens only a source with a conversation');
  return {
    exhibit,
    conversation: first.record,
    messages,
    mediaFiles: files.filter((f) => f.role === 'media').length,
    report,
  };
}

/** The exhibit record, its stored files and the "received" and "stored" continuity entries. */
async function recordExhibit(
  repos: Repos,
  x: StoredExhibit,
  hello: ReadHello,
  req: AddExhibitRequest,
): Promise<{ exhibit: ExhibitRecord; files: ExhibitFileRecord[] }> {
  const { original } = x;
  const exhibit = await repos.exhibits.create({
    caseId: x.theCase.id,
    ref: x.ref,
    originalName: x.label,
    size: original.size,
    sha256: original.sha256,
    storedPath: original.storedPath,
    format: x.format,
    description: req.description ?? null,
    seizedFrom: req.seizedFrom ?? null,
    officer: req.officer ?? null,
    timezone: req.timezone,
    dateOrder: hello.dateOrder,
    parser: x.reader.parser,
    parserVersion: x.reader.version,
    addedBy: req.actor,
  });
  const files = await repos.exhibits.addFiles(
    [
      ...x.contained.map((c) => ({ pathInArchive: c.path, file: c.file, role: c.role })),
      ...x.companions.map((c) => ({ pathInArchive: c.name, file: c.file, role: c.role })),
      ...(x.media?.files ?? []),
    ].map((f) => ({
      exhibitId: exhibit.id,
      pathInArchive: f.pathInArchive,
      size: f.file.size,
      sha256: f.file.sha256,
      storedPath: f.file.storedPath,
      role: f.role,
    })),
  );
  const beside = x.companions.map((c) => `; ${c.what} ${c.name} (SHA-256 ${c.file.sha256})`).join('');
  await repos.exhibits.addContinuity({
    exhibitId: exhibit.id,
    actor: req.actor,
    action: 'received',
    detail: `${hello.receivedAs} ${x.label} (${original.size} bytes, SHA-256 ${original.sha256}) from ${req.file}${beside}${req.seizedFrom ? `; seized from ${req.seizedFrom}` : ''}${req.officer ? `; producing officer ${req.officer}` : ''}`,
  });
  const inside = x.contained.length ? `; ${x.contained.length} archive entries hashed and stored` : '';
  const copy = x.reader.companions.length
    ? `; opened read-only on a temporary copy${x.companions.length ? ' with its ' + x.companions.map((c) => c.what).join(' and ') : ''}`
    : '';
  const media = x.media?.source
    ? `; ${x.media.files.length} media files from ${x.media.source.label} hashed and stored read-only`
    : '';
  await repos.exhibits.addContinuity({
    exhibitId: exhibit.id,
    actor: req.actor,
    action: 'stored',
    detail: `read-only copy at ${original.storedPath}${inside}${copy}${media}`,
  });
  return { exhibit, files };
}

interface StoredConversation {
  readonly record: ConversationRecord;
  /** Participant ids by the reader's participant key. */
  readonly byKey: Map<string, number>;
}

/** Display names are unique per conversation: a second "Dan" becomes "Dan (+447700900124)". */
function uniqueNames(participants: readonly SourceParticipant[]): Map<string, string> {
  const byKey = new Map<string, string>();
  const used = new Set<string>();
  for (const p of participants) {
    let name = p.displayName;
    if (used.has(name)) name = `${p.displayName} (${p.identity.phone ?? p.key})`;
    used.add(name);
    byKey.set(p.key, name);
  }
  return byKey;
}

function identity(p: SourceParticipant, displayName: string): ParticipantIdentity {
  return {
    displayName,
    jid: p.identity.jid,
    phone: p.identity.phone,
    pushName: p.identity.pushName,
    contactName: p.identity.contactName,
    isOwner: p.identity.isOwner,
    isAdmin: p.isAdmin,
    currentMember: p.current,
  };
}

/** The reader's conversations and the participants it lists, by the reader's index. */
async function createConversations(
  repos: Repos,
  caseId: number,
  exhibitId: number,
  hello: ReadHello,
): Promise<StoredConversation[]> {
  const stored: StoredConversation[] = [];
  for (const c of hello.conversations) {
    const record = await repos.conversations.create({
      caseId,
      name: c.name,
      exhibitId,
      sourceKey: c.sourceKey,
      ...(c.isGroup === null ? {} : { isGroup: c.isGroup }),
      groupJid: c.groupJid,
    });
    const byKey = new Map<string, number>();
    if (c.participants.length) {
      const names = uniqueNames(c.participants);
      const ids = await repos.participants.insertIdentities(
        record.id,
        c.participants.map((p) => identity(p, names.get(p.key) ?? p.displayName)),
      );
      for (const p of c.participants) {
        const id = ids.get(names.get(p.key) ?? p.displayName);
        if (id !== undefined) byKey.set(p.key, id);
      }
    }
    stored.push({ record, byKey });
  }
  return stored;
}

/**
 * Stores the reading thread's batches. The rows arrive as cells (see message-cells.ts), so this
 * thread only fills in the ids it owns and hands them to the store: everything per message that
 * can be done elsewhere was done on the reading thread. A sender the conversation's participant
 * list does not name (a former member, or anyone in an export) becomes a participant by name.
 */
async function storeBatches(
  repos: Repos,
  read: Read,
  conversations: readonly StoredConversation[],
  ids: {
    caseId: number;
    exhibitId: number;
    fileIdByPath: ReadonlyMap<string, number>;
    linker: MediaLinker | null;
    progress: AddExhibitRequest['onProgress'];
  },
): Promise<{ messages: number; linkedMedia: Set<number>; done: ReadDone }> {
  const linkedMedia = new Set<number>();
  let messages = 0;
  const batches = read.batches();
  for (;;) {
    const next = await batches.next();
    if (next.done) return { messages, linkedMedia, done: next.value };
    const { count, cells, conversation, senderKey, mediaPath, events } = next.value;
    await addSenders(repos, next.value, conversations);
    for (let i = 0, at = 0; i < count; i++, at += MESSAGE_WIDTH) {
      const conv = conversations[conversation[i]!]!;
      cells[at + CELL.case_id] = ids.caseId;
      cells[at + CELL.conversation_id] = conv.record.id;
      cells[at + CELL.exhibit_id] = ids.exhibitId;
      const key = senderKey[i];
      cells[at + CELL.participant_id] =
        key === null || key === undefined ? null : (conv.byKey.get(key) ?? null);
      ids.linker?.fill(cells, at);
      const path = mediaPath[i];
      if (path === null || path === undefined) continue;
      const fileId = ids.fileIdByPath.get(path) ?? null;
      cells[at + CELL.media_file_id] = fileId;
      if (fileId !== null) linkedMedia.add(fileId);
    }
    const messageIds = await repos.messages.insertCells({ count, cells });
    if (events.length) {
      await repos.membershipEvents.insertMany(
        events.map(({ index, ...event }) => ({
          ...event,
          caseId: ids.caseId,
          conversationId: conversations[conversation[index]!]!.record.id,
          messageId: messageIds[index]!,
        })),
      );
    }
    messages += count;
    ids.progress?.(next.value.progress[0], next.value.progress[1]);
  }
}

/** Participants, by name, for the batch's senders that no participant of their conversation is yet. */
async function addSenders(
  repos: Repos,
  batch: ReadBatch,
  conversations: readonly StoredConversation[],
): Promise<void> {
  const wanted = new Map<number, Map<string, string>>();
  for (let i = 0, at = 0; i < batch.count; i++, at += MESSAGE_WIDTH) {
    const key = batch.senderKey[i];
    const sender = batch.cells[at + CELL.sender] as string | null;
    if (key === null || key === undefined || sender === null) continue;
    const c = batch.conversation[i]!;
    if (conversations[c]!.byKey.has(key)) continue;
    let keys = wanted.get(c);
    if (!keys) wanted.set(c, (keys = new Map()));
    if (!keys.has(key)) keys.set(key, sender);
  }
  for (const [c, keys] of wanted) {
    const conv = conversations[c]!;
    const ids = await repos.participants.upsertMany(conv.record.id, keys.values());
    for (const [key, name] of keys) conv.byKey.set(key, ids.get(name)!);
  }
}
