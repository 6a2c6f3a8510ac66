import { useState } from 'react';
import { count } from '../lib/format';
import { KeyboardHelp } from './KeyboardHelp';

export interface ThreadToolbarProps {
  readonly total: number;
  readonly position: number;
  /** The case's zone: every time shown, and the date jumped to, are in it. */
  readonly zone: string;
  readonly highlight: string;
  readonly allSources: boolean;
  readonly message: string | null;
  readonly onJumpToDate: (isoDate: string) => void;
  readonly onNextFlag: () => void;
  readonly onPosition: (seq: number) => void;
  readonly onHighlight: (q: string) => void;
  readonly onAllSources: (on: boolean) => void;
  readonly onMarkReviewed: () => void;
}

export function ThreadToolbar(p: ThreadToolbarProps) {
  const [date, setDate] = useState('');
  const [pos, setPos] = useState<number | null>(null);
  return (
    <div className="toolbar" role="toolbar" aria-label="Thread tools">
      <form
        className="tool"
        onSubmit={(e) => {
          e.preventDefault();
          if (date) p.onJumpToDate(date);
        }}
      >
        <label>
          Jump to date ({p.zone})
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <button type="submit">Go</button>
      </form>
      <button type="button" onClick={p.onNextFlag} title="Next flagged message (f)">
        Next flag
      </button>
      <button
        type="button"
        onClick={p.onMarkReviewed}
        title="Mark the visible run reviewed, nothing of note (r)"
      >
        Mark visible reviewed
      </button>
      <label className="tool">
        Highlight
        <input
          type="search"
          value={p.highlight}
          placeholder='words, "phrases", prefix*'
          onChange={(e) => p.onHighlight(e.target.value)}
        />
      </label>
      <label className="tool">
        <input type="checkbox" checked={p.allSources} onChange={(e) => p.onAllSources(e.target.checked)} />
        Show source
      </label>
      <label className="tool position">
        Position
        <input
          type="range"
          min={0}
          max={Math.max(0, p.total - 1)}
          value={pos ?? p.position}
          aria-valuetext={`message ${count((pos ?? p.position) + 1)} of ${count(p.total)}`}
          onChange={(e) => setPos(Number(e.target.value))}
          onPointerUp={() => {
            if (pos !== null) p.onPosition(pos);
            setPos(null);
          }}
          onKeyUp={() => {
            if (pos !== null) p.onPosition(pos);
            setPos(null);
          }}
        />
        <span className="muted" data-testid="position">
          {count((pos ?? p.position) + 1)} / {count(p.total)}
        </span>
      </label>
      <KeyboardHelp />
      {p.message && (
        <span className="toolbar-message" role="status">
          {p.message}
        </span>
      )}
    </div>
  );
}
