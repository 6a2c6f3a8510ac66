/** The dashboard query's key: shared by every page of a case (they all read the case through it). */
export function caseQueryKey(caseId: number) {
  return ['case', caseId] as const;
}
