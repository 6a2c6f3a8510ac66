/**
 * The reader of each source format: the one place a format is registered. detectFormat decides a
 * file's format from its content; the import sequence (src/evidence/import-sequence.ts) and its
 * reading thread (src/evidence/read-worker.ts) take the reader from here.
 */
import { detectFormat } from './detect-format.js';
import { androidReader, iosReader, ufdrReader } from './device/reader.js';
import { rsmfReader } from './rsmf/reader.js';
import type { SourceFormat, SourceReader } from './source-reader.js';
import { exportTextReader, exportZipReader } from './whatsapp-text/reader.js';

export const READERS: Readonly<Record<SourceFormat, SourceReader>> = {
  'whatsapp-text': exportTextReader,
  'whatsapp-zip': exportZipReader,
  'android-msgstore': androidReader,
  'ios-chatstorage': iosReader,
  ufdr: ufdrReader,
  rsmf: rsmfReader,
};

/** The file's format (from its content) and the reader for it. */
export function readerFor(path: string, label: string): { format: SourceFormat; reader: SourceReader } {
  const format = detectFormat(path, label);
  return { format, reader: READERS[format] };
}
