import { useQuery } from '@tanstack/react-query';
import { listCases } from '../api/cases';
import { CoverageBar } from '../components/CoverageBar';
import { QueryState } from '../components/QueryState';
import { count } from '../lib/format';
import { href } from '../lib/router';

export function CaseListPage() {
  const q = useQuery({ queryKey: ['cases'], queryFn: listCases });
  return (
    <section aria-labelledby="cases-title">
      <h1 id="cases-title">Cases</h1>
      <QueryState query={q} />
      {q.data && q.data.length === 0 && <p className="muted">You are not a member of any case yet.</p>}
      {q.data && q.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Exhibits</th>
              <th scope="col">Messages</th>
              <th scope="col">Reviewed</th>
              <th scope="col">Coverage</th>
            </tr>
          </thead>
          <tbody>
            {q.data.map((c) => (
              <tr key={c.id}>
                <td>
                  <a href={href({ page: 'case', caseId: c.id })}>{c.name}</a>
                </td>
                <td className="num">{count(c.exhibits)}</td>
                <td className="num">{count(c.messages)}</td>
                <td className="num">{count(c.reviewed)}</td>
                <td className="coverage-cell">
                  <CoverageBar coverage={c.coverage} label={`Coverage of ${c.name}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
