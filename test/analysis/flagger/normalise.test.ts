import { describe, expect, it } from 'vitest';
import { squeeze, tokenize, TK_EMOJI, TK_END, TK_WORD } from '../../../src/analysis/flagger/normalise.js';

const words = (text: string): string[] =>
  tokenize(text)
    .filter((t) => t.kind === TK_WORD)
    .map((t) => t.norm);

describe('normalise', () => {
  it('folds case, diacritics, fullwidth and look-alike letters', () => {
    expect(words('WOMEN Wömén Ｗｏｍｅｎ wоmеn 𝐰𝐨𝐦𝐞𝐧')).toEqual([
      'women',
      'women',
      'women',
      'women',
      'women',
    ]);
  });

  it('maps leetspeak inside words but keeps plain numbers and police codes findable', () => {
    const toks = tokenize('h4t3 5cum 2024 IC3');
    expect(toks.map((t) => t.norm)).toEqual(['hate', 'scum', '2024', 'ice']);
    expect(toks[3]!.alt).toBe('ic3');
  });

  it('squeezes repeated letters in the lookup key only', () => {
    const [t] = tokenize('haaaaate');
    expect(t!.norm).toBe('haaaaate');
    expect(t!.key).toBe('hate');
    expect(squeeze('fagggot')).toBe('fagot');
  });

  it('joins letters spelled out with spaces or punctuation, with offsets into the original', () => {
    for (const text of ['w o m e n', 'w.o.m.e.n', 'w-o-m-e-n', 'w_o_m_e_n']) {
      const [t] = tokenize(text);
      expect(t!.norm).toBe('women');
      expect([t!.start, t!.end]).toEqual([0, text.length]);
    }
  });

  it('drops zero-width characters and bidi overrides inside words', () => {
    expect(words('wo\u200bmen sc\u202eum\u202c')).toEqual(['women', 'scum']);
  });

  it('joins apostrophes inside words and ends sentences on punctuation', () => {
    const toks = tokenize("Don't. Isn’t it?");
    expect(toks.map((t) => t.norm)).toEqual(['dont', '.', 'isnt', 'it', '?']);
    expect(toks[1]!.kind).toBe(TK_END);
  });

  it('clusters emoji (ZWJ, skin tones, flags) and names them', () => {
    const toks = tokenize('🏳️‍🌈 🐀 👨🏿 🔪 🇬🇧');
    expect(toks.every((t) => t.kind === TK_EMOJI)).toBe(true);
    expect(toks.map((t) => t.norm)).toEqual(['rainbow_flag', 'rat', 'black_person', 'knife', 'emojif1ec']);
    expect(toks[0]!.emoji?.group).toBe('gay');
    expect(toks[2]!.emoji?.group).toBe('black');
  });

  it('keeps offsets in UTF-16 code units of the original text', () => {
    const text = '🐀 vërmin';
    const toks = tokenize(text);
    expect(text.slice(toks[1]!.start, toks[1]!.end)).toBe('vërmin');
  });

  it('survives lone surrogates and control characters', () => {
    const toks = tokenize('\ud800hate\udfff \u0000wo\u0007men');
    expect(toks.map((t) => t.norm)).toEqual(['hate', 'wo', 'men']);
  });
});
