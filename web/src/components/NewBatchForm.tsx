import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { createBatch, type CaseMember } from '../api/batches';
import type { BatchSpecT } from '@contract/batch-spec';
import type { BatchKind } from '@contract/review-words';
import type { ConversationSummary } from '../api/types';
import { BatchSpecFields, EMPTY_SPEC_FIELDS, specFrom } from './BatchSpecFields';

const KIND_LABEL: Record<BatchKind, string> = {
  conversation: 'Messages of a conversation',
  date_range: 'Date range',
  priority: 'Priority: flagged at or above a score',
};

/** The lead's form for a new batch: its name, how the messages are chosen, and who works it. */
export function NewBatchForm(props: {
  caseId: number;
  conversations: readonly ConversationSummary[];
  reviewers: readonly CaseMember[];
  report: (message: string) => void;
  fail: (err: unknown) => void;
  /** Called once a batch is made (the lists that show batches are refreshed). */
  onMade: () => void;
}) {
  const { caseId, report } = props;
  const [name, setName] = useState('');
  const [kind, setKind] = useState<BatchKind>('conversation');
  const [fields, setFields] = useState(EMPTY_SPEC_FIELDS);
  const [assignee, setAssignee] = useState('');

  const create = useMutation({
    mutationFn: (input: { name: string; spec: BatchSpecT; assignee: string | null }) =>
      createBatch(caseId, input),
    onSuccess: (b) => {
      report(`Batch "${b.name}" made: ${b.messages} messages${b.assignee ? ` for ${b.assignee}` : ''}.`);
      setName('');
      props.onMade();
    },
    onError: props.fail,
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const spec = specFrom(kind, fields);
    if ('missing' in spec) return report(spec.missing);
    create.mutate({ name: name.trim(), spec, assignee: assignee || null });
  }

  return (
    <form className="batch-form" aria-label="New batch" onSubmit={submit}>
      <label>
        Name
        <input value={name} required maxLength={200} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        Split by
        <select aria-label="Split by" value={kind} onChange={(e) => setKind(e.target.value as BatchKind)}>
          {(Object.keys(KIND_LABEL) as BatchKind[]).map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </select>
      </label>
      <BatchSpecFields kind={kind} conversations={props.conversations} fields={fields} onChange={setFields} />
      <label>
        Assign to
        <select aria-label="Assign to" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
          <option value="">nobody yet</option>
          {props.reviewers.map((m) => (
            <option key={m.username} value={m.username}>
              {m.username} ({m.role})
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={create.isPending}>
        Make batch
      </button>
    </form>
  );
}
