import { ApiError, request } from './client';
import type { Code, CodeInput, ConflictBody } from './types';

/** A conflict: someone saved a code since the version the reviewer saw (`current`, theirs). */
export type Conflict = ConflictBody & { readonly current: Code };
export type SaveResult =
  { readonly ok: true; readonly code: Code } | { readonly ok: false; readonly conflict: Conflict };

/** PUT the reviewer's code; a 409 (someone saved first) comes back as a conflict, not an exception. */
export async function saveCode(
  messageId: number,
  input: CodeInput,
  baseVersion: number,
): Promise<SaveResult> {
  try {
    const r = await request<{ code: Code }>('PUT', `/api/messages/${messageId}/code`, {
      ...input,
      baseVersion,
    });
    return { ok: true, code: r.code };
  } catch (err) {
    // qc_pending (the code is withheld for a blind second review) is an error, not a conflict: there
    // is no current code to compare with; nor is a 409 without a current code (a base version that
    // never existed).
    if (err instanceof ApiError && err.status === 409 && err.code !== 'qc_pending') {
      const body = err.body as ConflictBody;
      if (body.current) return { ok: false, conflict: { ...body, current: body.current } };
    }
    throw err;
  }
}

/** "Reviewed, nothing of note" for a visible run; existing codes are kept. */
export async function markReviewed(conversationId: number, fromSeq: number, toSeq: number): Promise<number> {
  const r = await request<{ marked: number }>('POST', `/api/conversations/${conversationId}/reviewed`, {
    fromSeq,
    toSeq,
  });
  return r.marked;
}
