import { UserError } from '../domain/errors.js';
import type { Store } from '../store/open-store.js';
import type { AnalysisRunRecord, CaseTermEntry, NewFlag } from '../store/flag-types.js';
import { isFlagCategory } from '../contract/coding.js';
import { createFlagger, type CaseTerm } from './flagger/index.js';
import { flagImageTexts, type ImageTextFlagCounts } from '../media/flag-image-text.js';

const BATCH = 2_000;
/** Messages before a message that the flagger reads with it (in-context.ts): the reply's own thread. */
const CONTEXT_MESSAGES = 2;
/** Further back than this, a message is no longer what a reply answers. */
const CONTEXT_WINDOW_MS = 30 * 60_000;

/** The last few messages of each conversation, for reading a reply after what it answers. */
class RecentMessages {
  private readonly byConversation = new Map<number, { text: string; at: number }[]>();

  /** Texts sent within the window before `utc` in the conversation, oldest first. */
  before(conversationId: number, utc: string): string[] {
    const at = Date.parse(utc);
    const recent = this.byConversation.get(conversationId) ?? [];
    return recent
      .filter((r) => Number.isNaN(at) || Number.isNaN(r.at) || (at >= r.at && at - r.at <= CONTEXT_WINDOW_MS))
      .map((r) => r.text);
  }

  add(conversationId: number, utc: string, text: string): void {
    const recent = this.byConversation.get(conversationId) ?? [];
    recent.push({ text, at: Date.parse(utc) });
    if (recent.length > CONTEXT_MESSAGES) recent.shift();
    this.byConversation.set(conversationId, recent);
  }
}

export interface AnalyseOutcome {
  readonly run: AnalysisRunRecord;
  readonly byCategory: Record<string, number>;
  /** Issue 17: the same run over the text read from images (flags of their own). */
  readonly imageText: ImageTextFlagCounts;
}

/** The version string a case term list is recorded under in every flag it influenced. */
export function termListVersion(caseId: number, version: number): string {
  return `case-${caseId}/terms-v${version}`;
}

export function toCaseTerms(entries: readonly CaseTermEntry[]): CaseTerm[] {
  return entries.map((e) => {
    if (!isFlagCategory(e.category))
      throw new UserError(`unknown flag category "${e.category}" in the case term list`);
    return { term: e.term, category: e.category, severity: e.severity };
  });
}

/**
 * Flag every message of a case with the flagger and the case's current term list, as one new run
 * (older runs stay). The run records the engine, model and term-list versions so any flag can be
 * reproduced.
 */
export async function analyseCase(
  store: Store,
  caseId: number,
  actor: string,
  onProgress?: (done: number, total: number) => void,
): Promise<AnalyseOutcome> {
  return store.transaction(async (repos) => {
    const terms = await repos.termLists.latest(caseId);
    const flagger = createFlagger(
      terms
        ? { extraTerms: toCaseTerms(terms.terms), termListVersion: termListVersion(caseId, terms.version) }
        : {},
    );
    const total = await repos.messages.count(caseId);
    const run = await repos.flags.startRun({
      caseId,
      actor,
      version: flagger.version,
      termListId: terms?.id ?? null,
    });
    const byCategory: Record<string, number> = {};
    let batch: NewFlag[] = [];
    const recent = new RecentMessages();
    let messages = 0;
    let flagged = 0;
    for await (const m of repos.messages.iterate(caseId)) {
      // A deleted message's text is WhatsApp's placeholder in the phone's language, not the sender's
      // words ("‎Diese Nachricht wurde gelöscht." read "Diese" as a slur): it gets a row, scored empty.
      const text = m.kind === 'deleted' ? '' : m.text;
      // A reply is read after the messages it answers (engine 2.6): "send the lot of them back" names
      // its group only in the message before. System notices are no one's words.
      const r = flagger.classifyInContext(text, recent.before(m.conversationId, m.utc));
      if (m.kind !== 'system' && text !== '') recent.add(m.conversationId, m.utc, text);
      messages++;
      if (r.flagged) {
        flagged++;
        for (const c of r.categories) byCategory[c.name] = (byCategory[c.name] ?? 0) + 1;
      }
      batch.push({
        runId: run.id,
        caseId,
        messageId: m.id,
        score: r.score,
        flagged: r.flagged,
        categories: r.categories,
        spans: r.spans,
      });
      if (batch.length >= BATCH) {
        await repos.flags.insertMany(batch);
        batch = [];
        onProgress?.(messages, total);
      }
    }
    if (batch.length) await repos.flags.insertMany(batch);
    const imageText = await flagImageTexts(repos, flagger, run.id, caseId);
    onProgress?.(messages, total);
    const finished = await repos.flags.finishRun(run.id, { messages, flagged });
    await repos.audit.append({
      actor,
      action: 'analysis.run',
      caseId,
      subject: `run ${run.id}`,
      detail: {
        runId: run.id,
        version: flagger.version,
        messages,
        flagged,
        termListId: terms?.id ?? null,
        imageTexts: imageText.imageTexts,
        imageTextsFlagged: imageText.flagged,
      },
    });
    return { run: finished, byCategory, imageText };
  });
}
