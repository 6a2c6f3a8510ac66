import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { recordAction, type CaseRecord, type RecordView } from '../../api/record';
import { day, word } from './words';

/**
 * One change to the record, as a form: its fields are declared (FormSpec), the server checks them
 * and the record's rules, and a refusal is shown with the rule's own message.
 */
export type FieldKind =
  | 'text'
  | 'textarea'
  | 'date'
  /** A day, a month or a year (YYYY-MM-DD, YYYY-MM, YYYY): the browser's date picker takes only days. */
  | 'partial-date'
  | 'select'
  | 'checks'
  | 'number'
  | 'checkbox'
  /** Message ids, comma-separated. */
  | 'ids'
  /** Several values, one a line. */
  | 'lines'
  | 'subject'
  | 'person'
  | 'allegations'
  | 'count'
  | 'counts'
  | 'proceeding'
  | 'recommendation';

export interface Field {
  readonly name: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly options?: readonly string[];
  readonly required?: boolean;
  readonly hint?: string;
  /**
   * Sent only with this field filled: a checkbox qualifying a value ("more than" N) must not reset
   * the qualifier when the form is sent for another field, since fields left out keep their value.
   */
  readonly with?: string;
}

export interface FormSpec {
  readonly action: string;
  readonly title: string;
  readonly fields: readonly Field[];
  /** Adds the "may appear in the public summary" box. */
  readonly publishable?: boolean;
}

type Value = string | boolean | string[];

interface Choice {
  readonly value: string;
  readonly label: string;
}

function choices(kind: FieldKind, record: CaseRecord, options: readonly string[] = []): Choice[] {
  const name = (id: number) => record.people.find((p) => p.id === id)?.name ?? `person ${id}`;
  switch (kind) {
    case 'subject':
      return record.people
        .filter((p) => p.role === 'subject')
        .map((p) => ({ value: String(p.id), label: p.name }));
    case 'person':
      return record.people.map((p) => ({ value: String(p.id), label: `${p.name} (${p.role})` }));
    case 'allegations':
      return record.allegations.map((a) => ({
        value: String(a.id),
        label: `${a.id}: ${name(a.personId)}, ${a.standard}`,
      }));
    case 'count':
      return record.counts
        .filter((c) => c.chargedOn === null)
        .map((c) => ({ value: String(c.id), label: `${name(c.personId)}, count ${c.number} (proposed)` }));
    case 'counts':
      return record.counts
        .filter((c) => c.chargedOn !== null && c.verdict === null)
        .map((c) => ({ value: String(c.id), label: `${name(c.personId)}, count ${c.number}` }));
    case 'proceeding':
      return record.proceedings.map((p) => ({
        value: String(p.id),
        label: `${p.id}: ${word(p.level)} ${p.kind}, ${day(p.startOn)}`,
      }));
    case 'recommendation':
      return record.recommendations.map((r) => ({ value: r.reference, label: r.reference }));
    default:
      return options.map((o) => ({ value: o, label: word(o) }));
  }
}

const MULTI: readonly FieldKind[] = ['checks', 'allegations', 'counts'];
const NUMERIC: readonly FieldKind[] = ['number', 'subject', 'person', 'count', 'proceeding'];

function initial(fields: readonly Field[], publishable: boolean): Record<string, Value> {
  const v: Record<string, Value> = {};
  for (const f of fields) v[f.name] = MULTI.includes(f.kind) ? [] : f.kind === 'checkbox' ? false : '';
  if (publishable) v.publishable = false;
  return v;
}

/** The form's values as the API's fields: blanks left out, numbers and lists parsed. */
function toPayload(spec: FormSpec, values: Record<string, Value>): Record<string, unknown> {
  const out: Record<string, unknown> = { action: spec.action };
  for (const f of spec.fields) {
    const v = values[f.name];
    const partner = f.with === undefined ? undefined : values[f.with];
    if (f.with !== undefined && (typeof partner !== 'string' || partner.trim() === '')) continue;
    if (f.kind === 'checkbox') out[f.name] = v === true;
    else if (f.kind === 'allegations' || f.kind === 'counts') out[f.name] = (v as string[]).map(Number);
    else if (f.kind === 'checks') {
      if ((v as string[]).length) out[f.name] = v;
    } else if (typeof v !== 'string' || v.trim() === '') continue;
    else if (NUMERIC.includes(f.kind)) out[f.name] = Number(v);
    else if (f.kind === 'ids')
      out[f.name] = v
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    else if (f.kind === 'lines')
      out[f.name] = v
        .split(/\n|;/)
        .map((s) => s.trim())
        .filter(Boolean);
    else out[f.name] = v.trim();
  }
  if (spec.publishable) out.publishable = values.publishable === true;
  return out;
}

export function recordKey(caseId: number, today: string | undefined) {
  return ['record', caseId, today ?? 'today'] as const;
}

/** One field of a record form, drawn for its kind: checks, a checkbox, a choice, text or a date. */
function RecordField({
  field: f,
  id,
  value: v,
  record,
  set,
}: {
  field: Field;
  id: string;
  value: Value | undefined;
  record: CaseRecord;
  set: (name: string, v: Value) => void;
}) {
  if (MULTI.includes(f.kind)) {
    const list = choices(f.kind, record, f.options);
    const picked = v as string[];
    return (
      <fieldset className="record-checks">
        <legend>{f.label}</legend>
        {list.length === 0 && <span className="muted small">none yet</span>}
        {list.map((c) => (
          <label key={c.value}>
            <input
              type="checkbox"
              checked={picked.includes(c.value)}
              onChange={(e) =>
                set(f.name, e.target.checked ? [...picked, c.value] : picked.filter((x) => x !== c.value))
              }
            />{' '}
            {c.label}
          </label>
        ))}
      </fieldset>
    );
  }
  if (f.kind === 'checkbox')
    return (
      <label className="record-check">
        <input type="checkbox" checked={v === true} onChange={(e) => set(f.name, e.target.checked)} />{' '}
        {f.label}
      </label>
    );
  const isSelect = !['text', 'textarea', 'date', 'partial-date', 'number', 'ids', 'lines'].includes(f.kind);
  return (
    <div className="record-field">
      <label htmlFor={id}>
        {f.label}
        {f.required ? '' : <span className="muted small"> (optional)</span>}
      </label>
      {isSelect ? (
        <select
          id={id}
          value={v as string}
          required={f.required}
          onChange={(e) => set(f.name, e.target.value)}
        >
          <option value="">—</option>
          {choices(f.kind, record, f.options).map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      ) : f.kind === 'textarea' || f.kind === 'lines' ? (
        <textarea
          id={id}
          rows={f.kind === 'lines' ? 2 : 3}
          value={v as string}
          required={f.required}
          onChange={(e) => set(f.name, e.target.value)}
        />
      ) : (
        <input
          id={id}
          type={f.kind === 'date' ? 'date' : f.kind === 'number' ? 'number' : 'text'}
          {...(f.kind === 'number' ? { min: 0, step: 1 } : {})}
          {...(f.kind === 'partial-date'
            ? { pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', placeholder: 'YYYY-MM-DD, YYYY-MM or YYYY' }
            : {})}
          value={v as string}
          required={f.required}
          onChange={(e) => set(f.name, e.target.value)}
        />
      )}
      {f.hint && <span className="muted small">{f.hint}</span>}
    </div>
  );
}

export function ActionForm({
  caseId,
  spec,
  record,
  today,
}: {
  caseId: number;
  spec: FormSpec;
  record: CaseRecord;
  today: string | undefined;
}) {
  const qc = useQueryClient();
  const formId = useId();
  const [values, setValues] = useState(() => initial(spec.fields, spec.publishable ?? false));
  const [status, setStatus] = useState<string | null>(null);
  const m = useMutation({
    mutationFn: (payload: Record<string, unknown>) =>
      recordAction(caseId, payload as { action: string }, today),
    onSuccess: (view) => {
      const { result: _result, ...rest } = view;
      qc.setQueryData<RecordView>(recordKey(caseId, today), rest);
      void qc.invalidateQueries({ queryKey: ['record', caseId] });
      void qc.invalidateQueries({ queryKey: ['record-summary', caseId] });
      setValues(initial(spec.fields, spec.publishable ?? false));
      setStatus('Recorded.');
    },
    onError: () => setStatus(null),
  });
  const set = (name: string, v: Value) => {
    setStatus(null);
    setValues((old) => ({ ...old, [name]: v }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    m.mutate(toPayload(spec, values));
  };
  return (
    <form className="record-form" aria-label={spec.title} onSubmit={submit}>
      {spec.fields.map((f) => (
        <RecordField
          key={f.name}
          field={f}
          id={`${formId}-${f.name}`}
          value={values[f.name]}
          record={record}
          set={set}
        />
      ))}
      {spec.publishable && (
        <label className="record-check">
          <input
            type="checkbox"
            checked={values.publishable === true}
            onChange={(e) => set('publishable', e.target.checked)}
          />{' '}
          May appear in the public summary
        </label>
      )}
      <div className="record-form-actions">
        <button type="submit" disabled={m.isPending}>
          {m.isPending ? 'Recording…' : 'Record'}
        </button>
        {status && (
          <span className="muted" role="status">
            {status}
          </span>
        )}
      </div>
      {m.error && (
        <p role="alert" className="error record-refusal">
          Not recorded: {m.error.message}
        </p>
      )}
    </form>
  );
}

/** A form behind a disclosure ("Add a notice"), for the lead. */
export function AddForm(props: {
  caseId: number;
  spec: FormSpec;
  record: CaseRecord;
  today: string | undefined;
}) {
  return (
    <details className="record-add">
      <summary>{props.spec.title}</summary>
      <ActionForm {...props} />
    </details>
  );
}
