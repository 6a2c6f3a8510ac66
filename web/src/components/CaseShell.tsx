import { useQuery } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { getCase } from '../api/cases';
import { caseQueryKey } from '../lib/case-query';
import { senderOrder, senderStyles, SenderStylesContext } from '../lib/sender-colour';
import { CaseZoneContext } from '../lib/time';

/**
 * Around every page of a case: the case's zone and sender colours for everything inside, and, for a
 * user who is not a member, one plain sentence instead of the page's tools (issue 18, defect 9: a
 * non-member saw the thread's toolbar with "286 / 0", and the queue said "no batches assigned").
 */
export function CaseShell({ caseId, children }: { caseId: number; children: ReactNode }) {
  const q = useQuery({ queryKey: caseQueryKey(caseId), queryFn: () => getCase(caseId), retry: false });
  const activity = q.data?.activity;
  const styles = useMemo(() => senderStyles(senderOrder(activity ?? [])), [activity]);
  if (q.error instanceof ApiError && (q.error.status === 403 || q.error.status === 404)) {
    return (
      <section aria-labelledby="no-access-title" className="no-access">
        <h1 id="no-access-title">{q.error.status === 403 ? 'No access to this case' : 'No such case'}</h1>
        <p role="alert">
          {q.error.status === 403
            ? 'You are not a member of this case. Ask the case lead or an administrator to add you.'
            : 'This case does not exist.'}
        </p>
      </section>
    );
  }
  // Pages wait for the case (and so for the membership check) before showing any of their tools.
  if (!q.data) {
    return q.error ? (
      <p role="alert" className="error">
        Could not load the case: {q.error.message}
      </p>
    ) : (
      <p className="muted">Loading…</p>
    );
  }
  return (
    <CaseZoneContext.Provider value={q.data.timeZone}>
      <SenderStylesContext.Provider value={styles}>{children}</SenderStylesContext.Provider>
    </CaseZoneContext.Provider>
  );
}
