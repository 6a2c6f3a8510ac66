/**
 * What an MP4 / QuickTime / 3GP container says about its video without decoding a frame: duration
 * (from `moov/mvhd`) and picture size (from the first video track's `tkhd`). Read from the bytes
 * with bounds checks at every box, so a truncated or hostile file gives null, never a throw or an
 * endless loop. Used for the video tile's caption, and for a placeholder where no frame decodes.
 */

export interface VideoInfo {
  /** Seconds; null where the header gives no time scale. */
  readonly durationSeconds: number | null;
  readonly width: number | null;
  readonly height: number | null;
}

interface Box {
  readonly type: string;
  /** Offset of the box's content (after its header) and of its end. */
  readonly start: number;
  readonly end: number;
}

/** The boxes directly inside [from, to): sizes 0 (to the end) and 1 (64-bit) as ISO 14496-12 says. */
function boxes(b: Buffer, from: number, to: number): Box[] {
  const out: Box[] = [];
  let at = from;
  while (at + 8 <= to && out.length < 10_000) {
    let size = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    let header = 8;
    if (size === 1) {
      if (at + 16 > to) break;
      size = Number(b.readBigUInt64BE(at + 8));
      header = 16;
    } else if (size === 0) size = to - at;
    if (size < header || at + size > to) break;
    out.push({ type, start: at + header, end: at + size });
    at += size;
  }
  return out;
}

/** MP4-family files by their `ftyp` box (QuickTime files without one start with `moov`/`mdat`/`wide`). */
export function isVideoContainer(b: Uint8Array): boolean {
  const type = Buffer.from(b.buffer, b.byteOffset, Math.min(b.length, 12)).toString('latin1', 4, 8);
  return b.length >= 12 && (type === 'ftyp' || type === 'moov' || type === 'mdat' || type === 'wide');
}

function mvhdDuration(b: Buffer, box: Box): number | null {
  const version = b[box.start];
  const need = version === 1 ? 32 : 20;
  if (box.end - box.start < need) return null;
  const scale = b.readUInt32BE(box.start + (version === 1 ? 20 : 12));
  const duration = version === 1 ? Number(b.readBigUInt64BE(box.start + 24)) : b.readUInt32BE(box.start + 16);
  return scale > 0 ? duration / scale : null;
}

/** tkhd's last 8 bytes are the width and height, 16.16 fixed point. */
function tkhdSize(b: Buffer, box: Box): { width: number; height: number } | null {
  if (box.end - box.start < 84) return null;
  const width = b.readUInt32BE(box.end - 8) / 65536;
  const height = b.readUInt32BE(box.end - 4) / 65536;
  return width > 0 && height > 0 ? { width: Math.round(width), height: Math.round(height) } : null;
}

export function videoInfo(bytes: Uint8Array): VideoInfo | null {
  if (!isVideoContainer(bytes)) return null;
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const moov = boxes(b, 0, b.length).find((x) => x.type === 'moov');
  if (!moov) return null;
  let durationSeconds: number | null = null;
  let size: { width: number; height: number } | null = null;
  for (const box of boxes(b, moov.start, moov.end)) {
    if (box.type === 'mvhd') durationSeconds = mvhdDuration(b, box);
    if (box.type === 'trak' && !size) {
      const inner = boxes(b, box.start, box.end);
      const tkhd = inner.find((x) => x.type === 'tkhd');
      // An audio track's tkhd has a size of 0 × 0: the first track with a picture is the video.
      if (tkhd) size = tkhdSize(b, tkhd);
    }
  }
  return { durationSeconds, width: size?.width ?? null, height: size?.height ?? null };
}

/** "1:05", "0:07", "1:02:03". */
export function clockText(seconds: number): string {
  const s = Math.round(seconds);
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return hh > 0 ? `${hh}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}
