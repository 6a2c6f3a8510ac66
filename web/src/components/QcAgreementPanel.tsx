import { useQuery } from '@tanstack/react-query';
import { getQcAgreement } from '../api/qc';
import { href } from '../lib/router';
import { QueryState } from './QueryState';

const fixed = (x: number | null, digits = 2) => (x === null ? '—' : x.toFixed(digits));

/** The case dashboard's QC section: the queue by status, the QC share, and Cohen's kappa per reviewer pair. */
export function QcAgreementPanel({ caseId }: { caseId: number }) {
  const q = useQuery({
    queryKey: ['qc', caseId, 'agreement'],
    queryFn: () => getQcAgreement(caseId),
    staleTime: 0,
  });
  const d = q.data;
  return (
    <section className="panel" aria-labelledby="qc-agreement-title">
      <h2 id="qc-agreement-title">Second review (QC)</h2>
      <QueryState query={q} />
      {d && (
        <>
          <p>
            <span data-testid="qc-counts">
              {d.counts.pending} awaiting second review, {d.counts.agreed} agreed, {d.counts.disagreed} to
              resolve, {d.counts.resolved} resolved.
            </span>{' '}
            QC share of other decisions: {Math.round(d.share * 1000) / 10}%.{' '}
            <a href={href({ page: 'qc', caseId })}>Open QC</a>
          </p>
          {d.pairs.length === 0 ? (
            <p className="muted">No second reviews yet: agreement appears once items are decided twice.</p>
          ) : (
            <table className="qc-agreement" aria-label="Agreement per reviewer pair">
              <thead>
                <tr>
                  <th scope="col">Reviewers</th>
                  <th scope="col">Items</th>
                  <th scope="col">Agreed</th>
                  <th scope="col">Observed</th>
                  <th scope="col">By chance</th>
                  <th scope="col">Cohen's kappa</th>
                </tr>
              </thead>
              <tbody>
                {d.pairs.map((p) => (
                  <tr key={`${p.a}\u0000${p.b}`}>
                    <td>
                      {p.a} / {p.b}
                    </td>
                    <td>{p.n}</td>
                    <td>{p.agreed}</td>
                    <td>{fixed(p.observed)}</td>
                    <td>{fixed(p.expected)}</td>
                    <td
                      data-testid="kappa"
                      title={p.kappa === null ? 'undefined: too few or uniform decisions' : ''}
                    >
                      {fixed(p.kappa)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
