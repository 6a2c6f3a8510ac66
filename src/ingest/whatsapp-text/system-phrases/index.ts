import type { SystemEvent } from '../../../domain/message.js';
import { ar } from './ar.js';
import { bn } from './bn.js';
import { cs } from './cs.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fa } from './fa.js';
import { fr } from './fr.js';
import { he } from './he.js';
import { hi } from './hi.js';
import { id } from './id.js';
import { it } from './it.js';
import { ja } from './ja.js';
import { ko } from './ko.js';
import { nl } from './nl.js';
import { pl } from './pl.js';
import { ptBR } from './pt-BR.js';
import { ptPT } from './pt-PT.js';
import { ro } from './ro.js';
import { ru } from './ru.js';
import { th } from './th.js';
import { tr } from './tr.js';
import type { EventPhrase, PhraseTable } from './types.js';
import { ur } from './ur.js';
import { vi } from './vi.js';
import { zh } from './zh.js';

/**
 * The phrase tables compiled for matching. Comparison follows whatsapp-strings.md: direction marks
 * stripped, NFC, case folded, quotes unified, a final full stop ignored. Only what is matched is
 * normalised; every text is stored as written.
 */

/** English first: where tables overlap, the most common export language decides. */
export const PHRASE_TABLES: readonly PhraseTable[] = [
  en,
  de,
  fr,
  es,
  ptBR,
  ptPT,
  it,
  nl,
  id,
  tr,
  ru,
  pl,
  ro,
  ar,
  hi,
  ur,
  bn,
  vi,
  zh,
  ja,
  cs,
  he,
  fa,
  th,
  ko,
];

const MARKS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
const TRAILING_MARKS = /[\s\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]+$/;
const FINAL_STOP = /[.\u3002\u0964\u06D4]$/;

/** Marks stripped, NFC, trimmed: the text names and values are taken from. */
function cleanText(text: string): string {
  // ASCII needs no composing; most lines are settled by this test alone.
  const unmarked = text.replace(MARKS, '');
  return (PLAIN.test(unmarked) ? unmarked : unmarked.normalize('NFC')).trim();
}

const PLAIN = /^[\x00-\x7F]*$/;

/**
 * Characters that differ between builds for the same phrase, folded one for one (the result has
 * the same length, so a match's offsets point into the clean text, whose names stay as written).
 * Case is folded by the regexes.
 */
function foldChars(clean: string): string {
  return FOLDABLE.test(clean) ? clean.replace(FOLD_ONE, (c) => FOLD_MAP[c] ?? c) : clean;
}

const FOLD_MAP: Readonly<Record<string, string>> = {
  '\u00A0': ' ',
  '\u202F': ' ',
  '\u2007': ' ',
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u300C': '"',
  '\u300D': '"',
  '\u300E': '"',
  '\u300F': '"',
  '\u2033': '"',
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u015F': '\u0219',
  '\u0163': '\u021B',
  '\uFE81\uFB57': '\u0622\u067E',
};
const FOLD_ONE =
  /\uFE81\uFB57|[\u00A0\u202F\u2007\u201C-\u201F\u00AB\u00BB\u300C-\u300F\u2033\u2018-\u201B\u2032\u015F\u0163]/g;
const FOLDABLE =
  /\uFE81\uFB57|[\u00A0\u202F\u2007\u201C-\u201F\u00AB\u00BB\u300C-\u300F\u2033\u2018-\u201B\u2032\u015F\u0163]/;

/** The form phrases are compared in. */
export function normalisePhrase(text: string): string {
  return foldChars(cleanText(text));
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Role = 'actor' | 'targets' | 'value' | 'old' | 'number' | 'file';
const PLACEHOLDER = /\{(actor|targets|value|old|number|file)\}/g;

interface Compiled {
  readonly re: RegExp;
  /** Characters of fixed text: more means more specific. */
  readonly literal: number;
  readonly roles: readonly Role[];
  /** The longest literal piece, case-folded: a cheap test before the regex. */
  readonly key: string;
}

/** A template as a regex over normalised text; `…` at the end lets anything follow. */
function compile(template: string): Compiled {
  let t = normalisePhrase(template);
  const prefix = t.endsWith('…');
  if (prefix) t = t.slice(0, -1).trimEnd();
  const endsLiteral = !/\}$/.test(t);
  if (endsLiteral) t = t.replace(FINAL_STOP, '');
  const roles: Role[] = [];
  const literals: string[] = [];
  let source = '';
  let last = 0;
  for (const m of t.matchAll(PLACEHOLDER)) {
    const lit = t.slice(last, m.index);
    literals.push(lit);
    source += escape(lit);
    const role = m[1] as Role;
    roles.push(role);
    source += role === 'number' ? '(\\+?[\\d ()-]{6,})' : '(.+?)';
    last = m.index + m[0].length;
  }
  const tail = t.slice(last);
  literals.push(tail);
  source += escape(tail);
  // A sentence that ends in a name takes the whole rest (a name may end in "."); one that ends in
  // words may have a final stop or not.
  source = source.replace(/\(\.\+\?\)$/, '(.+)');
  const end = prefix ? '' : endsLiteral ? '[.\\u3002\\u0964\\u06D4]?$' : '$';
  const key = literals.reduce((a, b) => (b.trim().length > a.length ? b.trim() : a), '').toLowerCase();
  const literal = literals.join('').length;
  return { re: new RegExp(`^${source}${end}`, 'isud'), roles, key, literal };
}

interface EventMatcher extends Compiled {
  readonly phrase: EventPhrase;
  readonly table: PhraseTable;
}

/**
 * Most specific first, across languages: "{actor} adicionou {targets} a este grupo" (pt-PT) must be
 * tried before "{actor} adicionou {targets}" (pt-BR), or the target would take the rest.
 */
const EVENT_MATCHERS: readonly EventMatcher[] = PHRASE_TABLES.flatMap((table) =>
  table.events.map((phrase) => ({ ...compile(phrase[1]), phrase, table })),
).sort((a, b) => b.literal - a.literal);
const ENCRYPTION_PREFIXES: readonly string[] = PHRASE_TABLES.flatMap((t) =>
  t.encryption.map((p) => normalisePhrase(p).toLowerCase()),
);

/** Each table's words for the owner, folded once. */
const YOU_WORDS = new Map<PhraseTable, ReadonlySet<string>>();
function isYou(name: string, table: PhraseTable): boolean {
  let words = YOU_WORDS.get(table);
  if (!words) YOU_WORDS.set(table, (words = new Set(table.you.map((y) => normalisePhrase(y).toLowerCase()))));
  const n = name.trim().toLowerCase();
  return n === 'you' || words.has(n);
}

/** "A, B and you" → ["A", "B", "You"]: the phone's owner is always "You", however the line wrote it. */
const SEPARATORS = new Map<PhraseTable, RegExp>();
export function splitNames(list: string, table: PhraseTable = en): string[] {
  let sep = SEPARATORS.get(table);
  if (!sep) {
    const and = table.and.map(escape).join('|');
    SEPARATORS.set(table, (sep = new RegExp(`, |\\u060C |\\u3001| (?:${and}) `, 'u')));
  }
  return list
    .split(sep)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s) => (isYou(s, table) ? 'You' : s));
}

/** The captured names and values, taken from the clean text (quotes and spaces as written). */
function captures(
  found: RegExpExecArray,
  clean: string,
  roles: readonly Role[],
): Partial<Record<Role, string>> {
  const got: Partial<Record<Role, string>> = {};
  roles.forEach((r, i) => {
    const at = found.indices?.[i + 1];
    got[r] = at ? clean.slice(at[0], at[1]).trim() : '';
  });
  return got;
}

function build(m: EventMatcher, got: Partial<Record<Role, string>>): SystemEvent {
  const [type, , fixed] = m.phrase;
  const actorText = got.actor ?? null;
  const actor = fixed?.actor ?? (actorText === null ? null : isYou(actorText, m.table) ? 'You' : actorText);
  let targets: string[] = fixed?.targets
    ? [...fixed.targets]
    : got.targets
      ? splitNames(got.targets, m.table)
      : [];
  const value: string | null = got.value ?? got.number ?? null;
  let previousValue: string | null = got.old ?? null;
  if ((type === 'left' || type === 'joined_by_link') && targets.length === 0 && actor !== null)
    targets = [actor];
  if (type === 'number_changed' && actor !== null) {
    targets = [actor];
    previousValue = actor;
  }
  return { type, actor, targets, value, previousValue };
}

/** The event a system text describes in any language we have a table for, or null. */
export function matchSystemPhrase(text: string): SystemEvent | null {
  const clean = cleanText(text);
  const folded = foldChars(clean);
  const lower = folded.toLowerCase();
  if (ENCRYPTION_PREFIXES.some((p) => lower.startsWith(p))) {
    return { type: 'encryption_notice', actor: null, targets: [], value: null, previousValue: null };
  }
  const candidate = candidatesIn(lower);
  for (let i = 0; i < EVENT_MATCHERS.length; i++) {
    if (!candidate[i]) continue;
    const m = EVENT_MATCHERS[i]!;
    if (m.key && !lower.includes(m.key)) continue;
    const found = m.re.exec(folded);
    if (found) return build(m, captures(found, clean, m.roles));
  }
  return null;
}

/**
 * Matchers by the first three characters of their key, so a text is tried against the handful
 * whose key can occur in it rather than all of them (hundreds, across twenty languages).
 */
const GRAM = 3;
const BY_GRAM = new Map<string, number[]>();
const ALWAYS: number[] = [];
EVENT_MATCHERS.forEach((m, i) => {
  if (m.key.length < GRAM) ALWAYS.push(i);
  else {
    const g = m.key.slice(0, GRAM);
    const list = BY_GRAM.get(g);
    if (list) list.push(i);
    else BY_GRAM.set(g, [i]);
  }
});

function candidatesIn(lower: string): Uint8Array {
  const out = new Uint8Array(EVENT_MATCHERS.length);
  for (const i of ALWAYS) out[i] = 1;
  for (let at = 0; at + GRAM <= lower.length; at++) {
    const list = BY_GRAM.get(lower.slice(at, at + GRAM));
    if (list) for (const i of list) out[i] = 1;
  }
  return out;
}

// --- Markers inside people's messages ------------------------------------------------------------

/** Printable ASCII with no quote: nothing for cleanText or foldChars to change but the ends. */
const PLAIN_ASCII = /^[\x20-\x21\x23-\x26\x28-\x7E]*$/;
const foldOnce = (s: string): string =>
  (PLAIN_ASCII.test(s) ? s.trim() : normalisePhrase(s)).replace(FINAL_STOP, '').toLowerCase();
/** The last folding: a one-line body is folded for deleted and for omitted placeholders alike. */
let lastFolded: [string, string] = ['', foldOnce('')];
function fold(s: string): string {
  if (s !== lastFolded[0]) lastFolded = [s, foldOnce(s)];
  return lastFolded[1];
}

const DELETED = new Set(PHRASE_TABLES.flatMap((t) => t.deleted.map(fold)));
const YOU_DELETED = new Set(PHRASE_TABLES.flatMap((t) => t.youDeleted.map(fold)));
const MEDIA_OMITTED = new Set(
  PHRASE_TABLES.flatMap((t) => t.mediaOmitted.map((p) => fold(p).replace(/^< /, '<').replace(/ >$/, '>'))),
);
/** iOS placeholders by their last word, so a body is checked against a handful, not hundreds. */
const IOS_OMITTED = new Map<string, string[]>();
for (const p of PHRASE_TABLES.flatMap((t) => t.iosOmitted.map(fold))) {
  const word = p.slice(p.lastIndexOf(' ') + 1);
  const list = IOS_OMITTED.get(word) ?? [];
  list.push(p);
  IOS_OMITTED.set(word, list);
}
const ATTACHED: readonly (Compiled & { bracketed: boolean })[] = [
  ...new Set(PHRASE_TABLES.flatMap((t) => t.attached.map((a) => normalisePhrase(a)))),
].map((a) => ({ ...compile(a), bracketed: a.startsWith('<') }));
const EDITED_MARKERS = [...new Set(PHRASE_TABLES.flatMap((t) => t.edited))];
const EDITED = new RegExp(
  `[ \\u00A0]*[\\u200E\\u200F]?(?:${EDITED_MARKERS.map(escape).join('|')})\\s*$`,
  'iu',
);

/** Longer than any placeholder (with a document's title before it): the words someone wrote. */
const PLACEHOLDER_MAX = 160;

/** 'deleted' (someone's message deleted for everyone), 'you' (the owner deleted their own), or null. */
export function deletedPlaceholder(text: string): 'deleted' | 'you' | null {
  if (text.length > PLACEHOLDER_MAX) return null;
  const f = fold(text);
  if (DELETED.has(f)) return 'deleted';
  if (YOU_DELETED.has(f)) return 'you';
  return null;
}

/** Is this (one-line) body a placeholder for media the export left out, in any language? */
export function isMediaOmitted(line: string): boolean {
  if (line.length > PLACEHOLDER_MAX * 2) return false;
  const f = fold(line);
  if (f.startsWith('<')) return MEDIA_OMITTED.has(f.replace(/^< /, '<').replace(/ >$/, '>'));
  const word = f.slice(f.lastIndexOf(' ') + 1);
  const candidates = IOS_OMITTED.get(word);
  return candidates !== undefined && candidates.some((p) => f === p || f.endsWith(` ${p}`));
}

/** The attachment's file name where the line is an attachment marker in any language, else null. */
export function attachedFileName(line: string): string | null {
  const end = line.replace(TRAILING_MARKS, '').at(-1);
  if (end !== ')' && end !== '>' && end !== '\uFF09') return null;
  const clean = cleanText(line);
  const folded = foldChars(clean);
  const last = folded.at(-1);
  if (last !== ')' && last !== '>' && last !== '\uFF09') return null;
  // iOS writes a document's title and page count before `<attached: …>`.
  const from = Math.max(0, folded.lastIndexOf('<'));
  for (const a of ATTACHED) {
    const at = a.bracketed ? from : 0;
    const m = a.re.exec(folded.slice(at));
    if (m) return captures(m, clean.slice(at), a.roles).file ?? null;
  }
  return null;
}

/** Where the edited marker starts in a body, or -1 (the marker stays in the stored text). */
export function editedMarkerAt(body: string): number {
  // Every marker ends in '>' (before white space): most bodies end in something else.
  const last = body.charCodeAt(body.length - 1);
  if (last !== 0x3e && ((last > 0x20 && last < 0x7f) || body.length === 0)) return -1;
  if (!body.trimEnd().endsWith('>')) return -1;
  const m = EDITED.exec(body);
  return m ? m.index : -1;
}
