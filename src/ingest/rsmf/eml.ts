/**
 * The RSMF container: an RFC 5322 message (MIME multipart/mixed) with the X-RSMF-* headers and one
 * attachment, rsmf.zip, holding rsmf_manifest.json and the attachment files.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { unzipSync, zipSync } from 'fflate';
import { EvidenceError } from '../../domain/errors.js';
import { RSMF_VERSION } from './manifest.js';
import { crc32 } from '../zip/crc32.js';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from '../zip/zip.js';
import { SyncZip } from '../zip/zip-sync.js';

export interface RsmfHeaders {
  readonly subject: string;
  readonly generator: string;
  /** ISO 8601 with offset, or null with no events. */
  readonly begin: string | null;
  readonly end: string | null;
  readonly eventCount: number;
  /** The Date header (fixed from the inputs, for reproducible bytes). */
  readonly date: Date;
  readonly messageId: string;
  /** Plain-text body shown by a mail client. */
  readonly summary: string;
}

const CRLF = '\r\n';

function encodeWord(s: string): string {
  return /^[\x20-\x7E]*$/u.test(s) ? s : `=?UTF-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`;
}

function base64Lines(data: Uint8Array): string {
  const b64 = Buffer.from(data).toString('base64');
  const out: string[] = [];
  for (let i = 0; i < b64.length; i += 76) out.push(b64.slice(i, i + 76));
  return out.join(CRLF);
}

function rfc5322Date(d: Date): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** Zips the manifest and attachments (fixed times, so the same content gives the same bytes). */
export function buildRsmfZip(
  manifestJson: string,
  attachments: ReadonlyMap<string, Uint8Array>,
  date: Date,
): Uint8Array {
  const mtime = new Date(Math.max(date.getTime(), Date.UTC(1980, 0, 2)));
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {
    'rsmf_manifest.json': [Buffer.from(manifestJson, 'utf8'), { mtime }],
  };
  for (const name of [...attachments.keys()].sort()) files[name] = [attachments.get(name)!, { mtime }];
  return zipSync(files, { level: 6 });
}

export function buildRsmfEml(h: RsmfHeaders, zip: Uint8Array): Buffer {
  const boundary = `----=_RSMF_${h.messageId.replace(/[^A-Za-z0-9]/gu, '').slice(0, 40)}`;
  const headers = [
    `From: ${encodeWord(h.generator)} <rsmf@scrutineer.invalid>`,
    `To: ${encodeWord('Review platform')} <review@scrutineer.invalid>`,
    `Subject: ${encodeWord(h.subject)}`,
    `Date: ${rfc5322Date(h.date)}`,
    `Message-ID: <${h.messageId}@scrutineer.invalid>`,
    'MIME-Version: 1.0',
    `X-RSMF-Version: ${RSMF_VERSION}`,
    `X-RSMF-Generator: ${encodeWord(h.generator)}`,
    ...(h.begin ? [`X-RSMF-BeginDate: ${h.begin}`] : []),
    ...(h.end ? [`X-RSMF-EndDate: ${h.end}`] : []),
    `X-RSMF-EventCount: ${h.eventCount}`,
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
  ];
  const body = [
    'This is a multi-part message in MIME format (RSMF 2.0.0).',
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(Buffer.from(h.summary, 'utf8')),
    '',
    `--${boundary}`,
    'Content-Type: application/zip; name="rsmf.zip"',
    'Content-Disposition: attachment; filename="rsmf.zip"',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(zip),
    '',
    `--${boundary}--`,
    '',
  ];
  return Buffer.from([...headers, '', ...body].join(CRLF), 'utf8');
}

/** True when the file starts as an RFC 5322 message whose header block has X-RSMF-Version. */
export function looksLikeRsmf(path: string): boolean {
  const head = Buffer.alloc(65536);
  let n: number;
  try {
    const fd = openSync(path, 'r');
    try {
      n = readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
  const text = head.subarray(0, n).toString('latin1');
  const end = text.search(/\r?\n\r?\n/u);
  const block = end < 0 ? text : text.slice(0, end);
  if (!/^[!-9;-~]+:/u.test(block)) return false;
  return /^X-RSMF-Version:/imu.test(block);
}

interface Part {
  readonly headers: Map<string, string>;
  readonly body: string;
}

function parseHeaders(block: string): Map<string, string> {
  const out = new Map<string, string>();
  const unfolded = block.replace(/\r?\n[ \t]+/gu, ' ');
  for (const line of unfolded.split(/\r?\n/u)) {
    const i = line.indexOf(':');
    if (i > 0) out.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return out;
}

function splitMessage(text: string): Part {
  const m = /\r?\n\r?\n/u.exec(text);
  if (!m) return { headers: parseHeaders(text), body: '' };
  return { headers: parseHeaders(text.slice(0, m.index)), body: text.slice(m.index + m[0].length) };
}

export interface RsmfContainer {
  readonly headers: ReadonlyMap<string, string>;
  /** Every file in rsmf.zip by path. */
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly manifestJson: string;
}

/**
 * rsmf.zip is unzipped in memory, so it may never expand past this, whatever the operator's zip
 * limit (SCRUTINEER_MAX_ZIP_BYTES, meant for export archives streamed to disk).
 */
export const RSMF_MAX_EXPANDED_BYTES = 1024 ** 3;

/** Finds rsmf.zip in the message, unzips it (within `limits`) and returns the manifest text and the files. */
export function readRsmfEml(
  bytes: Buffer,
  label: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): RsmfContainer {
  const text = bytes.toString('latin1');
  const top = splitMessage(text);
  if (!top.headers.has('x-rsmf-version'))
    throw new EvidenceError(label, 'is not an RSMF file (no X-RSMF-Version header)', undefined, 'not_rsmf');
  const version = top.headers.get('x-rsmf-version')!;
  if (!/^2\.\d+\.\d+$/u.test(version))
    throw new EvidenceError(
      label,
      `X-RSMF-Version is "${version}": only RSMF 2.x files are read`,
      undefined,
      'rsmf_bad_version',
    );
  const type = top.headers.get('content-type') ?? '';
  const boundary = /boundary="?([^";]+)"?/iu.exec(type)?.[1];
  const parts: Part[] = [];
  if (boundary) {
    const pieces = top.body.split(`--${boundary}`);
    for (const piece of pieces.slice(1)) {
      if (piece.startsWith('--')) break;
      parts.push(splitMessage(piece.replace(/^\r?\n/u, '')));
    }
  } else parts.push(top);
  const isZip = (p: Part): boolean =>
    /(file)?name="?rsmf\.zip"?/iu.test(
      `${p.headers.get('content-disposition') ?? ''};${p.headers.get('content-type') ?? ''}`,
    );
  const part = parts.find(isZip);
  if (!part) throw new EvidenceError(label, 'holds no rsmf.zip attachment', undefined, 'rsmf_no_zip');
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const data =
    encoding === 'base64'
      ? Buffer.from(part.body.replace(/[^A-Za-z0-9+/=]/gu, ''), 'base64')
      : Buffer.from(part.body.replace(/\r?\n$/u, ''), 'latin1');
  const maxBytes = Math.min(limits.maxTotalBytes, RSMF_MAX_EXPANDED_BYTES);
  const tooLarge = (what: string) =>
    new EvidenceError(
      label,
      `rsmf.zip ${what} (at most ${limits.maxEntries} entries and ${maxBytes} bytes); refusing the file`,
      undefined,
      'zip_too_large',
    );
  let files: Record<string, Uint8Array>;
  try {
    // Sizes are checked from the entries' headers before anything is inflated, then again as inflated.
    let entries = 0;
    let declared = 0;
    files = unzipSync(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), {
      filter: (f) => {
        entries++;
        declared += f.originalSize;
        if (entries > limits.maxEntries) throw tooLarge(`holds more than ${limits.maxEntries} entries`);
        if (declared > maxBytes) throw tooLarge(`would expand to more than ${maxBytes} bytes`);
        return true;
      },
    });
  } catch (err) {
    if (err instanceof EvidenceError) throw err;
    throw new EvidenceError(
      label,
      `rsmf.zip cannot be unzipped (${(err as Error).message})`,
      undefined,
      'rsmf_bad_zip',
    );
  }
  let expanded = 0;
  for (const f of Object.values(files)) expanded += f.byteLength;
  if (expanded > maxBytes) throw tooLarge(`expands to more than ${maxBytes} bytes`);
  for (const name of Object.keys(files))
    if (name.split(/[/\\]/u).some((part) => part === '..') || /^([/\\]|[A-Za-z]:)/u.test(name))
      throw new EvidenceError(
        label,
        `rsmf.zip entry "${name}" would escape its folder; refusing the file`,
        undefined,
        'zip_escape',
      );
  checkCrcs(data, files, label);
  const manifest = files['rsmf_manifest.json'];
  if (!manifest)
    throw new EvidenceError(label, 'rsmf.zip holds no rsmf_manifest.json', undefined, 'rsmf_no_manifest');
  return {
    headers: top.headers,
    files: new Map(Object.entries(files)),
    manifestJson: Buffer.from(manifest)
      .toString('utf8')
      .replace(/^\uFEFF/u, ''),
  };
}

/**
 * fflate inflates without checking CRCs: each file's bytes are checked against the CRC-32 that
 * rsmf.zip's central directory records for it, as every zip entry is, so damage is refused, not read.
 */
function checkCrcs(zipBytes: Uint8Array, files: Readonly<Record<string, Uint8Array>>, label: string): void {
  const recorded = new Map<string, number>();
  const zip = new SyncZip(zipBytes, label);
  try {
    for (const entry of zip.entries()) recorded.set(entry.name, entry.crc32 >>> 0);
  } finally {
    zip.close();
  }
  for (const [name, bytes] of Object.entries(files)) {
    const want = recorded.get(name);
    const got = crc32(bytes);
    if (want !== undefined && want === got) continue;
    throw new EvidenceError(
      label,
      want === undefined
        ? `rsmf.zip entry "${name}" is not in the archive's central directory: the archive is damaged; refusing the file`
        : `rsmf.zip entry "${name}" fails its CRC-32 check (the archive records ${hex(want)}, its bytes give ${hex(got)}): the archive is damaged or altered; refusing the file`,
      undefined,
      'zip_crc',
    );
  }
}

const hex = (n: number): string => `0x${(n >>> 0).toString(16).padStart(8, '0')}`;
