import { spawn } from 'node:child_process';

export interface Measured {
  readonly wallMs: number;
  /** Peak resident set size of the measured process, in MiB. */
  readonly peakRssMiB: number;
  readonly stdout: string;
}

/**
 * Run a command in its own process and report wall time and peak RSS. Each side of a comparison
 * runs the same way, so the ratio is fair: the peer's parse and our end-to-end import alike.
 */
export function measure(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-f', '__RSS_KB__=%M', command, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      const m = /__RSS_KB__=(\d+)/.exec(stderr);
      if (code !== 0 || !m) {
        reject(new Error(`${command} ${args.join(' ')} failed (${code}): ${stderr.slice(-2000)}`));
        return;
      }
      resolve({ wallMs, peakRssMiB: Number(m[1]) / 1024, stdout });
    });
  });
}
