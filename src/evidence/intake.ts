import { basename } from 'node:path';
import { UserError, EvidenceError } from '../domain/errors.js';
import type { DateOrder, ExportImportReport, ImportNotice, ImportReport } from '../domain/import-report.js';
import { assertZone } from '../ingest/local-time.js';
import { chatNameFromFileName, pickChatEntry } from '../ingest/whatsapp-text/chat-name.js';
import { EXPORT_PARSER_VERSION } from '../ingest/whatsapp-text/parse-export.js';
import type { Store } from '../store/open-store.js';
import type { Repos } from '../store/repositories/index.js';
import { CELL, MESSAGE_WIDTH } from '../store/message-cells.js';
import type { ConversationRecord, ExhibitFileRole, ExhibitRecord } from '../store/types.js';
import { detectFormat, type EvidenceFormat } from './detect-format.js';
import { EvidenceStore, type StoredFile } from './evidence-store.js';
import { assertOwnerPhone, importDevice } from './intake-device.js';
import { recordExhibit } from './record-exhibit.js';
import { digestingStore } from './row-digest.js';
import { importRsmf } from '../ingest/rsmf/import.js';
import { parseInWorker, type WorkerParse } from './parse-in-worker.js';
import { DEFAULT_ZIP_LIMITS, readZipEntries, type ZipLimits } from './zip.js';
import { limitMissing, mediaNamedByNoMessage } from '../media/accounting.js';

export interface AddExhibitRequest {
  readonly caseNameOrId: string;
  readonly file: string;
  readonly ref: string;
  readonly description?: string | null;
  readonly seizedFrom?: string | null;
  /** The producing officer. */
  readonly officer?: string | null;
  readonly timezone: string;
  /** `timezone` was given by the investigator (not a default): RSMF reads zone-less times in it. */
  readonly timezoneDeclared?: boolean;
  readonly dateOrder: 'auto' | DateOrder;
  /** Who is doing this (the operator), for continuity and audit. */
  readonly actor: string;
  readonly onProgress?: (done: number, total: number) => void;
  readonly zipLimits?: ZipLimits;
  /** A device extraction's media folder or zip (else the one beside the database is used). */
  readonly media?: string | null;
  /** Android wa.db for a msgstore.db: address-book and push names. */
  readonly contacts?: string | null;
  /** The phone owner's number and name, where the database cannot tell them. */
  readonly ownerPhone?: string | null;
  readonly ownerName?: string | null;
  /**
   * Called once the export's files are stored, before it is read. A test seam: the regression and
   * concurrency tests interleave imports and inject failures here.
   */
  readonly afterStored?: () => Promise<void>;
}

export interface AddExhibitOutcome {
  readonly exhibit: ExhibitRecord;
  readonly conversation: ConversationRecord;
  readonly messages: number;
  readonly mediaFiles: number;
  readonly report: ImportReport;
}

interface ArchiveFile extends StoredFile {
  readonly pathInArchive: string;
  readonly role: ExhibitFileRole;
}

/**
 * Take an item of evidence into a case: hash it, keep the original read-only, parse it and store
 * every message in one transaction. Any failure leaves the workspace as it was: the transaction is
 * rolled back and the stored copies nothing else references are removed (EvidenceStore.release).
 */
export async function addExhibit(
  store: Store,
  workspace: string,
  req: AddExhibitRequest,
): Promise<AddExhibitOutcome> {
  assertZone(req.timezone);
  assertOwnerPhone(req.ownerPhone);
  const ref = req.ref.trim();
  if (!ref) throw new UserError('an exhibit reference is required (--ref, e.g. AB/1)', { code: 'bad_ref' });
  const label = basename(req.file);
  const theCase = await store.cases.findByNameOrId(req.caseNameOrId);
  if (!theCase) {
    throw new UserError(`no case "${req.caseNameOrId}": create it with \`scrutineer case create NAME\``, {
      code: 'no_case',
    });
  }
  const sameRef = await store.exhibits.findByRef(theCase.id, ref);
  if (sameRef) {
    throw new UserError(`case "${theCase.name}" already has an exhibit ${ref} (${sameRef.originalName})`, {
      code: 'duplicate_ref',
    });
  }
  const format = detectFormat(req.file, label);
  const evidence = new EvidenceStore(workspace, store.evidenceClaims);
  // Every import's exhibit.add audit entry carries the digest of the rows it wrote.
  const writer = digestingStore(store);
  const created: StoredFile[] = [];
  let stopParse = async (): Promise<void> => undefined;
  try {
    await evidence.begin();
    const original = await evidence.putFile(req.file, label);
    created.push(original);
    const earlier = await store.exhibits.findBySha256(theCase.id, original.sha256);
    if (earlier) {
      throw new UserError(
        `${label}: the same bytes (SHA-256 ${original.sha256}) are already in case "${theCase.name}" as exhibit ${earlier.ref} (${earlier.originalName}, added ${earlier.addedAt} by ${earlier.addedBy})`,
        { file: label, code: 'duplicate_exhibit' },
      );
    }
    if (req.media && (format === 'rsmf' || format === 'whatsapp-text' || format === 'whatsapp-zip'))
      throw new UserError(
        '--media applies only to an Android or iOS database: this source carries its own media',
      );
    if (format === 'rsmf') {
      return await importRsmf({ store: writer, evidence, theCase, ref, label, original, req, created });
    }
    if (format !== 'whatsapp-text' && format !== 'whatsapp-zip') {
      return await importDevice({
        store: writer,
        evidence,
        theCase,
        ref,
        label,
        original,
        format,
        req,
        created,
      });
    }
    if (req.contacts) throw new UserError('--contacts (wa.db) applies only to an Android msgstore.db');
    const archive = format === 'whatsapp-zip' ? await unpack(evidence, original, label, req.zipLimits) : [];
    created.push(...archive);
    const chatFile = format === 'whatsapp-zip' ? archive.find((f) => f.role === 'chat') : original;
    if (!chatFile) throw new Error('unreachable: unpack always finds the chat');
    const chatLabel =
      format === 'whatsapp-zip' ? `${label}!${(chatFile as ArchiveFile).pathInArchive}` : label;
    const chatName =
      chatNameFromFileName(label) ??
      (format === 'whatsapp-zip' ? chatNameFromFileName((chatFile as ArchiveFile).pathInArchive) : null);
    const options = {
      zone: req.timezone,
      dateOrder: req.dateOrder,
      fileName: chatLabel,
      conversationName: chatName,
    };
    await req.afterStored?.();
    const parse = await parseInWorker(evidence.absolutePath(chatFile.storedPath), options);
    stopParse = parse.stop;

    return await writer.transaction(async (repos) => {
      const { exhibit, files } = await recordExhibit(repos, {
        caseId: theCase.id,
        ref,
        label,
        original,
        format,
        req,
        dateOrder: parse.hello.dateOrder,
        parser: 'whatsapp-text',
        parserVersion: EXPORT_PARSER_VERSION,
        files: archive.map((f) => ({ pathInArchive: f.pathInArchive, file: f, role: f.role })),
        receivedAs: describeFormat(format),
      });
      const mediaByName = new Map<string, number>();
      for (const f of files) if (f.role === 'media') mediaByName.set(basename(f.pathInArchive), f.id);
      await repos.exhibits.addContinuity({
        exhibitId: exhibit.id,
        actor: req.actor,
        action: 'stored',
        detail: `read-only copy at ${original.storedPath}${archive.length ? `; ${archive.length} archive entries hashed and stored` : ''}`,
      });
      const conversation = await repos.conversations.create({
        caseId: theCase.id,
        name: parse.hello.conversationName ?? label,
        exhibitId: exhibit.id,
      });
      const {
        report: parsedReport,
        messages,
        missingMedia,
        linkedMedia,
      } = await storeMessages(
        repos,
        parse,
        { caseId: theCase.id, conversationId: conversation.id, exhibitId: exhibit.id },
        mediaByName,
        format === 'whatsapp-zip',
        (done) => req.onProgress?.(done, chatFile.size),
      );
      // "You" in the export's system lines is the phone's owner: one participant (issue 13.7).
      const mentionsYou = (
        await repos.membershipEvents.list(theCase.id, { conversationId: conversation.id })
      ).some((e) => e.actor === 'You' || e.targets.includes('You'));
      await repos.participants.linkExportOwner(conversation.id, req.ownerName ?? null, mentionsYou);
      const report: ExportImportReport = {
        ...parsedReport,
        notices: [...parsedReport.notices, ...missingMedia, ...mediaNamedByNoMessage(files, linkedMedia)],
      };
      await repos.importReports.insert(exhibit.id, report);
      await repos.exhibits.addContinuity({
        exhibitId: exhibit.id,
        actor: req.actor,
        action: 'parsed',
        detail: `${EXPORT_PARSER_VERSION}: ${messages} messages from ${report.lines} lines; ${report.reportedLines.length} line(s) reported; date order ${report.dateOrder}; zone ${req.timezone}`,
      });
      await repos.audit.append({
        actor: req.actor,
        action: 'exhibit.add',
        caseId: theCase.id,
        subject: ref,
        detail: {
          exhibitId: exhibit.id,
          originalName: label,
          sha256: original.sha256,
          size: original.size,
          format,
          messages,
          archiveEntries: archive.length,
          parser: EXPORT_PARSER_VERSION,
          timezone: req.timezone,
          dateOrder: report.dateOrder,
        },
      });
      return {
        exhibit,
        conversation,
        messages,
        mediaFiles: files.filter((f) => f.role === 'media').length,
        report,
      };
    });
  } catch (err) {
    throw asLockWait(err);
  } finally {
    await stopParse();
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

function describeFormat(format: EvidenceFormat): string {
  return format === 'whatsapp-zip' ? 'WhatsApp export archive' : 'WhatsApp export text';
}

async function unpack(
  evidence: EvidenceStore,
  original: StoredFile,
  label: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<ArchiveFile[]> {
  const zip = await readZipEntries(evidence.absolutePath(original.storedPath), label, limits);
  const stored: ArchiveFile[] = [];
  try {
    const chatPath = pickChatEntry(zip.entries.map((e) => e.path));
    if (!chatPath) {
      const texts = zip.entries.filter((e) => /\.txt$/i.test(e.path) && !e.path.startsWith('__MACOSX/'));
      throw new EvidenceError(
        label,
        texts.length > 1
          ? `the zip holds ${texts.length} text files (${texts.map((e) => e.path).join(', ')}) and none is named _chat.txt or "WhatsApp Chat with ….txt": which is the chat cannot be told`
          : `the zip holds no chat text (_chat.txt or "WhatsApp Chat with ….txt") among its ${zip.entries.length} entries`,
        undefined,
        'zip_no_chat',
      );
    }
    let budget = limits.maxTotalBytes;
    for (const entry of zip.entries) {
      const file = await evidence.put(await entry.open(), budget, `${label}!${entry.path}`);
      budget -= file.size;
      // macOS resource forks (__MACOSX/._name) are kept and hashed, but are not the chat's media.
      const role: ExhibitFileRole =
        entry.path === chatPath
          ? 'chat'
          : /\.txt$/i.test(entry.path) || entry.path.startsWith('__MACOSX/')
            ? 'other'
            : 'media';
      stored.push({ ...file, pathInArchive: entry.path, role });
    }
    return stored;
  } finally {
    zip.close();
  }
}

/**
 * Stores the worker's batches. The rows arrive as cells (see message-cells.ts), so this thread only
 * fills in the ids it owns and hands them to SQLite: everything per message that can be done
 * elsewhere was done on the parse thread.
 */
async function storeMessages(
  repos: Repos,
  parse: WorkerParse,
  ids: { caseId: number; conversationId: number; exhibitId: number },
  mediaByName: ReadonlyMap<string, number>,
  mediaExpected: boolean,
  progress: (bytesDone: number) => void,
): Promise<{
  report: ExportImportReport;
  messages: number;
  missingMedia: ImportNotice[];
  linkedMedia: Set<number>;
}> {
  const participants = new Map<string, number>();
  const missingMedia: ImportNotice[] = [];
  const linkedMedia = new Set<number>();
  let total = 0;
  const batches = parse.batches();
  for (;;) {
    const next = await batches.next();
    if (next.done)
      return { report: next.value, messages: total, missingMedia: limitMissing(missingMedia), linkedMedia };
    const { count, cells, events, byteEnd } = next.value;
    // Participants are the people who wrote messages. A system line's author (newer iOS writes the
    // group's name there) is not a member of the group, so it makes no participant.
    const newNames = new Set<string>();
    for (let at = 0; at < cells.length; at += MESSAGE_WIDTH) {
      const sender = cells[at + CELL.sender] as string | null;
      if (sender !== null && cells[at + CELL.kind] !== 'system' && !participants.has(sender))
        newNames.add(sender);
    }
    if (newNames.size) {
      for (const [name, id] of await repos.participants.upsertMany(ids.conversationId, newNames))
        participants.set(name, id);
    }
    for (let at = 0; at < cells.length; at += MESSAGE_WIDTH) {
      cells[at + CELL.case_id] = ids.caseId;
      cells[at + CELL.conversation_id] = ids.conversationId;
      cells[at + CELL.exhibit_id] = ids.exhibitId;
      const sender = cells[at + CELL.sender] as string | null;
      cells[at + CELL.participant_id] =
        sender === null || cells[at + CELL.kind] === 'system' ? null : (participants.get(sender) ?? null);
      const mediaName = cells[at + CELL.media_file_name] as string | null;
      if (mediaName === null) continue;
      const mediaFileId = mediaByName.get(basename(mediaName)) ?? null;
      cells[at + CELL.media_file_id] = mediaFileId;
      if (mediaFileId !== null) linkedMedia.add(mediaFileId);
      if (mediaFileId === null && mediaExpected) {
        missingMedia.push({
          code: 'media_missing',
          message: `attachment ${mediaName} is named but not in the archive`,
          line: cells[at + CELL.line_start] as number,
        });
      }
    }
    const messageIds = await repos.messages.insertCells({ count, cells });
    if (events.length) {
      await repos.membershipEvents.insertMany(
        events.map(({ index, ...event }) => ({
          ...event,
          caseId: ids.caseId,
          conversationId: ids.conversationId,
          messageId: messageIds[index]!,
        })),
      );
    }
    total += count;
    if (byteEnd !== null) progress(byteEnd);
  }
}
