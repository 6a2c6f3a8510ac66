import { useSession } from '../hooks/session';
import { href, navigate, type Route } from '../lib/router';
import { roleAllows } from '@contract/roles';

export function Header({ route }: { route: Route }) {
  const { session, logout } = useSession();
  const caseId = 'caseId' in route ? route.caseId : null;
  return (
    <header className="header">
      <a className="brand" href={href({ page: 'cases' })}>
        Scrutineer
      </a>
      <nav aria-label="Main" className="nav">
        <a href={href({ page: 'cases' })}>Cases</a>
        {caseId !== null && <a href={href({ page: 'case', caseId })}>Dashboard</a>}
        {caseId !== null && (
          <a href={href({ page: 'search', caseId, params: new URLSearchParams() })}>Search</a>
        )}
        {caseId !== null && <a href={href({ page: 'queue', caseId })}>Queue</a>}
        {caseId !== null && <a href={href({ page: 'qc', caseId })}>QC</a>}
        {caseId !== null && <a href={href({ page: 'record', caseId, view: 'record' })}>Record</a>}
        {caseId !== null && roleAllows(session?.user.role, 'lead') && (
          <a href={href({ page: 'reports', caseId })}>Reports</a>
        )}
      </nav>
      <span className="who">
        {session?.user.username} ({session?.user.role})
      </span>
      <button
        type="button"
        onClick={() => {
          void logout().then(() => navigate({ page: 'login' }));
        }}
      >
        Sign out
      </button>
    </header>
  );
}
