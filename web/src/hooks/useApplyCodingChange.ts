import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { batchesKey, queueKey, updateCachedBatchMessages } from '../api/batches';
import type { Message } from '../api/types';
import type { CodingScope } from './useCoding';
import { updateCachedMessages } from './useThreadWindows';

/**
 * Returns `applyChange`: changes the cached copies of a conversation's messages fromSeq … toSeq in
 * `scope`, and refreshes what counts them.
 */
export function useApplyCodingChange(caseId: number, scope: CodingScope) {
  const qc = useQueryClient();
  const batchId = scope.kind === 'batch' ? scope.batchId : null;
  return useCallback(
    (conversationId: number, fromSeq: number, toSeq: number, fn: (m: Message) => Message) => {
      if (batchId === null) {
        updateCachedMessages(qc, conversationId, fromSeq, toSeq, fn);
      } else {
        updateCachedBatchMessages(qc, batchId, (m) =>
          m.conversationId === conversationId && m.seq >= fromSeq && m.seq <= toSeq ? fn(m) : m,
        );
      }
      void qc.invalidateQueries({ queryKey: ['case', caseId] });
      void qc.invalidateQueries({ queryKey: ['cases'] });
      if (batchId !== null) {
        void qc.invalidateQueries({ queryKey: batchesKey(caseId) });
        void qc.invalidateQueries({ queryKey: queueKey });
        void qc.invalidateQueries({ queryKey: ['reviewers', caseId] });
        void qc.invalidateQueries({ queryKey: ['window', conversationId] });
        // A reviewer's code overrides the flagger in the conduct picture.
        void qc.invalidateQueries({ queryKey: ['conduct', caseId] });
      }
    },
    [qc, caseId, batchId],
  );
}
