import type { getConduct } from '../api/people';
import { count } from '../lib/format';
import { href } from '../lib/router';

type Person = Awaited<ReturnType<typeof getConduct>>['people'][number];

/** A link to the search page listing the messages behind a figure (sender and, optionally, status). */
function messagesOf(caseId: number, sender: string, extra: Record<string, string> = {}): string {
  return href({ page: 'search', caseId, params: new URLSearchParams({ sender, ...extra }) });
}

/** One person's row of the conduct table; `names` gives participants' display names by key. */
export function PersonRow({
  caseId,
  person: p,
  names,
}: {
  caseId: number;
  person: Person;
  names: ReadonlyMap<string, string>;
}) {
  return (
    <tr>
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
  );
}
