import type { Store } from '../../store/open-store.js';
import { presentMessageLine } from '../../presenters/message.js';
import type { CliContext } from '../context.js';
import { senderLabel } from '../../contract/sender-label.js';

type FlagRun = NonNullable<Awaited<ReturnType<Store['flags']['run']>>>;

export interface FlagRowOptions {
  readonly all?: boolean;
  readonly minScore?: string;
}

/**
 * The rows `scrutineer flags` prints for a run, in order: the flagger's results on message text,
 * then (issue 17) those on the text read from a message's image, each saying so (`source`).
 * A generator, so that --jsonl writes each row as it is read.
 */
export async function* flagRows(
  store: Store,
  caseId: number,
  run: FlagRun,
  flags: Awaited<ReturnType<Store['flags']['list']>>,
  o: FlagRowOptions,
): AsyncGenerator<Record<string, unknown>> {
  const conversations = new Map((await store.conversations.list(caseId)).map((k) => [k.id, k.name]));
  const exhibits = new Map((await store.exhibits.list(caseId)).map((e) => [e.id, e.ref]));
  for (const f of flags) {
    const m = await store.messages.get(f.messageId);
    if (!m) continue;
    const message = presentMessageLine(
      m,
      conversations.get(m.conversationId) ?? '',
      exhibits.get(m.exhibitId) ?? '',
    );
    yield {
      messageId: f.messageId,
      run: run.id,
      score: f.score,
      flagged: f.flagged,
      categories: f.categories,
      spans: f.spans,
      version: run.version,
      message,
    };
  }
  for (const f of await store.mediaTexts.flags(run.id, !o.all)) {
    if (o.minScore !== undefined && f.score < Number(o.minScore)) continue;
    const m = await store.messages.get(f.messageId);
    const read = await store.mediaTexts.latestOfMessage(f.messageId);
    if (!m) continue;
    yield {
      messageId: f.messageId,
      run: run.id,
      source: f.source,
      score: f.score,
      flagged: f.flagged,
      categories: f.categories,
      spans: f.spans,
      version: run.version,
      imageText: read
        ? {
            id: f.mediaTextId,
            text: read.text,
            engine: read.engine,
            engineVersion: read.engineVersion,
          }
        : { id: f.mediaTextId },
      message: presentMessageLine(
        m,
        conversations.get(m.conversationId) ?? '',
        exhibits.get(m.exhibitId) ?? '',
      ),
    };
  }
}

/** The flag rows as text, one line each: score, categories, when, who, what, and where it came from. */
export function printFlagRows(ctx: CliContext, rows: readonly Record<string, unknown>[]): void {
  for (const r of rows) {
    const m = r.message as {
      sender: string | null;
      displayedAuthor: string | null;
      utc: string;
      text: string;
      exhibit: string;
      lineStart: number | null;
    };
    const cats = (r.categories as { name: string }[]).map((k) => k.name).join(', ');
    const image = r.source === 'image_text' ? (r.imageText as { text?: string }) : null;
    const shown = image ? `[text in image] ${image.text ?? ''}` : m.text;
    ctx.io.out(
      `${(r.score as number).toFixed(2)}  ${cats.padEnd(28)} ${m.utc} ${senderLabel(m.sender, m.displayedAuthor)}: ${shown.replace(/\s+/g, ' ').slice(0, 100)}  <${m.exhibit} l.${m.lineStart}>\n`,
    );
  }
}
