/**
 * The public summary's drafts: each save is a new version with its audit entry
 * (`record.summary.generated|edited`), and once one is marked final (`record.summary.final`) no
 * more can be saved.
 */
import { UserError } from '../domain/errors.js';
import type { RecordWriter } from './record-writer.js';
import type { SummaryDraft } from '../contract/record.js';

export function drafts(w: RecordWriter): Promise<SummaryDraft[]> {
  return w.store.record.list<SummaryDraft>('record_summaries', w.caseId);
}

/** Stores a new draft (generated or edited); refused once a summary is final. */
export function saveDraft(
  w: RecordWriter,
  markdown: string,
  source: 'generated' | 'edited',
): Promise<SummaryDraft> {
  return w.transaction(async (repos) => {
    const all = await repos.record.list<SummaryDraft>('record_summaries', w.caseId);
    if (all.some((d) => d.final))
      throw new UserError('the public summary is final: it can no longer be edited', {
        code: 'summary_final',
      });
    const version = (all.at(-1)?.version ?? 0) + 1;
    const draft = await w.insert(repos, 'record_summaries', {
      publishable: true,
      version,
      source,
      markdown,
      final: false,
    });
    await repos.audit.append({
      actor: w.actor,
      action: `record.summary.${source}`,
      caseId: w.caseId,
      subject: `summary v${version}`,
      detail: { version, source, chars: markdown.length },
    });
    return draft;
  });
}

/** Marks the latest draft final: the summary can no longer be edited. */
export function finalise(w: RecordWriter): Promise<SummaryDraft> {
  return w.transaction(async (repos) => {
    const all = await repos.record.list<SummaryDraft>('record_summaries', w.caseId);
    if (all.some((d) => d.final))
      throw new UserError('the public summary is already final', { code: 'summary_final' });
    const latest = all.at(-1);
    if (!latest) throw new UserError('there is no summary draft to mark final');
    await repos.record.update('record_summaries', latest.id, { final: true });
    await repos.audit.append({
      actor: w.actor,
      action: 'record.summary.final',
      caseId: w.caseId,
      subject: `summary v${latest.version}`,
      detail: { version: latest.version },
    });
    return { ...latest, final: true };
  });
}
