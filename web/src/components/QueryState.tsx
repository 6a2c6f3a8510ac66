import type { UseQueryResult } from '@tanstack/react-query';

/** Loading and error lines for a query; renders nothing once data is there. */
export function QueryState({ query }: { query: Pick<UseQueryResult, 'isPending' | 'error'> }) {
  if (query.error)
    return (
      <p role="alert" className="error">
        Could not load: {query.error.message}
      </p>
    );
  if (query.isPending) return <p className="muted">Loading…</p>;
  return null;
}
