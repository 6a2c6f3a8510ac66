import type { getSearchTermReport } from '../api/search-terms';
import { categoryLabel } from '../lib/format';
import { navigate } from '../lib/router';

type TermRow = Awaited<ReturnType<typeof getSearchTermReport>>['rows'][number];

/** Hits per term of the search-term report; each term opens a search for it. */
export function TermHitsTable({ caseId, rows }: { caseId: number; rows: readonly TermRow[] }) {
  return (
    <table className="term-report" aria-label="Hits per term">
      <thead>
        <tr>
          <th scope="col">Term</th>
          <th scope="col">Category</th>
          <th scope="col">Hits</th>
          <th scope="col">Unique</th>
          <th scope="col">Reviewed</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.term}>
            <td>
              <button
                type="button"
                className="link"
                title="Search for this term"
                onClick={() =>
                  navigate({
                    page: 'search',
                    caseId,
                    params: new URLSearchParams({ q: `"${r.term.replace(/"/g, ' ')}"` }),
                  })
                }
              >
                {r.term}
              </button>
              {r.note && <span className="muted small"> ({r.note})</span>}
            </td>
            <td>{categoryLabel(r.category)}</td>
            <td>{r.hits}</td>
            <td>{r.unique}</td>
            <td>{r.reviewed}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
