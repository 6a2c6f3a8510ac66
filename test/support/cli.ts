/** Run the CLI in-process against a throwaway workspace on SQLite or PostgreSQL. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { run } from '../../src/cli/main.js';

export interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export interface Workspace {
  readonly dir: string;
  readonly backend: 'sqlite' | 'postgres';
  readonly databaseUrl: string | null;
  cli(args: readonly string[], env?: NodeJS.ProcessEnv): Promise<CliResult>;
  json<T = unknown>(args: readonly string[]): Promise<T>;
  cleanup(): Promise<void>;
}

export const PG_URL = process.env.SCRUTINEER_TEST_DATABASE_URL ?? null;
export const BACKENDS = PG_URL ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);
export const PG_SKIPPED = PG_URL
  ? null
  : 'PostgreSQL runs skipped: set SCRUTINEER_TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)';

/** The objects of `--jsonl` output, one a line. */
export function jsonLines<T>(out: string): T[] {
  return out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);
}

export async function makeWorkspace(backend: 'sqlite' | 'postgres'): Promise<Workspace> {
  const dir = mkdtempSync(path.join(tmpdir(), 'scrutineer-ws-'));
  let databaseUrl: string | null = null;
  let schema: string | null = null;
  if (backend === 'postgres') {
    if (!PG_URL) throw new Error(PG_SKIPPED ?? '');
    schema = `scr_cli_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const u = new URL(PG_URL);
    u.searchParams.set('schema', schema);
    databaseUrl = u.toString();
  }
  const cli = async (args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> => {
    let out = '';
    let err = '';
    const io = {
      out: (s: string) => void (out += s),
      err: (s: string) => void (err += s),
      interactive: false,
    };
    const fullEnv: NodeJS.ProcessEnv = {
      SCRUTINEER_USER: 'test-investigator',
      ...env,
      SCRUTINEER_WORKSPACE: dir,
    };
    if (databaseUrl) fullEnv.DATABASE_URL = databaseUrl;
    const code = await run(args, io, fullEnv);
    return { code, out, err };
  };
  return {
    dir,
    backend,
    databaseUrl,
    cli,
    async json<T>(args: readonly string[]): Promise<T> {
      const r = await cli([...args, '--json']);
      if (r.code !== 0) throw new Error(`scrutineer ${args.join(' ')} failed (${r.code}): ${r.err}`);
      return JSON.parse(r.out) as T;
    },
    async cleanup() {
      rmSync(dir, { recursive: true, force: true });
      if (schema && PG_URL) {
        const client = new pg.Client({ connectionString: PG_URL });
        await client.connect();
        await client.query(`drop schema if exists "${schema}" cascade`);
        await client.end();
      }
    },
  };
}
