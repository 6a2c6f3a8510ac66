import { useCallback, useState, type ComponentProps } from 'react';
import { markReviewed, saveCode } from '../api/coding';
import type { Decision } from '@contract/coding';
import type { Code, CodeInput, Message } from '../api/types';
import { discardDraft, keptDraft } from '../lib/drafts';
import type { ConflictDialog } from '../components/ConflictDialog';
import { useApplyCodingChange } from './useApplyCodingChange';
import { useCodingDraft } from './useCodingDraft';

export interface Conflict {
  readonly message: Message;
  readonly current: Code;
  readonly yours: CodeInput;
}

/**
 * Where the coded messages are shown, so their cached copies change in place: a thread (its windows)
 * or a batch (its loaded pages; a batch also moves the figures that count its progress).
 */
export type CodingScope =
  | { readonly kind: 'thread'; readonly conversationId: number }
  | { readonly kind: 'batch'; readonly batchId: number };

export interface CodingOptions {
  /** The message the coding panel shows (its draft follows it and its saved version). */
  readonly selected: Message | undefined;
  readonly readOnly: boolean;
  /** Shows a line of status to the reviewer (failures, and the conflict's outcome). */
  readonly report: (status: string) => void;
}

/**
 * Coding as the thread and batch pages do it: the draft of the selected message, saving a code (a
 * 409 from someone saving first becomes `conflict`, for the ConflictDialog), "reviewed, nothing of
 * note" runs, and the cached messages and dashboard figures kept in step.
 */
export function useCoding(caseId: number, scope: CodingScope, options: CodingOptions) {
  const { selected, readOnly, report } = options;
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const { draft, setDraftState, setDraft, discard } = useCodingDraft(caseId, selected, readOnly);
  const applyChange = useApplyCodingChange(caseId, scope);

  const applyCode = useCallback(
    (message: Message, code: Code) =>
      applyChange(message.conversationId, message.seq, message.seq, (m) => ({ ...m, code, reviewed: true })),
    [applyChange],
  );

  /** Resolves true when saved, false on a conflict (then `conflict` is set). */
  const save = useCallback(
    async (
      message: Message,
      input: CodeInput,
      baseVersion = message.code?.version ?? 0,
    ): Promise<boolean> => {
      setSaving(true);
      try {
        const r = await saveCode(message.id, input, baseVersion);
        if (r.ok) {
          discardDraft(caseId, message.id);
          applyCode(message, r.code);
          setConflict(null);
          return true;
        }
        setConflict({ message, current: r.conflict.current, yours: input });
        return false;
      } finally {
        setSaving(false);
      }
    },
    [applyCode, caseId],
  );

  /**
   * Saves the selected message's draft with `decision` (or the draft's own); resolves to the decision
   * saved, or null when nothing was (no decision, read-only, a conflict, or an error: reported).
   */
  async function decide(decision?: Decision): Promise<Decision | null> {
    if (!selected || readOnly) return null;
    const d = decision ?? draft.decision;
    if (!d) {
      report('Choose a decision first (o, n or u).');
      return null;
    }
    const input = { ...draft, decision: d };
    setDraftState(input);
    // Saved over the version the draft started from: a code saved meanwhile is a conflict, not lost.
    const base = keptDraft(caseId, selected.id)?.baseVersion ?? selected.code?.version ?? 0;
    try {
      return (await save(selected, input, base)) ? d : null;
    } catch (err) {
      report(`Not saved: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  }

  /**
   * Marks messages fromSeq … toSeq of a conversation "reviewed, nothing of note" (existing codes are
   * kept); resolves to how many were newly marked, or null when it failed (reported).
   */
  const markRun = useCallback(
    async (conversationId: number, fromSeq: number, toSeq: number): Promise<number | null> => {
      if (readOnly) return null;
      try {
        const marked = await markReviewed(conversationId, fromSeq, toSeq);
        applyChange(conversationId, fromSeq, toSeq, (m) => ({ ...m, reviewed: true }));
        return marked;
      } catch (err) {
        report(`Not marked: ${err instanceof Error ? err.message : String(err)}`);
        return null;
      }
    },
    [readOnly, applyChange, report],
  );

  /** Props for the ConflictDialog while there is a conflict, else null. */
  const conflictDialog: ComponentProps<typeof ConflictDialog> | null = conflict && {
    current: conflict.current,
    yours: conflict.yours,
    onKeepCurrent: () => {
      discardDraft(caseId, conflict.message.id);
      applyCode(conflict.message, conflict.current);
      setConflict(null);
      report('Kept the saved version.');
    },
    onUseMine: () => {
      void save(conflict.message, conflict.yours, conflict.current.version).then(
        (ok) => ok && report('Your version saved.'),
      );
    },
  };

  return { caseId, draft, setDraft, discard, saving, conflict, conflictDialog, decide, markRun };
}
