import { memo } from 'react';
import type { Message } from '../api/types';
import type { HighlightTerm } from '../lib/search-terms';
import { senderColour } from '../lib/sender-colour';
import { CodeBadges } from './CodeBadges';
import { HighlightedText } from './HighlightedText';
import { MediaPlaceholder } from './MediaPlaceholder';
import { MessageTime } from './MessageTime';
import { QuotedReply } from './QuotedReply';
import { Reactions } from './Reactions';
import { SourceLine } from './SourceLine';

export interface MessageRowProps {
  readonly message: Message;
  readonly selected: boolean;
  readonly showSource: boolean;
  readonly terms: readonly HighlightTerm[];
  readonly onSelect: (seq: number) => void;
  readonly onToggleSource: (seq: number) => void;
  readonly onOpenQuote: (keyId: string) => void;
}

const NO_SPANS: never[] = [];

/** One message: a system event centred, or a WhatsApp-like bubble. */
export const MessageRow = memo(function MessageRow(p: MessageRowProps) {
  const m = p.message;
  if (m.kind === 'system') {
    return (
      <div
        className={`system-event${p.selected ? ' selected' : ''}`}
        onClick={() => p.onSelect(m.seq)}
        aria-current={p.selected ? 'true' : undefined}
      >
        <span className="system-text">
          <HighlightedText text={m.text} spans={m.flag?.spans ?? NO_SPANS} terms={p.terms} />
        </span>{' '}
        <MessageTime message={m} /> <CodeBadges message={m} />
        {p.showSource && <SourceLine message={m} />}
      </div>
    );
  }
  const colour = senderColour(m.sender);
  const deleted = m.kind === 'deleted' || Boolean(m.deleted);
  const reply = m.replyTo && typeof m.replyTo === 'object' ? m.replyTo : null;
  return (
    <div
      className={`bubble${p.selected ? ' selected' : ''}${m.flag?.flagged ? ' flagged' : ''}`}
      style={{ borderLeftColor: colour }}
      onClick={() => p.onSelect(m.seq)}
      aria-current={p.selected ? 'true' : undefined}
    >
      <div className="bubble-head">
        <span className="sender" style={{ color: colour }}>
          {m.sender ?? '(unknown sender)'}
        </span>
        <MessageTime message={m} />
        {m.edited && <span className="badge">edited</span>}
        {deleted && (
          <span className="badge deleted">
            deleted{m.deletedBy === 'admin' || m.deleted === 'admin' ? ' by admin' : ''}
          </span>
        )}
        <CodeBadges message={m} />
        <button
          type="button"
          className="source-toggle"
          aria-pressed={p.showSource}
          aria-label={`Source of message ${m.seq + 1}`}
          onClick={(e) => {
            e.stopPropagation();
            p.onToggleSource(m.seq);
          }}
        >
          source
        </button>
      </div>
      {reply && <QuotedReply reply={reply} onOpen={p.onOpenQuote} />}
      {m.media && <MediaPlaceholder media={m.media} messageId={m.id} />}
      {(m.text || m.media?.caption) && (
        <div className={`text${deleted ? ' text-deleted' : ''}`}>
          <HighlightedText
            text={m.text || m.media?.caption || ''}
            spans={m.text ? (m.flag?.spans ?? NO_SPANS) : NO_SPANS}
            terms={p.terms}
          />
        </div>
      )}
      {m.reactions && m.reactions.length > 0 && <Reactions reactions={m.reactions} />}
      {p.showSource && <SourceLine message={m} />}
    </div>
  );
});

export function MessagePlaceholder({ seq }: { seq: number }) {
  return (
    <div className="bubble placeholder" aria-busy="true">
      <span className="muted">Loading message {seq + 1}…</span>
    </div>
  );
}
