import { useQuery } from '@tanstack/react-query';
import { senderLabel } from '@contract/sender-label';
import { useState } from 'react';
import { getWindow } from '../api/messages';
import type { Message } from '../api/types';
import { shownText, systemText } from '../lib/message-words';
import { href } from '../lib/router';
import type { HighlightTerm } from '../lib/search-terms';
import { useSenderStyle } from '../lib/sender-colour';
import { CodeBadges } from './CodeBadges';
import { HighlightedText } from './HighlightedText';
import { MessageTime } from './MessageTime';

/** Messages shown each side of a hit when its context is expanded. */
export const CONTEXT = 3;

function Sender({ m }: { m: Message }) {
  const style = useSenderStyle(m.sender);
  return (
    <span className="sender" style={{ color: style.colour }}>
      <span className="sender-mark" aria-hidden="true">
        {style.mark}
      </span>{' '}
      {senderLabel(m.sender, m.displayedAuthor)}
    </span>
  );
}

/** The messages around a hit (±CONTEXT), the hit itself marked: a hit is rarely readable alone. */
function HitContext({ m, terms }: { m: Message; terms: readonly HighlightTerm[] }) {
  const from = Math.max(0, m.seq - CONTEXT);
  const q = useQuery({
    queryKey: ['context', m.conversationId, from],
    queryFn: () => getWindow(m.conversationId, from, m.seq - from + CONTEXT + 1),
    staleTime: 60_000,
  });
  if (q.error) return <p className="error">Could not load the context: {q.error.message}</p>;
  if (!q.data) return <p className="muted small">Loading the messages around it…</p>;
  return (
    <ol className="hit-context" aria-label={`Messages around message ${m.seq + 1}`}>
      {q.data.messages.map((c) => (
        <li key={c.id} className={c.id === m.id ? 'context-hit' : undefined} data-seq={c.seq}>
          <Sender m={c} /> <MessageTime message={c} withDate />{' '}
          <span className="text">
            <HighlightedText
              text={c.kind === 'system' ? systemText(c) : shownText(c)}
              spans={c.id === m.id ? (c.flag?.spans ?? []) : []}
              terms={terms}
            />
          </span>
        </li>
      ))}
    </ol>
  );
}

/** One search hit (or batch row) with its terms highlighted, linking into the thread at that message. */
export function SearchResultRow({
  caseId,
  message: m,
  terms,
}: {
  caseId: number;
  message: Message;
  terms: readonly HighlightTerm[];
}) {
  const [open, setOpen] = useState(false);
  return (
    <li className="hit-row">
      <a
        className="hit-link"
        href={href({ page: 'thread', caseId, conversationId: m.conversationId, seq: m.seq })}
        aria-label={`Open message ${m.seq + 1} from ${senderLabel(m.sender, m.displayedAuthor)} in the thread`}
      >
        <Sender m={m} /> <MessageTime message={m} withDate /> <CodeBadges message={m} />
      </a>{' '}
      <button
        type="button"
        className="link"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        aria-label={`${open ? 'Hide' : 'Show'} the messages around message ${m.seq + 1}`}
      >
        {open ? 'hide context' : `context ±${CONTEXT}`}
      </button>
      {open ? (
        <HitContext m={m} terms={terms} />
      ) : (
        <div className="text">
          <HighlightedText
            text={m.kind === 'system' ? systemText(m) : shownText(m)}
            spans={m.flag?.spans ?? []}
            terms={terms}
          />
        </div>
      )}
    </li>
  );
}
