import { FLAG_CATEGORIES } from '@contract/coding';
import { TERM_SEVERITIES, type TermSeverity } from '@contract/workspace-words';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { getCaseTerms, searchTermsKey } from '../api/search-terms';
import { addTerm, removeTerm } from '../api/workspace';
import { categoryLabel } from '../lib/format';

/**
 * The case's term list, edited by a lead (issue 18.4): each change is a new version with its audit
 * entry, as `scrutineer terms add` / `remove` make it. The next analysis uses it.
 */
export function TermListEditor({ caseId }: { caseId: number }) {
  const qc = useQueryClient();
  const terms = useQuery({
    queryKey: [...searchTermsKey(caseId), 'terms'],
    queryFn: () => getCaseTerms(caseId),
  });
  const [form, setForm] = useState<{ term: string; category: string; severity: TermSeverity }>({
    term: '',
    category: FLAG_CATEGORIES[0],
    severity: 'medium',
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: searchTermsKey(caseId) });
  const add = useMutation({
    mutationFn: () => addTerm(caseId, form),
    onSuccess: () => {
      setForm({ ...form, term: '' });
      refresh();
    },
  });
  const remove = useMutation({ mutationFn: (term: string) => removeTerm(caseId, term), onSuccess: refresh });

  function submit(e: FormEvent) {
    e.preventDefault();
    add.mutate();
  }

  return (
    <section className="panel" aria-labelledby="term-list-title">
      <h2 id="term-list-title">Case term list</h2>
      <ul className="term-list" aria-label="Case terms">
        {(terms.data ?? []).map((t) => (
          <li key={t.term}>
            {t.term}{' '}
            <span className="muted">
              ({categoryLabel(t.category)}, {t.severity})
            </span>{' '}
            <button type="button" onClick={() => remove.mutate(t.term)} aria-label={`Remove term ${t.term}`}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={submit} aria-label="Add a term">
        <label>
          New term
          <input value={form.term} onChange={(e) => setForm({ ...form, term: e.target.value })} required />
        </label>
        <label>
          Term category
          <select value={form.category} onChange={(e) => setForm({ ...form, category: e.target.value })}>
            {FLAG_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {categoryLabel(c)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Severity
          <select
            value={form.severity}
            onChange={(e) => setForm({ ...form, severity: e.target.value as TermSeverity })}
          >
            {TERM_SEVERITIES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={add.isPending}>
          Add term
        </button>
      </form>
      {(add.error ?? remove.error) && (
        <p role="alert" className="error">
          {(add.error ?? remove.error)!.message}
        </p>
      )}
    </section>
  );
}
