import { DECISIONS, FLAG_CATEGORIES, type Decision } from '@contract/coding';
import { STANDARDS } from '@contract/standards';
import type { Message } from '../api/types';
import type { Draft } from '../lib/drafts';
import { categoryLabel, decisionLabel } from '../lib/format';
import { ChecksFieldset } from './ChecksFieldset';

export interface CodingPanelProps {
  readonly message: Message;
  readonly draft: Draft;
  readonly readOnly: boolean;
  readonly saving: boolean;
  readonly status: string | null;
  readonly onChange: (draft: Draft) => void;
  readonly onSave: (decision?: Decision) => void;
  /** Forget the unsaved changes (the form shows the saved code again). */
  readonly onDiscard?: () => void;
}

/** The reviewer's code for the selected message: decision, categories, standards, s127, note. */
export function CodingPanel({
  message,
  draft,
  readOnly,
  saving,
  status,
  onChange,
  onSave,
  onDiscard,
}: CodingPanelProps) {
  const code = message.code;
  return (
    <form
      className="coding"
      aria-label="Code this message"
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <fieldset disabled={readOnly || saving}>
        <legend>Decision</legend>
        <div className="decisions">
          {DECISIONS.map((d) => (
            <label key={d} className={`decision decision-${d}`}>
              <input
                type="radio"
                name="decision"
                value={d}
                checked={draft.decision === d}
                onChange={() => onChange({ ...draft, decision: d })}
              />
              {decisionLabel(d)} <kbd>{d === 'offensive' ? 'o' : d === 'not_offensive' ? 'n' : 'u'}</kbd>
            </label>
          ))}
        </div>
      </fieldset>
      <ChecksFieldset
        legend="Categories"
        items={FLAG_CATEGORIES}
        chosen={draft.categories}
        label={categoryLabel}
        disabled={readOnly || saving}
        onChange={(categories) => onChange({ ...draft, categories })}
      />
      <ChecksFieldset
        legend="Standards of Professional Behaviour"
        items={STANDARDS}
        chosen={draft.standards}
        label={(s) => s}
        disabled={readOnly || saving}
        onChange={(standards) => onChange({ ...draft, standards })}
      />
      <fieldset disabled={readOnly || saving}>
        <label className="s127">
          <input
            type="checkbox"
            checked={draft.potentialS127}
            onChange={(e) => onChange({ ...draft, potentialS127: e.target.checked })}
          />
          Potential s127 count
        </label>
        <label className="note">
          Note
          <textarea
            rows={3}
            value={draft.note}
            onChange={(e) => onChange({ ...draft, note: e.target.value })}
          />
        </label>
        <button type="submit">Save code</button>{' '}
        {onDiscard && (
          <button type="button" onClick={onDiscard}>
            Discard changes
          </button>
        )}
      </fieldset>
      <p className="muted small" aria-live="polite" data-testid="coding-status">
        {status ??
          (code
            ? `Version ${code.version}, ${decisionLabel(code.decision)} by ${code.by} at ${code.at}`
            : message.blind
              ? 'Coded by someone else: give your blind second review on the QC page'
              : 'Not coded yet')}
      </p>
    </form>
  );
}
