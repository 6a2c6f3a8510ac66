import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { DATE_ORDERS, type DateOrderChoice } from '@contract/exhibit-schemas';
import { uploadExhibit, type ExhibitFields, type UploadOutcome } from '../api/exhibits';
import { count } from '../lib/format';
import { href } from '../lib/router';

// Typed by the contract's list: a new date order is a compile error here until it has its words.
const DATE_ORDER_LABELS: Readonly<Record<DateOrderChoice, string>> = {
  auto: 'decide from the file',
  dmy: 'day/month/year',
  mdy: 'month/day/year',
  ymd: 'year/month/day',
};

/** The report's figures a reader checks first; the full report is in the details below. */
function ReportSummary({ caseId, outcome }: { caseId: number; outcome: UploadOutcome }) {
  const scalars = Object.entries(outcome.report).filter(([, v]) => v === null || typeof v !== 'object');
  const lists = Object.entries(outcome.report).filter(([, v]) => Array.isArray(v));
  return (
    <div className="import-report" role="status" aria-label="Import report">
      <p>
        <strong>
          {outcome.exhibit.ref} imported: {count(outcome.messages)} messages
        </strong>{' '}
        in{' '}
        <a href={href({ page: 'thread', caseId, conversationId: outcome.conversation.id, seq: null })}>
          {outcome.conversation.name}
        </a>
        {outcome.mediaFiles > 0 ? `, ${count(outcome.mediaFiles)} media files` : ''}.
      </p>
      <p className="small">
        SHA-256 <code>{outcome.exhibit.sha256}</code>, {count(outcome.exhibit.size)} bytes.
      </p>
      <dl className="report-figures">
        {scalars.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{String(v)}</dd>
          </div>
        ))}
        {lists.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{(v as unknown[]).length}</dd>
          </div>
        ))}
      </dl>
      <details>
        <summary>The full import report</summary>
        <pre className="small">{JSON.stringify(outcome.report, null, 2)}</pre>
      </details>
    </div>
  );
}

/**
 * Add an exhibit by upload (leads): the same intake, refusals and audit entry as `scrutineer exhibit
 * add`, a progress bar while the file goes up, then the import report.
 */
export function ExhibitUpload({ caseId, zone }: { caseId: number; zone: string }) {
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [fields, setFields] = useState<ExhibitFields>({ ref: '', timezone: zone, dateOrder: 'auto' });
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<UploadOutcome | null>(null);
  const set = (k: keyof ExhibitFields) => (e: { target: { value: string } }) =>
    setFields({ ...fields, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return setError('Choose a file first.');
    setBusy(true);
    setError(null);
    setOutcome(null);
    try {
      const r = await uploadExhibit(caseId, file, fields, (sent, total) => setProgress({ sent, total }));
      setOutcome(r);
      void qc.invalidateQueries({ queryKey: ['case', caseId] });
      void qc.invalidateQueries({ queryKey: ['cases'] });
      void qc.invalidateQueries({ queryKey: ['membership', caseId] });
      void qc.invalidateQueries({ queryKey: ['conduct', caseId] });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const pct = progress && progress.total > 0 ? Math.round((progress.sent / progress.total) * 100) : 0;
  return (
    <section className="panel" aria-labelledby="upload-title">
      <h2 id="upload-title">Add an exhibit</h2>
      <form className="upload-form" onSubmit={(e) => void submit(e)}>
        <label>
          File (WhatsApp export .txt or .zip, msgstore.db, ChatStorage.sqlite, .ufdr, .rsmf)
          <input type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <label>
          Reference
          <input value={fields.ref} onChange={set('ref')} placeholder="AB/1" required />
        </label>
        <label>
          Time zone of the phone
          <input value={fields.timezone} onChange={set('timezone')} required />
        </label>
        <label>
          Date order
          <select value={fields.dateOrder} onChange={set('dateOrder')}>
            {DATE_ORDERS.map((o) => (
              <option key={o} value={o}>
                {DATE_ORDER_LABELS[o]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Seized from
          <input value={fields.seizedFrom ?? ''} onChange={set('seizedFrom')} />
        </label>
        <label>
          Producing officer
          <input value={fields.officer ?? ''} onChange={set('officer')} />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? 'Importing…' : 'Upload and import'}
        </button>
      </form>
      {progress && (busy || outcome) && (
        <p className="small">
          <progress max={100} value={pct} aria-label="Upload progress" /> {pct}% sent
          {busy && pct === 100 ? ': importing (hashing, reading, storing)…' : ''}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          Not imported: {error}
        </p>
      )}
      {outcome && <ReportSummary caseId={caseId} outcome={outcome} />}
    </section>
  );
}
