/** A stable colour per sender: the same name gets the same colour in every view and session. */
const PALETTE = [
  '#1f7a4d',
  '#2d5fa8',
  '#a8452d',
  '#7a3fa8',
  '#8a6d00',
  '#0f7c85',
  '#b02a6b',
  '#4f6b1f',
  '#5a4fcf',
  '#9c5b12',
  '#2a7fb0',
  '#a33d3d',
  '#3d7a6b',
  '#8a3fa0',
  '#5c6670',
  '#c0392b',
];

export function senderColour(sender: string | null): string {
  if (!sender) return '#5c6670';
  // FNV-1a over UTF-16 code units.
  let h = 0x811c9dc5;
  for (let i = 0; i < sender.length; i++) {
    h ^= sender.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return PALETTE[h % PALETTE.length] ?? '#5c6670';
}
