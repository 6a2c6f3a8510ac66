import { useQuery } from '@tanstack/react-query';
import { getConduct, getMembership } from '../api/people';
import { count } from '../lib/format';
import { membershipKey } from './MembershipChart';
import { PersonRow } from './PersonRow';
import { QueryState } from './QueryState';
import '../queue.css';

/** The people of the case and their conduct picture (docs/conduct.md): figures to check, never findings. */
export function PeopleTable({ caseId }: { caseId: number }) {
  return (
    <section className="panel" aria-labelledby="people-title">
      <h2 id="people-title">People and their conduct</h2>
      <PeopleBody caseId={caseId} />
    </section>
  );
}

function PeopleBody({ caseId }: { caseId: number }) {
  // The conduct picture reads the whole case: worked out at most once a minute, not on every visit.
  const q = useQuery({ queryKey: ['conduct', caseId], queryFn: () => getConduct(caseId), staleTime: 60_000 });
  // The conduct picture names participants by key; the membership timelines carry their display names.
  const membership = useQuery({
    queryKey: membershipKey(caseId),
    queryFn: () => getMembership(caseId),
    staleTime: 60_000,
  });
  const names = new Map<string, string>();
  for (const t of membership.data ?? [])
    for (const i of t.intervals) names.set(i.participantKey, i.participant);
  const d = q.data;
  if (!d) return <QueryState query={q} />;
  const coded = d.people.reduce((n, p) => n + (p.byBasis?.coded ?? 0), 0);
  const flagged = d.people.reduce((n, p) => n + (p.byBasis?.flagged ?? 0), 0);
  return (
    <>
      <p className="caveat" data-testid="conduct-caveat">
        These are suggestions drawn from the messages for an investigator to check, not findings. A message
        counts as offensive when a reviewer coded it so; where no reviewer has decided, the flagger's mark is
        used{d.basis.flagRun === null ? ' (no analysis run yet)' : ` (analysis run ${d.basis.flagRun})`}. Of
        the offensive messages sent below, {count(coded)} rest on reviewer codes and {count(flagged)} on the
        flagger alone.
      </p>
      {d.people.length === 0 ? (
        <p className="muted">No people in this case yet.</p>
      ) : (
        <table className="table people-table" aria-label="People and their conduct">
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Participants</th>
              <th scope="col" className="num">
                Sent
              </th>
              <th scope="col" className="num" title="coded / flagged only">
                Offensive sent
              </th>
              <th scope="col" className="num">
                Received while member
              </th>
              <th scope="col" className="num">
                Endorsed
              </th>
              <th scope="col" className="num">
                Challenged
              </th>
              <th scope="col" className="num">
                Silent
              </th>
              <th scope="col">Standards the evidence may engage</th>
            </tr>
          </thead>
          <tbody>
            {d.people.map((p) => (
              <PersonRow key={p.person} caseId={caseId} person={p} names={names} />
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
