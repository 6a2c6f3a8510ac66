/**
 * The export reader (a chat's .txt, or the zip WhatsApp makes of it with its media) as the import
 * sequence sees it (../source-reader.ts): one conversation, participants made from senders'
 * names, attachments matched to the archive's files by name.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';

import { EvidenceError } from '../../domain/errors.js';
import type { ImportNotice } from '../../domain/import-report.js';
import { limitMissing } from '../../media/accounting.js';
import type { ContainedFile, Contents, OpenSource, ReaderInput, SourceReader } from '../source-reader.js';
import { DEFAULT_ZIP_LIMITS, readZipEntries, type ZipLimits } from '../zip/zip.js';
import { chatNameFromFileName, pickChatEntry } from './chat-name.js';
import { fileSource } from './lines.js';
import { EXPORT_PARSER_VERSION, planExport, planFromStart, readExport } from './parse-export.js';

/**
 * Old-generation heap of the reading thread: a batch is a few MiB; a 64 KiB-line worst case fits
 * many times over. Bounded, the thread collects as it goes instead of growing.
 */
const EXPORT_HEAP_MIB = 128;

/**
 * Lines surveyed before the first message is sent, where the reader may decide early: a few MiB,
 * read in milliseconds, and weeks of a chat (so a day over 12 has usually shown the date order).
 */
const FIRST_PASS_LINES = 50_000;

function openExport(input: ReaderInput, archive: boolean): OpenSource {
  const chat = archive ? input.contained.find((f) => f.role === 'chat') : undefined;
  if (archive && !chat) throw new Error('unreachable: the archive’s contents always name the chat');
  const fileName = chat ? `${input.label}!${chat.path}` : input.label;
  const chatPath = chat ? chat.file : input.path;
  const options = {
    zone: input.zone,
    dateOrder: input.dateOrder,
    fileName,
    conversationName: chatNameFromFileName(input.label) ?? (chat ? chatNameFromFileName(chat.path) : null),
  };
  const source = fileSource(chatPath, fileName);
  const early = input.decideEarly ? planFromStart(source, options, FIRST_PASS_LINES) : null;
  const plan = early?.plan ?? planExport(source, options);
  const size = statSync(chatPath).size;
  // Attachments are named by file name; the archive's media files by their base name (last wins).
  const mediaByName = new Map<string, string>();
  for (const f of input.contained) if (f.role === 'media') mediaByName.set(basename(f.path), f.path);
  let bytesDone = 0;
  return {
    conversations: [
      {
        sourceKey: null,
        name: plan.conversationName ?? input.label,
        isGroup: null,
        groupJid: null,
        participants: [],
      },
    ],
    dateOrder: plan.dateOrder,
    receivedAs: archive ? 'WhatsApp export archive' : 'WhatsApp export text',
    *messages() {
      const missing: ImportNotice[] = [];
      const read = readExport(source, options, plan, early?.confirm ?? null);
      let count = 0;
      for (;;) {
        const next = read.next();
        if (next.done) {
          const report = {
            ...next.value.report,
            notices: [...next.value.report.notices, ...limitMissing(missing)],
          };
          return {
            report,
            parsed: `${EXPORT_PARSER_VERSION}: ${count} messages from ${report.lines} lines; ${report.reportedLines.length} line(s) reported; date order ${report.dateOrder}; zone ${input.zone}`,
          };
        }
        const m = next.value;
        count++;
        if (m.source.type === 'text') bytesDone = m.source.byteEnd;
        const mediaName = m.media?.fileName ?? null;
        const mediaPath = mediaName === null ? null : (mediaByName.get(basename(mediaName)) ?? null);
        if (mediaName !== null && mediaPath === null && archive)
          missing.push({
            code: 'media_missing',
            message: `attachment ${mediaName} is named but not in the archive`,
            line: m.source.type === 'text' ? m.source.lineStart : null,
          });
        // A system line's author (newer iOS writes the group's name there) is not a member of the
        // group, so it makes no participant.
        const senderKey = m.sender === null || m.kind === 'system' ? null : `name:${m.sender}`;
        yield { conversation: 0, message: m, senderKey, mediaPath };
      }
    },
    progress: () => [bytesDone, size],
    close: () => undefined,
  };
}

/** The zip's entries; the chat is the one `pickChatEntry` names, or the archive is refused. */
async function exportContents(
  path: string,
  label: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<Contents> {
  const zip = await readZipEntries(path, label, limits);
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
    const files: ContainedFile[] = zip.entries.map((entry) => ({
      path: entry.path,
      // macOS resource forks (__MACOSX/._name) are kept and hashed, but are not the chat's media.
      role:
        entry.path === chatPath
          ? 'chat'
          : /\.txt$/i.test(entry.path) || entry.path.startsWith('__MACOSX/')
            ? 'other'
            : 'media',
      open: () => entry.open(),
    }));
    return { files, close: () => zip.close() };
  } catch (err) {
    zip.close();
    throw err;
  }
}

const exportReader = {
  parser: 'whatsapp-text',
  version: EXPORT_PARSER_VERSION,
  workerHeapMiB: EXPORT_HEAP_MIB,
  companions: [],
  takesContacts: false,
  ownerIsYou: true,
} as const;

export const exportTextReader: SourceReader = { ...exportReader, open: (input) => openExport(input, false) };

export const exportZipReader: SourceReader = {
  ...exportReader,
  contents: exportContents,
  open: (input) => openExport(input, true),
};
