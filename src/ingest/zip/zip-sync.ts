import { Inflate } from 'fflate';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { EvidenceError } from '../../domain/errors.js';
import { crc32 } from './crc32.js';

/**
 * A synchronous, streaming zip reader for forensic reports (UFDR). It reads the central directory
 * entry by entry and inflates one entry in bounded chunks, so a report.xml of gigabytes never sits
 * in memory. Zip64 is read. Entry names that escape the archive's folder are refused, and each
 * entry read is checked against its CRC-32 and declared size.
 */

export interface ZipEntryInfo {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly crc32: number;
  readonly localHeaderOffset: number;
  readonly flags: number;
}

const CHUNK = 1 << 20;

export function zipEscapes(name: string): boolean {
  const n = name.replace(/\\/g, '/');
  return n.startsWith('/') || /^[A-Za-z]:/.test(n) || n.split('/').some((p) => p === '..');
}

export class SyncZip {
  /** The open file, or null where the archive is in memory (`bytes`). */
  private readonly fd: number | null;
  private readonly bytes: Buffer | null;
  readonly size: number;
  private closed = false;

  /** `file` is a path, or the archive's bytes where they are in memory already (RSMF's rsmf.zip). */
  constructor(
    file: string | Uint8Array,
    readonly label: string,
  ) {
    if (typeof file !== 'string') {
      this.fd = null;
      this.bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
      this.size = this.bytes.length;
      return;
    }
    this.bytes = null;
    try {
      this.fd = openSync(file, 'r');
    } catch (err) {
      throw new EvidenceError(
        label,
        `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
        undefined,
        'unreadable',
      );
    }
    this.size = fstatSync(this.fd).size;
  }

  close(): void {
    if (!this.closed) {
      this.closed = true;
      if (this.fd !== null) closeSync(this.fd);
    }
  }

  private read(position: number, length: number): Buffer {
    if (this.bytes) {
      if (position + length > this.bytes.length) throw this.bad('the zip is truncated');
      return this.bytes.subarray(position, position + length);
    }
    const buf = Buffer.alloc(length);
    let got = 0;
    while (got < length) {
      const n = readSync(this.fd!, buf, got, length - got, position + got);
      if (n === 0) break;
      got += n;
    }
    if (got < length) throw this.bad('the zip is truncated');
    return buf;
  }

  private bad(problem: string, code = 'bad_zip'): EvidenceError {
    return new EvidenceError(this.label, problem, undefined, code);
  }

  /** Where the central directory is and how many entries it lists. */
  private directory(): { offset: number; size: number; count: number } {
    const tailLen = Math.min(this.size, 65_535 + 22);
    if (tailLen < 22) throw this.bad('is not a zip archive (too short)');
    const tailStart = this.size - tailLen;
    const tail = this.read(tailStart, tailLen);
    let eocd = -1;
    for (let i = tailLen - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw this.bad('the zip has no end-of-central-directory record (truncated or not a zip)');
    let count = tail.readUInt16LE(eocd + 10);
    let size = tail.readUInt32LE(eocd + 12);
    let offset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
      const locAt = tailStart + eocd - 20;
      if (locAt < 0) throw this.bad('the zip64 locator is missing');
      const loc = this.read(locAt, 20);
      if (loc.readUInt32LE(0) !== 0x07064b50) throw this.bad('the zip64 locator is missing');
      const z64At = Number(loc.readBigUInt64LE(8));
      const z64 = this.read(z64At, 56);
      if (z64.readUInt32LE(0) !== 0x06064b50) throw this.bad('the zip64 end record is corrupt');
      count = Number(z64.readBigUInt64LE(32));
      size = Number(z64.readBigUInt64LE(40));
      offset = Number(z64.readBigUInt64LE(48));
    }
    if (offset + size > this.size) throw this.bad('the zip central directory lies past the end of the file');
    return { offset, size, count };
  }

  /** Every entry, read from the central directory in bounded windows. Escaping names are refused. */
  *entries(): Generator<ZipEntryInfo> {
    const dir = this.directory();
    let pos = dir.offset;
    const end = dir.offset + dir.size;
    let buf: Buffer = Buffer.alloc(0);
    let bufStart = pos;
    const need = (n: number) => {
      if (pos + n > end) throw this.bad('the zip central directory is corrupt');
      if (pos + n > bufStart + buf.length) {
        const len = Math.min(Math.max(n, CHUNK), end - pos);
        buf = this.read(pos, len);
        bufStart = pos;
      }
      return pos - bufStart;
    };
    for (let i = 0; i < dir.count; i++) {
      let at = need(46);
      if (buf.readUInt32LE(at) !== 0x02014b50) throw this.bad('the zip central directory is corrupt');
      const flags = buf.readUInt16LE(at + 8);
      const method = buf.readUInt16LE(at + 10);
      const crc32 = buf.readUInt32LE(at + 16);
      let compressedSize = buf.readUInt32LE(at + 20);
      let uncompressedSize = buf.readUInt32LE(at + 24);
      const nameLen = buf.readUInt16LE(at + 28);
      const extraLen = buf.readUInt16LE(at + 30);
      const commentLen = buf.readUInt16LE(at + 32);
      let localHeaderOffset = buf.readUInt32LE(at + 42);
      const total = 46 + nameLen + extraLen + commentLen;
      at = need(total);
      const nameBytes = buf.subarray(at + 46, at + 46 + nameLen);
      const name = flags & 0x800 ? nameBytes.toString('utf8') : nameBytes.toString('latin1');
      const extra = buf.subarray(at + 46 + nameLen, at + 46 + nameLen + extraLen);
      for (let e = 0; e + 4 <= extra.length;) {
        const id = extra.readUInt16LE(e);
        const len = extra.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let f = e + 4;
          if (uncompressedSize === 0xffffffff && f + 8 <= e + 4 + len) {
            uncompressedSize = Number(extra.readBigUInt64LE(f));
            f += 8;
          }
          if (compressedSize === 0xffffffff && f + 8 <= e + 4 + len) {
            compressedSize = Number(extra.readBigUInt64LE(f));
            f += 8;
          }
          if (localHeaderOffset === 0xffffffff && f + 8 <= e + 4 + len) {
            localHeaderOffset = Number(extra.readBigUInt64LE(f));
          }
        }
        e += 4 + len;
      }
      pos += total;
      if (zipEscapes(name)) {
        throw new EvidenceError(
          this.label,
          `zip entry "${name}" escapes the archive's folder (absolute path or ".."): refused`,
          undefined,
          'zip_escape',
        );
      }
      yield { name, method, compressedSize, uncompressedSize, crc32, localHeaderOffset, flags };
    }
  }

  /** The entry's bytes, inflated chunk by chunk; CRC-32 and size are checked at the end. */
  *readEntry(entry: ZipEntryInfo): Generator<Uint8Array> {
    const local = this.read(entry.localHeaderOffset, 30);
    if (local.readUInt32LE(0) !== 0x04034b50)
      throw this.bad(`zip entry "${entry.name}" has a corrupt local header`);
    if (entry.flags & 0x1) throw this.bad(`zip entry "${entry.name}" is encrypted`, 'encrypted');
    let pos = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    const end = pos + entry.compressedSize;
    if (end > this.size)
      throw this.bad(`zip entry "${entry.name}" runs past the end of the file (truncated)`);
    let crc = 0;
    let produced = 0;
    const out: Uint8Array[] = [];
    const account = (chunk: Uint8Array) => {
      produced += chunk.length;
      if (produced > entry.uncompressedSize) {
        throw this.bad(`zip entry "${entry.name}" expands past its declared size`, 'zip_size');
      }
      crc = crc32(chunk, crc);
    };
    let inflater: Inflate | null = null;
    if (entry.method === 8) {
      inflater = new Inflate((chunk) => {
        account(chunk);
        out.push(chunk);
      });
    } else if (entry.method !== 0) {
      throw this.bad(
        `zip entry "${entry.name}" uses compression method ${entry.method}, which is not supported`,
      );
    }
    while (pos < end) {
      const len = Math.min(CHUNK, end - pos);
      const chunk = this.read(pos, len);
      pos += len;
      if (inflater) {
        try {
          inflater.push(chunk, pos >= end);
        } catch (err) {
          if (err instanceof EvidenceError) throw err;
          throw this.bad(`zip entry "${entry.name}" is corrupt (${(err as Error).message})`);
        }
        while (out.length > 0) yield out.shift() as Uint8Array;
      } else {
        account(chunk);
        yield chunk;
      }
    }
    if (inflater && entry.compressedSize === 0) inflater.push(new Uint8Array(0), true);
    while (out.length > 0) yield out.shift() as Uint8Array;
    if (produced !== entry.uncompressedSize) {
      throw this.bad(
        `zip entry "${entry.name}" holds ${produced} bytes but declares ${entry.uncompressedSize} (truncated or corrupt)`,
        'zip_size',
      );
    }
    if (crc >>> 0 !== entry.crc32 >>> 0) {
      throw this.bad(`zip entry "${entry.name}" fails its CRC-32 check (corrupt)`, 'zip_crc');
    }
  }
}
