/**
 * Sender colours, assigned per case (issue 18, defect 2): the case's senders in a fixed order (first
 * active month, then most messages, then name, so adding evidence rarely moves anyone) each get the
 * next colour of one palette, so no two of the first PALETTE_SIZE senders share a colour. A hash of
 * the name over a few colours (what this replaced) gave two pairs of the demo's nine the same one.
 *
 * Readable for colour-blind users: consecutive colours differ in lightness as well as hue (three
 * lightness levels, which survive any colour-vision deficiency), each sender also gets a mark (a
 * shape) shown beside the name, and the name itself is always written: colour is never the only cue.
 * Every colour is dark enough for text on white (contrast ≥ 4.5:1).
 */
import { createContext, useContext } from 'react';

export interface SenderStyle {
  readonly colour: string;
  /** A shape beside the name: with the colour, tells senders apart without relying on hue. */
  readonly mark: string;
}

const SYSTEM: SenderStyle = { colour: '#5c6670', mark: '·' };
const MARKS = ['●', '■', '▲', '◆', '★', '▼', '✚', '⬟'];

/** OKLCH → sRGB hex (CSS Color 4): a perceptual space, so equal steps look equally different. */
function oklchHex(l: number, c: number, hDeg: number): string {
  const h = (hDeg * Math.PI) / 180;
  const a = c * Math.cos(h);
  const b = c * Math.sin(h);
  const l_ = (l + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m_ = (l - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s_ = (l - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const lin = [
    4.0767416621 * l_ - 3.3077115913 * m_ + 0.2309699292 * s_,
    -1.2684380046 * l_ + 2.6097574011 * m_ - 0.3413193965 * s_,
    -0.0041960863 * l_ - 0.7034186147 * m_ + 1.707614701 * s_,
  ];
  return `#${lin
    .map((x) => {
      const v = Math.max(0, Math.min(1, x));
      const g = v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055;
      return Math.round(g * 255)
        .toString(16)
        .padStart(2, '0');
    })
    .join('')}`;
}

/** Enough for 50 senders: hues by the golden angle (each new one far from the last), three lightnesses. */
export const PALETTE_SIZE = 60;
const LIGHTNESS = [0.5, 0.36, 0.43];
export const PALETTE: readonly string[] = Array.from({ length: PALETTE_SIZE }, (_, i) =>
  oklchHex(LIGHTNESS[i % 3] ?? 0.45, 0.14, (20 + i * 137.508) % 360),
);

export type SenderStyles = (sender: string | null) => SenderStyle;

/** The case's senders in assignment order, from the dashboard's activity (sender × month). */
export function senderOrder(
  activity: readonly { sender: string | null; month: string; messages: number }[],
): string[] {
  const seen = new Map<string, { first: string; messages: number }>();
  for (const a of activity) {
    if (a.sender === null) continue;
    const s = seen.get(a.sender);
    if (!s) seen.set(a.sender, { first: a.month, messages: a.messages });
    else
      seen.set(a.sender, { first: a.month < s.first ? a.month : s.first, messages: s.messages + a.messages });
  }
  return [...seen.entries()]
    .sort((x, y) =>
      x[1].first !== y[1].first
        ? x[1].first < y[1].first
          ? -1
          : 1
        : y[1].messages - x[1].messages || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0),
    )
    .map(([name]) => name);
}

export function senderStyles(order: readonly string[]): SenderStyles {
  const index = new Map(order.map((s, i) => [s, i]));
  return (sender) => {
    if (!sender) return SYSTEM;
    let i = index.get(sender);
    if (i === undefined) {
      // A sender the dashboard does not list yet (new evidence): a colour after the assigned ones.
      let h = 0x811c9dc5;
      for (let k = 0; k < sender.length; k++) h = Math.imul(h ^ sender.charCodeAt(k), 0x01000193) >>> 0;
      i = order.length + (h % PALETTE_SIZE);
    }
    return {
      colour: PALETTE[i % PALETTE_SIZE] ?? SYSTEM.colour,
      mark: MARKS[i % MARKS.length] ?? '●',
    };
  };
}

/** The case's sender styles, set by the case shell (CaseShell.tsx); outside a case, by name only. */
export const SenderStylesContext = createContext<SenderStyles>(senderStyles([]));

export function useSenderStyle(sender: string | null): SenderStyle {
  return useContext(SenderStylesContext)(sender);
}
