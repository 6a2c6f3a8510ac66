import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { UserError } from '../domain/errors.js';
import type { DeviceImportReport, ImportNotice } from '../domain/import-report.js';
import {
  ANDROID_READER_VERSION,
  IOS_READER_VERSION,
  openDeviceReader,
  UFDR_READER_VERSION,
  type DeviceFormat,
  type DeviceParticipant,
} from '../ingest/device/api.js';
import type { Store } from '../store/open-store.js';
import type { ParticipantIdentity } from '../store/repositories/participants.js';
import { toMembershipEventRow, toMessageRow, type CaseRecord, type NewMessage } from '../store/types.js';
import type { EvidenceStore, StoredFile } from './evidence-store.js';
import type { AddExhibitOutcome, AddExhibitRequest } from './intake.js';
import { recordExhibit } from './record-exhibit.js';

const BATCH = 5_000;

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
 * Import a device database (msgstore.db with its -wal and wa.db, ChatStorage.sqlite, or a UFDR).
 * The originals are in the evidence store already; the reader works on copies of those stored
 * copies, so what is parsed is exactly what was hashed.
 */
export async function importDevice(d: DeviceIntake): Promise<AddExhibitOutcome> {
  const { store, evidence, theCase, ref, label, original, format, req } = d;
  const stage = mkdtempSync(join(tmpdir(), 'scrutineer-device-'));
  const extras: { role: 'wal' | 'contacts'; file: StoredFile; name: string }[] = [];
  try {
    const wal = `${req.file}-wal`;
    if (format !== 'ufdr' && existsSync(wal)) {
      const file = await evidence.putFile(wal, basename(wal));
      d.created.push(file);
      extras.push({ role: 'wal', file, name: basename(wal) });
    }
    if (req.contacts) {
      if (format !== 'android-msgstore')
        throw new UserError('--contacts (wa.db) applies only to an Android msgstore.db');
      const file = await evidence.putFile(req.contacts, basename(req.contacts));
      d.created.push(file);
      extras.push({ role: 'contacts', file, name: basename(req.contacts) });
    }
    const staged = join(stage, label);
    symlinkSync(evidence.absolutePath(original.storedPath), staged);
    for (const e of extras) {
      symlinkSync(
        evidence.absolutePath(e.file.storedPath),
        e.role === 'wal' ? `${staged}-wal` : join(stage, 'wa.db'),
      );
    }
    const reader = openDeviceReader(staged, {
      fileName: label,
      zone: req.timezone,
      contactsPath: req.contacts ? join(stage, 'wa.db') : null,
      ownerPhone: req.ownerPhone ?? null,
      ownerName: req.ownerName ?? null,
    });
    try {
      return await store.transaction(async (repos) => {
        const { exhibit } = await recordExhibit(repos, {
          caseId: theCase.id,
          ref,
          label,
          original,
          format,
          req,
          dateOrder: null,
          parser: format,
          parserVersion: READER_VERSIONS[format],
          files: extras.map((e) => ({ pathInArchive: e.name, file: e.file, role: e.role })),
          receivedAs: format,
          receivedDetail: extras.map((e) => `; ${e.role} ${e.name} (SHA-256 ${e.file.sha256})`).join(''),
        });
        await repos.exhibits.addContinuity({
          exhibitId: exhibit.id,
          actor: req.actor,
          action: 'stored',
          detail: `read-only copy at ${original.storedPath}; opened read-only on a temporary copy${extras.length ? ' with its ' + extras.map((e) => e.role).join(' and ') : ''}`,
        });

        const conversationIds = new Map<string, number>();
        const participantIds = new Map<string, Map<string, number>>();
        const firstConversation = { id: 0, name: '' };
        for (const c of reader.conversations) {
          const conv = await repos.conversations.create({
            caseId: theCase.id,
            name: c.name ?? c.key,
            exhibitId: exhibit.id,
            sourceKey: c.key,
            isGroup: c.isGroup,
            groupJid: c.groupJid,
          });
          if (!firstConversation.id) Object.assign(firstConversation, { id: conv.id, name: conv.name });
          conversationIds.set(c.key, conv.id);
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
          participantIds.set(c.key, byKey);
        }

        let count = 0;
        let batch: { conversationKey: string; message: import('../domain/message.js').ParsedMessage }[] = [];
        const flush = async () => {
          const rows: NewMessage[] = [];
          for (const { conversationKey, message: m } of batch) {
            const conversationId = conversationIds.get(conversationKey);
            if (conversationId === undefined)
              throw new Error(`message in unknown conversation ${conversationKey}`);
            const byKey = participantIds.get(conversationKey) ?? new Map<string, number>();
            let participantId: number | null = null;
            const key = m.senderIdentity?.jid ?? (m.sender !== null ? `name:${m.sender}` : null);
            if (key !== null) {
              participantId = byKey.get(key) ?? null;
              if (participantId === null && m.sender !== null) {
                // A sender the participant list does not name (a former member): add them from the message.
                participantId = await repos.participants.upsert(conversationId, m.sender);
                byKey.set(key, participantId);
              }
            }
            rows.push(
              toMessageRow(m, { caseId: theCase.id, conversationId, exhibitId: exhibit.id, participantId }),
            );
          }
          const ids = await repos.messages.insertMany(rows);
          const events = batch
            .map(({ conversationKey, message }, i) =>
              toMembershipEventRow(message, {
                caseId: theCase.id,
                conversationId: conversationIds.get(conversationKey) as number,
                messageId: ids[i] as number,
              }),
            )
            .filter((e) => e !== null);
          if (events.length) await repos.membershipEvents.insertMany(events);
          count += batch.length;
          req.onProgress?.(count, count);
          batch = [];
        };
        for (const item of reader.messages()) {
          batch.push(item);
          if (batch.length >= BATCH) await flush();
        }
        if (batch.length) await flush();

        const report: DeviceImportReport = {
          kind: 'device',
          format,
          readerVersion: READER_VERSIONS[format],
          conversations: reader.conversations.length,
          messages: count,
          ownerJid: reader.ownerJid,
          notices: reader.notices.map((n): ImportNotice => ({
            code: n.code,
            message: n.message,
            line: n.line,
          })),
        };
        await repos.importReports.insert(exhibit.id, report);
        await repos.exhibits.addContinuity({
          exhibitId: exhibit.id,
          actor: req.actor,
          action: 'parsed',
          detail: `${READER_VERSIONS[format]}: ${count} messages in ${reader.conversations.length} conversation(s); zone ${req.timezone}`,
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
            conversations: reader.conversations.length,
            files: extras.map((e) => ({ role: e.role, name: e.name, sha256: e.file.sha256 })),
            parser: READER_VERSIONS[format],
            timezone: req.timezone,
          },
        });
        const conversation = await repos.conversations.get(firstConversation.id);
        if (!conversation)
          throw new UserError(`${label}: no WhatsApp conversation in this source`, {
            file: label,
            code: 'no_conversations',
          });
        return { exhibit, conversation, messages: count, mediaFiles: 0, report };
      });
    } finally {
      reader.close();
    }
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}
