import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { finaliseSummary, getSummary, saveSummaryDraft } from '../../api/record';
import { QueryState } from '../QueryState';
import { SummaryEditor } from './SummaryEditor';
import { day } from './words';

/**
 * The summary's Markdown subset (headings, lists, paragraphs) as React elements: the same reading
 * as the server's HTML (src/cases/summary.ts toHtml), and every piece of text stays text.
 */
export function MarkdownPreview({ markdown }: { markdown: string }) {
  const blocks: ReactNode[] = [];
  let paragraph: string[] = [];
  let list: string[] | null = null;
  const text = (s: string) => s.replace(/\\(.)/g, '$1');
  const flush = () => {
    if (paragraph.length) blocks.push(<p key={blocks.length}>{text(paragraph.join(' '))}</p>);
    paragraph = [];
    if (list)
      blocks.push(
        <ul key={blocks.length}>
          {list.map((li, i) => (
            <li key={i}>{text(li)}</li>
          ))}
        </ul>,
      );
    list = null;
  };
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trimEnd();
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    if (line.trim() === '') flush();
    else if (h) {
      flush();
      const level = Math.min(h[1]!.length + 1, 6);
      const Tag = `h${level}` as 'h2';
      blocks.push(<Tag key={blocks.length}>{text(h[2]!)}</Tag>);
    } else if (/^\s*[-*]\s+/.test(line)) {
      if (paragraph.length) {
        blocks.push(<p key={blocks.length}>{text(paragraph.join(' '))}</p>);
        paragraph = [];
      }
      (list ??= []).push(line.replace(/^\s*[-*]\s+/, ''));
    } else if (list && /^\s+/.test(line)) {
      list[list.length - 1] += ` ${line.trim()}`;
    } else {
      if (list) {
        const items = list;
        blocks.push(
          <ul key={blocks.length}>
            {items.map((li, i) => (
              <li key={i}>{text(li)}</li>
            ))}
          </ul>,
        );
        list = null;
      }
      paragraph.push(line.trim());
    }
  }
  flush();
  return <div className="summary-preview">{blocks}</div>;
}

export function summaryKey(caseId: number) {
  return ['record-summary', caseId] as const;
}

/** The public summary: generated from the publishable facts; the lead edits, saves drafts and finalises. */
export function SummaryPanel({ caseId, canEdit }: { caseId: number; canEdit: boolean }) {
  const qc = useQueryClient();
  const q = useQuery({ queryKey: summaryKey(caseId), queryFn: () => getSummary(caseId), staleTime: 0 });
  const d = q.data;
  const [text, setText] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  // The editor starts from the current draft, else from the generated text.
  useEffect(() => {
    if (d && text === null) setText(d.current?.markdown ?? d.generated.markdown);
  }, [d, text]);
  const refresh = () => void qc.invalidateQueries({ queryKey: ['record-summary', caseId] });
  const save = useMutation({
    mutationFn: (markdown: string) => saveSummaryDraft(caseId, markdown),
    onSuccess: (draft) => {
      setStatus(`Draft version ${draft.version} saved (${draft.source}).`);
      refresh();
      void qc.invalidateQueries({ queryKey: ['record', caseId] });
    },
  });
  const finalise = useMutation({
    mutationFn: () => finaliseSummary(caseId),
    onSuccess: (draft) => {
      setStatus(`Version ${draft.version} is final.`);
      refresh();
      void qc.invalidateQueries({ queryKey: ['record', caseId] });
    },
  });
  const error = save.error ?? finalise.error;
  if (!d) return <QueryState query={q} />;
  const current = d.current;
  const changed =
    current !== null &&
    !d.final &&
    current.source === 'generated' &&
    current.markdown !== d.generated.markdown;
  const editing = canEdit && !d.final;
  return (
    <div className="summary-page">
      <section className="panel record-section" aria-labelledby="summary-state-title">
        <h2 id="summary-state-title">
          {d.final
            ? 'Final summary'
            : current
              ? `Draft version ${current.version}`
              : 'Generated from the record'}
        </h2>
        <p className="muted small">
          Only facts marked publishable appear; subjects are named only where their name may be published.{' '}
          {current
            ? `Version ${current.version} (${current.source}) by ${current.createdBy}, ${day(current.createdAt)}.`
            : 'No draft saved yet.'}
        </p>
        {changed && (
          <p className="badge warn" role="note">
            The record has changed since this draft was generated.
          </p>
        )}
        <MarkdownPreview
          markdown={editing && text !== null ? text : (current?.markdown ?? d.generated.markdown)}
        />
      </section>
      {editing && text !== null && (
        <SummaryEditor
          {...{ text, setText, setStatus, status, current }}
          generated={d.generated.markdown}
          saving={save.isPending}
          finalising={finalise.isPending}
          onSave={(markdown) => save.mutate(markdown)}
          onFinalise={() => finalise.mutate()}
          error={error}
        />
      )}
      {!editing && status && (
        <p className="muted" role="status">
          {status}
        </p>
      )}
      {d.drafts.length > 0 && (
        <section className="panel record-section" aria-labelledby="summary-drafts-title">
          <h2 id="summary-drafts-title">Versions</h2>
          <ol className="record-facts">
            {d.drafts.map((v) => (
              <li key={v.id}>
                version {v.version}: {v.source} by {v.createdBy}, {day(v.createdAt)}
                {v.final ? ' (final)' : ''}
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
