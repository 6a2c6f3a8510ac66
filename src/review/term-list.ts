/**
 * A case's own term list (nicknames, local slang), changed one term at a time: each change is a new
 * version of the list with its audit entry, whether it comes from `scrutineer terms` or the review
 * workspace. The flagger uses the latest version on its next run.
 */
import { termListVersion } from '../analysis/analyse-case.js';
import { FLAG_CATEGORIES, isFlagCategory } from '../contract/coding.js';
import { MAX_TERM_LENGTH, type TermSeverity } from '../contract/workspace-words.js';
import { UserError } from '../domain/errors.js';
import type { Store } from '../store/open-store.js';
import type { CaseTermEntry, TermListRecord } from '../store/flag-types.js';

export interface TermChange {
  readonly caseId: number;
  readonly term: string;
  readonly note: string | null;
  readonly actor: string;
}

function cleanTerm(term: string): string {
  const t = term.trim();
  if (!t) throw new UserError('the term is empty', { code: 'bad_term' });
  if (t.length > MAX_TERM_LENGTH)
    throw new UserError(`the term is longer than ${MAX_TERM_LENGTH} characters`, { code: 'bad_term' });
  return t;
}

/** Adds a term (replacing the same term's earlier category and severity): a new version, audited. */
export async function addCaseTerm(
  store: Store,
  input: TermChange & { readonly category: string; readonly severity: TermSeverity },
): Promise<TermListRecord> {
  const term = cleanTerm(input.term);
  if (!isFlagCategory(input.category))
    throw new UserError(
      `the category must be one of ${FLAG_CATEGORIES.join(', ')} (got "${input.category}")`,
      {
        code: 'bad_category',
      },
    );
  return store.transaction(async (repos) => {
    const previous = await repos.termLists.latest(input.caseId);
    const entries: CaseTermEntry[] = (previous?.terms ?? []).filter((t) => t.term !== term);
    entries.push({ term, category: input.category, severity: input.severity });
    const created = await repos.termLists.addVersion({
      caseId: input.caseId,
      terms: entries,
      note: input.note,
      createdBy: input.actor,
    });
    await repos.audit.append({
      actor: input.actor,
      action: 'terms.add',
      caseId: input.caseId,
      subject: termListVersion(input.caseId, created.version),
      detail: { term, category: input.category, severity: input.severity, note: input.note },
    });
    return created;
  });
}

/** Takes a term off the list: a new version without it, audited. Refused when the list lacks it. */
export async function removeCaseTerm(store: Store, input: TermChange): Promise<TermListRecord> {
  const term = cleanTerm(input.term);
  return store.transaction(async (repos) => {
    const previous = await repos.termLists.latest(input.caseId);
    const kept = (previous?.terms ?? []).filter((t) => t.term !== term);
    if (!previous || kept.length === previous.terms.length)
      throw new UserError(`"${term}" is not on the case's term list`, { code: 'no_term' });
    const created = await repos.termLists.addVersion({
      caseId: input.caseId,
      terms: kept,
      note: input.note,
      createdBy: input.actor,
    });
    await repos.audit.append({
      actor: input.actor,
      action: 'terms.remove',
      caseId: input.caseId,
      subject: termListVersion(input.caseId, created.version),
      detail: { term, note: input.note },
    });
    return created;
  });
}
