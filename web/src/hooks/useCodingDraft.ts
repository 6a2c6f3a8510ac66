import { useCallback, useEffect, useState } from 'react';
import type { Message } from '../api/types';
import { discardDraft, draftFrom, keepDraft, keptDraft, type Draft } from '../lib/drafts';

/**
 * The coding form's draft for the selected message: it follows the selection and its saved
 * version, and unsaved changes are kept per message until saved or discarded.
 */
export function useCodingDraft(caseId: number, selected: Message | undefined, readOnly: boolean) {
  const [draft, setDraftState] = useState<Draft>(() => draftFrom(null));
  const draftKey = `${selected?.id}:${selected?.code?.version ?? 0}`;
  useEffect(() => {
    // A draft kept for this message (moved away with j/k, or left the page) comes back as it was.
    const kept = selected ? keptDraft(caseId, selected.id) : undefined;
    setDraftState(kept ? kept.draft : draftFrom(selected?.code ?? null));
    // The draft follows the selected message and its saved version only (draftKey).
  }, [draftKey]);

  /** The reviewer changed the form: keep it for this message until saved or discarded. */
  const setDraft = useCallback(
    (d: Draft) => {
      setDraftState(d);
      if (!selected || readOnly) return;
      keepDraft(
        {
          caseId,
          messageId: selected.id,
          conversationId: selected.conversationId,
          seq: selected.seq,
          baseVersion: keptDraft(caseId, selected.id)?.baseVersion ?? selected.code?.version ?? 0,
          draft: d,
        },
        draftFrom(selected.code),
      );
    },
    [selected, readOnly, caseId],
  );

  /** Forgets the selected message's unsaved changes and shows its saved code again. */
  const discard = useCallback(() => {
    if (!selected) return;
    discardDraft(caseId, selected.id);
    setDraftState(draftFrom(selected.code));
  }, [selected, caseId]);

  return { draft, setDraftState, setDraft, discard };
}
