/**
 * A stored attachment's kind from its first bytes (a file's name in an export says little: a voice
 * note is `.opus`, a renamed file is anything), for the thread's tiles. The name decides only
 * between documents and unknown bytes, and where the bytes say nothing.
 */
import { mediaKindFromName, type MediaKind } from '../contract/media.js';
import { imageType } from './ocr/image-type.js';
import { isVideoContainer } from './video/mp4-info.js';

/** Bytes `kindOf` needs at most. */
export const KIND_HEAD_BYTES = 16;

export function mediaKindOf(head: Uint8Array, name: string): MediaKind {
  const at = (i: number, ascii: string) => [...ascii].every((c, k) => head[i + k] === c.charCodeAt(0));
  if (imageType(head)) return 'image';
  if (isVideoContainer(head)) {
    // An audio-only MP4 (a forwarded voice memo) and a HEIC photo say so in their brand.
    if (at(4, 'ftypM4A') || at(4, 'ftypM4B')) return 'audio';
    if (at(4, 'ftypheic') || at(4, 'ftypheix') || at(4, 'ftypmif1')) return 'image';
    return 'video';
  }
  if (at(0, 'OggS') || at(0, 'ID3') || at(0, '#!AMR') || at(0, 'fLaC')) return 'audio';
  if (at(0, 'RIFF') && at(8, 'WAVE')) return 'audio';
  // MPEG audio frame sync and ADTS AAC (11 and 12 bits set).
  if (head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0) return 'audio';
  // PDF; office files are zips (docx, xlsx) or OLE compound files (doc, xls).
  if (at(0, '%PDF') || at(0, 'PK\u0003\u0004') || at(0, '\u00d0\u00cf\u0011\u00e0')) return 'document';
  const byName = mediaKindFromName(name);
  // A name promising an image, a video or audio whose bytes are none of them is only a file.
  return byName === 'document' ? 'document' : 'other';
}
