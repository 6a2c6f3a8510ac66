import { useQuery } from '@tanstack/react-query';
import { getMembership } from '../api/people';
import type { Message } from '../api/types';
import { membershipKey } from './MembershipChart';

/**
 * Who was in the group when the selected message was sent (the membership timeline at its instant):
 * the audience an investigator weighs ("received while a member", "silent"). Open bounds count as
 * the record's edges; uncertain intervals are marked.
 */
export function MembersAt({ caseId, message }: { caseId: number; message: Message }) {
  // The same query as the dashboard's timeline: worked out once, shared.
  const q = useQuery({
    queryKey: membershipKey(caseId),
    queryFn: () => getMembership(caseId),
    staleTime: 60_000,
  });
  const timeline = q.data?.find((t) => t.conversationId === message.conversationId);
  if (!timeline) return null;
  const at = Date.parse(message.utc);
  const members = timeline.intervals.filter(
    (i) =>
      (i.from.utc === null || Date.parse(i.from.utc) <= at) &&
      (i.to.utc === null || Date.parse(i.to.utc) >= at),
  );
  const names = [...new Map(members.map((i) => [i.participantKey, i])).values()];
  return (
    <details className="members-at" data-testid="members-at">
      <summary>In the group at this message ({names.length})</summary>
      <ul className="small">
        {names.map((i) => (
          <li key={i.participantKey}>
            {i.participant}
            {i.certainty !== 'seen' && <span className="muted"> ({i.certainty})</span>}
          </li>
        ))}
      </ul>
    </details>
  );
}
