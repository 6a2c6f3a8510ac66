import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { markReviewed, saveCode } from '../api/coding';
import type { Code, CodeInput, Message } from '../api/types';
import { updateCachedMessages } from './useThreadWindows';

export interface Conflict {
  readonly message: Message;
  readonly current: Code;
  readonly yours: CodeInput;
}

/** Saving codes and reviewed runs, keeping the cached windows and the dashboard figures in step. */
export function useCoding(caseId: number, conversationId: number) {
  const qc = useQueryClient();
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);

  const refreshFigures = useCallback(() => {
    void qc.invalidateQueries({ queryKey: ['case', caseId] });
    void qc.invalidateQueries({ queryKey: ['cases'] });
  }, [qc, caseId]);

  const applyCode = useCallback(
    (seq: number, code: Code) => {
      updateCachedMessages(qc, conversationId, seq, seq, (m) => ({ ...m, code, reviewed: true }));
      refreshFigures();
    },
    [qc, conversationId, refreshFigures],
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
          applyCode(message.seq, r.code);
          setConflict(null);
          return true;
        }
        setConflict({ message, current: r.conflict.current, yours: input });
        return false;
      } finally {
        setSaving(false);
      }
    },
    [applyCode],
  );

  const keepCurrent = useCallback(() => {
    if (!conflict) return;
    applyCode(conflict.message.seq, conflict.current);
    setConflict(null);
  }, [conflict, applyCode]);

  const useMine = useCallback(async () => {
    if (!conflict) return false;
    return save(conflict.message, conflict.yours, conflict.current.version);
  }, [conflict, save]);

  const markRun = useCallback(
    async (fromSeq: number, toSeq: number) => {
      const marked = await markReviewed(conversationId, fromSeq, toSeq);
      updateCachedMessages(qc, conversationId, fromSeq, toSeq, (m) => ({ ...m, reviewed: true }));
      refreshFigures();
      return marked;
    },
    [qc, conversationId, refreshFigures],
  );

  return { save, saving, conflict, keepCurrent, useMine, markRun };
}
