import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildCorpus,
  corpusDir,
  loadCorpusSources,
  normaliseForOverlap,
  obfuscateWord,
  parseSlots,
  parseTemplates,
  PROTECTED,
  readCorpus,
  seeded,
} from '../../../src/analysis/flagger/train/corpus.js';
import { HELD_BACK_SUITES } from './suites.js';

const lines = readCorpus();

describe('domain corpus (data/flagger)', () => {
  it('is the committed expansion of the templates (deterministic, up to date)', () => {
    const { templates, slots } = loadCorpusSources();
    const exclude = HELD_BACK_SUITES.map((c) => c.text);
    const rebuilt = buildCorpus(templates, slots, { exclude });
    expect(rebuilt.length).toBe(lines.length);
    expect(rebuilt.map((l) => l.text)).toEqual(lines.map((l) => l.text));
    expect(rebuilt.map((l) => l.split)).toEqual(lines.map((l) => l.split));
  });

  it('has at least 20,000 labelled lines, every category with hundreds of offensive lines', () => {
    expect(lines.length).toBeGreaterThanOrEqual(20_000);
    for (const c of [...PROTECTED, 'victims_of_crime', 'other_derogatory'] as const) {
      expect(lines.filter((l) => l.label === 1 && l.categories.includes(c)).length, c).toBeGreaterThan(500);
    }
    expect(lines.filter((l) => l.label === 0).length).toBeGreaterThan(8000);
    for (const l of lines) {
      if (l.label === 1) expect(l.categories.length, l.id).toBeGreaterThan(0);
      else expect(l.categories, l.id).toEqual([]);
    }
  });

  it('covers the kinds the issue names, offensive and quiet', () => {
    const kinds = new Set(lines.map((l) => l.kind.split('+')[0]));
    for (const k of [
      'explicit',
      'implicit',
      'joke',
      'emoji',
      'negated_positive',
      'question',
      'profanity',
      'reference_back',
      'victim_blame',
      'victim_mock',
      'jargon',
      'false_friend',
      'counter_speech',
      'neutral_report',
      'negation',
      'reclaimed',
    ]) {
      expect(kinds.has(k), k).toBe(true);
    }
    expect(lines.some((l) => l.kind.endsWith('+obfuscated'))).toBe(true);
  });

  it('leaves out an emoji-only test sentence as written, not every emoji-only line', () => {
    const templates = parseTemplates(
      ['e1 | 1 | emoji | race_ethnicity | 🏳️‍🌈 = 🤮', 'e2 | 1 | emoji | race_ethnicity | ☪️ ➡️ 🚮'].join('\n'),
    );
    const slots = parseSlots('@GROUP race_ethnicity: Xs/X\n@SLUR race_ethnicity: ys/y');
    const kept = (exclude: string[]) =>
      buildCorpus(templates, slots, { exclude, obfuscateShare: 0 }).map((l) => l.text.replace(/[.!]$/u, ''));
    expect(new Set(kept([]))).toEqual(new Set(['🏳️‍🌈 = 🤮', '☪️ ➡️ 🚮']));
    // A test sentence with no letters removes only itself (it was the empty string and removed both).
    expect(new Set(kept(['🏳️‍🌈 = 🤮']))).toEqual(new Set(['☪️ ➡️ 🚮']));
    // A sentence with letters is still compared by its letters, whatever the punctuation and case.
    expect(normaliseForOverlap('Women are VERMIN!!')).toBe(normaliseForOverlap('women are vermin'));
  });

  it('keeps the dev split apart by whole template, never by line', () => {
    const splitOf = new Map<string, string>();
    for (const l of lines) {
      const prev = splitOf.get(l.template);
      expect(prev === undefined || prev === l.split, l.template).toBe(true);
      splitOf.set(l.template, l.split);
    }
    const dev = lines.filter((l) => l.split === 'dev');
    expect(dev.length / lines.length).toBeGreaterThan(0.12);
    expect(dev.length / lines.length).toBeLessThan(0.35);
    expect(new Set(lines.map((l) => l.text.toLowerCase())).size).toBe(lines.length);
  });

  it('holds no sentence of our own functional and police suites (they stay tests)', () => {
    const corpusTexts = new Set(lines.map((l) => normaliseForOverlap(l.text)));
    const overlap = HELD_BACK_SUITES.filter((c) => corpusTexts.has(normaliseForOverlap(c.text)));
    expect(overlap.map((c) => c.text)).toEqual([]);
  });

  it('has a datasheet', () => {
    const sheet = readFileSync(path.join(corpusDir(), 'DATASHEET.md'), 'utf8');
    expect(sheet).toMatch(/licen[cs]e/i);
    expect(sheet).toMatch(/gaps/i);
  });
});

describe('obfuscation', () => {
  it('changes a word the way people dodge filters, deterministically', () => {
    const r1 = seeded(3);
    const r2 = seeded(3);
    const a = Array.from({ length: 20 }, () => obfuscateWord('muslims', r1));
    const b = Array.from({ length: 20 }, () => obfuscateWord('muslims', r2));
    expect(a).toEqual(b);
    expect(a.filter((w) => w !== 'muslims').length).toBeGreaterThan(15);
    expect(obfuscateWord('gay', seeded(1))).toBe('gay');
  });
});
