import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { EvidenceError, UsageError, UserError } from '../domain/errors.js';
import type { DeviceImportReport, ImportNotice } from '../domain/import-report.js';
import {
  ANDROID_READER_VERSION,
  IOS_READER_VERSION,
  UFDR_READER_VERSION,
  type DeviceFormat,
  type DeviceParticipant,
  type DeviceReadOptions,
} from '../ingest/device/api.js';
import { accountsLine } from '../ingest/device/accounting.js';
import { findDeviceMedia, MediaLinker, storeDeviceMedia } from '../media/device-media.js';
import { CELL, MESSAGE_WIDTH } from '../store/message-cells.js';
import type { Store } from '../store/open-store.js';
import type { ParticipantIdentity } from '../store/repositories/participants.js';
import type { CaseRecord } from '../store/types.js';
import type { DeviceBatch, DeviceDone, DeviceHello, DeviceWorkerInput } from './device-worker-protocol.js';
import type { EvidenceStore, StoredFile } from './evidence-store.js';
import type { AddExhibitOutcome, AddExhibitRequest } from './intake.js';
import { recordExhibit } from './record-exhibit.js';
import { openWorkerChannel } from './worker-channel.js';
import { builtWorkerUrl } from '../worker-url.js';

const READER_VERSIONS: Record<DeviceFormat, string> = {
  'android-msgstore': ANDROID_READER_VERSION,
  'ios-chatstorage': IOS_READER_VERSION,
  ufdr: UFDR_READER_VERSION,
};

export interface DeviceIntake {
  readonly store: Store;
  readonly evidence: EvidenceStore;
  readonly theCase: CaseRecord;
  readonly ref: string;
  readonly label: string;
  readonly original: StoredFile;
  readonly format: DeviceFormat;
  readonly req: AddExhibitRequest;
  /** Stored files this import created, for removal if it fails. */
  readonly created: StoredFile[];
}

/** Display names are unique per conversation: a second "Dan" becomes "Dan (+447700900124)". */
function uniqueNames(participants: readonly DeviceParticipant[]): Map<string, string> {
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

function identity(p: DeviceParticipant, displayName: string): ParticipantIdentity {
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

/**
 * `--owner` must be a number in international form: the owner's JID is its digits, so a national
 * number (`07700 900123`) or an `00` prefix would make a JID that matches no one, silently.
 */
export function assertOwnerPhone(phone: string | null | undefined): void {
  if (phone === null || phone === undefined) return;
  const digits = phone.trim().replace(/[\s().-]/g, '');
  if (!/^\+?\d{5,15}$/.test(digits)) {
    throw new UsageError(
      `--owner "${phone}" is not a phone number: give the owner's number with its country code, e.g. +44 7700 900123`,
    );
  }
  if (/^\+?0/.test(digits)) {
    throw new UsageError(
      `--owner "${phone}" starts with 0: give the number in international form with its country code (e.g. +44 7700 900123, not 07700 900123 or 0044 7700 900123)`,
    );
  }
}

/**
 * Import a device database (msgstore.db with its -wal and wa.db, ChatStorage.sqlite, or a UFDR).
 * The originals are in the evidence store already; the reader works on copies of those stored
 * copies, so what is parsed is exactly what was hashed.
 */
export async function importDevice(d: DeviceIntake): Promise<AddExhibitOutcome> {
  const { store, evidence, theCase, ref, label, original, format, req } = d;
  const stage = mkdtempSync(join(tmpdir(), 'scrutineer-device-'));
  // `what` names the file in the continuity log: wal, journal (stored as role 'other'), contacts.
  const extras: {
    role: 'wal' | 'contacts' | 'other';
    what: 'wal' | 'journal' | 'contacts';
    file: StoredFile;
    name: string;
  }[] = [];
  try {
    // The -wal (recent rows) and a -journal (an unfinished transaction, rolled back on the copy)
    // are part of what is read, so they are stored and hashed beside the database.
    for (const what of ['wal', 'journal'] as const) {
      const side = `${req.file}-${what}`;
      if (format === 'ufdr' || !existsSync(side)) continue;
      const file = await evidence.putFile(side, basename(side));
      d.created.push(file);
      extras.push({ role: what === 'wal' ? 'wal' : 'other', what, file, name: basename(side) });
    }
    if (req.contacts) {
      if (format !== 'android-msgstore')
        throw new UserError('--contacts (wa.db) applies only to an Android msgstore.db');
      let isFile = false;
      try {
        isFile = statSync(req.contacts).isFile();
      } catch {
        isFile = false;
      }
      if (!isFile) {
        throw new EvidenceError(
          basename(req.contacts),
          'cannot be read: the --contacts file does not exist or is not a file',
          undefined,
          'unreadable',
        );
      }
      const file = await evidence.putFile(req.contacts, basename(req.contacts));
      d.created.push(file);
      extras.push({ role: 'contacts', what: 'contacts', file, name: basename(req.contacts) });
    }
    // Media beside the database (or in the UFDR), hashed and stored before anything is read.
    const mediaSource = findDeviceMedia(
      req.file,
      evidence.absolutePath(original.storedPath),
      format,
      req.media,
    );
    const media = mediaSource ? await storeDeviceMedia(evidence, mediaSource, d.created, req.zipLimits) : [];
    const staged = join(stage, label);
    // wa.db keeps its own name (in its own folder: it may share msgstore.db's), so errors name it.
    const contactsPath = req.contacts ? join(stage, 'contacts', basename(req.contacts)) : null;
    if (contactsPath) mkdirSync(dirname(contactsPath));
    symlinkSync(evidence.absolutePath(original.storedPath), staged);
    for (const e of extras) {
      symlinkSync(
        evidence.absolutePath(e.file.storedPath),
        e.what === 'contacts' ? (contactsPath as string) : `${staged}-${e.what}`,
      );
    }
    const options: DeviceReadOptions = {
      fileName: label,
      zone: req.timezone,
      contactsPath,
      ownerPhone: req.ownerPhone ?? null,
      ownerName: req.ownerName ?? null,
    };
    // The reader runs on a worker thread while this thread stores (worker-channel.ts). Its heap is
    // not bounded like the export parser's: a reader holds a database's side tables (reactions,
    // edits, contacts) for the whole read.
    const read = await openWorkerChannel<DeviceWorkerInput, DeviceHello, DeviceBatch, DeviceDone>(
      builtWorkerUrl(import.meta.url, 'device-read-worker.js'),
      { path: staged, options },
      null,
    );
    try {
      const { conversations, ownerJid } = read.hello;
      return await store.transaction(async (repos) => {
        const { exhibit, files } = await recordExhibit(repos, {
          caseId: theCase.id,
          ref,
          label,
          original,
          format,
          req,
          dateOrder: null,
          parser: format,
          parserVersion: READER_VERSIONS[format],
          files: [...extras.map((e) => ({ pathInArchive: e.name, file: e.file, role: e.role })), ...media],
          receivedAs: format,
          receivedDetail: extras.map((e) => `; ${e.what} ${e.name} (SHA-256 ${e.file.sha256})`).join(''),
        });
        await repos.exhibits.addContinuity({
          exhibitId: exhibit.id,
          actor: req.actor,
          action: 'stored',
          detail: `read-only copy at ${original.storedPath}; opened read-only on a temporary copy${extras.length ? ' with its ' + extras.map((e) => e.what).join(' and ') : ''}${mediaSource ? `; ${media.length} media files from ${mediaSource.label} hashed and stored read-only` : ''}`,
        });
        const linker = new MediaLinker(files, mediaSource !== null);

        // By the reader's conversation index: the stored conversation and its participants by key.
        const stored: { id: number; byKey: Map<string, number> }[] = [];
        for (const c of conversations) {
          const conv = await repos.conversations.create({
            caseId: theCase.id,
            name: c.name ?? c.key,
            exhibitId: exhibit.id,
            sourceKey: c.key,
            isGroup: c.isGroup,
            groupJid: c.groupJid,
          });
          const names = uniqueNames(c.participants);
          const ids = await repos.participants.insertIdentities(
            conv.id,
            c.participants.map((p) => identity(p, names.get(p.key) ?? p.displayName)),
          );
          const byKey = new Map<string, number>();
          for (const p of c.participants) {
            const id = ids.get(names.get(p.key) ?? p.displayName);
            if (id !== undefined) byKey.set(p.key, id);
          }
          stored.push({ id: conv.id, byKey });
        }

        let count = 0;
        let notices: DeviceDone['notices'] = [];
        let rowAccounts: DeviceDone['rowAccounts'] = [];
        const batches = read.batches();
        for (;;) {
          const next = await batches.next();
          if (next.done) {
            ({ notices, rowAccounts } = next.value);
            break;
          }
          const { cells, conversation, senderKey, events } = next.value;
          for (let i = 0; i < next.value.count; i++) {
            const at = i * MESSAGE_WIDTH;
            const conv = stored[conversation[i]!]!;
            cells[at + CELL.case_id] = theCase.id;
            cells[at + CELL.conversation_id] = conv.id;
            cells[at + CELL.exhibit_id] = exhibit.id;
            const key = senderKey[i] ?? null;
            let participantId: number | null = null;
            if (key !== null) {
              participantId = conv.byKey.get(key) ?? null;
              const sender = cells[at + CELL.sender] as string | null;
              if (participantId === null && sender !== null) {
                // A sender the participant list does not name (a former member): add them from the message.
                participantId = await repos.participants.upsert(conv.id, sender);
                conv.byKey.set(key, participantId);
              }
            }
            cells[at + CELL.participant_id] = participantId;
            linker.fill(cells, at);
          }
          const messageIds = await repos.messages.insertCells({ count: next.value.count, cells });
          if (events.length) {
            await repos.membershipEvents.insertMany(
              events.map(({ index, ...event }) => ({
                ...event,
                caseId: theCase.id,
                conversationId: stored[conversation[index]!]!.id,
                messageId: messageIds[index]!,
              })),
            );
          }
          count += next.value.count;
          req.onProgress?.(count, count);
        }

        const linked = linker.result();
        const report: DeviceImportReport = {
          kind: 'device',
          format,
          readerVersion: READER_VERSIONS[format],
          conversations: conversations.length,
          messages: count,
          ownerJid,
          notices: [
            ...notices.map((n): ImportNotice => ({ code: n.code, message: n.message, line: n.line })),
            ...linked.notices,
          ],
          rowAccounts,
        };
        await repos.importReports.insert(exhibit.id, report);
        await repos.exhibits.addContinuity({
          exhibitId: exhibit.id,
          actor: req.actor,
          action: 'parsed',
          detail: `${READER_VERSIONS[format]}: ${count} messages in ${conversations.length} conversation(s); zone ${req.timezone}${rowAccounts.length ? `; rows: ${accountsLine(rowAccounts)}` : ''}`,
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
            messages: count,
            conversations: conversations.length,
            files: extras.map((e) => ({ role: e.role, name: e.name, sha256: e.file.sha256 })),
            mediaFiles: media.length,
            mediaLinked: linked.linked,
            parser: READER_VERSIONS[format],
            timezone: req.timezone,
          },
        });
        const first = stored[0] ? await repos.conversations.get(stored[0].id) : undefined;
        if (!first)
          throw new UserError(`${label}: no WhatsApp conversation in this source`, {
            file: label,
            code: 'no_conversations',
          });
        return { exhibit, conversation: first, messages: count, mediaFiles: media.length, report };
      });
    } finally {
      await read.stop();
    }
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}
