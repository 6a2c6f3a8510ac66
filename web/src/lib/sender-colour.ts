/**
 * Sender colours, assigned per case (issue 18, defect 2): the case's senders in a fixed order (first
 * active month, then most messages, then name, so adding evidence rarely moves anyone) each get the
 * next colour of one palette, so no two of the first PALETTE_SIZE senders share a colour. A hash of
 * the name over a few colours (what this replaced) gave two pairs of the demo's nine the same one.
 *
 * Readable for colour-blind users: consecutive colours differ in lightness as well as hue (three
 * lightness levels, which survive any colour-vision deficiency), each sender also gets a mark (a
 * shape) shown beside the name, and the name itself is always written: colour is never the only cue.
 * Every colour is dark enough for text on white and on the selection's tint (contrast ≥ 4.5:1).
 */
import { createContext, useContext } from 'react';

export interface SenderStyle {
  readonly colour: string;
  /** A shape beside the name: with the colour, tells senders apart without relying on hue. */
  readonly mark: string;
}

const SYSTEM: SenderStyle = { colour: '#5c6670', mark: '·' };
const MARKS = ['●', '■', '▲', '◆', '★', '▼', '✚', '⬟'];

type Rgb = readonly [number, number, number];

/** OKLCH → linear sRGB (CSS Color 4); null when outside the sRGB gamut. */
function oklchLinear(l: number, c: number, hDeg: number): Rgb | null {
  const h = (hDeg * Math.PI) / 180;
  const a = c * Math.cos(h);
  const b = c * Math.sin(h);
  const l_ = (l + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m_ = (l - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s_ = (l - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const rgb: Rgb = [
    4.0767416621 * l_ - 3.3077115913 * m_ + 0.2309699292 * s_,
    -1.2684380046 * l_ + 2.6097574011 * m_ - 0.3413193965 * s_,
    -0.0041960863 * l_ - 0.7034186147 * m_ + 1.707614701 * s_,
  ];
  return rgb.every((x) => x >= 0 && x <= 1) ? rgb : null;
}

function hex(rgb: Rgb): string {
  return `#${rgb
    .map((v) => {
      const g = v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055;
      return Math.round(g * 255)
        .toString(16)
        .padStart(2, '0');
    })
    .join('')}`;
}

/** CIELAB of a linear sRGB colour (D65). */
function lab([r, g, b]: Rgb): Rgb {
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

// How the colour looks with protanopia and deuteranopia (Machado, Oliveira and Fernandes 2009).
const CVD: readonly (readonly number[])[] = [
  [0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998],
  [0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881],
];
const simulate = (m: readonly number[], [r, g, b]: Rgb): Rgb =>
  [0, 1, 2].map((i) =>
    Math.max(0, Math.min(1, (m[3 * i] ?? 0) * r + (m[3 * i + 1] ?? 0) * g + (m[3 * i + 2] ?? 0) * b)),
  ) as unknown as Rgb;

/** How far apart two colours look: the least of the distances with normal, protan and deutan vision. */
function apart(a: readonly Rgb[], b: readonly Rgb[]): number {
  let d = Infinity;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    // Colour-blind distances count half: enough that lightness steps are chosen, not only hue.
    d = Math.min(d, Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2]) * (i === 0 ? 1 : 2));
  }
  return d;
}

/**
 * Enough for 50 senders: from OKLCH candidates dark enough for text on every background a name is on, each next colour is
 * the one farthest (for normal and colour-blind vision alike) from all chosen before it. Computed
 * once; the order is fixed, so a case's colours never change between sessions.
 */
export const PALETTE_SIZE = 60;

/**
 * The darkest background a sender's name is written on: the selected message's tint (styles.css
 * `--selected`, #dbe9f7), darker than the white bubbles, the page and the owner's green. Checked
 * against white only, a lighter colour of the palette fell below 4.5:1 on a selected message (axe,
 * session 7); every colour now passes on all of them.
 */
const BACKGROUND_Y = (() => {
  const lin = (v: number) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  const [r, g, b] = [0xdb, 0xe9, 0xf7].map((x) => lin(x / 255)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
})();
function buildPalette(): string[] {
  const candidates: { hex: string; views: Rgb[] }[] = [];
  for (const l of [0.34, 0.41, 0.48, 0.55]) {
    for (const c of [0.08, 0.13, 0.18]) {
      for (let h = 0; h < 360; h += 6) {
        const rgb = oklchLinear(l, c, h);
        if (
          !rgb ||
          (BACKGROUND_Y + 0.05) / (0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2] + 0.05) < 4.5
        )
          continue;
        candidates.push({ hex: hex(rgb), views: [lab(rgb), ...CVD.map((m) => lab(simulate(m, rgb)))] });
      }
    }
  }
  const chosen: typeof candidates = [];
  const nearest = candidates.map(() => Infinity);
  // Start from a clear blue, the phone's own accent.
  let next = candidates.findIndex((x) => x.hex === hex(oklchLinear(0.48, 0.13, 252) ?? [0, 0, 1]));
  if (next < 0) next = 0;
  while (chosen.length < PALETTE_SIZE && next >= 0) {
    const pick = candidates[next]!;
    chosen.push(pick);
    let best = -1;
    for (let i = 0; i < candidates.length; i++) {
      nearest[i] = Math.min(nearest[i]!, apart(candidates[i]!.views, pick.views));
      if (best < 0 || nearest[i]! > nearest[best]!) best = i;
    }
    next = nearest[best]! > 0 ? best : -1;
  }
  return chosen.map((x) => x.hex);
}
export const PALETTE: readonly string[] = buildPalette();

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
