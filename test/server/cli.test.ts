/** `scrutineer user …`, `case member add` and `serve` (through startServer), on a real workspace. */
import { Readable } from 'node:stream';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startServer } from '../../src/cli/commands/serve.js';
import { buildProgram } from '../../src/cli/main.js';
import { ensureDemoUsers } from '../../src/review/demo-users.js';
import { openStore } from '../../src/store/open-store.js';
import { BACKENDS, makeWorkspace, PG_SKIPPED, type Workspace } from '../support/cli.js';

if (PG_SKIPPED)
  describe.skip(`CLI: users and serve on PostgreSQL (skipped: ${PG_SKIPPED})`, () =>
    it('needs PostgreSQL', () => undefined));

for (const backend of BACKENDS) {
  describe(`CLI: users and serve on ${backend === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`, () => {
    let ws: Workspace;
    beforeAll(async () => {
      ws = await makeWorkspace(backend);
    });
    afterAll(async () => {
      await ws.cleanup();
    });

    /** Runs the CLI in-process with `stdin` as standard input. */
    async function withStdin(
      args: string[],
      stdin: string,
    ): Promise<{ code: number; out: string; err: string }> {
      let out = '';
      let err = '';
      const io = {
        out: (s: string) => void (out += s),
        err: (s: string) => void (err += s),
        interactive: false,
      };
      const env: NodeJS.ProcessEnv = { SCRUTINEER_USER: 'test-admin', SCRUTINEER_WORKSPACE: ws.dir };
      if (ws.databaseUrl) env.DATABASE_URL = ws.databaseUrl;
      const input = Object.assign(Readable.from([Buffer.from(stdin)]), { isTTY: false });
      const program = buildProgram({ io, env, stdin: input } as Parameters<typeof buildProgram>[0]);
      try {
        await program.parseAsync(args, { from: 'user' });
        return { code: 0, out, err };
      } catch (e) {
        return { code: 1, out, err: err + String(e) };
      }
    }

    it('adds users from stdin, refuses weak passwords and no password, lists them, adds case members', async () => {
      expect((await ws.cli(['case', 'create', 'Op Gamma'])).code).toBe(0);
      const added = await withStdin(
        ['user', 'add', 'dc.smith', '--role', 'reviewer', '--password-stdin'],
        'a long enough password\n',
      );
      expect(added.out).toMatch(/Added reviewer "dc.smith"/u);
      const weak = await withStdin(
        ['user', 'add', 'weak', '--role', 'reviewer', '--password-stdin'],
        'short\n',
      );
      expect(weak.err).toMatch(/at least 12 characters/u);
      // No terminal and no --password-stdin: refused, not defaulted.
      const none = await ws.cli(['user', 'add', 'nopass', '--role', 'reviewer']);
      expect(none.code).toBe(1);
      expect(none.err).toMatch(/--password-stdin/u);
      const badRole = await ws.cli(['user', 'add', 'x', '--role', 'god', '--password-stdin']);
      expect(badRole.code).toBe(2); // a usage error

      const member = await ws.cli(['case', 'member', 'add', 'Op Gamma', 'dc.smith']);
      expect(member.code).toBe(0);
      expect(member.out).toMatch(/now a member/u);
      expect((await ws.cli(['case', 'member', 'add', 'Op Gamma', 'dc.smith'])).out).toMatch(/already was/u);
      expect((await ws.cli(['case', 'member', 'add', 'Op Gamma', 'nobody'])).code).toBe(1);
      const users = await ws.json<{ username: string; role: string; cases: number[] }[]>(['user', 'list']);
      expect(users.map((u) => [u.username, u.role, u.cases.length])).toEqual([['dc.smith', 'reviewer', 1]]);
      expect(JSON.stringify(users)).not.toMatch(/argon2|password/iu);
      const off = await ws.cli(['case', 'member', 'remove', 'Op Gamma', 'dc.smith']);
      expect(off.out).toMatch(/no longer a member/u);
      expect((await ws.cli(['case', 'member', 'remove', 'Op Gamma', 'dc.smith'])).out).toMatch(
        /was not a member/u,
      );
    });

    it('serve listens on 127.0.0.1, prints demo logins for the demo case, and the stored password works', async () => {
      const store = await openStore({ workspace: ws.dir, databaseUrl: ws.databaseUrl });
      try {
        const demo = await store.cases.create({ name: 'Operation Lantern (demo)', createdBy: 'demo' });
        await ensureDemoUsers(store, demo.id);
        await ensureDemoUsers(store, demo.id); // idempotent
        expect((await store.caseMembers.list(demo.id)).map((m) => m.username)).toEqual([
          'demo-lead',
          'demo-reviewer',
        ]);
      } finally {
        await store.close();
      }
      const server = await startServer({
        workspace: ws.dir,
        databaseUrl: ws.databaseUrl,
        port: 0,
        host: '127.0.0.1',
        webRoot: null,
      });
      try {
        expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/u);
        expect(server.demoLogins.map((d) => d.username)).toEqual(['demo-lead', 'demo-reviewer']);
        const res = await fetch(`${server.url}/api/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'demo-reviewer', password: server.demoLogins[1]!.password }),
        });
        expect(res.status).toBe(200);
        const cases = await fetch(`${server.url}/api/cases`, {
          headers: { cookie: res.headers.get('set-cookie')!.split(';')[0]! },
        });
        expect(((await cases.json()) as { cases: { name: string }[] }).cases.map((c) => c.name)).toEqual([
          'Operation Lantern (demo)',
        ]);
      } finally {
        await server.close();
      }
    });
  });
}
