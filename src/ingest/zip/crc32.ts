/**
 * CRC-32 (ISO-HDLC, the zip polynomial), incrementally: the one check every zip reader here makes
 * on each entry (yauzl and fflate do not check entry CRCs). Node's zlib.crc32 where it exists
 * (20.15 on), else the standard table-driven form.
 */
import zlib from 'node:zlib';

const native = (zlib as { crc32?: (data: Uint8Array, value: number) => number }).crc32;

let table: Uint32Array | null = null;

function tableCrc(chunk: Uint8Array, crc: number): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = ~crc >>> 0;
  for (let i = 0; i < chunk.length; i++) c = table[(c ^ chunk[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** The CRC-32 of `chunk` continuing from `crc` (0 to start). */
export function crc32(chunk: Uint8Array, crc = 0): number {
  return typeof native === 'function' ? native(chunk, crc) >>> 0 : tableCrc(chunk, crc);
}
