import { useQuery } from '@tanstack/react-query';
import { matchSender } from '../api/workspace';

/**
 * When a sender filter finds nothing: the stored names it may have meant (the CLI's "did you mean"),
 * as the server matches them (case, accents and direction marks aside; contained names; phone digits).
 */
export function SenderSuggestions({
  caseId,
  name,
  onPick,
}: {
  caseId: number;
  name: string;
  onPick: (name: string) => void;
}) {
  const q = useQuery({ queryKey: ['senders', caseId, name], queryFn: () => matchSender(caseId, name) });
  const names = q.data ? [...q.data.matched.filter((m) => m !== name), ...q.data.candidates] : [];
  if (!q.data) return null;
  if (names.length === 0)
    return <p className="muted">No sender is “{name}” in this case, and no name comes close.</p>;
  return (
    <div className="sender-suggestions" role="group" aria-label="Close sender names">
      <p>No sender is exactly “{name}”. Did you mean:</p>
      <ul>
        {names.slice(0, 20).map((n) => (
          <li key={n}>
            <button type="button" onClick={() => onPick(n)}>
              {n}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
