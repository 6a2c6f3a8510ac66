/** A stable colour per sender: the same name gets the same colour in every view and session. */
// Distinct hues, dark enough for text on white (WCAG AA at 15px).
const PALETTE = [
  '#1f6fb4',
  '#c62828',
  '#2e7d32',
  '#7b4fb0',
  '#8c564b',
  '#b23d8c',
  '#5f6b00',
  '#0e7c86',
  '#b85600',
  '#393b79',
  '#4e6b2f',
  '#7a2e2b',
  '#6d3a6b',
  '#00695c',
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
