/**
 * The results a reader came from, so the thread can offer the next and previous hit and a way back
 * (issue 18, "context everywhere"): saved when a hit is opened, per tab.
 */
export interface HitTrail {
  readonly caseId: number;
  /** The search page's address, to go back to. */
  readonly back: string;
  readonly hits: readonly { readonly conversationId: number; readonly seq: number }[];
}

const KEY = 'scrutineer.hit-trail.v1';

export function saveHitTrail(trail: HitTrail): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(trail));
  } catch {
    // Without storage the thread simply offers no next/previous hit.
  }
}

export function loadHitTrail(caseId: number): HitTrail | null {
  try {
    const t = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as HitTrail | null;
    return t && t.caseId === caseId ? t : null;
  } catch {
    return null;
  }
}
