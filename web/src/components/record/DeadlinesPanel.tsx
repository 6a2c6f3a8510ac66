import type { Deadline, RecordView } from '../../api/record';
import { day, word } from './words';

/** Within this many days an open deadline counts as due soon. */
export const DUE_SOON_DAYS = 14;

export function deadlineClass(d: Deadline): string {
  if (d.status === 'overdue') return 'deadline-overdue';
  if (d.status === 'open' && d.daysLeft !== null && d.daysLeft <= DUE_SOON_DAYS) return 'deadline-soon';
  return `deadline-${d.status}`;
}

function when(d: Deadline): string {
  if (d.status === 'met' || d.status === 'met_late') return `${word(d.status)} on ${day(d.doneOn)}`;
  if (d.daysLeft === null) return 'not computable: it runs from a month or a year';
  if (d.daysLeft === 0) return 'due today';
  if (d.daysLeft < 0) return `${-d.daysLeft} day${d.daysLeft === -1 ? '' : 's'} overdue`;
  return `${d.daysLeft} day${d.daysLeft === 1 ? '' : 's'} left`;
}

/** The deadlines dashboard: every deadline of the case as at a day, overdue and due soon first in view. */
export function DeadlinesPanel({
  view,
  onToday,
}: {
  view: RecordView;
  onToday: (today: string | undefined) => void;
}) {
  const overdue = view.deadlines.filter((d) => d.status === 'overdue');
  const soon = view.deadlines.filter(
    (d) => d.status === 'open' && d.daysLeft !== null && d.daysLeft <= DUE_SOON_DAYS,
  );
  const open = view.deadlines.filter((d) => d.status === 'open' || d.status === 'overdue');
  const ordered = [...open, ...view.deadlines.filter((d) => !open.includes(d))];
  return (
    <section className="panel record-section" aria-labelledby="record-deadlines-title">
      <h2 id="record-deadlines-title">Deadlines</h2>
      <div className="record-deadline-head">
        <p data-testid="deadline-summary">
          <span className={overdue.length ? 'badge flag' : 'badge'}>{overdue.length} overdue</span>{' '}
          <span className={soon.length ? 'badge warn' : 'badge'}>
            {soon.length} due within {DUE_SOON_DAYS} days
          </span>{' '}
          <span className="muted">{view.deadlines.length - open.length} met</span>
        </p>
        <label>
          As at{' '}
          <input
            type="date"
            value={view.today}
            onChange={(e) => onToday(e.target.value || undefined)}
            aria-label="Deadlines as at"
          />
        </label>
      </div>
      {view.deadlines.length === 0 ? (
        <p className="muted">
          No deadlines yet: they come from the counts, the investigation start, outcomes and recommendations.
        </p>
      ) : (
        <table className="table record-table" aria-label="Deadlines">
          <thead>
            <tr>
              <th scope="col">Due</th>
              <th scope="col">Deadline</th>
              <th scope="col">For</th>
              <th scope="col">Status</th>
              <th scope="col">Basis</th>
            </tr>
          </thead>
          <tbody>
            {ordered.map((d, i) => (
              <tr key={`${d.kind}-${d.about}-${i}`} className={deadlineClass(d)} data-status={d.status}>
                <td>{day(d.due)}</td>
                <td>{word(d.kind)}</td>
                <td>{d.about}</td>
                <td>{when(d)}</td>
                <td className="muted small">{d.basis}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
