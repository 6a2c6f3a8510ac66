/**
 * "More like this" (issue 14.3): messages of a case that resemble one message, from the per-case model
 * fitted with that message as the offensive example and an evenly spaced sample of the case as the
 * contrast (`moreLikeThis` in src/analysis/flagger/active.ts), over the same features as the re-rank,
 * the case's term list included. Nothing is stored: it is a look-up, reproducible from its inputs.
 */
import { moreLikeThis } from '../analysis/flagger/active.js';
import { SIMILAR_LIMIT_MAX } from '../contract/similar-schemas.js';
import { UserError } from '../domain/errors.js';
import type { Store } from '../store/open-store.js';
import { indexCaseFromStore } from './rerank.js';

export interface SimilarOutcome {
  readonly messageId: number;
  readonly version: string;
  /** Most alike first; the message itself and the contrast sample are not ranked. */
  readonly similar: readonly { messageId: number; score: number }[];
  readonly inputSha256: string;
}

export async function similarMessages(
  store: Store,
  input: { caseId: number; messageId: number; limit: number },
): Promise<SimilarOutcome> {
  const { index } = await indexCaseFromStore(store, input.caseId);
  if (!index.byId.has(String(input.messageId)))
    throw new UserError(`message ${input.messageId} is not in this case`, { code: 'no_message' });
  const run = moreLikeThis(index, String(input.messageId));
  return {
    messageId: input.messageId,
    version: run.version,
    similar: run.ranking
      .slice(0, Math.min(input.limit, SIMILAR_LIMIT_MAX))
      .map((r) => ({ messageId: Number(r.id), score: r.score })),
    inputSha256: run.inputSha256,
  };
}
