/** `scrutineer similar CASE MESSAGE_ID`: "more like this" from one message (issue 14.3). */
import type { Command } from 'commander';

import { UsageError } from '../../domain/errors.js';
import { SIMILAR_LIMIT_MAX } from '../../contract/similar-schemas.js';
import { similarMessages } from '../../review/similar.js';
import { globalOptions, withStore, type CliContext } from '../context.js';
import { printJson, printTable } from '../output.js';
import { requireCase } from './shared.js';

function positiveInt(value: string, what: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new UsageError(`${what} must be a whole number from 1 to ${max}, not "${value}"`);
  return n;
}

export function registerSimilar(program: Command, ctx: CliContext): void {
  program
    .command('similar <case> <messageId>')
    .description(
      "more like this: the case's messages that resemble one message (its id from `scrutineer messages`), most alike first; the message itself and the contrast sample are not ranked",
    )
    .option('--limit <n>', `how many to list (at most ${SIMILAR_LIMIT_MAX})`, '20')
    .action(async (caseName: string, messageId: string, o: { limit: string }, c: Command) => {
      const opts = globalOptions(c, ctx);
      const id = positiveInt(messageId, 'MESSAGE_ID', 2_147_483_647);
      const limit = positiveInt(o.limit, '--limit', SIMILAR_LIMIT_MAX);
      await withStore(opts, async (store) => {
        const theCase = await requireCase(store, caseName);
        const out = await similarMessages(store, { caseId: theCase.id, messageId: id, limit });
        if (opts.json) {
          printJson(ctx.io, { case: { id: theCase.id, name: theCase.name }, ...out });
          return;
        }
        ctx.io.out(`Messages of case "${theCase.name}" most like message ${id} (${out.version})\n`);
        printTable(
          ctx.io,
          out.similar.map((s) => ({ message: s.messageId, score: s.score.toFixed(3) })),
        );
      });
    });
}
