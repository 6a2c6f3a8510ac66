/**
 * `npm run bench`: every benchmark in one run, printed as tables. Speed and memory targets live here,
 * never in timed tests. Choose with BENCH_ONLY=intake,flagger,device,review,reports,web,ocr.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { BenchResult } from './types.js';

type Bench = () => Promise<BenchResult>;

/** Name → module beside this file and the function it exports. */
const BENCHES: Record<string, [string, string]> = {
  intake: ['./intake.js', 'benchIntake'],
  flagger: ['./flagger.js', 'benchFlagger'],
  device: ['./device.js', 'benchDevice'],
  review: ['./review-load.js', 'benchReviewLoad'],
  reports: ['./reports.js', 'benchReports'],
  web: ['./web-thread.js', 'benchWebThread'],
  ocr: ['./ocr.js', 'benchOcr'],
  images: ['./images.js', 'benchImages'],
};

function table(rows: ReadonlyArray<Record<string, string | number>>): string {
  if (rows.length === 0) return '(no rows)\n';
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length)));
  const line = (vals: string[]) => `| ${vals.map((v, i) => v.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return (
    [
      line(cols),
      `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
      ...rows.map((r) => line(cols.map((c) => String(r[c] ?? '')))),
    ].join('\n') + '\n'
  );
}

const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const results: BenchResult[] = [];
process.stdout.write(
  `Scrutineer benchmarks: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}\n\n`,
);
for (const [name, [file, fn]] of Object.entries(BENCHES)) {
  if (only && !only.includes(name)) continue;
  let r: BenchResult;
  try {
    const mod = (await import(file)) as Record<string, Bench>;
    const run = mod[fn];
    if (!run) throw new Error(`${file} does not export ${fn}`);
    r = await run();
  } catch (err) {
    r = { name, rows: [], notes: [`failed: ${err instanceof Error ? err.message : String(err)}`] };
  }
  results.push(r);
  process.stdout.write(
    `## ${r.name}\n\n${table(r.rows)}${(r.notes ?? []).map((n) => `- ${n}\n`).join('')}\n`,
  );
}
if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify(results, null, 2));
