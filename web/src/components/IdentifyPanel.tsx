import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { IdentityDecision } from '@contract/identity-schemas';
import { decideIdentity, getIdentities, identitiesKey, type Participant } from '../api/identities';
import { href } from '../lib/router';
import { QueryState } from './QueryState';

/** One participant: what the evidence says about them, and (leads) confirm or reject them as a person. */
function ParticipantRow(p: {
  caseId: number;
  who: Participant;
  people: readonly { id: number; name: string }[];
  canDecide: boolean;
  onDecided: (message: string) => void;
}) {
  const qc = useQueryClient();
  const [person, setPerson] = useState<number | ''>('');
  const decide = async (decision: IdentityDecision) => {
    if (person === '') return;
    const name = p.people.find((x) => x.id === person)?.name ?? String(person);
    try {
      await decideIdentity(p.caseId, p.who.participant, person, decision);
      p.onDecided(`${p.who.name} ${decision === 'confirmed' ? 'confirmed as' : 'rejected as'} ${name}.`);
      for (const key of [identitiesKey(p.caseId), ['conduct', p.caseId], ['membership', p.caseId]])
        void qc.invalidateQueries({ queryKey: key });
    } catch (err) {
      p.onDecided(`Not recorded: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const label = `participant ${p.who.name} (${p.who.participant})`;
  return (
    <tr data-testid="participant-row">
      <th scope="row">{p.who.name}</th>
      <td className="small">
        {[p.who.phone, p.who.jid, p.who.pushName && `push name "${p.who.pushName}"`]
          .filter(Boolean)
          .join(', ') || '—'}
      </td>
      <td>{p.who.confirmedAs ?? <span className="muted">not confirmed</span>}</td>
      {p.canDecide && (
        <td>
          <select
            aria-label={`Person for ${label}`}
            value={person}
            onChange={(e) => setPerson(e.target.value ? Number(e.target.value) : '')}
          >
            <option value="">choose a person…</option>
            {p.people.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>{' '}
          <button type="button" disabled={person === ''} onClick={() => void decide('confirmed')}>
            Confirm
          </button>{' '}
          <button type="button" disabled={person === ''} onClick={() => void decide('rejected')}>
            Reject
          </button>
        </td>
      )}
    </tr>
  );
}

/**
 * Who is who (scrutineer identify): every participant with its numbers and names, the proposed
 * links with their evidence, and, for leads, the decisions ("You" linked to the phone's owner, a
 * number to a person). Each decision is audited; a participant or number confirmed to two people
 * is refused with the reason.
 */
export function IdentifyPanel({ caseId, canDecide }: { caseId: number; canDecide: boolean }) {
  const q = useQuery({
    queryKey: identitiesKey(caseId),
    queryFn: () => getIdentities(caseId),
    staleTime: 60_000,
  });
  const [status, setStatus] = useState<string | null>(null);
  const d = q.data;
  const name = (id: number) => d?.participants.find((p) => p.participant === id)?.name ?? `#${id}`;
  return (
    <section className="panel" aria-labelledby="identify-title">
      <h2 id="identify-title">Identify people</h2>
      <QueryState query={q} />
      {d && d.people.length === 0 && (
        <p className="muted">
          No people in the case yet: add them in the{' '}
          <a href={href({ page: 'record', caseId, view: 'record' })}>case record</a>.
        </p>
      )}
      {status && (
        <p role="status" className="small">
          {status}
        </p>
      )}
      {d && (
        <div className="table-scroll">
          <table className="table" aria-label="Participants and who they are">
            <thead>
              <tr>
                <th scope="col">Participant</th>
                <th scope="col">Number, JID, push name</th>
                <th scope="col">Confirmed as</th>
                {canDecide && <th scope="col">Decision</th>}
              </tr>
            </thead>
            <tbody>
              {d.participants.map((p) => (
                <ParticipantRow
                  key={p.participant}
                  caseId={caseId}
                  who={p}
                  people={d.people}
                  canDecide={canDecide}
                  onDecided={setStatus}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {d && d.proposals.length > 0 && (
        <>
          <h3>Proposed links</h3>
          <ul className="small" aria-label="Proposed links">
            {d.proposals.map((p) => (
              <li key={`${p.a}-${p.b}`}>
                {name(p.a)} = {name(p.b)}? ({Math.round(p.confidence * 100)}%):{' '}
                {p.evidence.map((e) => `${e.kind}: ${e.detail}`).join('; ')}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
