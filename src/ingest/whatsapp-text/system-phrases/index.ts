import type { SystemEvent } from '../../../domain/message.js';
import { ar } from './ar.js';
import { bn } from './bn.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { hi } from './hi.js';
import { id } from './id.js';
import { it } from './it.js';
import { ja } from './ja.js';
import { nl } from './nl.js';
import { pl } from './pl.js';
import { ptBR } from './pt-BR.js';
import { ptPT } from './pt-PT.js';
import { ro } from './ro.js';
import { ru } from './ru.js';
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
];

const MARKS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
const DOUBLE_QUOTES = /["\u201C\u201D\u201E\u201F\u00AB\u00BB\u300C\u300D\u300E\u300F\u2033]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032]/g;
const FINAL_STOP = /[.\u3002\u0964\u06D4]$/;

/** Marks stripped, NFC, trimmed: the text names and values are taken from. */
function cleanText(text: string): string {
  return text.replace(MARKS, '').normalize('NFC').trim();
}

/**
 * Characters that differ between builds for the same phrase, folded one for one (the result has
 * the same length, so a match's offsets point into the clean text, whose names stay as written).
 * Case is folded by the regexes.
 */
function foldChars(clean: string): string {
  return clean
    .replace(/[\u00A0\u202F\u2007]/g, ' ')
    .replace(DOUBLE_QUOTES, '"')
    .replace(SINGLE_QUOTES, "'")
    .replace(/\u015F/g, '\u0219')
    .replace(/\u0163/g, '\u021B')
    .replace(/\uFE81\uFB57/g, '\u0622\u067E');
}

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

function isYou(name: string, table: PhraseTable): boolean {
  const n = name.trim().toLowerCase();
  return n === 'you' || table.you.some((y) => normalisePhrase(y).toLowerCase() === n);
}

/** "A, B and you" → ["A", "B", "You"]: the phone's owner is always "You", however the line wrote it. */
export function splitNames(list: string, table: PhraseTable = en): string[] {
  const and = table.and.map(escape).join('|');
  const sep = new RegExp(`, |\\u060C |\\u3001| (?:${and}) `, 'u');
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
  for (const m of EVENT_MATCHERS) {
    if (m.key && !lower.includes(m.key)) continue;
    const found = m.re.exec(folded);
    if (found) return build(m, captures(found, clean, m.roles));
  }
  return null;
}

// --- Markers inside people's messages ------------------------------------------------------------

const fold = (s: string): string => normalisePhrase(s).replace(FINAL_STOP, '').toLowerCase();

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

/** 'deleted' (someone's message deleted for everyone), 'you' (the owner deleted their own), or null. */
export function deletedPlaceholder(text: string): 'deleted' | 'you' | null {
  const f = fold(text);
  if (DELETED.has(f)) return 'deleted';
  if (YOU_DELETED.has(f)) return 'you';
  return null;
}

/** Is this (one-line) body a placeholder for media the export left out, in any language? */
export function isMediaOmitted(line: string): boolean {
  const f = fold(line);
  if (f.startsWith('<')) return MEDIA_OMITTED.has(f.replace(/^< /, '<').replace(/ >$/, '>'));
  const word = f.slice(f.lastIndexOf(' ') + 1);
  const candidates = IOS_OMITTED.get(word);
  return candidates !== undefined && candidates.some((p) => f === p || f.endsWith(` ${p}`));
}

/** The attachment's file name where the line is an attachment marker in any language, else null. */
export function attachedFileName(line: string): string | null {
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
  if (!/>\s*$/.test(body)) return -1;
  const m = EDITED.exec(body);
  return m ? m.index : -1;
}
