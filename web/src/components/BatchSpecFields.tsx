import type { BatchSpecT } from '@contract/batch-spec';
import { FLAG_CATEGORIES } from '@contract/coding';
import type { BatchKind } from '@contract/review-words';
import type { ConversationSummary } from '../api/types';
import { categoryLabel, count } from '../lib/format';

/** What the new-batch form asks for to choose the messages, as typed (the kind picks which count). */
export interface SpecFields {
  readonly conversationId: string;
  readonly fromNo: string;
  readonly toNo: string;
  readonly fromDate: string;
  readonly toDate: string;
  readonly minScore: string;
  readonly category: string;
}

export const EMPTY_SPEC_FIELDS: SpecFields = {
  conversationId: '',
  fromNo: '',
  toNo: '',
  fromDate: '',
  toDate: '',
  minScore: '0.5',
  category: '',
};

/** "2021-03-01" → the instant that day starts (UTC); an end date is taken inclusively (the next day). */
function dayStart(date: string, plusDays = 0): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + plusDays);
  return d.toISOString();
}

/** The batch spec the fields describe, or what is missing, in words. */
export function specFrom(kind: BatchKind, f: SpecFields): BatchSpecT | { readonly missing: string } {
  const conv = f.conversationId ? Number(f.conversationId) : undefined;
  if (kind === 'conversation') {
    if (conv === undefined) return { missing: 'Choose a conversation.' };
    return {
      kind,
      conversationId: conv,
      ...(f.fromNo ? { fromSeq: Math.max(0, Number(f.fromNo) - 1) } : {}),
      ...(f.toNo ? { toSeq: Math.max(0, Number(f.toNo) - 1) } : {}),
    };
  }
  if (kind === 'date_range') {
    if (!f.fromDate || !f.toDate) return { missing: 'Give both dates.' };
    return {
      kind,
      from: dayStart(f.fromDate),
      to: dayStart(f.toDate, 1),
      ...(conv === undefined ? {} : { conversationId: conv }),
    };
  }
  return { kind, minScore: Number(f.minScore), ...(f.category ? { category: f.category } : {}) };
}

/** The new-batch form's inputs for the chosen kind of split. */
export function BatchSpecFields(props: {
  kind: BatchKind;
  conversations: readonly ConversationSummary[];
  fields: SpecFields;
  onChange: (fields: SpecFields) => void;
}) {
  const { kind, fields: f } = props;
  const set = (key: keyof SpecFields) => (e: { target: { value: string } }) =>
    props.onChange({ ...f, [key]: e.target.value });
  return (
    <>
      {kind !== 'priority' && (
        <label>
          Conversation
          <select aria-label="Conversation" value={f.conversationId} onChange={set('conversationId')}>
            <option value="">{kind === 'conversation' ? 'choose…' : 'any'}</option>
            {props.conversations.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({count(c.messages)})
              </option>
            ))}
          </select>
        </label>
      )}
      {kind === 'conversation' && (
        <>
          <label>
            From message
            <input type="number" min={1} value={f.fromNo} onChange={set('fromNo')} />
          </label>
          <label>
            To message
            <input type="number" min={1} value={f.toNo} onChange={set('toNo')} />
          </label>
        </>
      )}
      {kind === 'date_range' && (
        <>
          <label>
            From date
            <input type="date" value={f.fromDate} onChange={set('fromDate')} />
          </label>
          <label>
            To date (inclusive)
            <input type="date" value={f.toDate} onChange={set('toDate')} />
          </label>
        </>
      )}
      {kind === 'priority' && (
        <>
          <label>
            Minimum score
            <input type="number" min={0} max={1} step={0.05} value={f.minScore} onChange={set('minScore')} />
          </label>
          <label>
            Category
            <select aria-label="Category" value={f.category} onChange={set('category')}>
              <option value="">any</option>
              {FLAG_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {categoryLabel(c)}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
    </>
  );
}
