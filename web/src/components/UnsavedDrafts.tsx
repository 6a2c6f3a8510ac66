import { useEffect } from 'react';
import { discardDraft, useKeptDrafts } from '../lib/drafts';
import { href } from '../lib/router';

/**
 * The case's unsaved codes beside the coding form, each a link back to its message, and a prompt
 * before they could be lost: closing or reloading the tab (the browser's own prompt) or following a
 * link out of the coding pages (a confirm).
 */
export function UnsavedDrafts({
  caseId,
  onDiscard,
}: {
  caseId: number;
  /** After a draft is discarded here (the form shows the saved code again if it is the selected one). */
  onDiscard: (messageId: number) => void;
}) {
  const drafts = useKeptDrafts(caseId);
  const n = drafts.length;
  useEffect(() => {
    if (n === 0) return;
    const beforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    // Links inside the thread (quotes, the drafts' own links) stay on a coding page: no prompt.
    const onClick = (e: MouseEvent) => {
      const a = (e.target as Element | null)?.closest?.('a[href^="#/"]');
      if (!a) return;
      const to = a.getAttribute('href') ?? '';
      if (/\/(conversations|batches)\//u.test(to)) return;
      const ok = window.confirm(
        `You have ${n} unsaved code${n === 1 ? '' : 's'} on this case. They are kept for this tab ` +
          'until you save or discard them. Leave this page anyway?',
      );
      if (!ok) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [n]);
  if (n === 0) return null;
  return (
    <section className="unsaved" aria-labelledby="unsaved-title" data-testid="unsaved-drafts">
      <h3 id="unsaved-title">
        Unsaved code{n === 1 ? '' : 's'} ({n})
      </h3>
      <ul>
        {drafts.map((d) => (
          <li key={d.messageId}>
            <a href={href({ page: 'thread', caseId, conversationId: d.conversationId, seq: d.seq })}>
              Message {d.seq + 1}
            </a>{' '}
            <span className="muted small">
              {[d.draft.decision, ...d.draft.categories, d.draft.note ? 'note' : null]
                .filter(Boolean)
                .join(', ') || 'changes'}
            </span>{' '}
            <button
              type="button"
              className="link"
              onClick={() => {
                discardDraft(caseId, d.messageId);
                onDiscard(d.messageId);
              }}
            >
              Discard
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
