import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { senderLabel } from '@contract/sender-label';
import { similarTo, type SimilarResult } from '../api/similar';
import type { Message } from '../api/types';
import { shownText, systemText } from '../lib/message-words';
import { href } from '../lib/router';
import { useSenderStyle } from '../lib/sender-colour';
import { CodeBadges } from './CodeBadges';
import { HighlightedText } from './HighlightedText';
import { MessageTime } from './MessageTime';
import { QueryState } from './QueryState';

const NO_TERMS: never[] = [];

/** One alike message: who and when (a link to it in its thread), its score, and its text with flag spans. */
function SimilarRow({ caseId, message: m, score }: { caseId: number; message: Message; score: number }) {
  const style = useSenderStyle(m.sender);
  const who = senderLabel(m.sender, m.displayedAuthor);
  return (
    <li className="similar-row" data-message-id={m.id}>
      <a
        href={href({ page: 'thread', caseId, conversationId: m.conversationId, seq: m.seq })}
        aria-label={`Open message ${m.seq + 1} from ${who} in its thread (score ${score.toFixed(3)})`}
      >
        <span className="sender" style={{ color: style.colour }}>
          <span className="sender-mark" aria-hidden="true">
            {style.mark}
          </span>{' '}
          {who}
        </span>{' '}
        <MessageTime message={m} withDate />
      </a>{' '}
      <span className="similar-score" title="How alike (the model's score; higher is more alike)">
        score {score.toFixed(3)}
      </span>{' '}
      <CodeBadges message={m} />
      <div className="text">
        <HighlightedText
          text={m.kind === 'system' ? systemText(m) : shownText(m)}
          spans={m.flag?.spans ?? []}
          terms={NO_TERMS}
        />
      </div>
    </li>
  );
}

function SimilarList({ caseId, data }: { caseId: number; data: SimilarResult }) {
  const scores = new Map(data.similar.map((s) => [s.messageId, s.score] as const));
  if (data.messages.length === 0)
    return <p className="muted">No other message of the case is like this one.</p>;
  return (
    <>
      <p className="muted small">
        Most alike first ({data.version}). The message itself and the contrast sample are not ranked.
      </p>
      <ol className="similar-list">
        {data.messages.map((m) => (
          <SimilarRow key={m.id} caseId={caseId} message={m} score={scores.get(m.id) ?? 0} />
        ))}
      </ol>
    </>
  );
}

/**
 * "More like this" (issue 14.3): a button on the selected message that opens a panel listing the
 * case's messages most like it, each a link to its place in its thread. Asked only when opened: the
 * look-up fits a model over the whole case.
 */
export function SimilarMessages({ caseId, message }: { caseId: number; message: Message }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const q = useQuery({
    queryKey: ['similar', caseId, message.id],
    queryFn: () => similarTo(caseId, message.id),
    enabled: open,
    staleTime: 60_000,
  });
  // The side panel is tall: bring the results into view once they are there.
  const panel = useRef<HTMLDivElement>(null);
  const loaded = q.data !== undefined;
  useEffect(() => {
    if (open && loaded) panel.current?.scrollIntoView({ block: 'start' });
  }, [open, loaded]);
  return (
    <div className="similar" ref={panel}>
      <button type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        {open ? 'Hide messages like this' : 'More like this'}
      </button>
      {open && (
        <section
          id={panelId}
          className="similar-panel"
          aria-label={`Messages like message ${message.seq + 1}`}
        >
          {q.isPending ? (
            <p className="muted" role="status">
              Finding messages like this one…
            </p>
          ) : (
            <QueryState query={q} />
          )}
          {q.data && <SimilarList caseId={caseId} data={q.data} />}
        </section>
      )}
    </div>
  );
}
