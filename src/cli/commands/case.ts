import type { Command } from 'commander';
import { actor, globalOptions, withStore, type CliContext } from '../context.js';
import { printJson, printTable } from '../output.js';

export function registerCase(program: Command, ctx: CliContext): void {
  const cmd = program.command('case').description('create and list cases');
  cmd
    .command('create <name>')
    .description('create a case (the name is how every other command refers to it)')
    .action(async (name: string, _o, c: Command) => {
      const opts = globalOptions(c, ctx);
      await withStore(opts, async (store) => {
        const created = await store.transaction(async (repos) => {
          const record = await repos.cases.create({ name: name.trim(), createdBy: actor(ctx) });
          await repos.audit.append({
            actor: actor(ctx),
            action: 'case.create',
            caseId: record.id,
            subject: record.name,
          });
          return record;
        });
        if (opts.json) printJson(ctx.io, created);
        else ctx.io.out(`Created case "${created.name}" (id ${created.id}) in ${store.location}\n`);
      });
    });
  cmd
    .command('list')
    .description('list the cases in the workspace')
    .action(async (_o, c: Command) => {
      const opts = globalOptions(c, ctx);
      await withStore(opts, async (store) => {
        const cases = await store.cases.list();
        if (opts.json) printJson(ctx.io, cases);
        else
          printTable(
            ctx.io,
            cases.map((k) => ({
              id: k.id,
              name: k.name,
              exhibits: k.exhibits,
              messages: k.messages,
              created: k.createdAt,
              by: k.createdBy,
            })),
          );
      });
    });
}
