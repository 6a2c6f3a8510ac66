import type { ReplyRef } from '../api/types';

/**
 * The quoted message a reply carries, naming who wrote it (when the thread has it, else the number
 * the source gives); a button jumps to the original.
 */
export function QuotedReply({
  reply,
  sender,
  onOpen,
}: {
  reply: ReplyRef;
  sender?: string | null;
  onOpen: (keyId: string) => void;
}) {
  const text = reply.text ?? '(quoted message)';
  const who = sender ?? (reply.senderJid ? `+${reply.senderJid.replace(/@.*$/u, '')}` : null);
  return (
    <blockquote className="quote">
      {who && <span className="quote-sender">{who}</span>}
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
