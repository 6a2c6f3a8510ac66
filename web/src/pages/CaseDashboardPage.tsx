import { useQuery } from '@tanstack/react-query';
import { getCase } from '../api/cases';
import { ActivityChart } from '../components/ActivityChart';
import { BatchesSummary } from '../components/BatchesSummary';
import { CoverageBar } from '../components/CoverageBar';
import { ExhibitUpload } from '../components/ExhibitUpload';
import { FlagsChart } from '../components/FlagsChart';
import { IdentifyPanel } from '../components/IdentifyPanel';
import { MembershipChart } from '../components/MembershipChart';
import { PeopleTable } from '../components/PeopleTable';
import { QcAgreementPanel } from '../components/QcAgreementPanel';
import { QueryState } from '../components/QueryState';
import { useSession } from '../hooks/session';
import { count } from '../lib/format';
import { caseQueryKey } from '../lib/case-query';
import { href } from '../lib/router';
import { roleAllows } from '@contract/roles';

export { caseQueryKey };

export function CaseDashboardPage({ caseId }: { caseId: number }) {
  const q = useQuery({ queryKey: caseQueryKey(caseId), queryFn: () => getCase(caseId), staleTime: 0 });
  const d = q.data;
  const role = useSession().session?.user.role;
  return (
    <section aria-labelledby="case-title" className="dashboard">
      <h1 id="case-title">{d?.case.name ?? 'Case'}</h1>
      <p className="case-links">
        <a href={href({ page: 'record', caseId, view: 'record' })}>Case record</a>{' '}
        <span className="muted">
          notices, charges, hearings, outcomes, recommendations, deadlines and timeline
        </span>
      </p>
      {roleAllows(role, 'lead') && (
        <p className="case-links">
          {/* Named apart from the header's "Reports" link, which every page of the case has. */}
          <a href={href({ page: 'reports', caseId })}>Reports page</a>{' '}
          <span className="muted">charge and unused-material schedules, evidence bundles, RSMF export</span>
        </p>
      )}
      <QueryState query={q} />
      {d && (
        <>
          <div className="stats">
            <div className="stat">
              <span className="stat-label">Messages</span>
              <a
                className="stat-value"
                href={href({ page: 'search', caseId, params: new URLSearchParams() })}
                aria-label={`${count(d.messages)} messages: search them`}
              >
                {count(d.messages)}
              </a>
            </div>
            <div className="stat">
              <span className="stat-label">Reviewed</span>
              <a
                className="stat-value"
                href={href({ page: 'search', caseId, params: new URLSearchParams({ status: 'reviewed' }) })}
                aria-label={`${count(d.reviewed)} reviewed: list them`}
              >
                {count(d.reviewed)}
              </a>
            </div>
            <div className="stat stat-wide">
              <span className="stat-label">Coverage</span>
              <CoverageBar coverage={d.coverage} label="Review coverage" />
            </div>
          </div>
          <div className="panels">
            <section className="panel" aria-labelledby="conv-title">
              <h2 id="conv-title">Conversations</h2>
              <ul className="conversations">
                {d.conversations.map((c) => (
                  <li key={c.id}>
                    <a href={href({ page: 'thread', caseId, conversationId: c.id, seq: null })}>{c.name}</a>{' '}
                    <span className="muted">
                      {count(c.messages)} messages, {c.participants} members
                    </span>
                  </li>
                ))}
              </ul>
              <h2>Exhibits</h2>
              <ul className="exhibits">
                {d.exhibits.map((e) => (
                  <li key={e.id}>
                    <strong>{e.ref}</strong> {e.originalName}{' '}
                    <code title={`SHA-256 ${e.sha256}`}>{e.sha256.slice(0, 12)}…</code>
                  </li>
                ))}
              </ul>
            </section>
            <section className="panel" aria-labelledby="flags-title">
              <h2 id="flags-title">Flags by category</h2>
              <FlagsChart caseId={caseId} flagsByCategory={d.flagsByCategory} />
            </section>
          </div>
          <section className="panel" aria-labelledby="activity-title">
            <h2 id="activity-title">Activity per member</h2>
            <ActivityChart caseId={caseId} activity={d.activity} />
          </section>
          <BatchesSummary caseId={caseId} />
          <QcAgreementPanel caseId={caseId} />
          <MembershipChart caseId={caseId} conversations={d.conversations} zone={d.timeZone} />
          <PeopleTable caseId={caseId} />
          <IdentifyPanel caseId={caseId} canDecide={roleAllows(role, 'lead')} />
          {roleAllows(role, 'lead') && <ExhibitUpload caseId={caseId} zone={d.timeZone} />}
        </>
      )}
    </section>
  );
}
