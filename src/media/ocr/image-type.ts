/**
 * What kind of image a file is, from its first bytes (a file's name in an export says little: a
 * sticker is `.webp`, a renamed file is anything). Null for anything OCR and thumbnails do not take.
 */
export type ImageType = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp';

export const IMAGE_MIME: Readonly<Record<ImageType, string>> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
};

export function imageType(bytes: Uint8Array): ImageType | null {
  const at = (i: number, ...b: number[]): boolean => b.every((v, k) => bytes[i + k] === v);
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (at(0, 0xff, 0xd8, 0xff)) return 'jpeg';
  if (at(0, 0x47, 0x49, 0x46, 0x38)) return 'gif';
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'webp';
  if (at(0, 0x42, 0x4d) && bytes.length > 26) return 'bmp';
  return null;
}
