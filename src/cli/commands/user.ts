import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

import type { Command } from 'commander';

import { UsageError, UserError } from '../../domain/errors.js';
import { addCaseMember, addUser } from '../../review/users.js';
import { ROLES, type Role } from '../../contract/roles.js';
import { actor, globalOptions, withStore, type CliContext } from '../context.js';
import { printJson, printTable } from '../output.js';
import { requireCase } from './shared.js';

/** Where `user add` reads a password from; tests pass their own. */
export interface PasswordSource {
  readonly stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/u, '');
}

/** Asks on the terminal without echoing what is typed. */
async function prompt(question: string, ctx: CliContext, input: NodeJS.ReadableStream): Promise<string> {
  ctx.io.err(question);
  const silent = new Writable({ write: (_chunk, _enc, done) => done() });
  const rl = createInterface({ input, output: silent, terminal: true });
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    rl.close();
    ctx.io.err('\n');
  }
}

export function registerUser(program: Command, ctx: CliContext & PasswordSource): void {
  const cmd = program.command('user').description('logins for the review workspace');
  cmd
    .command('add <username>')
    .description('add a login (the password is asked for on the terminal, or read from stdin)')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--password-stdin', 'read the password from standard input (no default passwords)')
    .action(async (username: string, o: { role: string; passwordStdin?: boolean }, c: Command) => {
      const opts = globalOptions(c, ctx);
      if (!(ROLES as readonly string[]).includes(o.role)) {
        throw new UsageError(`--role must be one of ${ROLES.join(', ')} (got "${o.role}").`, {
          code: 'bad_role',
        });
      }
      const input = ctx.stdin ?? process.stdin;
      let password: string;
      if (o.passwordStdin) password = await readAll(input);
      else if (input.isTTY) {
        password = await prompt(`Password for ${username}: `, ctx, input);
        const again = await prompt('Again: ', ctx, input);
        if (again !== password) throw new UserError('The passwords differ.', { code: 'password_mismatch' });
      } else {
        throw new UserError('No terminal to ask for the password: pass --password-stdin and pipe it in.', {
          code: 'no_password',
        });
      }
      await withStore(opts, async (store) => {
        const user = await addUser(store, { username, password, role: o.role as Role, actor: actor(ctx) });
        if (opts.json) printJson(ctx.io, user);
        else ctx.io.out(`Added ${user.role} "${user.username}" (id ${user.id}).\n`);
      });
    });
  cmd
    .command('list')
    .description('list the logins')
    .action(async (_o, c: Command) => {
      const opts = globalOptions(c, ctx);
      await withStore(opts, async (store) => {
        const users = await store.users.list();
        const rows = [];
        for (const u of users) rows.push({ ...u, cases: await store.caseMembers.caseIds(u.id) });
        if (opts.json) printJson(ctx.io, rows);
        else
          printTable(
            ctx.io,
            rows.map((u) => ({
              id: u.id,
              username: u.username,
              role: u.role,
              disabled: u.disabled ? 'yes' : '',
              cases: u.role === 'admin' ? 'all' : u.cases.join(','),
              created: u.createdAt,
            })),
          );
      });
    });
  cmd
    .command('disable <username>')
    .description('stop a login (its sessions end at once); its history stays')
    .action(async (username: string, _o, c: Command) => {
      const opts = globalOptions(c, ctx);
      await withStore(opts, async (store) => {
        const user = await store.users.findByUsername(username);
        if (!user) throw new UserError(`There is no user "${username}".`, { code: 'no_user' });
        await store.transaction(async (repos) => {
          await repos.users.setDisabled(user.id, true);
          await repos.sessions.deleteForUser(user.id);
          await repos.audit.append({ actor: actor(ctx), action: 'user.disable', subject: `user:${user.id}` });
        });
        if (opts.json) printJson(ctx.io, { ...user, disabled: true });
        else ctx.io.out(`Disabled "${username}".\n`);
      });
    });

  // `case member add CASE USERNAME`, under the existing `case` command.
  const caseCmd = program.commands.find((c) => c.name() === 'case');
  if (!caseCmd) throw new Error('registerUser must run after registerCase');
  const member = caseCmd.command('member').description('who may see a case in the review workspace');
  member
    .command('add <case> <username>')
    .description('make a user a member of a case')
    .action(async (caseName: string, username: string, _o, c: Command) => {
      const opts = globalOptions(c, ctx);
      await withStore(opts, async (store) => {
        const theCase = await requireCase(store, caseName);
        const added = await addCaseMember(store, { caseId: theCase.id, username, actor: actor(ctx) });
        if (opts.json) printJson(ctx.io, { case: theCase.id, username, added });
        else
          ctx.io.out(
            added
              ? `"${username}" is now a member of "${theCase.name}".\n`
              : `"${username}" already was a member of "${theCase.name}".\n`,
          );
      });
    });
  member
    .command('list <case>')
    .description('the members of a case')
    .action(async (caseName: string, _o, c: Command) => {
      const opts = globalOptions(c, ctx);
      await withStore(opts, async (store) => {
        const theCase = await requireCase(store, caseName);
        const members = await store.caseMembers.list(theCase.id);
        if (opts.json) printJson(ctx.io, members);
        else
          printTable(
            ctx.io,
            members.map((m) => ({ username: m.username, role: m.role, added: m.addedAt, by: m.addedBy })),
          );
      });
    });
  // The CLI's exitOverride reaches two levels; these are three deep.
  member.exitOverride();
  for (const sub of member.commands) sub.exitOverride();
}
