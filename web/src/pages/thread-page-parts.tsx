import { useCallback, useState } from 'react';

/** Which messages show their source line: those toggled one by one (s), or all of them. */
export function useSourceToggles() {
  const [sources, setSources] = useState<ReadonlySet<number>>(new Set());
  const [allSources, setAllSources] = useState(false);
  const toggleSource = useCallback((seq: number) => {
    setSources((s) => {
      const n = new Set(s);
      if (n.has(seq)) n.delete(seq);
      else n.add(seq);
      return n;
    });
  }, []);
  const sourceShown = useCallback((seq: number) => allSources || sources.has(seq), [allSources, sources]);
  return { allSources, setAllSources, toggleSource, sourceShown };
}

/** What the thread shows while its messages are not there to list: an error, loading, or none at all. */
export function ThreadLoadState({ total, error }: { total: number | null; error: Error | null }) {
  return (
    <>
      {error && (
        <p role="alert" className="error">
          Could not load messages: {error.message}
        </p>
      )}
      {total === null && !error && <p className="muted">Loading messages…</p>}
      {total === 0 && <p className="muted">This conversation has no messages.</p>}
    </>
  );
}
