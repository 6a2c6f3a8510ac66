import { useEffect } from 'react';
import { Header } from './components/Header';
import { SessionProvider, useSession } from './hooks/session';
import { navigate, parseRoute, useHash } from './lib/router';
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
        {route.page === 'case' && <CaseDashboardPage caseId={route.caseId} />}
        {route.page === 'thread' && (
          <ThreadPage
            key={route.conversationId}
            caseId={route.caseId}
            conversationId={route.conversationId}
            initialSeq={route.seq}
          />
        )}
        {route.page === 'search' && <SearchPage caseId={route.caseId} params={route.params} />}
        {route.page === 'queue' && <QueuePage caseId={route.caseId} />}
        {route.page === 'qc' && <QcPage caseId={route.caseId} />}
        {route.page === 'record' && <RecordPage caseId={route.caseId} view={route.view} />}
        {route.page === 'reports' && <ReportsPage caseId={route.caseId} />}
        {route.page === 'batch' && (
          <BatchPage key={route.batchId} caseId={route.caseId} batchId={route.batchId} />
        )}
      </main>
    </div>
  );
}

function Redirect() {
  useEffect(() => navigate({ page: 'cases' }, true), []);
  return null;
}
