import type { Code, CodeInput } from '../api/types';
import { decisionLabel } from '../lib/format';

function CodeSummary({
  title,
  code,
}: {
  title: string;
  code: Partial<CodeInput> & { by?: string; at?: string; version?: number };
}) {
  return (
    <section className="conflict-side" aria-label={title}>
      <h3>{title}</h3>
      <dl>
        <dt>Decision</dt>
        <dd>{code.decision ? decisionLabel(code.decision) : '—'}</dd>
        <dt>Categories</dt>
        <dd>{code.categories?.join(', ') || '—'}</dd>
        <dt>Standards</dt>
        <dd>{code.standards?.join('; ') || '—'}</dd>
        <dt>Potential s127</dt>
        <dd>{code.potentialS127 ? 'yes' : 'no'}</dd>
        <dt>Note</dt>
        <dd>{code.note || '—'}</dd>
        {code.by && (
          <>
            <dt>Saved by</dt>
            <dd>
              {code.by}, {code.at} (version {code.version})
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

/** Someone saved a code on this message since the reviewer loaded it: show both, let them choose. */
export function ConflictDialog({
  current,
  yours,
  onKeepCurrent,
  onUseMine,
}: {
  current: Code;
  yours: CodeInput;
  onKeepCurrent: () => void;
  onUseMine: () => void;
}) {
  return (
    <div className="dialog-backdrop">
      <div role="alertdialog" aria-modal="true" aria-labelledby="conflict-title" className="dialog">
        <h2 id="conflict-title">This message was coded by someone else meanwhile</h2>
        <p>Nothing has been overwritten. Choose which code to keep.</p>
        <div className="conflict">
          <CodeSummary title="Saved version" code={current} />
          <CodeSummary title="Your version" code={yours} />
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={onKeepCurrent} autoFocus>
            Keep saved version
          </button>
          <button type="button" onClick={onUseMine}>
            Save mine over it
          </button>
        </div>
      </div>
    </div>
  );
}
