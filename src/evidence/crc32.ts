/**
 * CRC-32 (ISO-HDLC, the zip polynomial), incrementally. yauzl does not check entry CRCs and Node's
 * zlib.crc32 needs Node 20.15; this is the standard table-driven form.
 */
const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** The CRC-32 of `chunk` continuing from `crc` (0 to start). */
export function crc32(chunk: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < chunk.length; i++) c = TABLE[(c ^ chunk[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}
