import { describe, expect, it } from 'vitest';

import {
  EMOJI_PATTERN,
  emojiToken,
  foldLatinAccents,
  searchTokens,
  toSearchText,
} from '../../src/store/search-text.js';

describe('toSearchText', () => {
  it('lowercases and applies NFKC', () => {
    expect(toSearchText('The POLICE')).toBe('the police');
    expect(toSearchText('ＦＵＬＬ ﬁne')).toBe('full fine');
    // NFKC composes the accent; Latin accents are then folded (issue 13.9).
    expect(toSearchText('Cafe\u0301')).toBe('cafe');
  });

  it('removes direction marks and the BOM', () => {
    expect(toSearchText('\uFEFF\u200Eimage omitted\u200F \u202Ax\u202C \u2066y\u2069')).toBe(
      'image omitted x y',
    );
  });

  it('turns each emoji into a word', () => {
    expect(toSearchText('lol😂😂')).toBe('lol emoji_1f602  emoji_1f602 ');
    expect(toSearchText('👍🏽')).toBe(' emoji_1f44d_1f3fd ');
    expect(toSearchText('❤️ ❤')).toBe(' emoji_2764   emoji_2764 ');
    expect(toSearchText('👨‍👩‍👧')).toBe(' emoji_1f468_200d_1f469_200d_1f467 ');
    expect(toSearchText('🇬🇧')).toBe(' emoji_1f1ec_1f1e7 ');
    expect(toSearchText('🏴󠁧󠁢󠁥󠁮󠁧󠁿')).toBe(' emoji_1f3f4_e0067_e0062_e0065_e006e_e0067_e007f ');
    expect(toSearchText('#️⃣')).toBe(' emoji_23_20e3 ');
  });

  it('leaves ordinary symbols and digits alone', () => {
    expect(toSearchText('a-b 12:30 £5')).toBe('a-b 12:30 £5');
  });

  it('reads ASCII-and-emoji text (its fast path) as every step would', () => {
    // The steps of the module comment, one after another, for each code point of the fast path's set.
    const steps = (t: string) =>
      foldLatinAccents(
        t
          .normalize('NFKC')
          .replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/gu, '')
          .toLowerCase(),
      ).replace(EMOJI_PATTERN, (e) => ` ${emojiToken(e)} `);
    const ranges = [
      [0, 0x7f],
      [0x200d, 0x200d],
      [0x2600, 0x27bf],
      [0x1f000, 0x1f0ff],
      [0x1f1e6, 0x1f1ff],
      [0x1f300, 0x1faff],
    ] as const;
    const wrong: string[] = [];
    for (const [from, to] of ranges) {
      for (let cp = from; cp <= to; cp++) {
        const c = String.fromCodePoint(cp);
        for (const t of [c, `Ab${c}Cd`, `${c}${c}\u200D${c}x`, `E${c}\u{1F1EC}\u{1F1E7}`]) {
          if (toSearchText(t) !== steps(t)) wrong.push(cp.toString(16));
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gives each emoji token a stable form', () => {
    expect(emojiToken('\u2764\uFE0F')).toBe('emoji_2764');
    expect(emojiToken('\u263A\uFE0E')).toBe('emoji_263a');
  });
});

describe('searchTokens', () => {
  it('splits like the index does', () => {
    expect(searchTokens(toSearchText("Don't e-mail bob@example.com 😂 हिन्दी"))).toEqual([
      'don',
      't',
      'e',
      'mail',
      'bob',
      'example',
      'com',
      'emoji',
      '1f602',
      'हिन्दी',
    ]);
  });
});

describe('Latin accent folding (issue 13.9)', () => {
  it('folds Latin letters and keeps other scripts’ marks', async () => {
    const { foldLatinAccents, toSearchText } = await import('../../src/store/search-text.js');
    expect(foldLatinAccents('café naïve Łukasz tiếng Việt straße')).toBe(
      'cafe naive Lukasz tieng Viet straße',
    );
    expect(foldLatinAccents('कैफ़े مَرْحَبًا')).toBe('कैफ़े مَرْحَبًا'.normalize('NFC'));
    expect(toSearchText('Café 😂')).toBe('cafe  emoji_1f602 ');
    expect(foldLatinAccents(foldLatinAccents('Zoë'))).toBe('Zoe');
  });
});
