import { closeSync, openSync, readSync } from 'node:fs';
import { EvidenceError } from '../domain/errors.js';

export type EvidenceFormat = 'whatsapp-text' | 'whatsapp-zip';

/** Decide the format from the file's first bytes, never from its name. */
export function detectFormat(path: string, label: string): EvidenceFormat {
  const head = Buffer.alloc(16);
  let read: number;
  try {
    const fd = openSync(path, 'r');
    try {
      read = readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    throw new EvidenceError(
      label,
      `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
      undefined,
      'unreadable',
    );
  }
  if (read === 0) throw new EvidenceError(label, 'the file is empty', undefined, 'empty_file');
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05)) return 'whatsapp-zip';
  if (head.subarray(0, 15).toString('latin1') === 'SQLite format 3') {
    throw new EvidenceError(
      label,
      'a SQLite database: device databases (msgstore.db, ChatStorage.sqlite) are not supported yet',
      undefined,
      'unsupported_format',
    );
  }
  return 'whatsapp-text';
}
