import { useMemo } from 'react';
import type { FlagSpan } from '../api/types';
import { categoryLabel } from '../lib/format';
import type { HighlightTerm } from '../lib/search-terms';
import { segmentText } from '../lib/segments';

/** The verbatim text with flag spans (category and reason on hover) and search hits marked. */
export function HighlightedText({
  text,
  spans,
  terms,
}: {
  text: string;
  spans: readonly FlagSpan[];
  terms: readonly HighlightTerm[];
}) {
  const segments = useMemo(() => segmentText(text, spans, terms), [text, spans, terms]);
  return (
    <>
      {segments.map((s) => {
        const cls = [s.flag ? 'flag-span' : '', s.hit ? 'hit' : ''].filter(Boolean).join(' ');
        if (!cls) return <span key={s.start}>{s.text}</span>;
        return (
          <mark
            key={s.start}
            className={cls}
            data-category={s.flag?.category}
            title={s.flag ? `${categoryLabel(s.flag.category)}: ${s.flag.reason}` : 'Search term'}
          >
            {s.text}
          </mark>
        );
      })}
    </>
  );
}
