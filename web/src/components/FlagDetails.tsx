import type { Message } from '../api/types';
import { categoryLabel } from '../lib/format';

/** Why the flagger flagged the selected message: score, categories and the spans with reasons. */
export function FlagDetails({ message }: { message: Message }) {
  const f = message.flag;
  if (!f) return <p className="muted">Not scored by the flagger.</p>;
  return (
    <div className="flag-details" aria-label="Flag details">
      <p>
        Score <strong data-testid="flag-score">{f.score.toFixed(2)}</strong>{' '}
        {f.flagged ? <span className="badge flag">flagged</span> : <span className="muted">not flagged</span>}
      </p>
      {f.categories.length > 0 && (
        <ul className="flag-categories">
          {f.categories.map((c) => (
            <li key={c.name}>
              {categoryLabel(c.name)} <span className="muted">{c.score.toFixed(2)}</span>
            </li>
          ))}
        </ul>
      )}
      {f.spans.length > 0 && (
        <ul className="flag-spans">
          {f.spans.map((s) => (
            <li key={`${s.start}-${s.end}-${s.category}`}>
              <mark className="flag-span">{s.text}</mark> {categoryLabel(s.category)}: {s.reason}
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">The flagger explains; the decision is the reviewer&apos;s.</p>
    </div>
  );
}
