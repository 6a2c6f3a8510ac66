/**
 * Device reader benchmark: a 1,000,000-row current-schema msgstore.db (cached in the temp folder)
 * read through openDeviceReader(...).messages(), in its own process for a fair peak RSS, beside the
 * sqlite3 CLI running an equivalent joined SELECT to /dev/null.
 */
import Database from 'better-sqlite3';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { measure } from './measure.js';

const here = fileURLToPath(import.meta.url);
const scrutineer = path.resolve(path.dirname(here), '../src/cli/main.js');

const SCHEMA = `
CREATE TABLE jid (_id INTEGER PRIMARY KEY AUTOINCREMENT, user TEXT NOT NULL, server TEXT NOT NULL, agent INTEGER, device INTEGER, type INTEGER, raw_string TEXT);
CREATE TABLE chat (_id INTEGER PRIMARY KEY AUTOINCREMENT, jid_row_id INTEGER UNIQUE, subject TEXT, created_timestamp INTEGER);
CREATE TABLE message (_id INTEGER PRIMARY KEY AUTOINCREMENT, chat_row_id INTEGER NOT NULL, from_me INTEGER NOT NULL, key_id TEXT NOT NULL, sender_jid_row_id INTEGER, status INTEGER, timestamp INTEGER, received_timestamp INTEGER, message_type INTEGER, text_data TEXT, sort_id INTEGER NOT NULL DEFAULT 0);
CREATE TABLE message_media (message_row_id INTEGER PRIMARY KEY, chat_row_id INTEGER, file_path TEXT, file_size INTEGER, mime_type TEXT, media_name TEXT, file_hash TEXT);
CREATE TABLE message_quoted (message_row_id INTEGER PRIMARY KEY, chat_row_id INTEGER, from_me INTEGER, sender_jid_row_id INTEGER, key_id TEXT, text_data TEXT);
CREATE TABLE message_location (message_row_id INTEGER PRIMARY KEY, chat_row_id INTEGER, latitude REAL, longitude REAL, place_name TEXT, url TEXT, live_share_duration INTEGER);
CREATE TABLE message_system (message_row_id INTEGER PRIMARY KEY, action_type INTEGER NOT NULL);
CREATE TABLE message_system_chat_participant (message_row_id INTEGER, user_jid_row_id INTEGER);
CREATE TABLE message_system_value_change (message_row_id INTEGER PRIMARY KEY, old_data TEXT);
CREATE TABLE message_revoked (message_row_id INTEGER PRIMARY KEY, revoked_key_id TEXT NOT NULL, admin_jid_row_id INTEGER);
CREATE TABLE message_edit_info (message_row_id INTEGER PRIMARY KEY, original_key_id TEXT NOT NULL, edited_timestamp INTEGER NOT NULL);
CREATE TABLE message_add_on (_id INTEGER PRIMARY KEY AUTOINCREMENT, chat_row_id INTEGER NOT NULL, from_me INTEGER NOT NULL, key_id TEXT NOT NULL, sender_jid_row_id INTEGER, parent_message_row_id INTEGER NOT NULL, timestamp INTEGER);
CREATE TABLE message_add_on_reaction (message_add_on_row_id INTEGER PRIMARY KEY, reaction TEXT, sender_timestamp INTEGER);
CREATE TABLE message_poll (message_row_id INTEGER PRIMARY KEY, poll_type INTEGER);
CREATE TABLE group_participant_user (_id INTEGER PRIMARY KEY AUTOINCREMENT, group_jid_row_id INTEGER NOT NULL, user_jid_row_id INTEGER NOT NULL, rank INTEGER, pending INTEGER);
CREATE TABLE jid_map (lid_row_id INTEGER PRIMARY KEY, jid_row_id INTEGER);
`;

/** The reader's query, written out by hand for the sqlite3 CLI. */
const CLI_QUERY = `SELECT m._id, m.chat_row_id, m.from_me, m.timestamp, m.key_id, m.sender_jid_row_id, m.status, m.message_type, m.text_data, m.sort_id,
 mm.file_path, mm.file_size, mm.mime_type, mm.media_name, mm.file_hash, mq.key_id, mq.from_me, mq.sender_jid_row_id, mq.text_data,
 ml.latitude, ml.longitude, ml.place_name, ml.url, ms.action_type, mv.old_data, mr.revoked_key_id, mr.admin_jid_row_id, me.edited_timestamp, mp.message_row_id,
 j.raw_string
FROM message m
LEFT JOIN message_media mm ON mm.message_row_id = m._id LEFT JOIN message_quoted mq ON mq.message_row_id = m._id
LEFT JOIN message_location ml ON ml.message_row_id = m._id LEFT JOIN message_system ms ON ms.message_row_id = m._id
LEFT JOIN message_system_value_change mv ON mv.message_row_id = m._id LEFT JOIN message_revoked mr ON mr.message_row_id = m._id
LEFT JOIN message_edit_info me ON me.message_row_id = m._id LEFT JOIN message_poll mp ON mp.message_row_id = m._id
LEFT JOIN jid j ON j._id = m.sender_jid_row_id
ORDER BY m.chat_row_id, m.sort_id, m._id;`;

const WORDS =
  'shift van custody nights overtime court briefing rota canteen job arrest radio patrol station sarge lol 😂 👍 mate cheers'.split(
    ' ',
  );

export function buildBenchMsgstore(file: string, rows: number): void {
  if (existsSync(file)) return;
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.partial`;
  rmSync(tmp, { force: true });
  const db = new Database(tmp);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.exec(SCHEMA);
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  db.transaction(() => {
    const jid = db.prepare(
      'INSERT INTO jid (user, server, agent, device, type, raw_string) VALUES (?, ?, 0, 0, ?, ?)',
    );
    const people: number[] = [];
    for (let i = 0; i < 200; i++) {
      const user = `4477009${String(10000 + i)}`;
      people.push(Number(jid.run(user, 's.whatsapp.net', 0, `${user}@s.whatsapp.net`).lastInsertRowid));
    }
    const chats: number[] = [];
    const chat = db.prepare('INSERT INTO chat (jid_row_id, subject, created_timestamp) VALUES (?, ?, ?)');
    const member = db.prepare(
      'INSERT INTO group_participant_user (group_jid_row_id, user_jid_row_id, rank, pending) VALUES (?, ?, 0, 0)',
    );
    for (let c = 0; c < 40; c++) {
      const g = `1203630445204${String(10000 + c)}`;
      const gj = Number(jid.run(g, 'g.us', 1, `${g}@g.us`).lastInsertRowid);
      chats.push(Number(chat.run(gj, `Group ${c}`, Date.UTC(2019, 0, 1)).lastInsertRowid));
      for (let k = 0; k < 30; k++) member.run(gj, people[(c * 7 + k) % people.length] as number);
    }
    const msg = db.prepare(
      'INSERT INTO message (chat_row_id, from_me, key_id, sender_jid_row_id, status, timestamp, received_timestamp, message_type, text_data, sort_id) VALUES (?, ?, ?, ?, 13, ?, ?, ?, ?, ?)',
    );
    const media = db.prepare(
      "INSERT INTO message_media (message_row_id, chat_row_id, file_path, file_size, mime_type, media_name, file_hash) VALUES (?, ?, ?, ?, 'image/jpeg', ?, 'aGFzaA==')",
    );
    const quoted = db.prepare(
      'INSERT INTO message_quoted (message_row_id, chat_row_id, from_me, sender_jid_row_id, key_id, text_data) VALUES (?, ?, 0, ?, ?, ?)',
    );
    const addOn = db.prepare(
      'INSERT INTO message_add_on (chat_row_id, from_me, key_id, sender_jid_row_id, parent_message_row_id, timestamp) VALUES (?, 0, ?, ?, ?, ?)',
    );
    const reaction = db.prepare(
      "INSERT INTO message_add_on_reaction (message_add_on_row_id, reaction, sender_timestamp) VALUES (?, '👍', ?)",
    );
    const system = db.prepare('INSERT INTO message_system (message_row_id, action_type) VALUES (?, 12)');
    const target = db.prepare(
      'INSERT INTO message_system_chat_participant (message_row_id, user_jid_row_id) VALUES (?, ?)',
    );
    let t = Date.UTC(2019, 0, 1, 6);
    for (let i = 0; i < rows; i++) {
      t += Math.floor(rand() * 60_000);
      const c = chats[Math.floor(rand() * chats.length)] as number;
      const fromMe = rand() < 0.1 ? 1 : 0;
      const sender = fromMe ? 0 : (people[Math.floor(rand() * people.length)] as number);
      const r = rand();
      const type = r < 0.05 ? 1 : r < 0.06 ? 7 : 0;
      const words = 3 + Math.floor(rand() * 12);
      const text =
        type === 7
          ? null
          : Array.from({ length: words }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
      const id = Number(
        msg.run(c, fromMe, `3EB0${i.toString(16).padStart(12, '0')}`, sender, t, t + 500, type, text, i + 1)
          .lastInsertRowid,
      );
      if (type === 1) media.run(id, c, `Media/IMG-${i}.jpg`, 1000 + i, `IMG-${i}.jpg`);
      if (type === 7) {
        system.run(id);
        target.run(id, people[i % people.length] as number);
      }
      if (type === 0 && rand() < 0.03)
        quoted.run(
          id,
          c,
          sender || (people[0] as number),
          `3EB0${(i - 1).toString(16).padStart(12, '0')}`,
          'earlier',
        );
      if (rand() < 0.02)
        reaction.run(
          Number(addOn.run(c, `R${i}`, people[i % people.length] as number, id, t + 1000).lastInsertRowid),
          t + 1000,
        );
    }
  })();
  db.exec('CREATE INDEX message_chat_sort ON message (chat_row_id, sort_id)');
  db.close();
  renameSync(tmp, file);
}

/** Child-process side: open, iterate, print timings as JSON. */
async function iterate(file: string): Promise<void> {
  const { openDeviceReader } = await import('../src/ingest/device/api.js');
  const t0 = performance.now();
  const reader = openDeviceReader(file, { fileName: path.basename(file), zone: 'Europe/London' });
  const t1 = performance.now();
  let n = 0;
  let chars = 0;
  for (const { message } of reader.messages()) {
    n++;
    chars += message.text.length;
  }
  const t2 = performance.now();
  reader.close();
  process.stdout.write(JSON.stringify({ openMs: t1 - t0, iterateMs: t2 - t1, messages: n, chars }));
}

function sqliteCli(): string | null {
  if (existsSync('/usr/bin/sqlite3')) return '/usr/bin/sqlite3';
  try {
    execFileSync('apt-get', ['install', '-y', 'sqlite3'], { stdio: 'ignore', timeout: 120_000 });
  } catch {
    return null;
  }
  return existsSync('/usr/bin/sqlite3') ? '/usr/bin/sqlite3' : null;
}

export async function benchDevice(): Promise<{
  name: string;
  rows: Record<string, string | number>[];
  notes?: string[];
}> {
  const rowsWanted = Number(process.env.BENCH_DEVICE_ROWS ?? 1_000_000);
  const file = path.join(tmpdir(), 'scrutineer-bench', `msgstore-${rowsWanted}.db`);
  const tb = performance.now();
  const cached = existsSync(file);
  buildBenchMsgstore(file, rowsWanted);
  const buildMs = performance.now() - tb;
  const sizeMiB = statSync(file).size / 1024 ** 2;
  const notes = [
    `msgstore.db: ${rowsWanted} message rows, ${sizeMiB.toFixed(0)} MiB, ${cached ? 'cached' : `built in ${(buildMs / 1000).toFixed(1)} s`} at ${file}`,
    'openDeviceReader copies the database to a temporary folder first (never reading the original in place); "open" is that copy plus schema and participant reads',
  ];
  const ours = await measure(process.execPath, [...process.execArgv, here, '--iterate', file]);
  const result = JSON.parse(ours.stdout) as { openMs: number; iterateMs: number; messages: number };
  const rows: Record<string, string | number>[] = [
    {
      tool: 'scrutineer openDeviceReader().messages()',
      messages: result.messages,
      'open+copy s': (result.openMs / 1000).toFixed(2),
      'iterate s': (result.iterateMs / 1000).toFixed(2),
      'wall s': (ours.wallMs / 1000).toFixed(2),
      'msgs/s': Math.round(result.messages / (result.iterateMs / 1000)),
      'peak RSS MiB': ours.peakRssMiB.toFixed(0),
    },
  ];
  const ws = mkdtempSync(path.join(tmpdir(), 'scrutineer-bench-device-ws-'));
  let endToEnd: { wallMs: number; peakRssMiB: number; messages: number };
  try {
    const env = { SCRUTINEER_WORKSPACE: ws };
    await measure(process.execPath, [scrutineer, 'case', 'create', 'Bench'], env);
    const m = await measure(
      process.execPath,
      [scrutineer, 'exhibit', 'add', 'Bench', file, '--ref', 'D/1', '--json'],
      env,
    );
    endToEnd = { ...m, messages: (JSON.parse(m.stdout) as { messages: number }).messages };
  } finally {
    rmSync(ws, { recursive: true, force: true });
  }
  rows.push({
    tool: 'scrutineer exhibit add (hash, copy, read, store, index)',
    messages: endToEnd.messages,
    'open+copy s': '-',
    'iterate s': '-',
    'wall s': (endToEnd.wallMs / 1000).toFixed(2),
    'msgs/s': Math.round(endToEnd.messages / (endToEnd.wallMs / 1000)),
    'peak RSS MiB': endToEnd.peakRssMiB.toFixed(0),
  });
  const cli = sqliteCli();
  if (cli) {
    const peer = await measure(cli, ['-readonly', file, '.output /dev/null', CLI_QUERY]);
    rows.push({
      tool: 'sqlite3 CLI, same joins, to /dev/null',
      messages: rowsWanted,
      'open+copy s': '-',
      'iterate s': (peer.wallMs / 1000).toFixed(2),
      'wall s': (peer.wallMs / 1000).toFixed(2),
      'msgs/s': Math.round(rowsWanted / (peer.wallMs / 1000)),
      'peak RSS MiB': peer.peakRssMiB.toFixed(0),
    });
    notes.push(
      `end-to-end import / sqlite3 CLI: ${(endToEnd.wallMs / peer.wallMs).toFixed(2)} (target ≤ 3.0); reader alone / sqlite3 CLI: ${(ours.wallMs / peer.wallMs).toFixed(2)}`,
    );
    const version = spawnSync(cli, ['--version'], { encoding: 'utf8' }).stdout.trim().split(' ')[0];
    notes.push(`sqlite3 CLI ${version}`);
  } else {
    notes.push('sqlite3 CLI missing (not at /usr/bin/sqlite3 and apt-get install failed): no peer row');
  }
  return { name: `Device import: ${rowsWanted.toLocaleString('en-GB')}-row msgstore.db`, rows, notes };
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  if (process.argv[2] === '--iterate') {
    await iterate(process.argv[3] as string);
  } else {
    const r = await benchDevice();
    console.log(r.name);
    console.table(r.rows);
    for (const n of r.notes ?? []) console.log(`- ${n}`);
  }
}
