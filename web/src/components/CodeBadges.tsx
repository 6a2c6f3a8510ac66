import type { Message } from '../api/types';
import { decisionLabel } from '../lib/format';

/** What the review has recorded on a message, and the flagger's score. */
export function CodeBadges({ message }: { message: Message }) {
  return (
    <span className="code-badges">
      {message.flag?.flagged && (
        <span className="badge flag" title="Flagged by the flagger; the decision is the reviewer's">
          flag {message.flag.score.toFixed(2)}
        </span>
      )}
      {message.code && (
        <span className={`badge decision-${message.code.decision}`} data-testid="decision">
          {decisionLabel(message.code.decision)}
          {message.code.potentialS127 && ' · s127'}
        </span>
      )}
      {message.blind && (
        <span
          className="badge qc-blind"
          data-testid="qc-blind"
          title="Coded by someone else; hidden until you give your blind second review on the QC page"
        >
          awaiting your second review
        </span>
      )}
      {!message.code && !message.blind && message.reviewed && (
        <span className="badge reviewed" title="Reviewed, nothing of note">
          reviewed
        </span>
      )}
    </span>
  );
}
