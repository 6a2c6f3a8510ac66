import type { ReplyRef } from '../api/types';

/** The quoted message a reply carries; a button jumps to it when it can be found in the thread. */
export function QuotedReply({ reply, onOpen }: { reply: ReplyRef; onOpen: (keyId: string) => void }) {
  const text = reply.text ?? '(quoted message)';
  return (
    <blockquote className="quote">
      <span className="quote-text">{text.length > 160 ? `${text.slice(0, 160)}…` : text}</span>
      {reply.keyId && (
        <button
          type="button"
          className="link"
          onClick={(e) => {
            e.stopPropagation();
            onOpen(reply.keyId ?? '');
          }}
        >
          go to quoted message
        </button>
      )}
    </blockquote>
  );
}
