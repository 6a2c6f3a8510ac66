import { describe, expect, it } from 'vitest';
import { createFlagger, createPipeline } from '../../../src/analysis/flagger/index.js';
import { expandTerm, LEXICON } from '../../../src/analysis/flagger/lexicon.js';
import { squeeze } from '../../../src/analysis/flagger/normalise.js';

// A blind set in custody-suite register missed slurs typed as officers type them: digits and symbols
// for letters ("p4ki", "n1gg@", "f@g"), stars ("c***") and inflected forms ("p1kies"). Every listed
// one-word slur is generated here in its regular inflections and common obfuscations, each in short
// police-chat carriers, and must be read as that slur. Written forms that are words of English stay
// quiet in innocent sentences (the list at the end, each with its reason).
const flagger = createFlagger();
const { lex } = createPipeline();

const CARRIERS = [(w: string) => `another ${w} in cell 4`, (w: string) => `bunch of ${w} on the estate`];

interface Entry {
  root: string;
  category: string;
  mild: boolean;
}

/** One-word slurs of the lists (not the contextual ones marked '*', which need a group to count). */
function entries(): Entry[] {
  const out: Entry[] = [];
  const seen = new Set<string>();
  for (const s of LEXICON.slurs) {
    const listed = new Set(s.terms.flatMap(expandTerm));
    const mild = new Set(s.mild ?? []);
    for (const raw of s.terms) {
      const root = expandTerm(raw)[0]!;
      if (root.includes(' ') || s.benign?.[root]?.[0] === '*' || seen.has(`${s.category} ${root}`)) continue;
      // A plural listed on its own ("pakkis", "chinkies") is tried as its singular's plural.
      if (plurals(root).length === 0 || [...listed].some((o) => o !== root && plurals(o).includes(root)))
        continue;
      seen.add(`${s.category} ${root}`);
      out.push({ root, category: s.category, mild: mild.has(root) });
    }
  }
  return out;
}

/** Regular plurals: -s, -es after s/x/z/ch/sh and o, -ies for a consonant's -y. */
function plurals(w: string): string[] {
  if (/s$/.test(w)) return [];
  if (/(?:x|z|ch|sh)$/.test(w)) return [w + 'es'];
  if (/o$/.test(w)) return [w + 's', w + 'es'];
  if (/[^aeiou]y$/.test(w)) return [w.slice(0, -1) + 'ies'];
  return [w + 's'];
}

/** Inflected forms: plurals, the -ie/-ies spellings of -y, -i and -ey, possessives, -y/-ish adjectives. */
function inflections(e: Entry): string[] {
  const r = e.root;
  const out = [...plurals(r), `${r}'s`, ...plurals(r).map((p) => `${p}'`)];
  if (/[^aeiou]y$/.test(r)) out.push(r.slice(0, -1) + 'ie', r.slice(0, -1) + 'ies');
  if (/[^aeiou]i$/.test(r)) out.push(r + 'e', r + 'es');
  if (/ey$/.test(r)) out.push(r.slice(0, -2) + 'ies', r.slice(0, -2) + 'ie');
  if (/ie$/.test(r)) out.push(r.slice(0, -2) + 'y', r.slice(0, -2) + 'ies');
  // Adjectives from a short full slur ending in a consonant; a short root doubles it ("faggy", "woggish").
  if (!e.mild && r.length <= 7 && /[b-df-hj-np-tv-z]$/.test(r) && !/(?:ed|er|y)$/.test(r)) {
    const stem = /^[^aeiou]*[aeiou][bdgmnpt]$/.test(r) ? r + r[r.length - 1]! : r;
    out.push(stem + 'y', stem + 'ish');
  }
  return out;
}

const LEET: Record<string, string[]> = {
  a: ['4', '@'],
  e: ['3'],
  i: ['1', '!'],
  o: ['0'],
  s: ['$', '5'],
  t: ['7'],
};
const LAST: Record<string, string> = { a: '@', s: '$', i: '!' };

/** Obfuscations: one or two look-alikes, a symbol for the last letter, a doubled letter, mixed case. */
function obfuscations(w: string): string[] {
  const out = new Set<string>();
  const spots: number[] = [];
  for (let i = 0; i < w.length; i++) {
    for (const c of LEET[w[i]!] ?? []) {
      // A symbol is a letter only inside the word: at its end it is punctuation, tried below.
      if (i === w.length - 1 && !/\d/.test(c)) continue;
      out.add(w.slice(0, i) + c + w.slice(i + 1));
    }
    if (LEET[w[i]!] !== undefined && i < w.length - 1) spots.push(i);
  }
  if (spots.length >= 2) {
    const [a, b] = [spots[0]!, spots[spots.length - 1]!];
    out.add(w.slice(0, a) + LEET[w[a]!]![0]! + w.slice(a + 1, b) + LEET[w[b]!]![0]! + w.slice(b + 1));
  }
  const last = LAST[w[w.length - 1]!];
  if (last !== undefined && w.length >= 4) out.add(w.slice(0, -1) + last);
  const mid = Math.floor(w.length / 2);
  out.add(w.slice(0, mid + 1) + w[mid]! + w.slice(mid + 1));
  out.add([...w].map((c, i) => (i % 2 === 0 ? c.toUpperCase() : c)).join(''));
  out.add(w.toUpperCase());
  return [...out];
}

/**
 * Spellings that are words of English, or ambiguous, and so must not be read as the slur: the fall-backs
 * never apply to them. Each is tried in an innocent sentence below.
 */
const NOT_SLURS: Record<string, string> = {
  // -y adjective of "spic": the word spicy (and its misspelling).
  spicy: 'the curry from the takeaway was too spicy for the sarge',
  spicey: 'that chicken was well spicey',
  // -es of "spic": English plural of spice; -es is added only after s, x, z, ch, sh and o.
  spices: 'herbs and spices found in the kitchen cupboard',
  // Squeezed "coon" is "con": the word con(s) is no form of coon (it read as a slur before this).
  cons: 'the cons on D wing kicked off again',
  con: 'it was a con, he never had the money',
  cony: 'the rabbit, or cony, is in the garden',
  // Squeezed "boong" is "bong": drug paraphernalia in a search record.
  bong: 'found a bong and some grinders in the bedroom',
  // -ish of "yid": the language.
  yiddish: 'her grandmother speaks Yiddish at home',
  // -ey adjective of "hoe": an English word.
  hooey: 'that alibi is a load of hooey',
  // '!' after a word is punctuation: "jihad!" is not "jihadi".
  'jihad!': 'he kept shouting about jihad! then went quiet',
  // A mention of someone called Bo is not "abo": '@' before a word reads as 'a' only before 3+ letters.
  '@bo': 'cheers @bo for the lift',
  // A mild slur's adjective is an ordinary word: dwarfish conifers.
  dwarfish: 'dwarfish conifers in the front garden',
  // A doubled letter that makes a word: speed (sped), skeet (sket), hommos (hummus, of homo).
  speed: 'he was doing twice the speed limit',
  speeds: 'average speeds on the A40 camera',
  skeet: 'he shoots skeet at the club on Sundays',
  skeets: 'clay pigeons and skeets in the boot',
  hommos: 'bought hommos and pitta at the garage',
  // '@bos' is a mention of the boss ("bos" is boss squeezed), not "abos".
  '@bos': 'ask @bos about the overtime',
  // Starred words that fit more than one listed word: arse, fuck off, hoe or hag.
  'a**': 'get your a** in here now',
  'f**': 'f** off mate, I am on a break',
  'h**': 'what the h** is going on',
};

/** A word the lists hold in its own right, not as a slur ("bitchy" is profanity): it keeps that. */
function listedOtherwise(form: string): boolean {
  const w = form.toLowerCase();
  if (!/^[a-z]+$/.test(w)) return false;
  const list = lex.phrases.get(squeeze(w)) ?? [];
  const one = list.filter((p) => p.keys.length === 1);
  return one.length > 0 && !one.some((p) => p.roles.some((r) => r.type === 'slur'));
}

function slurSpans(text: string): string[] {
  return flagger
    .classify(text)
    .spans.filter((s) => /slur/.test(s.reason))
    .map((s) => `${s.text}: ${s.reason}`);
}

describe('every listed slur, in every spelling officers type it', () => {
  const list = entries();

  it('covers the one-word slurs of every category', () => {
    expect(list.length).toBeGreaterThan(150);
    expect(new Set(list.map((e) => e.category)).size).toBeGreaterThanOrEqual(7);
  });

  it('reads inflected and obfuscated forms as the slur they spell', () => {
    const bad: string[] = [];
    let tried = 0;
    for (const e of list) {
      const forms = new Set<string>();
      for (const f of [e.root, ...inflections(e)]) {
        if (listedOtherwise(f)) continue;
        forms.add(f);
        if (f.includes("'") || NOT_SLURS[f] !== undefined) continue;
        // With its symbol dropped a word may be one the lists hold otherwise ("bi@tchy" is "bitchy").
        for (const o of obfuscations(f)) if (!listedOtherwise(o.replace(/[@$!]/g, ''))) forms.add(o);
      }
      for (const carrier of CARRIERS) {
        // A mild slur or a word with benign readings ("dwarf", "floater") is not flagged in a bare
        // carrier: its other spellings must then be read at least as the plain word is.
        const plain = flagger.classify(carrier(e.root));
        const plainHas = plain.categories.some((c) => c.name === e.category);
        for (const f of forms) {
          if (NOT_SLURS[f.toLowerCase()] !== undefined) continue;
          const r = flagger.classify(carrier(f));
          const has = r.categories.some((c) => c.name === e.category);
          tried++;
          // A mild slur flags or not by the model's reading of the rest: it must be read, not flagged.
          if ((plain.flagged && !r.flagged && !e.mild) || (plainHas && !has)) {
            bad.push(
              `${e.category} ${e.root} → "${carrier(f)}": ${r.flagged} ${r.categories.map((c) => c.name)}`,
            );
          }
        }
      }
    }
    expect(tried).toBeGreaterThan(5000);
    expect(bad).toEqual([]);
  });

  it('stays quiet on words of English that look like an inflected or obfuscated slur', () => {
    const bad: string[] = [];
    for (const text of Object.values(NOT_SLURS)) {
      const spans = slurSpans(text);
      if (spans.length > 0) bad.push(`${text}: ${spans.join('; ')}`);
    }
    expect(bad).toEqual([]);
  });
});

describe('stars: a mask is a slur when only that slur fits it', () => {
  it('reads a masked slur whose visible letters and length fit one listed term', () => {
    for (const [text, cat] of [
      ['another f****t in cell 4', 'sexual_orientation'],
      ['bunch of n***ers on the estate', 'race_ethnicity'],
      ['another p*ki in cell 4', 'race_ethnicity'],
    ] as const) {
      const r = flagger.classify(text);
      expect(r.flagged, text).toBe(true);
      expect(
        r.categories.map((c) => c.name),
        text,
      ).toContain(cat);
    }
  });

  it('every slur starred after its first letter counts only when no other listed word fits', () => {
    const bad: string[] = [];
    const maskable = [...lex.maskable.values()].flat();
    for (const e of entries()) {
      const w = e.root.replace(/[^a-z]/g, '');
      if (e.mild) continue;
      const masked = w[0] + '*'.repeat(w.length - 1);
      const fits = maskable.filter((m) => m.raw.length === w.length && m.raw[0] === w[0]);
      const spans = slurSpans(`another ${masked} in cell 4`);
      // "c***" fits coon, crip, cunt …; "p***" paki and poof: ambiguous, quiet.
      if (fits.length > 1 && spans.length > 0)
        bad.push(`${masked} (${fits.length} fit): ${spans.join('; ')}`);
      if (fits.length === 1 && spans.length === 0) bad.push(`${masked} fits only ${w}, not read`);
    }
    expect(bad).toEqual([]);
  });

  it('keeps ambiguous masks quiet', () => {
    for (const text of ['another c*** in cell 4', 'bunch of p*** on the estate', 'the f*** is that']) {
      expect(slurSpans(text), text).toEqual([]);
    }
  });
});
