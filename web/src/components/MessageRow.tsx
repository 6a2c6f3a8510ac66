import { memo } from 'react';
import { senderLabel } from '@contract/sender-label';
import type { Message } from '../api/types';
import { shownText, systemText } from '../lib/message-words';
import type { HighlightTerm } from '../lib/search-terms';
import { useSenderStyle } from '../lib/sender-colour';
import { CodeBadges } from './CodeBadges';
import { HighlightedText } from './HighlightedText';
import { MediaPlaceholder } from './MediaPlaceholder';
import { MessageTime } from './MessageTime';
import { LocationCard, PollCard } from './MessageParts';
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
  /** Who sent the quoted message, where the thread has it loaded. */
  readonly quotedSender?: (keyId: string) => string | null | undefined;
}

const NO_SPANS: never[] = [];

/** A system event, centred, in plain words (a device's structured event where there is no text). */
function SystemRow(p: MessageRowProps) {
  const m = p.message;
  const text = systemText(m);
  return (
    <div
      className={`system-event${p.selected ? ' selected' : ''}`}
      onClick={() => p.onSelect(m.seq)}
      aria-current={p.selected ? 'true' : undefined}
    >
      {m.displayedAuthor && (
        // The name the export wrote this line under is evidence of what the phone showed.
        <span className="system-author">{senderLabel(m.sender, m.displayedAuthor)}: </span>
      )}
      <span className="system-text">
        <HighlightedText
          text={text}
          spans={m.text ? (m.flag?.spans ?? NO_SPANS) : NO_SPANS}
          terms={p.terms}
        />
      </span>{' '}
      <MessageTime message={m} /> <CodeBadges message={m} />
      {p.showSource && <SourceLine message={m} />}
    </div>
  );
}

/** One message: a system event centred, or a WhatsApp-like bubble (the phone owner's on the right). */
export const MessageRow = memo(function MessageRow(p: MessageRowProps) {
  const m = p.message;
  const style = useSenderStyle(m.sender);
  if (m.kind === 'system') return <SystemRow {...p} />;
  const deleted = m.kind === 'deleted' || m.deleted;
  const reply = m.replyTo;
  const text = shownText(m);
  const body = text || m.media?.caption || '';
  const classes = [
    'bubble',
    m.fromOwner ? 'own' : '',
    p.selected ? 'selected' : '',
    m.flag?.flagged ? 'flagged' : '',
  ];
  return (
    <div
      className={classes.filter(Boolean).join(' ')}
      style={{ borderLeftColor: style.colour }}
      onClick={() => p.onSelect(m.seq)}
      aria-current={p.selected ? 'true' : undefined}
    >
      <div className="bubble-head">
        <span className="sender" style={{ color: style.colour }} data-mark={style.mark}>
          <span className="sender-mark" aria-hidden="true">
            {style.mark}
          </span>{' '}
          {m.sender === null && !m.displayedAuthor
            ? '(unknown sender)'
            : senderLabel(m.sender, m.displayedAuthor)}
          {m.fromOwner && <span className="muted small"> (phone owner)</span>}
        </span>
        <MessageTime message={m} />
        {m.edited && (
          <span className="badge" title={m.editedAt ? `Edited at UTC ${m.editedAt}` : undefined}>
            edited
          </span>
        )}
        {deleted && (
          <span className="badge deleted">deleted{m.deletedBy === 'admin' ? ' by admin' : ''}</span>
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
      {reply && (
        <QuotedReply
          reply={reply}
          sender={reply.keyId ? p.quotedSender?.(reply.keyId) : undefined}
          onOpen={p.onOpenQuote}
        />
      )}
      {m.media && <MediaPlaceholder media={m.media} messageId={m.id} />}
      {m.poll && <PollCard poll={m.poll} />}
      {m.location && <LocationCard location={m.location} />}
      {body && !(m.poll && body === m.poll.question) && (
        <div className={`text${deleted ? ' text-deleted' : ''}`}>
          <HighlightedText
            text={body}
            spans={text ? (m.flag?.spans ?? NO_SPANS) : NO_SPANS}
            terms={p.terms}
          />
        </div>
      )}
      {deleted && !body && <div className="text text-deleted muted">This message was deleted.</div>}
      {m.reactions.length > 0 && <Reactions reactions={m.reactions} />}
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
