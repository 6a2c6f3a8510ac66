import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
  createWriteStream,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openStore, SQLITE_FILE_NAME } from '../src/store/open-store.js';
import type { CaseQueryTimes } from './case-queries.js';
import { measure } from './measure.js';
import type { BenchResult } from './types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.resolve(here, '../src/cli/main.js');

const SENDERS = [
  'PC Dan Hughes',
  'Sgt Kate Morris',
  '+44 7700 900461',
  '~ Big Jim',
  'PC Sam Patel',
  'PC Amy Cole',
  'DC Lee Grant',
  'PC Tom Reid',
];
const WORDS =
  'shift van custody nights overtime court briefing rota canteen job arrest radio patrol station sarge lol 😂 👍 mate cheers'.split(
    ' ',
  );

/** A deterministic Android 24h export of `n` messages (multi-line bodies and media among them). */
export async function writeAndroidExport(file: string, n: number): Promise<void> {
  if (existsSync(file) && statSync(file).size > 0) return;
  mkdirSync(path.dirname(file), { recursive: true });
  const out = createWriteStream(file);
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  let t = Date.UTC(2019, 0, 1, 6, 0);
  let buf = '';
  for (let i = 0; i < n; i++) {
    t += Math.floor(rand() * 180_000);
    const d = new Date(t);
    const p = (x: number) => String(x).padStart(2, '0');
    const header = `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}, ${p(d.getUTCHours())}:${p(d.getUTCMinutes())} - ${SENDERS[i % SENDERS.length]}: `;
    const r = rand();
    let body: string;
    if (r < 0.05) body = '<Media omitted>';
    else {
      const words = 3 + Math.floor(rand() * 12);
      body = Array.from({ length: words }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
      if (r > 0.97) body += `\n${WORDS[Math.floor(rand() * WORDS.length)]} on the second line`;
    }
    buf += `${header}${body}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((res) => out.once('drain', () => res(undefined)));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise<void>((res) => out.end(() => res()));
}

export async function benchIntake(
  messages = Number(process.env.BENCH_MESSAGES ?? 1_000_000),
): Promise<BenchResult> {
  const dir = path.join(tmpdir(), 'scrutineer-bench');
  const file = path.join(dir, `android-${messages}.txt`);
  await writeAndroidExport(file, messages);
  const sizeMiB = statSync(file).size / 1024 ** 2;

  const peer = await measure(process.execPath, [path.join(here, 'peer-parse.js'), file]);
  const peerCount = Number(peer.stdout.trim());
  const ourParse = await measure(process.execPath, [path.join(here, 'our-parse.js'), file, 'parse']);
  const ourRows = await measure(process.execPath, [path.join(here, 'our-parse.js'), file, 'rows']);

  const ws = mkdtempSync(path.join(tmpdir(), 'scrutineer-bench-ws-'));
  try {
    const env = { SCRUTINEER_WORKSPACE: ws };
    await measure(process.execPath, [cli, 'case', 'create', 'Bench'], env);
    const ours = await measure(
      process.execPath,
      [cli, 'exhibit', 'add', 'Bench', file, '--ref', 'B/1', '--json'],
      env,
    );
    const ourCount = (JSON.parse(ours.stdout) as { messages: number }).messages;
    const floor = await storeFloor(ws);
    const queries = await measure(process.execPath, [path.join(here, 'case-queries.js'), ws, 'Bench']);
    const q = JSON.parse(queries.stdout) as CaseQueryTimes;
    const row = (name: string, m: { wallMs: number; peakRssMiB: number }, count: number) => ({
      step: name,
      messages: count,
      'wall s': (m.wallMs / 1000).toFixed(2),
      'msgs/s': Math.round(count / (m.wallMs / 1000)),
      'peak RSS MiB': Math.round(m.peakRssMiB),
    });
    return {
      name: `Intake: ${messages.toLocaleString('en-GB')}-message Android export (${sizeMiB.toFixed(0)} MiB)`,
      rows: [
        row('whatsapp-chat-parser parseString (parse only)', peer, peerCount),
        row('our parser alone (readExport, both passes)', ourParse, Number(ourParse.stdout.trim())),
        row('our parser + toMessageRow (search copy, extras)', ourRows, Number(ourRows.stdout.trim())),
        row('scrutineer exhibit add (hash, parse, store, digest, index)', ours, ourCount),
        floorRow('floor: SQLite copying the same rows (no parse, no JS, no FTS)', floor.rowsMs, ourCount),
        floorRow('floor: filling the FTS index from them (after the commit)', floor.ftsMs, ourCount),
        floorRow('row digest of the import, recomputed (verify)', q.digestMs, ourCount),
        floorRow(`conduct picture of the case (${q.conductParticipants} people)`, q.conductMs, ourCount),
      ],
      notes: [
        `ratio (ours / peer wall time): ${(ours.wallMs / peer.wallMs).toFixed(2)} (target ≤ 1.0)`,
        `our parser alone / peer: ${(ourParse.wallMs / peer.wallMs).toFixed(2)}; with toMessageRow: ${(ourRows.wallMs / peer.wallMs).toFixed(2)}`,
        `our peak RSS ${Math.round(ours.peakRssMiB)} MiB (target ≤ 500 MiB)`,
        `the store alone (floor rows) takes ${((floor.rowsMs + floor.ftsMs) / peer.wallMs).toFixed(2)} × the peer's parse (rows ${(floor.rowsMs / peer.wallMs).toFixed(2)}, FTS ${(floor.ftsMs / peer.wallMs).toFixed(2)}): what SQLite must do for these rows, with every index, whatever the parser`,
        `full-text search on this ${messages.toLocaleString('en-GB')}-message case, first page of 50 (${q.searches} searches): p50 ${q.searchP50Ms.toFixed(1)} ms, p95 ${q.searchP95Ms.toFixed(1)} ms (target ≤ 50 ms), max ${q.searchMaxMs.toFixed(1)} ms (${q.slowest})`,
        `conduct picture (caseConductViews, what the dashboard shows): ${(q.conductMs / 1000).toFixed(2)} s; queries process peak RSS ${Math.round(queries.peakRssMiB)} MiB`,
      ],
    };
  } finally {
    rmSync(ws, { recursive: true, force: true });
  }
}

function floorRow(step: string, ms: number, count: number) {
  return {
    step,
    messages: count,
    'wall s': (ms / 1000).toFixed(2),
    'msgs/s': Math.round(count / (ms / 1000)),
    'peak RSS MiB': '',
  };
}

/**
 * What storing the rows costs with nothing else: a fresh workspace (same schema and indexes) copies
 * the imported messages inside SQLite in one transaction, then fills the FTS index from them in
 * another (as the store does after an import commits).
 */
async function storeFloor(imported: string): Promise<{ rowsMs: number; ftsMs: number }> {
  const fresh = mkdtempSync(path.join(tmpdir(), 'scrutineer-bench-floor-'));
  try {
    await (await openStore({ workspace: fresh })).close();
    const db = new Database(path.join(fresh, SQLITE_FILE_NAME));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('cache_size = -65536');
    db.prepare('attach database ? as src').run(path.join(imported, SQLITE_FILE_NAME));
    db.exec('begin');
    for (const t of ['cases', 'exhibits', 'conversations', 'participants'])
      db.exec(`insert into main.${t} select * from src.${t}`);
    const t0 = performance.now();
    db.exec('insert into main.messages select * from src.messages');
    db.exec('commit');
    const t1 = performance.now();
    db.exec('begin');
    db.exec('insert into main.messages_fts (rowid, search_text) select id, search_text from main.messages');
    db.exec('commit');
    const t2 = performance.now();
    db.close();
    return { rowsMs: t1 - t0, ftsMs: t2 - t1 };
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
}

// Written by hand so a one-off run needs no workspace: `node dist/bench/intake.js 100000`.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const r = await benchIntake(Number(process.argv[2] ?? 1_000_000));
  writeFileSync(process.stdout.fd, `${JSON.stringify(r, null, 2)}\n`);
}
