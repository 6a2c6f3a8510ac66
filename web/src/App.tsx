import { useEffect } from 'react';
import { CaseShell } from './components/CaseShell';
import { Header } from './components/Header';
import { SessionProvider, useSession } from './hooks/session';
import { navigate, parseRoute, useHash, type Route } from './lib/router';
import { AdminPage } from './pages/AdminPage';
import { CaseDashboardPage } from './pages/CaseDashboardPage';
import { CaseListPage } from './pages/CaseListPage';
import { BatchPage } from './pages/BatchPage';
import { LoginPage } from './pages/LoginPage';
import { QcPage } from './pages/QcPage';
import { QueuePage } from './pages/QueuePage';
import { RecordPage } from './pages/RecordPage';
import { ReportsPage } from './pages/ReportsPage';
import { SearchPage } from './pages/SearchPage';
import { ThreadPage } from './pages/ThreadPage';

export function App() {
  return (
    <SessionProvider>
      <Shell />
    </SessionProvider>
  );
}

function Shell() {
  const route = parseRoute(useHash());
  const { session, loading } = useSession();
  if (loading) return <p className="loading">Loading…</p>;
  // Signed out: the sign-in form, at whatever address was asked for (a deep link survives sign-in).
  if (!session) return <LoginPage />;
  if (route.page === 'login') return <Redirect />;
  return (
    <div className="app">
      <Header route={route} />
      <main className="main">
        {route.page === 'cases' && <CaseListPage />}
        {route.page === 'admin' && <AdminPage />}
        {'caseId' in route && (
          <CaseShell key={route.caseId} caseId={route.caseId}>
            <CasePage route={route} />
          </CaseShell>
        )}
      </main>
    </div>
  );
}

/** The page of a case the route names (inside CaseShell: the member check, zone and colours). */
function CasePage({ route }: { route: Route }) {
  switch (route.page) {
    case 'case':
      return <CaseDashboardPage caseId={route.caseId} />;
    case 'thread':
      return (
        <ThreadPage
          key={route.conversationId}
          caseId={route.caseId}
          conversationId={route.conversationId}
          seq={route.seq}
        />
      );
    case 'search':
      return <SearchPage caseId={route.caseId} params={route.params} />;
    case 'queue':
      return <QueuePage caseId={route.caseId} />;
    case 'qc':
      return <QcPage caseId={route.caseId} />;
    case 'record':
      return <RecordPage caseId={route.caseId} view={route.view} />;
    case 'reports':
      return <ReportsPage caseId={route.caseId} />;
    case 'batch':
      return <BatchPage key={route.batchId} caseId={route.caseId} batchId={route.batchId} />;
    default:
      return null;
  }
}

function Redirect() {
  useEffect(() => navigate({ page: 'cases' }, true), []);
  return null;
}
