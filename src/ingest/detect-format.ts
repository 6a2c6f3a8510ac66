import { closeSync, openSync, readSync } from 'node:fs';
import { EvidenceError } from '../domain/errors.js';
import { cryptRefusal, detectDeviceFormat, WHATSAPP_TABLES_HINT } from './device/detect.js';
import { looksLikeRsmf } from './rsmf/eml.js';

import type { SourceFormat } from './source-reader.js';

/** Decide the format from the file's content, never from its name. */
export function detectFormat(path: string, label: string): SourceFormat {
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
  if (looksLikeRsmf(path)) return 'rsmf';
  const device = detectDeviceFormat(path, label);
  switch (device) {
    case 'android-msgstore':
    case 'ios-chatstorage':
    case 'ufdr':
      return device;
    case 'whatsapp-crypt':
      throw cryptRefusal(label);
    case 'android-wa':
      throw new EvidenceError(
        label,
        'is a WhatsApp contacts database (wa.db): give it with --contacts beside its msgstore.db',
        undefined,
        'contacts_only',
      );
    case 'sqlite-other':
      throw new EvidenceError(
        label,
        `is a SQLite database of another app: ${WHATSAPP_TABLES_HINT}`,
        undefined,
        'not_whatsapp',
      );
    default:
      break;
  }
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05)) return 'whatsapp-zip';
  return 'whatsapp-text';
}
