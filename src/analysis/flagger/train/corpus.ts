/**
 * The domain corpus (data/flagger/): expands the hand-written templates in templates.txt with the slot
 * lists in slots.txt into labelled lines with categories, deterministically (seeded), and adds
 * obfuscated variants (swapped, dropped or leet letters, masks, spaced letters) of a share of them.
 *
 * The dev split takes whole templates (a hash of the template id), never single lines, so the dev
 * figures measure how the model does on phrasings it has not seen, not on new slot fillers.
 */

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROTECTED_CATEGORIES, type FlagCategory } from '../../../contract/coding.js';
import { repoRoot } from './data.js';

export const PROTECTED: readonly FlagCategory[] = PROTECTED_CATEGORIES;

export interface CorpusLine {
  id: string;
  text: string;
  label: 0 | 1;
  categories: FlagCategory[];
  kind: string;
  template: string;
  split: 'train' | 'dev';
}

interface Template {
  id: string;
  label: 0 | 1;
  kind: string;
  /** Categories a group slot may draw from. */
  draw: FlagCategory[];
  /** Categories added to the label whatever the group. */
  extra: FlagCategory[];
  text: string;
}

export interface Slots {
  lists: Map<string, string[]>;
  groups: Map<FlagCategory, [string, string][]>;
  slurs: Map<FlagCategory, [string, string][]>;
}

export function corpusDir(): string {
  return path.join(repoRoot(), 'data', 'flagger');
}

function pairs(values: string[]): [string, string][] {
  return values.map((v) => {
    const [pl, sg] = v.split('/');
    return [pl!.trim(), (sg ?? pl!).trim()];
  });
}

export function parseSlots(text: string): Slots {
  const lists = new Map<string, string[]>();
  const groups = new Map<FlagCategory, [string, string][]>();
  const slurs = new Map<FlagCategory, [string, string][]>();
  for (const line of text.split('\n')) {
    const m = /^@(GROUP|SLUR) (\w+):(.*)$/.exec(line) ?? /^@(\w+):(.*)$/.exec(line);
    if (m === null) continue;
    if (m.length === 4) {
      const values = m[3]!.split('|').map((v) => v.trim());
      (m[1] === 'GROUP' ? groups : slurs).set(m[2] as FlagCategory, pairs(values));
    } else {
      lists.set(
        m[1]!,
        m[2]!.split('|').map((v) => v.trim()),
      );
    }
  }
  return { lists, groups, slurs };
}

export function parseTemplates(text: string, file = 'templates.txt'): Template[] {
  const out: Template[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const f = line.split(' | ');
    if (f.length < 5) throw new Error(`${file}:${i + 1}: bad line '${line}'`);
    const [id, label, kind, cats] = f.map((x) => x.trim()) as [string, string, string, string];
    const text = f.slice(4).join(' | ').trim();
    const [drawSpec, extraSpec] = cats.split('+');
    const draw: FlagCategory[] =
      drawSpec === '**'
        ? [...PROTECTED, 'other_derogatory']
        : drawSpec === '*'
          ? [...PROTECTED]
          : (drawSpec!.split(',') as FlagCategory[]);
    const extra = extraSpec === undefined ? [] : (extraSpec.split(',') as FlagCategory[]);
    out.push({ id, label: label === '1' ? 1 : 0, kind, draw, extra, text });
  }
  return out;
}

/** Mulberry32: a small seeded generator (the corpus must be the same on every machine). */
export function seeded(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), t | 1);
    r ^= r + Math.imul(r ^ (r >>> 7), r | 61);
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

export function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const LEET: Record<string, string> = { a: '4', e: '3', i: '1', o: '0', s: '5', t: '7' };

/** One obfuscation of a word, as people type to dodge filters. */
export function obfuscateWord(w: string, r: () => number): string {
  if (w.length < 4) return w;
  const k = 1 + Math.floor(r() * (w.length - 2));
  switch (Math.floor(r() * 6)) {
    case 0:
      return w.slice(0, k) + w[k + 1]! + w[k]! + w.slice(k + 2); // swapped letters
    case 1:
      return w.slice(0, k) + w.slice(k + 1); // a letter dropped
    case 2:
      return w.replace(/[aeiost]/g, (c) => (r() < 0.6 ? LEET[c]! : c));
    case 3:
      return w.slice(0, k) + '*' + w.slice(k + 1);
    case 4:
      return w.split('').join(' ');
    default:
      return w.slice(0, k) + w[k]! + w[k]! + w.slice(k + 1); // doubled letter
  }
}

function fill(t: Template, s: Slots, r: () => number, cat: FlagCategory): string {
  const group = pick(r, s.groups.get(cat) ?? s.groups.get('race_ethnicity')!);
  const slur = pick(r, s.slurs.get(cat) ?? s.slurs.get('race_ethnicity')!);
  return t.text.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === 'P') return group[0];
    if (name === 'S') return group[1];
    if (name === 'SLURP') return slur[0];
    if (name === 'SLURS') return slur[1];
    const list = s.lists.get(name);
    if (list === undefined) throw new Error(`templates.txt ${t.id}: unknown slot {${name}}`);
    return pick(r, list);
  });
}

/** Chat-style surface variation: case, trailing punctuation, tidy spaces. */
function surface(text: string, r: () => number): string {
  let t = text
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.?!])/g, '$1')
    .trim();
  const x = r();
  if (x < 0.12) t = t.toUpperCase();
  else if (x < 0.5) t = t[0]!.toUpperCase() + t.slice(1);
  const y = r();
  if (y < 0.15 && !/[?!.]$/.test(t)) t += '!';
  else if (y < 0.3 && !/[?!.]$/.test(t)) t += '.';
  return t;
}

export interface BuildOptions {
  perTemplate?: number;
  seed?: number;
  devShare?: number;
  obfuscateShare?: number;
  /**
   * Texts that must not appear in the corpus (compared lower case, letters and spaces only): our own
   * functional and police suites, so that training never sees a test sentence, even one a generic
   * template ("{P} are {NEG}") happens to produce.
   */
  exclude?: readonly string[];
}

/**
 * Letters and spaces only, lower case, so that punctuation and case do not hide a test sentence. A
 * sentence with no letters at all (emoji only) is compared by its emoji (ASCII punctuation and spacing
 * aside) instead: stripped to letters, it would be the empty string and match every emoji-only line of the corpus.
 */
export const normaliseForOverlap = (t: string): string => {
  const letters = t
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (letters !== '') return letters;
  return t
    .replace(/[!-/:-@[-`{-~]/g, '') // ASCII punctuation, as for letters; the emoji stay
    .replace(/\s+/g, ' ')
    .trim();
};

export function buildCorpus(templates: Template[], slots: Slots, o: BuildOptions = {}): CorpusLine[] {
  const perTemplate = o.perTemplate ?? 100;
  const devShare = o.devShare ?? 0.2;
  const obShare = o.obfuscateShare ?? 0.12;
  const out: CorpusLine[] = [];
  const seen = new Set<string>();
  const excluded = new Set((o.exclude ?? []).map(normaliseForOverlap));
  // Every fifth template of each kind goes to dev (whole templates: the dev set is unseen phrasing),
  // so that dev holds every kind of line, hateful and not, in about the share asked for.
  const perKind = new Map<string, number>();
  const every = Math.max(2, Math.round(1 / devShare));
  for (const t of templates) {
    const r = seeded((o.seed ?? 14) ^ fnv(t.id));
    const pos = perKind.get(t.kind) ?? 0;
    perKind.set(t.kind, pos + 1);
    const split = pos % every === 2 ? 'dev' : 'train';
    let made = 0;
    for (let tries = 0; made < perTemplate && tries < perTemplate * 6; tries++) {
      const cat = t.draw[tries % t.draw.length]!;
      let text = surface(fill(t, slots, r, cat), r);
      let kind = t.kind;
      if (r() < obShare) {
        const words = text.split(' ');
        // Letters only: an emoji or a number is not something people misspell, and splitting one
        // would break its surrogate pairs.
        const idx = words.findIndex((w) => /^[A-Za-z]{4,}$/.test(w) && r() < 0.4);
        if (idx >= 0) {
          words[idx] = obfuscateWord(words[idx]!, r);
          text = words.join(' ');
          kind = `${t.kind}+obfuscated`;
        }
      }
      const key = text.toLowerCase();
      if (seen.has(key) || excluded.has(normaliseForOverlap(text))) continue;
      seen.add(key);
      const categories: FlagCategory[] =
        t.label === 1 ? [...new Set<FlagCategory>([...(t.draw.length > 0 ? [cat] : []), ...t.extra])] : [];
      out.push({ id: `${t.id}-${made}`, text, label: t.label, categories, kind, template: t.id, split });
      made++;
    }
  }
  return out;
}

/** Letters before the number of a template id: "B", "T", "AA" (the first author's are lower case). */
const idLetters = (id: string): string => /^[A-Za-z]*/.exec(id)![0];

/**
 * The first author's files (templates.txt, slots.txt) and then every other author's
 * (templates-NAME.txt, slots-NAME.txt) in the order they joined, which is the order of their id letters
 * (B … Z, then AA, AB …), not of their names: a new author whose name sorts early ("abi") must not
 * shift the dev split of earlier authors' templates (every fifth of its kind, counted in this order).
 * A template id or a slot name may be defined once across all files.
 */
export function loadCorpusSources(dir = corpusDir()): { templates: Template[]; slots: Slots } {
  const files = readdirSync(dir).sort();
  const named = (stem: string): string[] => [
    `${stem}.txt`,
    ...files.filter((f) => f.startsWith(`${stem}-`) && f.endsWith('.txt')),
  ];
  const byFile = named('templates').map((file) => ({
    file,
    list: parseTemplates(readFileSync(path.join(dir, file), 'utf8'), file),
  }));
  const key = (list: Template[]): string => idLetters(list[0]?.id ?? '');
  const [first, ...others] = byFile;
  others.sort((a, b) => key(a.list).length - key(b.list).length || key(a.list).localeCompare(key(b.list)));
  const templates: Template[] = [];
  const ids = new Map<string, string>();
  for (const { file, list } of [first!, ...others]) {
    for (const t of list) {
      const seen = ids.get(t.id);
      if (seen !== undefined) throw new Error(`${file}: template id ${t.id} is already used in ${seen}`);
      ids.set(t.id, file);
      templates.push(t);
    }
  }
  const slots: Slots = { lists: new Map(), groups: new Map(), slurs: new Map() };
  for (const file of named('slots')) {
    const more = parseSlots(readFileSync(path.join(dir, file), 'utf8'));
    for (const key of ['lists', 'groups', 'slurs'] as const) {
      for (const [name, values] of more[key] as Map<string, unknown>) {
        if ((slots[key] as Map<string, unknown>).has(name)) {
          throw new Error(`${file}: slot ${name} is already defined in an earlier slots file`);
        }
        (slots[key] as Map<string, unknown>).set(name, values);
      }
    }
  }
  return { templates, slots };
}

const HEADER = 'id\tsplit\tlabel\tcategories\tkind\ttext';

/**
 * Rebuild data/flagger/corpus.tsv from the templates (called by `npm run train:flagger`). Tab-separated
 * (no tab or newline can occur in a generated line), one line per example, about half the size of JSON.
 */
export function writeCorpus(exclude: readonly string[] = [], dir = corpusDir()): CorpusLine[] {
  const { templates, slots } = loadCorpusSources(dir);
  const lines = buildCorpus(templates, slots, { exclude });
  const rows = lines.map((l) => [l.id, l.split, l.label, l.categories.join(','), l.kind, l.text].join('\t'));
  writeFileSync(path.join(dir, 'corpus.tsv'), [HEADER, ...rows].join('\n') + '\n');
  return lines;
}

export function readCorpus(dir = corpusDir()): CorpusLine[] {
  const rows = readFileSync(path.join(dir, 'corpus.tsv'), 'utf8').split('\n').slice(1);
  return rows
    .filter((l) => l.length > 0)
    .map((l) => {
      const [id, split, label, cats, kind, ...text] = l.split('\t');
      return {
        id: id!,
        split: split === 'dev' ? 'dev' : 'train',
        label: label === '1' ? 1 : 0,
        categories: cats === '' ? [] : (cats!.split(',') as FlagCategory[]),
        kind: kind!,
        template: id!.replace(/-\d+$/, ''),
        text: text.join('\t'),
      };
    });
}
