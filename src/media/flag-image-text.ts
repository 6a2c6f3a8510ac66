/**
 * The flagger on text read from images (issue 17, item 4): each message's image text is its own
 * input, classified by the same flagger in the same run as the messages, and kept in
 * `media_text_flags` (never mixed into the message's own flag), so a flag always says it came from
 * the image's text. analyseCase calls this once per run.
 */
import type { Flagger } from '../analysis/flagger/index.js';
import type { Repos } from '../store/repositories/index.js';
import type { NewMediaTextFlag } from '../store/repositories/media-texts.js';

export interface ImageTextFlagCounts {
  /** Image texts classified (one per message carrying an image with text). */
  readonly imageTexts: number;
  readonly flagged: number;
  readonly byCategory: Record<string, number>;
}

export async function flagImageTexts(
  repos: Repos,
  flagger: Flagger,
  runId: number,
  caseId: number,
): Promise<ImageTextFlagCounts> {
  const texts = await repos.mediaTexts.messageTexts(caseId);
  const rows: NewMediaTextFlag[] = [];
  const byCategory: Record<string, number> = {};
  // OCR keeps the image's line breaks; the flagger reads a caption as one sentence.
  const cache = new Map<number, ReturnType<Flagger['classify']>>();
  for (const t of texts) {
    let r = cache.get(t.mediaTextId);
    if (!r) {
      r = flagger.classify(t.text.replace(/\s*\n\s*/gu, ' '));
      cache.set(t.mediaTextId, r);
    }
    if (r.flagged) for (const c of r.categories) byCategory[c.name] = (byCategory[c.name] ?? 0) + 1;
    rows.push({
      runId,
      caseId,
      mediaTextId: t.mediaTextId,
      messageId: t.messageId,
      score: r.score,
      flagged: r.flagged,
      categories: r.categories,
      spans: r.spans,
    });
  }
  await repos.mediaTexts.insertFlags(rows);
  return { imageTexts: rows.length, flagged: rows.filter((r) => r.flagged).length, byCategory };
}

interface FlagLike {
  readonly messageId: number;
  readonly score: number;
  readonly categories: readonly { readonly name: string; readonly score: number }[];
}

/**
 * A run's message flags with its image-text flags folded in, one entry per message (categories
 * joined, the higher score kept): what counts a message as offensive for conduct, where an offensive
 * image counts as an offensive message sent. The image flags stay apart in the store.
 */
export function withImageTextFlags<F extends FlagLike>(
  messageFlags: readonly F[],
  imageFlags: readonly FlagLike[],
): FlagLike[] {
  const byMessage = new Map<number, FlagLike>(messageFlags.map((f) => [f.messageId, f]));
  for (const f of imageFlags) {
    const own = byMessage.get(f.messageId);
    if (!own) {
      byMessage.set(f.messageId, f);
      continue;
    }
    const categories = new Map(own.categories.map((c) => [c.name, c]));
    for (const c of f.categories)
      if ((categories.get(c.name)?.score ?? -1) < c.score) categories.set(c.name, c);
    byMessage.set(f.messageId, {
      messageId: f.messageId,
      score: Math.max(own.score, f.score),
      categories: [...categories.values()],
    });
  }
  return [...byMessage.values()];
}
