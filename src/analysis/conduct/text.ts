/**
 * Reading a reply as a laugh, an approval or a challenge. Deliberately plain word lists: every
 * decision names the phrase that made it, so a reviewer can check it.
 */

export const LAUGH_EMOJI = ['😂', '🤣', '😆', '😹', '💀'] as const;
/** Reactions read as approval. */
export const ENDORSING_REACTIONS = ['😂', '🤣', '😆', '😹', '💀', '👍'] as const;
/** Reactions read as disapproval (counted as a challenge, with the reaction named as the evidence). */
export const CHALLENGING_REACTIONS = ['👎'] as const;

const LAUGH_WORDS =
  /(?:^|[^\p{L}])(l+o+l+z?|lo+l|lmf?a+o+|rofl|pmsl|ha(?:ha)+h?|a?ha{2,}h*|he(?:he)+|hah+a*)(?=$|[^\p{L}])/iu;
const APPROVAL_ONLY = /^\s*(?:👍|👌|👏)+\s*$/u;

const CHALLENGE_PHRASES: readonly [RegExp, string][] = [
  [/\bbang out of order\b/, 'bang out of order'],
  [/\bwell out of (?:order|line)\b/, 'well out of line'],
  [/\bout of order\b/, 'out of order'],
  [/\bout of line\b/, 'out of line'],
  [/\bnot funny\b/, 'not funny'],
  [/\bdelete (?:that|this|it)\b/, 'delete that'],
  [
    /\b(?:you )?(?:can ?not|can't|cant|shouldn't|shouldnt) say (?:that|this|stuff like that)\b/,
    "you can't say that",
  ],
  [
    /\b(?:that'?s|that is|thats|this is|it'?s|its|so|well) (?:racist|sexist|homophobic|misogynistic|disgusting|not ok(?:ay)?|not acceptable|unacceptable)\b/,
    "that's racist",
  ],
  [
    /\b(?:reporting (?:it|this|that|you)|i'?m reporting|i will report|i'?ll report|report(?:ed)? (?:it|this|that|you))\b/,
    'reporting it',
  ],
  [
    /(?:^|\b(?:that'?s|that is|thats|it'?s|its|so|well|really|just)\s+)not on\b(?!\s+(?:shift|duty|nights|lates|earlies|today|tomorrow|leave|rest))/,
    'not on',
  ],
  [/\btoo far\b/, 'too far'],
];

const NON_ASCII = /[^\x00-\x7f]/;
const normalise = (text: string): string =>
  NON_ASCII.test(text)
    ? text
        .normalize('NFKC')
        .replace(/[\u2018\u2019\u02BC]/g, "'")
        .toLowerCase()
    : text.toLowerCase();
/** Cheap test before the phrase list: every challenge phrase holds one of these. */
const CHALLENGE_HINT =
  /order|line|funny|delete|say|racis|sexis|homophob|misogyn|disgust|ok|accept|report|not on|too far/;

export interface TextReading {
  /** The laugh or approval found, e.g. '😂' or 'lol'. */
  readonly laugh: string | null;
  /** The challenge phrase found, e.g. 'out of order'. */
  readonly challenge: string | null;
}

export function readReply(text: string): TextReading {
  const t = normalise(text);
  let laugh: string | null = null;
  for (const e of LAUGH_EMOJI) {
    if (t.includes(e)) {
      laugh = e;
      break;
    }
  }
  if (laugh === null) {
    const m = LAUGH_WORDS.exec(t);
    if (m) laugh = m[1]!;
    else if (APPROVAL_ONLY.test(t)) laugh = t.trim();
  }
  let challenge: string | null = null;
  const hinted = CHALLENGE_HINT.test(t);
  for (const [re, name] of hinted ? CHALLENGE_PHRASES : []) {
    if (re.test(t)) {
      challenge = name;
      break;
    }
  }
  return { laugh, challenge };
}

const WORD = /[\p{L}\p{N}']{3,}/gu;

/** Distinct words (3+ letters) of a text, lower case. */
export function wordsOf(text: string): Set<string> {
  return new Set(normalise(text).match(WORD) ?? []);
}

/**
 * Does `reply` repeat the joke in `original`? At least 3 of the original's words and at least 60% of
 * them appear in the reply (originals of fewer than 3 words never count).
 */
export function repeats(originalWords: ReadonlySet<string>, reply: string): boolean {
  if (originalWords.size < 3) return false;
  const r = wordsOf(reply);
  let shared = 0;
  for (const w of originalWords) if (r.has(w)) shared++;
  return shared >= 3 && shared / originalWords.size >= 0.6;
}
