/** `scrutineer rerank CASE`: re-rank a case's unreviewed messages from its reviewers' codes (issue 14.3). */
import type { Command } from 'commander';

import { rerankCase } from '../../review/rerank.js';
import { actor, globalOptions, withStore, type CliContext } from '../context.js';
import { printJson, printTable } from '../output.js';
import { requireCase } from './shared.js';

export function registerRerank(program: Command, ctx: CliContext): void {
  program
    .command('rerank <case>')
    .description(
      "re-rank the case's unreviewed messages from its reviewers' codes (offensive / not offensive); priority batches follow the latest re-rank; the run and the codes it learned from are stored and audited",
    )
    .action(async (caseName: string, _o, c: Command) => {
      const opts = globalOptions(c, ctx);
      await withStore(opts, async (store) => {
        const theCase = await requireCase(store, caseName);
        const out = await rerankCase(store, { caseId: theCase.id, actor: actor(ctx) });
        if (opts.json) {
          printJson(ctx.io, { case: { id: theCase.id, name: theCase.name }, ...out });
          return;
        }
        const r = out.run;
        ctx.io.out(
          `Re-rank ${r.id} of case "${theCase.name}" (${r.version}): learned from ${r.positives} offensive and ${r.negatives} not-offensive codes, ranked ${out.ranked} messages\n` +
            `inputs sha256 ${r.inputSha256}\nranking sha256 ${r.rankingSha256}\n\nTop of the ranking\n`,
        );
        printTable(
          ctx.io,
          out.top.map((t) => ({ message: t.messageId, score: t.score.toFixed(3) })),
        );
      });
    });
}
