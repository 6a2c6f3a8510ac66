import type { ReactNode } from 'react';
import type { Decision } from '@contract/coding';
import { senderLabel } from '@contract/sender-label';
import type { Message } from '../api/types';
import type { useCoding } from '../hooks/useCoding';
import { AuditTrail } from './AuditTrail';
import { CodingPanel } from './CodingPanel';
import { FlagDetails } from './FlagDetails';
import { MembersAt } from './MembersAt';
import { SimilarMessages } from './SimilarMessages';
import { SourceLine } from './SourceLine';
import { UnsavedDrafts } from './UnsavedDrafts';

/**
 * The side panel of the thread and batch pages: the selected message's source, flag, code (the
 * draft kept by useCoding), the messages like it ("More like this") and decision history.
 */
export function CodingSide(p: {
  readonly message: Message | undefined;
  /** What the heading calls the message ("Message 12", "3 of 40"); the sender is added. */
  readonly title: string;
  readonly coding: ReturnType<typeof useCoding>;
  readonly readOnly: boolean;
  readonly onSave: (decision?: Decision) => void;
  /** Shown under the heading. */
  readonly children?: ReactNode;
}) {
  const m = p.message;
  return (
    <aside className="side" aria-label="Selected message">
      {m ? (
        <>
          <h2>
            {p.title}
            {m.sender !== null || m.displayedAuthor
              ? ` from ${senderLabel(m.sender, m.displayedAuthor)}`
              : ''}
          </h2>
          {p.children}
          <SourceLine message={m} />
          <MembersAt caseId={p.coding.caseId} message={m} />
          <h3>Flag</h3>
          <FlagDetails message={m} />
          <h3>Code</h3>
          <CodingPanel
            message={m}
            draft={p.coding.draft}
            readOnly={p.readOnly}
            saving={p.coding.saving}
            status={null}
            onChange={p.coding.setDraft}
            onSave={p.onSave}
            onDiscard={p.coding.discard}
          />
          <UnsavedDrafts
            caseId={p.coding.caseId}
            onDiscard={(id) => {
              if (id === m.id) p.coding.discard();
            }}
          />
          <h3>Like this</h3>
          <SimilarMessages key={m.id} caseId={p.coding.caseId} message={m} />
          <AuditTrail messageId={m.id} version={m.code?.version ?? 0} />
        </>
      ) : (
        <p className="muted">Select a message.</p>
      )}
    </aside>
  );
}
