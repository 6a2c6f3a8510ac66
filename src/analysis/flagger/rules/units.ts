/** What a meaningful emoji contributes, as the same roles a listed term has (🐀 a dehumanising word). */

import type { FlagCategory } from '../../../contract/coding.js';
import { LEXICON, type Role } from '../lexicon.js';
import { squeeze, TK_EMOJI, type Token } from '../normalise.js';

const CIGARETTE_BENIGN: string[][] = (
  LEXICON.slurs.find((s) => s.category === 'sexual_orientation')?.benign?.['fag'] ?? []
).map((b) => b.split(' ').map(squeeze));

const SKULL = '\u{1F480}';
const LOUDLY_CRYING = '\u{1F62D}';

/**
 * Whether the skull 💀 at token `i` sits in a run of emoji with laughter (😂 🤣) or 😭: "I'm dead",
 * dying of laughter ("stuck in custody 😂💀"), not a death threat aimed back at a group named earlier.
 */
export function laughingSkull(text: string, tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (!text.slice(t.start, t.end).startsWith(SKULL)) return false;
  const laughs = (k: number): boolean => {
    const u = tokens[k]!;
    return u.emoji?.role === 'laugh' || text.slice(u.start, u.end).startsWith(LOUDLY_CRYING);
  };
  for (let k = i - 1; k >= 0 && tokens[k]!.kind === TK_EMOJI; k--) if (laughs(k)) return true;
  for (let k = i + 1; k < tokens.length && tokens[k]!.kind === TK_EMOJI; k++) if (laughs(k)) return true;
  return false;
}

export function emojiRoles(t: Token): Role[] {
  const e = t.emoji;
  if (e === undefined || e.role === undefined) return [];
  const term = e.name;
  switch (e.role) {
    case 'identity':
      return [{ type: 'identity', category: e.category as FlagCategory, group: e.group, term }];
    case 'dehum':
      return [{ type: 'derog', kind: 'dehumanising', severity: 3, term }];
    case 'derog':
      return [{ type: 'derog', kind: 'derogatory', severity: 2, term }];
    case 'disgust':
      return [{ type: 'hateVerb', severity: 3, term }];
    case 'threat':
      return [{ type: 'threat', kind: 'strong', severity: 3, term }];
    case 'threatVerb':
      return [{ type: 'threat', kind: 'verb', severity: 3, term }];
    case 'positive':
      return [{ type: 'positive', term }];
    case 'negatable':
      return [{ type: 'negatable', term }];
    case 'exclude':
      return [{ type: 'derog', kind: 'implicit', severity: 2, term }];
    case 'anger':
      return [{ type: 'anger', term }];
    case 'laugh':
      return [{ type: 'laugh', term }];
    case 'sexual':
      return [{ type: 'sexual', category: 'sexual_content', severity: 2, term }];
    case 'profanity':
      return [{ type: 'profanity', category: 'profanity', severity: 2, term }];
    case 'slur':
      // Only the cigarette emoji is listed as a slur stand-in; it shares the word "fag"'s benign contexts.
      return [
        {
          type: 'slur',
          category: e.category as FlagCategory,
          severity: 2,
          reclaimable: true,
          benign: CIGARETTE_BENIGN,
          term,
        },
      ];
    default:
      return [];
  }
}
