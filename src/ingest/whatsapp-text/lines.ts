import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { EvidenceError } from '../../domain/errors.js';

/**
 * Line splitting written by hand rather than with `readline`: readline throws away the line
 * terminators (we must keep CRLF vs LF inside verbatim bodies) and knows nothing of byte offsets,
 * which are the provenance of every message.
 */

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface Line {
  /** 1-based. */
  readonly number: number;
  /** Decoded text without its terminator (a BOM at the start of the file is not part of it). */
  readonly text: string;
  /** What ended the line in the file: '\n', '\r\n', '\r' (old Mac) or '' at the end of the file. */
  readonly terminator: string;
  readonly byteStart: number;
  /** Exclusive, before the terminator. */
  readonly byteEnd: number;
}

/** Anything the parser can read twice: a buffer in memory or a file read in chunks. */
export interface LineSource {
  readonly name: string;
  readonly encoding: TextEncoding;
  readonly bomBytes: number;
  lines(): Iterable<Line>;
}

const SNIFF_BYTES = 64 * 1024;
const CHUNK_BYTES = 8 * 1024 * 1024;

interface Sniffed {
  encoding: TextEncoding;
  bomBytes: number;
}

/** Decide the encoding from the first bytes, refusing binary data with a reason. */
export function sniffEncoding(head: Uint8Array, fileName: string): Sniffed {
  if (head.length === 0) throw new EvidenceError(fileName, 'the file is empty', undefined, 'empty_file');
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return checkUtf8(head, fileName, 3);
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomBytes: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomBytes: 2 };
  // UTF-16 without a BOM: text in Latin script has a zero in every other byte.
  const sample = head.subarray(0, Math.min(head.length, 4096));
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) zeroEven++;
    else zeroOdd++;
  }
  const half = sample.length / 2;
  if (half >= 8 && zeroOdd > half * 0.6 && zeroEven < half * 0.05)
    return { encoding: 'utf-16le', bomBytes: 0 };
  if (half >= 8 && zeroEven > half * 0.6 && zeroOdd < half * 0.05)
    return { encoding: 'utf-16be', bomBytes: 0 };
  return checkUtf8(head, fileName, 0);
}

function checkUtf8(head: Uint8Array, fileName: string, bomBytes: number): Sniffed {
  const zero = head.indexOf(0);
  if (zero >= 0) {
    throw new EvidenceError(
      fileName,
      `binary data (a NUL byte at byte offset ${zero}): this is not a WhatsApp chat export text`,
      undefined,
      'binary_file',
    );
  }
  // Trim a code point cut off by the sniff window before checking.
  let end = head.length;
  if (head.length === SNIFF_BYTES) {
    let back = 0;
    while (back < 4 && end > 0 && ((head[end - 1] ?? 0) & 0xc0) === 0x80) {
      end--;
      back++;
    }
    if (end > 0 && ((head[end - 1] ?? 0) & 0xc0) === 0xc0) end--;
  }
  const sample = head.subarray(0, end);
  if (!isUtf8(sample)) {
    // A stray bad byte in a real export is kept (shown as U+FFFD, reported by line); a file that is
    // mostly undecodable is not text at all.
    const decoded = Buffer.from(sample).toString('utf8');
    let bad = 0;
    for (const ch of decoded) if (ch === '\uFFFD') bad++;
    if (bad > Math.max(4, decoded.length / 200)) {
      throw new EvidenceError(
        fileName,
        'not UTF-8 or UTF-16 text (many invalid byte sequences in the first 64 KiB): this is not a WhatsApp chat export text',
        undefined,
        'binary_file',
      );
    }
  }
  return { encoding: 'utf-8', bomBytes };
}

function decoderFor(encoding: TextEncoding): (buf: Buffer, start: number, end: number) => string {
  if (encoding === 'utf-8') return (buf, start, end) => buf.toString('utf8', start, end);
  if (encoding === 'utf-16le') return (buf, start, end) => buf.toString('utf16le', start, end);
  const decoder = new TextDecoder('utf-16be');
  return (buf, start, end) => decoder.decode(buf.subarray(start, end));
}

/** Finds CR and LF code units in a buffer, remembering the next of each so a scan stays linear. */
class TerminatorScan {
  private nextLf = -2;
  private nextCr = -2;
  private readonly lf: number | Buffer;
  private readonly cr: number | Buffer;
  constructor(
    private readonly buf: Buffer,
    private readonly from: number,
    private readonly to: number,
    private readonly encoding: TextEncoding,
  ) {
    const le = encoding === 'utf-16le';
    const be = encoding === 'utf-16be';
    this.lf = le ? Buffer.from([0x0a, 0]) : be ? Buffer.from([0, 0x0a]) : 0x0a;
    this.cr = le ? Buffer.from([0x0d, 0]) : be ? Buffer.from([0, 0x0d]) : 0x0d;
  }
  private find(needle: number | Buffer, pos: number): number {
    let at = typeof needle === 'number' ? this.buf.indexOf(needle, pos) : this.buf.indexOf(needle, pos);
    // A UTF-16 code unit must sit on a code unit boundary.
    while (this.encoding !== 'utf-8' && at >= 0 && (at - this.from) % 2 !== 0) {
      at = this.buf.indexOf(needle as Buffer, at + 1);
    }
    return at < 0 || at >= this.to ? -1 : at;
  }
  /** The first CR or LF at or after `pos`: [offset, which], or null. */
  next(pos: number): [number, 'cr' | 'lf'] | null {
    if (this.nextLf !== -1 && this.nextLf < pos) this.nextLf = this.find(this.lf, pos);
    if (this.nextCr !== -1 && this.nextCr < pos) this.nextCr = this.find(this.cr, pos);
    const lf = this.nextLf;
    const cr = this.nextCr;
    if (lf < 0 && cr < 0) return null;
    if (cr >= 0 && (lf < 0 || cr < lf)) return [cr, 'cr'];
    return [lf, 'lf'];
  }
}

/**
 * Split `buf[from, to)` into lines at LF, CRLF, or a CR alone (old Mac exports end every line with
 * CR only; read as one line, their messages would fold into the first). `base` is the absolute byte
 * offset of `buf[0]`. Records where an unterminated tail begins (or `to` when all was consumed) so a
 * chunked reader can carry it over; a CR at the very end of a chunk waits for the next byte, which
 * may be its LF.
 */
function* splitLines(
  buf: Buffer,
  from: number,
  to: number,
  base: number,
  encoding: TextEncoding,
  firstLineNumber: number,
  final: boolean,
  consumed: { at: number; lineNumber: number },
): Generator<Line> {
  const decode = decoderFor(encoding);
  const unit = encoding === 'utf-8' ? 1 : 2;
  const scan = new TerminatorScan(buf, from, to, encoding);
  const lfAt = (at: number): boolean =>
    encoding === 'utf-8'
      ? buf[at] === 0x0a
      : encoding === 'utf-16le'
        ? buf[at] === 0x0a && buf[at + 1] === 0
        : buf[at] === 0 && buf[at + 1] === 0x0a;
  let pos = from;
  let lineNumber = firstLineNumber;
  while (pos < to) {
    const found = scan.next(pos);
    if (found === null || (!final && found[1] === 'cr' && found[0] + unit >= to)) {
      if (!final) break;
      yield {
        number: lineNumber++,
        text: decode(buf, pos, to),
        terminator: '',
        byteStart: base + pos,
        byteEnd: base + to,
      };
      pos = to;
      break;
    }
    const [at, which] = found;
    const crlf = which === 'cr' && at + unit < to && lfAt(at + unit);
    const terminator = which === 'lf' ? '\n' : crlf ? '\r\n' : '\r';
    yield {
      number: lineNumber++,
      text: decode(buf, pos, at),
      terminator,
      byteStart: base + pos,
      byteEnd: base + at,
    };
    pos = at + unit * terminator.length;
  }
  consumed.at = pos;
  consumed.lineNumber = lineNumber;
}

export function bufferSource(bytes: Uint8Array, name: string): LineSource {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { encoding, bomBytes } = sniffEncoding(buf.subarray(0, SNIFF_BYTES), name);
  return {
    name,
    encoding,
    bomBytes,
    *lines() {
      if (buf.length === bomBytes) return;
      yield* splitLines(buf, bomBytes, buf.length, 0, encoding, 1, true, { at: 0, lineNumber: 1 });
    },
  };
}

/** A file read in chunks, so a gigabyte export never sits in memory whole. */
export function fileSource(path: string, name: string): LineSource {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    throw new EvidenceError(name, `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  let head: Buffer;
  let size: number;
  try {
    size = fstatSync(fd).size;
    head = Buffer.alloc(Math.min(size, SNIFF_BYTES));
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const { encoding, bomBytes } = sniffEncoding(head, name);
  return {
    name,
    encoding,
    bomBytes,
    *lines() {
      const handle = openSync(path, 'r');
      try {
        let carry = Buffer.alloc(0);
        let carryBase = bomBytes;
        let filePos = bomBytes;
        let lineNumber = 1;
        for (;;) {
          const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
          const read = readSync(handle, chunk, 0, CHUNK_BYTES, filePos);
          filePos += read;
          const final = read === 0 || filePos >= size;
          const buf = carry.length
            ? Buffer.concat([carry, chunk.subarray(0, read)])
            : chunk.subarray(0, read);
          const consumed = { at: 0, lineNumber };
          yield* splitLines(buf, 0, buf.length, carryBase, encoding, lineNumber, final, consumed);
          lineNumber = consumed.lineNumber;
          carry = Buffer.from(buf.subarray(consumed.at));
          carryBase += consumed.at;
          if (final) break;
        }
      } finally {
        closeSync(handle);
      }
    },
  };
}
