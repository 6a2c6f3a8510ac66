import yauzl from 'yauzl';
import { Transform, type Readable } from 'node:stream';
import { EvidenceError } from '../../domain/errors.js';
import { crc32 } from './crc32.js';

export interface ZipLimits {
  /** Total uncompressed bytes the archive may expand to. */
  readonly maxTotalBytes: number;
  readonly maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxTotalBytes: 8 * 1024 ** 3, maxEntries: 200_000 };

/** The limits, lowered or raised by SCRUTINEER_MAX_ZIP_BYTES where an operator sets it. */
export function zipLimitsFrom(env: NodeJS.ProcessEnv): ZipLimits {
  const bytes = Number(env.SCRUTINEER_MAX_ZIP_BYTES);
  return Number.isFinite(bytes) && bytes > 0
    ? { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: bytes }
    : DEFAULT_ZIP_LIMITS;
}

export interface ZipEntryReader {
  readonly path: string;
  readonly size: number;
  open(): Promise<Readable>;
}

/**
 * Walk a zip's file entries. yauzl refuses absolute paths and `..` segments itself (its
 * validateFileName); we turn that into an evidence error, check declared sizes against the limit
 * before extracting anything, and pass the remaining budget on so a lying header is caught while
 * streaming too.
 */
export async function readZipEntries(
  path: string,
  label: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<{
  entries: ZipEntryReader[];
  close(): void;
}> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (err, z) =>
      err ? reject(zipError(label, err)) : resolve(z),
    ),
  );
  const entries: ZipEntryReader[] = [];
  let total = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (err: Error) => reject(zipError(label, err)));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entries.length >= limits.maxEntries) {
          reject(
            new EvidenceError(
              label,
              `zip holds more than ${limits.maxEntries} entries`,
              undefined,
              'zip_too_many',
            ),
          );
          return;
        }
        const name = entry.fileName;
        if (
          name.split('/').some((part) => part === '..') ||
          name.startsWith('/') ||
          /^[A-Za-z]:/.test(name)
        ) {
          reject(escapeError(label, name));
          return;
        }
        if (!name.endsWith('/')) {
          total += entry.uncompressedSize;
          if (total > limits.maxTotalBytes) {
            reject(
              new EvidenceError(
                label,
                `zip expands past the size limit of ${limits.maxTotalBytes} bytes`,
                undefined,
                'zip_too_large',
              ),
            );
            return;
          }
          entries.push({
            path: name,
            size: entry.uncompressedSize,
            open: () =>
              new Promise<Readable>((res, rej) =>
                zip.openReadStream(entry, (err, stream) =>
                  err ? rej(entryError(label, name, err)) : res(checked(stream, entry, label)),
                ),
              ),
          });
        }
        zip.readEntry();
      });
      zip.readEntry();
    });
  } catch (err) {
    zip.close();
    throw err;
  }
  return { entries, close: () => zip.close() };
}

/**
 * The entry's bytes, checked: its CRC-32 against the one the archive records (yauzl does not check
 * it), and its decompression and declared size (yauzl's and zlib's errors) turned into an error
 * naming the entry, so damaged archives are refused with one line, not a stack trace.
 */
function checked(stream: Readable, entry: yauzl.Entry, label: string): Readable {
  let crc = 0;
  const name = entry.fileName;
  const out = new Transform({
    transform(chunk: Buffer, _enc, done) {
      crc = crc32(chunk, crc);
      done(null, chunk);
    },
    flush(done) {
      if (crc === entry.crc32 >>> 0) return done();
      done(
        new EvidenceError(
          label,
          `zip entry "${name}" fails its CRC-32 check (the archive records ${hex(entry.crc32)}, its bytes give ${hex(crc)}): the archive is damaged or altered; refusing it`,
          undefined,
          'zip_crc',
        ),
      );
    },
  });
  stream.on('error', (err: Error) => out.destroy(entryError(label, name, err)));
  return stream.pipe(out);
}

const hex = (n: number): string => `0x${(n >>> 0).toString(16).padStart(8, '0')}`;

/** yauzl's size checks and zlib's inflate errors, named by entry. */
function entryError(label: string, name: string, err: Error): EvidenceError {
  if (err instanceof EvidenceError) return err;
  const sized = /(too many|not enough) bytes in the stream\. expected (\d+)/.exec(err.message);
  const problem = sized
    ? `holds ${sized[1] === 'too many' ? 'more' : 'fewer'} bytes than the ${sized[2]} its header declares`
    : (err as NodeJS.ErrnoException).code?.startsWith('Z_')
      ? `cannot be decompressed (${err.message})`
      : `cannot be read (${err.message})`;
  return new EvidenceError(
    label,
    `zip entry "${name}" ${problem}: the archive is damaged; refusing it`,
    undefined,
    'zip_damaged',
  );
}

function escapeError(label: string, name: string): EvidenceError {
  return new EvidenceError(
    label,
    `zip entry "${name}" would escape its folder; refusing the archive`,
    undefined,
    'zip_escape',
  );
}

function zipError(label: string, err: Error): EvidenceError {
  const m = /invalid relative path: (.*)|absolute path: (.*)/.exec(err.message);
  if (m) return escapeError(label, m[1] ?? m[2] ?? '');
  return new EvidenceError(label, `not a readable zip archive (${err.message})`, undefined, 'bad_zip');
}
