/**
 * Reports benchmark: an evidence bundle of about 2,000 messages (relevant messages with context)
 * and its three charts, timed end to end as the CLI runs it (open the store, conduct analysis,
 * PDF, sidecar hash, audit entry), with the process's peak RSS. Target: under 10 s.
 * Also the MG6C schedule (XLSX) and an RSMF export of the whole case.
 *
 * Run alone with `npm run build && node dist/bench/reports.js` (BENCH_REPORT_CONTEXT to change the
 * context, default 50 either side, which gives ~2,000 messages for the demo group's busiest member).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../src/cli/main.js';
import { generateDemoChat } from '../src/demo/generate-chat.js';
import { buildBundle } from '../src/reports/bundle.js';
import { openStore } from '../src/store/open-store.js';
import { measure } from './measure.js';
import type { BenchResult } from './types.js';

const quietIo = (sink: string[]) => ({
  out: (s: string) => void sink.push(s),
  err: (s: string) => void sink.push(s),
  interactive: false,
});

export async function benchReports(): Promise<BenchResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'scrutineer-bench-reports-'));
  const ws = path.join(dir, 'ws');
  const env: NodeJS.ProcessEnv = { ...process.env, SCRUTINEER_WORKSPACE: ws, SCRUTINEER_USER: 'bench' };
  delete env.DATABASE_URL;
  const cli = async (args: string[]): Promise<string> => {
    const sink: string[] = [];
    const code = await run(args, quietIo(sink), env);
    if (code !== 0) throw new Error(`scrutineer ${args.join(' ')}: ${sink.join('')}`);
    return sink.join('');
  };
  try {
    const chat = path.join(dir, 'WhatsApp Chat with Team 3 Lates.txt');
    writeFileSync(chat, generateDemoChat(1));
    await cli(['case', 'create', 'Bench']);
    await cli(['exhibit', 'add', 'Bench', chat, '--ref', 'AB/1']);
    await cli(['analyse', 'Bench']);
    const people = JSON.parse(await cli(['conduct', 'Bench', '--json'])) as {
      people: { name: string; receivedOffensiveWhileMember: number; sentOffensive: number }[];
    };
    const subject = [...people.people]
      .filter((p) => p.name !== 'You')
      .sort(
        (a, b) =>
          b.receivedOffensiveWhileMember +
          b.sentOffensive -
          (a.receivedOffensiveWhileMember + a.sentOffensive),
      )[0]!;
    const context = process.env.BENCH_REPORT_CONTEXT ?? '50';
    const here = fileURLToPath(import.meta.url);
    const main = path.join(path.dirname(here), '..', 'src', 'cli', `main${path.extname(here)}`);
    const node = path.extname(here) === '.ts' ? ['--import', 'tsx'] : [];
    const time = (args: string[]) =>
      measure(process.execPath, [...node, main, ...args], {
        SCRUTINEER_WORKSPACE: ws,
        SCRUTINEER_USER: 'bench',
        DATABASE_URL: '',
      });

    const pdf = path.join(dir, 'bundle.pdf');
    const b = await time([
      'report',
      'bundle',
      'Bench',
      '--person',
      subject.name,
      '--context',
      context,
      '-o',
      pdf,
      '--json',
    ]);
    const out = JSON.parse(b.stdout) as { pages: number; messages: number; relevant: number };
    const xlsx = path.join(dir, 'unused.xlsx');
    const u = await time(['report', 'unused', 'Bench', '-o', xlsx, '--json']);
    const items = (JSON.parse(u.stdout) as { items: number }).items;
    const rsmf = path.join(dir, 'case.rsmf');
    const r = await time(['export', 'rsmf', 'Bench', '-o', rsmf, '--json']);
    const events = (JSON.parse(r.stdout) as { events: number }).events;
    // The same bundle in-process: wall and CPU time of the report itself (no process start-up).
    const store = await openStore({ workspace: ws });
    let inProcess: { wall: number; cpu: number; messages: number };
    try {
      const theCase = (await store.cases.findByNameOrId('Bench'))!;
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const res = await buildBundle(store, theCase, { person: subject.name, context: Number(context) });
      const cpu = process.cpuUsage(cpu0);
      inProcess = {
        wall: performance.now() - t0,
        cpu: (cpu.user + cpu.system) / 1000,
        messages: res.messages,
      };
    } finally {
      await store.close();
    }
    const mb = (f: string) => (readFileSync(f).length / 1024 / 1024).toFixed(2);
    return {
      name: 'Reports',
      rows: [
        {
          report: `bundle (${out.messages} messages, ${out.relevant} relevant, context ${context}, 3 charts)`,
          'wall s': (b.wallMs / 1000).toFixed(2),
          'peak RSS MiB': b.peakRssMiB.toFixed(0),
          output: `${out.pages} pages, ${mb(pdf)} MiB`,
          target: 'under 10 s',
        },
        {
          report: `bundle in-process (${inProcess.messages} messages): CPU ${(inProcess.cpu / 1000).toFixed(2)} s`,
          'wall s': (inProcess.wall / 1000).toFixed(2),
          'peak RSS MiB': '',
          output: '',
          target: 'under 10 s',
        },
        {
          report: `unused-material schedule XLSX (${items} items)`,
          'wall s': (u.wallMs / 1000).toFixed(2),
          'peak RSS MiB': u.peakRssMiB.toFixed(0),
          output: `${mb(xlsx)} MiB`,
          target: '',
        },
        {
          report: `RSMF export (${events} events)`,
          'wall s': (r.wallMs / 1000).toFixed(2),
          'peak RSS MiB': r.peakRssMiB.toFixed(0),
          output: `${mb(rsmf)} MiB`,
          target: '',
        },
      ],
      notes: [
        `Demo group chat (${JSON.parse(await cli(['stats', 'Bench', '--json'])).messages} messages), SQLite; subject ${subject.name}. CLI rows are whole processes (start-up, store, analysis, writing); the in-process row times buildBundle alone, with its CPU time (less sensitive to a loaded machine).`,
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const r = await benchReports();
  process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
}
