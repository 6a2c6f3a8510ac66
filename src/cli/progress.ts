import cliProgress from 'cli-progress';
import type { Io } from './output.js';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

const silent: Progress = { update: () => undefined, stop: () => undefined };

/** A progress bar on a terminal; nothing when output is scripted (--json or not a TTY). */
export function progressBar(io: Io, label: string, enabled: boolean, unit = 'bytes'): Progress {
  if (!enabled || !io.interactive) return silent;
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {eta}s left`,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
