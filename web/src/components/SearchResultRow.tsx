import type { Message } from '../api/types';
import { href } from '../lib/router';
import type { HighlightTerm } from '../lib/search-terms';
import { senderColour } from '../lib/sender-colour';
import { CodeBadges } from './CodeBadges';
import { HighlightedText } from './HighlightedText';
import { MessageTime } from './MessageTime';

/** One search hit with its terms highlighted, linking into the thread at that message. */
export function SearchResultRow({
  caseId,
  message: m,
  terms,
}: {
  caseId: number;
  message: Message;
  terms: readonly HighlightTerm[];
}) {
  return (
    <li className="hit-row">
      <a
        className="hit-link"
        href={href({ page: 'thread', caseId, conversationId: m.conversationId, seq: m.seq })}
        aria-label={`Open message ${m.seq + 1} from ${m.sender ?? 'system'} in the thread`}
      >
        <span className="sender" style={{ color: senderColour(m.sender) }}>
          {m.sender ?? 'system'}
        </span>{' '}
        <MessageTime message={m} /> <CodeBadges message={m} />
      </a>
      <div className="text">
        <HighlightedText text={m.text} spans={m.flag?.spans ?? []} terms={terms} />
      </div>
    </li>
  );
}
