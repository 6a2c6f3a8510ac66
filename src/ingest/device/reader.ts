/**
 * The device readers (Android msgstore.db, iOS ChatStorage.sqlite, Cellebrite UFDR) as the import
 * sequence sees them (../source-reader.ts). The databases are read on a temporary copy with their
 * -wal and -journal beside them, so what is read is exactly what was hashed.
 */
import { UserError } from '../../domain/errors.js';
import type { DeviceImportReport, ImportNotice } from '../../domain/import-report.js';
import type { OpenSource, ReaderInput, SourceReader } from '../source-reader.js';
import { accountsLine } from './accounting.js';
import { ANDROID_READER_VERSION, IOS_READER_VERSION, openDeviceReader, UFDR_READER_VERSION } from './api.js';
import type { DeviceFormat } from './types.js';

function openDevice(format: DeviceFormat, version: string, input: ReaderInput): OpenSource {
  const reader = openDeviceReader(input.path, {
    fileName: input.label,
    zone: input.zone,
    contactsPath: input.contactsPath,
    ownerPhone: input.ownerPhone,
    ownerName: input.ownerName,
  });
  try {
    if (!reader.conversations.length)
      throw new UserError(`${input.label}: no WhatsApp conversation in this source`, {
        file: input.label,
        code: 'no_conversations',
      });
  } catch (err) {
    reader.close();
    throw err;
  }
  const index = new Map(reader.conversations.map((c, i) => [c.key, i]));
  let count = 0;
  return {
    conversations: reader.conversations.map((c) => ({
      sourceKey: c.key,
      name: c.name ?? c.key,
      isGroup: c.isGroup,
      groupJid: c.groupJid,
      participants: c.participants,
    })),
    dateOrder: null,
    receivedAs: format,
    *messages() {
      for (const { conversationKey, message: m } of reader.messages()) {
        const conversation = index.get(conversationKey);
        if (conversation === undefined) throw new Error(`message in unknown conversation ${conversationKey}`);
        const senderKey = m.senderIdentity?.jid ?? (m.sender !== null ? `name:${m.sender}` : null);
        count++;
        yield { conversation, message: m, senderKey, mediaPath: null };
      }
      const { notices, rowAccounts } = reader;
      const report: DeviceImportReport = {
        kind: 'device',
        format,
        readerVersion: version,
        conversations: reader.conversations.length,
        messages: count,
        ownerJid: reader.ownerJid,
        notices: notices.map((n): ImportNotice => ({ code: n.code, message: n.message, line: n.line })),
        rowAccounts,
      };
      return {
        report,
        parsed: `${version}: ${count} messages in ${reader.conversations.length} conversation(s); zone ${input.zone}${rowAccounts.length ? `; rows: ${accountsLine(rowAccounts)}` : ''}`,
      };
    },
    progress: () => [count, count],
    close: () => reader.close(),
  };
}

function deviceReader(format: DeviceFormat, version: string): SourceReader {
  const sqlite = format !== 'ufdr';
  return {
    parser: format,
    version,
    // A reader holds a database's side tables (reactions, edits, contacts) for the whole read.
    workerHeapMiB: null,
    // The -wal (recent rows) and a -journal (an unfinished transaction, rolled back on the copy)
    // are part of what is read, so they are stored and hashed beside the database.
    companions: sqlite ? ['wal', 'journal'] : [],
    takesContacts: format === 'android-msgstore',
    ownerIsYou: false,
    open: (input) => openDevice(format, version, input),
  };
}

export const androidReader = deviceReader('android-msgstore', ANDROID_READER_VERSION);
export const iosReader = deviceReader('ios-chatstorage', IOS_READER_VERSION);
export const ufdrReader = deviceReader('ufdr', UFDR_READER_VERSION);
