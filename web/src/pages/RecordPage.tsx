import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { getRecord } from '../api/record';
import { QueryState } from '../components/QueryState';
import { recordKey } from '../components/record/ActionForm';
import { DeadlinesPanel } from '../components/record/DeadlinesPanel';
import {
  CriminalSection,
  DetailsSection,
  LearningSection,
  MisconductSection,
  SubjectsSection,
} from '../components/record/RecordSections';
import { SummaryPanel } from '../components/record/SummaryPanel';
import { TimelinePanel } from '../components/record/TimelinePanel';
import { useSession } from '../hooks/session';
import { href } from '../lib/router';
import '../record.css';
import { roleAllows } from '@contract/roles';

/**
 * The case record (docs/record.md): details, subjects, the criminal and misconduct routes, learning
 * recommendations, the deadlines dashboard and the timeline; or the public summary. Leads (and
 * admins) get the forms; everyone else reads.
 */
export function RecordPage({ caseId, view }: { caseId: number; view: 'record' | 'summary' }) {
  const { session } = useSession();
  const role = session?.user.role;
  const canEdit = roleAllows(role, 'lead');
  const [today, setToday] = useState<string | undefined>(undefined);
  const q = useQuery({
    queryKey: recordKey(caseId, today),
    queryFn: () => getRecord(caseId, today),
    staleTime: 0,
  });
  const d = q.data;
  const title = d?.record.details?.operation ?? d?.record.caseName ?? 'Case';
  return (
    <section aria-labelledby="record-title" className="record-page">
      <h1 id="record-title">
        {view === 'summary' ? 'Public summary' : 'Case record'}: {title}
      </h1>
      <nav aria-label="Case record" className="record-tabs">
        <a
          href={href({ page: 'record', caseId, view: 'record' })}
          aria-current={view === 'record' ? 'page' : undefined}
        >
          Record
        </a>
        <a
          href={href({ page: 'record', caseId, view: 'summary' })}
          aria-current={view === 'summary' ? 'page' : undefined}
        >
          Public summary
        </a>
      </nav>
      {view === 'summary' ? (
        <SummaryPanel caseId={caseId} canEdit={canEdit} />
      ) : (
        <>
          <QueryState query={q} />
          {d && (
            <>
              {!canEdit && <p className="muted small">Read only: only the case lead records changes.</p>}
              <div className="record-top">
                <DeadlinesPanel view={d} onToday={setToday} />
                <DetailsSection caseId={caseId} view={d} canEdit={canEdit} today={today} />
              </div>
              <SubjectsSection caseId={caseId} view={d} canEdit={canEdit} today={today} />
              <CriminalSection caseId={caseId} view={d} canEdit={canEdit} today={today} />
              <MisconductSection caseId={caseId} view={d} canEdit={canEdit} today={today} />
              <LearningSection caseId={caseId} view={d} canEdit={canEdit} today={today} />
              <TimelinePanel timeline={d.timeline} />
            </>
          )}
        </>
      )}
    </section>
  );
}
