/**
 * Training/evaluation data from ../shared/data, with deterministic splits.
 *
 * - HatemojiBuild: the authors' own split (train / validation → dev / test → held-out).
 * - ToxiGen seeds and Davidson 2017: a hash of the normalised text decides the split, so near-duplicate
 *   tweets (retweets, different @mentions or URLs) always land in the same split and the held-out slice
 *   never leaks into training. Held-out: 20 % (ToxiGen), 15 % (Davidson); dev: next 10 %.
 *
 * The held-out split is only ever read by the evaluation script.
 */

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FlagCategory } from '../../../contract/coding.js';

export type Split = 'train' | 'dev' | 'heldout';

export interface Doc {
  text: string;
  /** 1 hateful, 0 not. */
  label: 0 | 1;
  source: 'hatemoji' | 'toxigen' | 'davidson';
  split: Split;
  /** Protected categories the item targets (empty if unknown or not hateful). */
  categories: FlagCategory[];
  /** Davidson 'offensive language' (class 1): profanity without hate. */
  offensive?: boolean;
  weight: number;
}

export function repoRoot(): string {
  // This file is src/analysis/flagger/train/data.ts (or dist/src/...): walk up to package.json.
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let k = 0; k < 8; k++) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

export function dataDir(): string {
  return process.env.SCRUTINEER_SHARED_DATA ?? path.resolve(repoRoot(), '..', 'shared', 'data');
}

/** RFC 4180 CSV parser (quoted fields, doubled quotes, CR/LF/CRLF line ends). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += c;
    } else if (c === '"') inQuotes = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field.length > 0 || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function records(file: string): Record<string, string>[] {
  const rows = parseCsv(readFileSync(file, 'utf8'));
  const header = rows[0] ?? [];
  return rows.slice(1).map((r) => Object.fromEntries(header.map((h, k) => [h, r[k] ?? ''])));
}

export function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Stable bucket 0–99 from text. */
export function bucket(text: string): number {
  const h = createHash('sha1').update(text).digest();
  return h.readUInt32BE(0) % 100;
}

function splitFor(normText: string, heldout: number, dev: number): Split {
  const b = bucket(normText);
  if (b < heldout) return 'heldout';
  if (b < heldout + dev) return 'dev';
  return 'train';
}

const HATEMOJI_CODES: Record<string, FlagCategory[]> = {
  wom: ['sex_women'],
  blawom: ['race_ethnicity', 'sex_women'],
  muswom: ['religion', 'sex_women'],
  asiwom: ['race_ethnicity', 'sex_women'],
  indwom: ['race_ethnicity', 'sex_women'],
  indigwom: ['race_ethnicity', 'sex_women'],
  mexwom: ['race_ethnicity', 'sex_women'],
  sikhwom: ['religion', 'sex_women'],
  gaywom: ['sexual_orientation', 'sex_women'],
  gay: ['sexual_orientation'],
  gayman: ['sexual_orientation'],
  bis: ['sexual_orientation'],
  lgbtqa: ['sexual_orientation', 'gender_identity'],
  trans: ['gender_identity'],
  dis: ['disability'],
  mus: ['religion'],
  jew: ['religion'],
  sikh: ['religion'],
  hind: ['religion'],
  wc: ['other_derogatory'],
};

export function hatemojiCategories(target: string): FlagCategory[] {
  const codes = target
    .replace(/[[\]' ]/g, '')
    .split(',')
    .filter((c) => c.length > 0 && c !== 'none');
  const out = new Set<FlagCategory>();
  for (const c of codes) {
    const mapped = HATEMOJI_CODES[c];
    if (mapped !== undefined) for (const m of mapped) out.add(m);
    else out.add('race_ethnicity'); // bla, asi.*, arab, immig, ref, trav, nat.* ...: race, ethnicity, nationality
  }
  return [...out];
}

const TOXIGEN_GROUPS: Record<string, FlagCategory> = {
  asian: 'race_ethnicity',
  black: 'race_ethnicity',
  chinese: 'race_ethnicity',
  latino: 'race_ethnicity',
  mexican: 'race_ethnicity',
  middle_east: 'race_ethnicity',
  native_american: 'race_ethnicity',
  immigrant: 'race_ethnicity',
  jewish: 'religion',
  muslim: 'religion',
  lgbtq: 'sexual_orientation',
  bisexual: 'sexual_orientation',
  trans: 'gender_identity',
  mental_disability: 'disability',
  physical_disability: 'disability',
  women: 'sex_women',
};

function normForSplit(s: string): string {
  return s
    .toLowerCase()
    .replace(/^(?:!+\s*)?rt\s+@\w+:?/g, '')
    .replace(/@\w+/g, '')
    .replace(/https?:\/\/\S+/g, '')
    .replace(/&#?\w+;/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_m, d: string) => {
      const cp = Number(d);
      return cp > 0 && cp < 0x110000 ? String.fromCodePoint(cp) : '';
    })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#039;|&apos;/g, "'");
}

export interface LoadedData {
  docs: Doc[];
  files: { file: string; sha256: string; rows: number }[];
}

export function loadData(dir = dataDir()): LoadedData {
  const docs: Doc[] = [];
  const files: LoadedData['files'] = [];
  const note = (file: string, rows: number): void => {
    files.push({ file: path.relative(path.resolve(dir, '..'), file), sha256: sha256File(file), rows });
  };

  for (const [name, split] of [
    ['train.csv', 'train'],
    ['validation.csv', 'dev'],
    ['test.csv', 'heldout'],
  ] as const) {
    const file = path.join(dir, 'hatemojibuild', name);
    const recs = records(file);
    note(file, recs.length);
    for (const r of recs) {
      const label = r.label_gold === '1' ? 1 : 0;
      docs.push({
        text: r.text ?? '',
        label,
        source: 'hatemoji',
        split,
        categories: label === 1 ? hatemojiCategories(r.target ?? '') : [],
        weight: 2,
      });
    }
  }

  {
    const file = path.join(dir, 'toxigen_seeds', 'toxigen_seed_sentences.csv');
    const recs = records(file);
    note(file, recs.length);
    const seen = new Set<string>();
    for (const r of recs) {
      const text = r.sentence ?? '';
      const key = normForSplit(text) + '|' + r.label;
      if (seen.has(key)) continue; // the 54 sentences listed under both lgbtq and trans
      seen.add(key);
      const label = r.label === 'hate' ? 1 : 0;
      const cat = TOXIGEN_GROUPS[r.target_group ?? ''];
      docs.push({
        text,
        label,
        source: 'toxigen',
        split: splitFor(normForSplit(text), 20, 10),
        categories: label === 1 && cat !== undefined ? [cat] : [],
        weight: 2,
      });
    }
  }

  {
    const file = path.join(dir, 'davidson2017', 'labeled_data.csv');
    const recs = records(file);
    note(file, recs.length);
    for (const r of recs) {
      const raw = decodeEntities(r.tweet ?? '');
      const cls = r.class;
      const label = cls === '0' ? 1 : 0;
      docs.push({
        text: raw,
        label,
        source: 'davidson',
        split: splitFor(normForSplit(raw), 15, 10),
        categories: [],
        offensive: cls === '1',
        // 'Offensive' tweets are mostly untargeted profanity and misogynistic slang; they teach the
        // model what is NOT hate at a lower weight (their labels are the noisiest in the corpus).
        weight: cls === '1' ? 0.3 : 1,
      });
    }
  }
  return { docs, files };
}
