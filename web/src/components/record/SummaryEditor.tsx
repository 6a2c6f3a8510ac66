import type { getSummary } from '../../api/record';

type Draft = NonNullable<Awaited<ReturnType<typeof getSummary>>['current']>;

/** The lead's editor of the public summary: the Markdown, save, start again, mark final. */
export function SummaryEditor(props: {
  text: string;
  setText: (text: string) => void;
  status: string | null;
  setStatus: (status: string | null) => void;
  /** The saved draft, if any: only a saved text can be marked final. */
  current: Draft | null;
  /** The text generated from the record. */
  generated: string;
  saving: boolean;
  finalising: boolean;
  onSave: (markdown: string) => void;
  onFinalise: () => void;
  error: Error | null;
}) {
  const { text, setText, status, setStatus, current, error } = props;
  return (
    <section className="panel record-section" aria-labelledby="summary-edit-title">
      <h2 id="summary-edit-title">Edit</h2>
      <label htmlFor="summary-markdown" className="muted small">
        Markdown: # headings, - list items, paragraphs
      </label>
      <textarea
        id="summary-markdown"
        className="summary-editor"
        value={text}
        rows={18}
        onChange={(e) => {
          setStatus(null);
          setText(e.target.value);
        }}
      />
      <div className="record-form-actions">
        <button type="button" disabled={props.saving} onClick={() => props.onSave(text)}>
          Save draft
        </button>
        <button type="button" onClick={() => setText(props.generated)}>
          Start again from the record
        </button>
        <button
          type="button"
          disabled={props.finalising || current === null || current.markdown !== text}
          title={current === null || current.markdown !== text ? 'Save the draft first' : undefined}
          onClick={props.onFinalise}
        >
          Mark final
        </button>
        {status && (
          <span className="muted" role="status">
            {status}
          </span>
        )}
      </div>
      {error && (
        <p role="alert" className="error">
          Not saved: {error.message}
        </p>
      )}
    </section>
  );
}
