import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { openStore, type Store } from '../store/open-store.js';
import type { Io } from './output.js';

export interface GlobalOptions {
  readonly workspace: string;
  readonly databaseUrl: string | null;
  readonly json: boolean;
}

/** What every command gets: where to write, and the workspace the global options name. */
export interface CliContext {
  readonly io: Io;
  readonly env: NodeJS.ProcessEnv;
}

export function globalOptions(cmd: Command, ctx: CliContext): GlobalOptions {
  const o = cmd.optsWithGlobals<{ workspace?: string; database?: string; json?: boolean }>();
  return {
    workspace: resolve(o.workspace ?? ctx.env.SCRUTINEER_WORKSPACE ?? 'scrutineer-workspace'),
    databaseUrl: o.database ?? ctx.env.DATABASE_URL ?? null,
    json: Boolean(o.json),
  };
}

/** The operator, recorded on every continuity and audit entry. */
export function actor(ctx: CliContext): string {
  return ctx.env.SCRUTINEER_USER ?? safeUserName();
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

export async function withStore<T>(opts: GlobalOptions, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ workspace: opts.workspace, databaseUrl: opts.databaseUrl });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
