import type { Command } from 'commander';
import { UsageError } from '../../domain/errors.js';
import { verifyWorkspace, type VerifyOutcome } from '../../evidence/verify.js';
import { globalOptions, withStore, type CliContext } from '../context.js';
import { ExitCode, printJson } from '../output.js';

export function registerVerify(program: Command, ctx: CliContext): void {
  program
    .command('verify')
    .description(
      're-hash every stored original, recompute every import’s row digest, check the audit chain (and --expect-head); exits non-zero on any mismatch',
    )
    .option('--expect-head <hash>', 'the audit head hash recorded earlier: the chain must still hold it')
    .action(async (o: { expectHead?: string }, c: Command) => {
      const opts = globalOptions(c, ctx);
      if (o.expectHead !== undefined && !/^[0-9a-fA-F]{64}$/.test(o.expectHead.trim()))
        throw new UsageError(`--expect-head takes a SHA-256 hash (64 hex digits), not "${o.expectHead}"`);
      await withStore(opts, async (store) => {
        const outcome = await verifyWorkspace(store, opts.workspace, { expectHead: o.expectHead ?? null });
        if (opts.json) printJson(ctx.io, outcome);
        else ctx.io.out(describe(outcome));
        if (!outcome.ok) throw new ExitCode(1);
      });
    });
}

function describe(outcome: VerifyOutcome): string {
  const lines: string[] = [];
  const bad = outcome.files.filter((f) => !f.ok);
  lines.push(
    `${outcome.files.length - bad.length} of ${outcome.files.length} stored files match their intake hash`,
  );
  for (const f of bad)
    lines.push(
      `  MISMATCH ${f.exhibit} ${f.file}: ${f.problem} (expected ${f.expected}${f.actual ? `, found ${f.actual}` : ''})`,
    );
  const badRows = outcome.rows.filter((r) => !r.ok);
  const digested = outcome.rows.filter((r) => r.digested).length;
  lines.push(
    `${outcome.rows.length - badRows.length} of ${outcome.rows.length} exhibits match their audited intake (${digested} with a row digest)`,
  );
  for (const r of badRows) lines.push(`  MISMATCH ${r.exhibit}: ${r.problem}`);
  lines.push(`Search index: ${outcome.searchIndex.problem ?? 'complete'}`);
  const a = outcome.audit;
  lines.push(
    a.ok
      ? `Audit trail: ${a.entries} entries, chain intact`
      : `Audit trail: BROKEN at entry ${a.firstBad?.id}: ${a.firstBad?.reason}`,
  );
  lines.push(
    a.head
      ? `Audit head: entry ${a.head.id}, hash ${a.head.hash} (record it outside the workspace; check later with --expect-head)`
      : 'Audit head: none (empty trail)',
  );
  const e = outcome.expectedHead;
  if (e)
    lines.push(
      e.found
        ? `Expected head ${e.hash}: present in the chain`
        : `Expected head ${e.hash}: NOT in the chain: entries were removed from its end, or this is another workspace`,
    );
  if (outcome.orphans.length) {
    lines.push(
      `Orphaned files (nothing references them; the next import removes them${outcome.runningImports ? `; ${outcome.runningImports} import(s) running now may own some` : ''}):`,
    );
    for (const o of outcome.orphans) lines.push(`  ${o.kind}: ${o.path}`);
  }
  return `${lines.join('\n')}\n`;
}
