import { EvidenceError } from '../../domain/errors.js';
import { openAndroidReader } from './android.js';
import { classifyTables, cryptRefusal, detectDeviceFormat, WHATSAPP_TABLES_HINT } from './detect.js';
import { openIosReader } from './ios.js';
import { openSqliteCopy } from './open-copy.js';
import { openUfdrReader } from './ufdr.js';
import type { DeviceReader, DeviceReadOptions } from './types.js';

export type {
  DeviceConversation,
  DeviceFormat,
  DeviceMessage,
  DeviceNotice,
  DeviceNoticeCode,
  DeviceParticipant,
  DeviceReader,
  DeviceReadOptions,
} from './types.js';
export { detectDeviceFormat, type DetectedDeviceFormat } from './detect.js';
export { ANDROID_READER_VERSION } from './android.js';
export { IOS_READER_VERSION } from './ios.js';
export { UFDR_READER_VERSION } from './ufdr.js';

/**
 * Open a device source (Android msgstore.db, iOS ChatStorage.sqlite or a Cellebrite UFDR) by its
 * content. SQLite databases are read on a temporary copy (with their -wal); call close() when done.
 */
export function openDeviceReader(path: string, options: DeviceReadOptions): DeviceReader {
  const label = options.fileName;
  const format = detectDeviceFormat(path, label);
  switch (format) {
    case 'whatsapp-crypt':
      throw cryptRefusal(label);
    case 'ufdr':
      return openUfdrReader(path, options);
    case null:
      throw new EvidenceError(
        label,
        'is not a device database this version reads (Android msgstore.db, iOS ChatStorage.sqlite, Cellebrite .ufdr)',
        undefined,
        'unsupported_format',
      );
    default:
      break;
  }
  // SQLite: classify on the copy (which includes the -wal), which is authoritative.
  const copy = openSqliteCopy(path, label);
  let handedOver = false;
  try {
    const kind = classifyTables(copy.tables);
    if (kind === 'android-wa') {
      throw new EvidenceError(
        label,
        'is a WhatsApp contacts database (wa.db), not a message store: give it as the contacts of a msgstore.db',
        undefined,
        'contacts_only',
      );
    }
    if (kind === 'sqlite-other') {
      throw new EvidenceError(
        label,
        `is a SQLite database of another app: ${WHATSAPP_TABLES_HINT}`,
        undefined,
        'not_whatsapp',
      );
    }
    handedOver = true;
    return kind === 'ios-chatstorage'
      ? openIosReader(path, options, copy)
      : openAndroidReader(path, options, copy);
  } finally {
    if (!handedOver) copy.close();
  }
}
