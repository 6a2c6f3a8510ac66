import type { TimelineEvent } from '../../api/record';
import { day } from './words';

/** The whole case in date order, from evidence intake to publication. */
export function TimelinePanel({ timeline }: { timeline: readonly TimelineEvent[] }) {
  return (
    <section className="panel record-section" aria-labelledby="record-timeline-title">
      <h2 id="record-timeline-title">Timeline</h2>
      {timeline.length === 0 ? (
        <p className="muted">Nothing on the timeline yet.</p>
      ) : (
        <ol className="record-timeline" aria-label="Case timeline">
          {timeline.map((e, i) => (
            <li key={i} className={`timeline-${e.kind.replace(/\s+/g, '-')}`}>
              <time dateTime={e.at ?? e.date} title={e.at ?? undefined}>
                {day(e.date)}
              </time>{' '}
              <span className="badge">{e.kind}</span> {e.what}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
