import { percent } from '../lib/format';

/** Share of messages reviewed, as a bar and a figure. */
export function CoverageBar({ coverage, label }: { coverage: number; label: string }) {
  const pct = Math.round(Math.max(0, Math.min(1, coverage)) * 1000) / 10;
  return (
    <div className="coverage">
      <div
        className="coverage-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
      >
        <div className="coverage-fill" style={{ width: `${pct}%` }} />
      </div>
      <span className="coverage-figure" data-testid="coverage-figure">
        {percent(coverage)}
      </span>
    </div>
  );
}
