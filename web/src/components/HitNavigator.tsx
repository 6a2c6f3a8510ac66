import { useMemo } from 'react';
import { loadHitTrail } from '../lib/hit-trail';
import { href } from '../lib/router';

/**
 * In the thread, when it was opened from search results: which hit this is, the previous and next
 * hit (in this conversation or another), and back to the results.
 */
export function HitNavigator({
  caseId,
  conversationId,
  seq,
}: {
  caseId: number;
  conversationId: number;
  seq: number;
}) {
  const trail = useMemo(() => loadHitTrail(caseId), [caseId]);
  if (!trail || trail.hits.length === 0) return null;
  const at = trail.hits.findIndex((h) => h.conversationId === conversationId && h.seq === seq);
  // Between hits: the next is the first after this position in this conversation.
  const after = trail.hits.findIndex((h) => h.conversationId === conversationId && h.seq > seq);
  const prevIndex = at >= 0 ? at - 1 : after > 0 ? after - 1 : -1;
  const nextIndex = at >= 0 ? at + 1 : after;
  const link = (i: number) => {
    const h = trail.hits[i];
    return h ? href({ page: 'thread', caseId, conversationId: h.conversationId, seq: h.seq }) : null;
  };
  const prev = prevIndex >= 0 ? link(prevIndex) : null;
  const next = nextIndex >= 0 ? link(nextIndex) : null;
  return (
    <nav className="hit-nav" aria-label="Search hits">
      <a href={trail.back}>Back to results</a>{' '}
      <span data-testid="hit-position">
        {at >= 0 ? `hit ${at + 1} of ${trail.hits.length}` : `${trail.hits.length} hits`}
      </span>{' '}
      {prev ? <a href={prev}>‹ previous hit</a> : <span className="muted">‹ previous hit</span>}{' '}
      {next ? <a href={next}>next hit ›</a> : <span className="muted">next hit ›</span>}
    </nav>
  );
}
