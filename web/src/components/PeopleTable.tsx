import { useQuery } from '@tanstack/react-query';
import { getConduct, getMembership } from '../api/people';
import { count } from '../lib/format';
import { href } from '../lib/router';
import { membershipKey } from './MembershipChart';
import { QueryState } from './QueryState';
import '../queue.css';

/** The people of the case and their conduct picture (docs/conduct.md): figures to check, never findings. */
/** A link to the search page listing the messages behind a figure (sender and, optionally, status). */
function messagesOf(caseId: number, sender: string, extra: Record<string, string> = {}): string {
  return href({ page: 'search', caseId, params: new URLSearchParams({ sender, ...extra }) });
}

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
              <tr key={p.person}>
                <th scope="row">
                  {p.name}
                  {p.provisional && (
                    <span className="muted small" title="Not yet confirmed as one person">
                      {' '}
                      (provisional)
                    </span>
                  )}
                </th>
                <td className="small" data-label="Participants">
                  {p.participants.map((k, i) => (
                    <span key={k}>
                      {i > 0 && ', '}
                      <a href={messagesOf(caseId, names.get(k) ?? k)} title="Their messages">
                        {names.get(k) ?? k}
                      </a>
                    </span>
                  ))}
                </td>
                <td className="num" data-label="Sent">
                  {p.participants.length === 1 && p.participants[0] ? (
                    <a
                      href={messagesOf(caseId, names.get(p.participants[0]) ?? p.participants[0])}
                      aria-label={`${count(p.sent)} messages sent by ${p.name}: list them`}
                    >
                      {count(p.sent)}
                    </a>
                  ) : (
                    count(p.sent)
                  )}
                </td>
                <td className="num" data-label="Offensive sent">
                  {count(p.sentOffensive)}
                  {p.byBasis && p.sentOffensive > 0 && (
                    <span className="muted small">
                      {' '}
                      ({p.byBasis.coded} coded, {p.byBasis.flagged} flagged)
                    </span>
                  )}
                </td>
                <td className="num" data-label="Received while member">
                  {count(p.receivedOffensiveWhileMember)}
                </td>
                <td className="num" data-label="Endorsed">
                  {count(p.endorsed)}
                </td>
                <td className="num" data-label="Challenged">
                  {count(p.challenged)}
                </td>
                <td className="num" data-label="Silent">
                  {count(p.silent)}
                </td>
                <td className="standards" data-label="Standards the evidence may engage">
                  {p.standards.length === 0
                    ? '—'
                    : p.standards.map((s) => (
                        <div key={s.standard} title={s.reason}>
                          {s.standard} <span className="muted">({s.messages.length})</span>
                        </div>
                      ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
