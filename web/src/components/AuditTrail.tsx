import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { history } from '../api/messages';

/** The message's audit trail (codes, reviewed marks), fetched when opened. */
export function AuditTrail({ messageId, version }: { messageId: number; version: number }) {
  const [open, setOpen] = useState(false);
  const q = useQuery({
    queryKey: ['history', messageId, version],
    queryFn: () => history(messageId),
    enabled: open,
  });
  return (
    <details className="audit" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Audit trail</summary>
      {q.isFetching && <p className="muted small">Loading…</p>}
      {q.error && <p className="error small">Could not load: {q.error.message}</p>}
      {q.data && q.data.length === 0 && <p className="muted small">Nothing recorded yet.</p>}
      {q.data && q.data.length > 0 && (
        <ol className="audit-list">
          {q.data.map((e, i) => (
            <li key={`${e.at}-${i}`}>
              <span className="muted">{e.at}</span> {e.actor}: {e.action}
              {e.detail !== null && e.detail !== undefined && (
                <code className="audit-detail">
                  {typeof e.detail === 'string' ? e.detail : JSON.stringify(e.detail)}
                </code>
              )}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
