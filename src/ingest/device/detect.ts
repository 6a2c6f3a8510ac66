import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { EvidenceError } from '../../domain/errors.js';
import { openSqliteCopy } from './open-copy.js';
import { SyncZip, type ZipEntryInfo } from '../zip/zip-sync.js';

/**
 * Which device format a file holds, decided from its CONTENT (never its name alone): the SQLite
 * header and the tables its schema lists, a zip holding report.xml, or the header and randomness of
 * an encrypted WhatsApp backup (msgstore.db.crypt12/14/15), which must be decrypted first.
 */

export type DetectedDeviceFormat =
  'android-msgstore' | 'android-wa' | 'ios-chatstorage' | 'ufdr' | 'whatsapp-crypt' | 'sqlite-other';

/** Tables that mark a WhatsApp database, by kind. */
const ANDROID_MARKERS = [
  'message',
  'messages',
  'jid',
  'chat',
  'chat_list',
  'message_media',
  'message_quoted',
  'jid_map',
];
const WA_MARKERS = ['wa_contacts'];
const IOS_MARKERS = ['ZWAMESSAGE', 'ZWACHATSESSION', 'ZWAGROUPMEMBER', 'ZWAMEDIAITEM', 'ZWAPROFILEPUSHNAME'];

/** Classify a SQLite schema by its table names. */
export function classifyTables(
  tables: ReadonlySet<string>,
): 'android-msgstore' | 'android-wa' | 'ios-chatstorage' | 'sqlite-other' {
  const count = (markers: readonly string[]) => markers.filter((t) => tables.has(t)).length;
  const android = count(ANDROID_MARKERS);
  const ios = count(IOS_MARKERS);
  if (ios > 0 && ios >= android) return 'ios-chatstorage';
  // One generic name (a table called "message" or "chat") is not enough to call it WhatsApp.
  if (android >= 2 || (tables.has('messages') && tables.has('chat_list'))) return 'android-msgstore';
  if (count(WA_MARKERS) > 0) return 'android-wa';
  return 'sqlite-other';
}

export const WHATSAPP_TABLES_HINT =
  'none of the WhatsApp tables exist (Android msgstore.db: message, jid, chat or legacy messages, chat_list; wa.db: wa_contacts; iOS ChatStorage.sqlite: ZWAMESSAGE, ZWACHATSESSION)';

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = readSync(fd, buf, 0, length, position);
  return n === length ? buf : buf.subarray(0, n);
}

function varint(buf: Buffer, at: number): [number, number] {
  let v = 0;
  for (let i = 0; i < 9; i++) {
    const b = buf[at + i];
    if (b === undefined) return [v, 9];
    if (i === 8) return [v * 256 + b, 9];
    v = v * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) return [v, i + 1];
  }
  return [v, 9];
}

/**
 * Table names from sqlite_schema, read straight from the file's b-tree pages (no SQLite, so the
 * original is opened read-only by us and by nothing else). Returns null when the pages cannot be
 * walked; the readers then decide on their copy.
 */
export function readSqliteTableNames(path: string): Set<string> | null {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = readAt(fd, 0, 100);
    if (head.length < 100) return null;
    const raw = head.readUInt16BE(16);
    const pageSize = raw === 1 ? 65_536 : raw;
    const usable = pageSize - (head[20] ?? 0);
    const names = new Set<string>();
    const seen = new Set<number>();
    const walk = (pageNo: number, depth: number): boolean => {
      if (depth > 20 || seen.has(pageNo) || pageNo < 1 || pageNo * pageSize > size + pageSize) return false;
      seen.add(pageNo);
      const page = readAt(fd, (pageNo - 1) * pageSize, pageSize);
      if (page.length < pageSize) return false;
      const h = pageNo === 1 ? 100 : 0;
      const type = page[h];
      const cells = page.readUInt16BE(h + 3);
      if (type === 0x05) {
        const ptrs = h + 12;
        for (let i = 0; i < cells; i++) {
          const at = page.readUInt16BE(ptrs + i * 2);
          if (!walk(page.readUInt32BE(at), depth + 1)) return false;
        }
        return walk(page.readUInt32BE(h + 8), depth + 1);
      }
      if (type !== 0x0d) return false;
      const ptrs = h + 8;
      for (let i = 0; i < cells; i++) {
        let at = page.readUInt16BE(ptrs + i * 2);
        const [payload, n1] = varint(page, at);
        at += n1;
        const [, n2] = varint(page, at);
        at += n2;
        const maxLocal = usable - 35;
        let local = payload;
        if (payload > maxLocal) {
          const m = Math.floor(((usable - 12) * 32) / 255) - 23;
          const k = m + ((payload - m) % (usable - 4));
          local = k <= maxLocal ? k : m;
        }
        const rec = page.subarray(at, Math.min(at + local, page.length));
        const [hdrLen, n3] = varint(rec, 0);
        const types: number[] = [];
        for (let p = n3; p < hdrLen && types.length < 3;) {
          const [t, n] = varint(rec, p);
          types.push(t);
          p += n;
        }
        let off = hdrLen;
        const values: (string | null)[] = [];
        for (const t of types) {
          const len =
            t >= 12
              ? Math.floor((t - (t % 2 === 0 ? 12 : 13)) / 2)
              : ([0, 1, 2, 3, 4, 6, 8, 8, 0, 0][t] ?? 0);
          values.push(t >= 13 && t % 2 === 1 ? rec.subarray(off, off + len).toString('utf8') : null);
          off += len;
        }
        if ((values[0] === 'table' || values[0] === 'view') && values[1]) names.add(values[1]);
      }
      return true;
    };
    return walk(1, 0) ? names : null;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** Shannon entropy of the bytes, in bits per byte. */
function entropy(buf: Buffer): number {
  const counts = new Array<number>(256).fill(0);
  for (const b of buf) counts[b] = (counts[b] ?? 0) + 1;
  let h = 0;
  for (const c of counts) {
    if (c === 0) continue;
    const p = c / buf.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/**
 * crypt12: a 67-byte header then AES-GCM ciphertext; crypt14/15: a length byte, an optional
 * feature byte 0x01 and a protobuf header (field 1, length-delimited: 0x0a), then ciphertext. Either way the
 * body is indistinguishable from random bytes. The name is only supporting evidence, except that a
 * backup is never named .txt: random bytes named so are refused as not an export, not as a backup.
 */
export function looksLikeCrypt(head: Buffer, body: Buffer, fileName: string): boolean {
  if (head.length < 16 || body.length < 256) return false;
  if (/\.txt$/i.test(fileName)) return false;
  const random = entropy(body) > (body.length >= 4096 ? 7.6 : 7.0);
  if (!random) return false;
  if (/\.crypt\d*$/i.test(fileName)) return true;
  const len = head[0] ?? 0;
  const b1 = head[1] ?? 0;
  const tagAt = b1 === 0x01 ? 2 : 1;
  const tag = head[tagAt] ?? 0;
  // The backup header's first field is field 1, length-delimited (0x0a): random bytes rarely start so.
  const protobuf = len >= 8 && len < 250 && tag === 0x0a;
  const crypt12 = head[0] === 0x00 && head[1] === 0x01;
  return protobuf || crypt12;
}

function findReportXml(zip: SyncZip): ZipEntryInfo | null {
  let best: ZipEntryInfo | null = null;
  let bestDepth = Infinity;
  for (const e of zip.entries()) {
    const parts = e.name.replace(/\\/g, '/').split('/');
    const base = parts[parts.length - 1] ?? '';
    if (base.toLowerCase() === 'report.xml' && parts.length < bestDepth) {
      best = e;
      bestDepth = parts.length;
    }
  }
  return best;
}

/** The report.xml entry of a UFDR (shallowest if several), or null where the zip has none. */
export function findUfdrReport(zip: SyncZip): ZipEntryInfo | null {
  return findReportXml(zip);
}

export function detectDeviceFormat(path: string, label = path): DetectedDeviceFormat | null {
  let head: Buffer;
  let body: Buffer;
  try {
    const fd = openSync(path, 'r');
    try {
      head = readAt(fd, 0, 128);
      body = readAt(fd, 4096, 65_536);
      if (body.length < 4096) body = readAt(fd, Math.min(128, head.length), 65_536);
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
  if (head.length === 0) return null;
  if (head.subarray(0, 16).toString('latin1') === 'SQLite format 3\0') {
    const names = readSqliteTableNames(path);
    const kind = names ? classifyTables(names) : null;
    if (kind !== null && (kind !== 'sqlite-other' || !existsSync(`${path}-wal`))) return kind;
    // The schema pages could not be walked (a damaged file), or the schema may sit only in the
    // -wal beside the file (tables created since the last checkpoint): ask SQLite, on a copy with
    // its -wal. A damaged file is then refused as corrupt, not as another app's database.
    const copy = openSqliteCopy(path, label);
    try {
      return classifyTables(copy.tables);
    } finally {
      copy.close();
    }
  }
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05)) {
    const zip = new SyncZip(path, label);
    try {
      return findReportXml(zip) ? 'ufdr' : null;
    } catch (err) {
      if (err instanceof EvidenceError && err.details.code === 'zip_escape') throw err;
      return null;
    } finally {
      zip.close();
    }
  }
  if (looksLikeCrypt(head, body, label) || looksLikeCrypt(head, body, path)) return 'whatsapp-crypt';
  return null;
}

export function cryptRefusal(label: string): EvidenceError {
  return new EvidenceError(
    label,
    'is an encrypted WhatsApp backup (msgstore.db.crypt12/14/15): it must be decrypted with its key (from the phone or the 64-digit end-to-end backup key) before it can be read; give the decrypted msgstore.db',
    undefined,
    'encrypted_backup',
  );
}
