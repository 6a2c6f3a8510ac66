import type { Command } from 'commander';
import { verifyWorkspace } from '../../evidence/verify.js';
import { globalOptions, withStore, type CliContext } from '../context.js';
import { ExitCode, printJson } from '../output.js';

export function registerVerify(program: Command, ctx: CliContext): void {
  program
    .command('verify')
    .description('re-hash every stored original and check the audit chain; exits non-zero on any mismatch')
    .action(async (_o, c: Command) => {
      const opts = globalOptions(c, ctx);
      await withStore(opts, async (store) => {
        const outcome = await verifyWorkspace(store, opts.workspace);
        if (opts.json) printJson(ctx.io, outcome);
        else {
          const bad = outcome.files.filter((f) => !f.ok);
          ctx.io.out(
            `${outcome.files.length - bad.length} of ${outcome.files.length} stored files match their intake hash\n`,
          );
          for (const f of bad)
            ctx.io.out(
              `  MISMATCH ${f.exhibit} ${f.file}: ${f.problem} (expected ${f.expected}${f.actual ? `, found ${f.actual}` : ''})\n`,
            );
          ctx.io.out(
            outcome.audit.ok
              ? `Audit trail: ${outcome.audit.entries} entries, chain intact\n`
              : `Audit trail: BROKEN at entry ${outcome.audit.firstBad?.id}: ${outcome.audit.firstBad?.reason}\n`,
          );
        }
        if (!outcome.ok) throw new ExitCode(1);
      });
    });
}
