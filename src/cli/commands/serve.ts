import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';

import { UsageError } from '../../domain/errors.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../../review/demo-users.js';
import { openStore, type Store } from '../../store/open-store.js';
import { globalOptions, type CliContext } from '../context.js';
import { printJson } from '../output.js';
import { DEMO_CASE } from './demo.js';

export interface StartedServer {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly url: string;
  /** Demo logins to print, when the workspace is the demo's. */
  readonly demoLogins: readonly { username: string; role: string; password: string }[];
  close(): Promise<void>;
}

/** Opens the store, builds the server and listens. `serve` runs this; tests call it directly. */
export async function startServer(opts: {
  workspace: string;
  databaseUrl: string | null;
  port: number;
  host: string;
  webRoot?: string | null;
  logger?: boolean;
  trustProxy?: boolean;
}): Promise<StartedServer> {
  const store = await openStore({ workspace: opts.workspace, databaseUrl: opts.databaseUrl });
  try {
    // Loaded here, not with every command: the server and its plugins are tens of MiB.
    const { buildServer } = await import('../../server/index.js');
    const app = await buildServer({
      store,
      workspace: opts.workspace,
      ...(opts.webRoot === undefined ? {} : { webRoot: opts.webRoot }),
      logger: opts.logger ?? false,
      trustProxy: opts.trustProxy ?? false,
    });
    const url = await app.listen({ port: opts.port, host: opts.host });
    const demoCase = await store.cases.findByName(DEMO_CASE);
    const demoLogins = [];
    if (demoCase) {
      for (const u of DEMO_USERS) {
        const found = await store.users.findByUsername(u.username);
        if (found && (await store.caseMembers.isMember(demoCase.id, found.id))) {
          demoLogins.push({ username: u.username, role: u.role, password: DEMO_PASSWORD });
        }
      }
    }
    return {
      app,
      store,
      url,
      demoLogins,
      close: async () => {
        await app.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

export function registerServe(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('serve the review workspace (web app and API) on this machine')
    .option('--port <port>', 'TCP port', '4173')
    .option('--host <host>', 'address to listen on (127.0.0.1: this machine only)', '127.0.0.1')
    .option('--log', 'log requests (credentials and query strings are never logged)')
    .option('--trust-proxy', 'behind a reverse proxy: trust its X-Forwarded-* headers')
    .action(async (o: { port: string; host: string; log?: boolean; trustProxy?: boolean }, c: Command) => {
      const opts = globalOptions(c, ctx);
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new UsageError(`--port must be a port number (got "${o.port}").`, { code: 'bad_port' });
      }
      const server = await startServer({
        workspace: opts.workspace,
        databaseUrl: opts.databaseUrl,
        port,
        host: o.host,
        logger: Boolean(o.log),
        trustProxy: Boolean(o.trustProxy),
      });
      if (opts.json) printJson(ctx.io, { url: server.url, demoLogins: server.demoLogins });
      else {
        ctx.io.out(`Scrutineer review workspace: ${server.url}  (store: ${server.store.location})\n`);
        for (const d of server.demoLogins) {
          ctx.io.out(`  Demo login (${d.role}): ${d.username} / ${d.password}\n`);
        }
        if (server.demoLogins.length === 0) {
          ctx.io.out(
            '  Add a login with `scrutineer user add NAME --role reviewer` and `scrutineer case member add`.\n',
          );
        }
        ctx.io.out('Press Ctrl+C to stop.\n');
      }
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      await server.close();
    });
}
