/** `scrutineer coverage CASE`: how much of a case has been reviewed, and by whom and when. */
import type { Command } from 'commander';

import { coverage } from '../../review/coding.js';
import { globalOptions, withStore, type CliContext } from '../context.js';
import { printJson, printTable } from '../output.js';
import { percent } from './review-options.js';
import { requireCase } from './shared.js';

export function registerCoverage(program: Command, ctx: CliContext): void {
  program
    .command('coverage <case>')
    .description(
      'review coverage: messages, reviewed (coded or marked "nothing of note" by anyone), left, and per reviewer how many, first and last (UTC)',
    )
    .action(async (caseName: string, _o, c: Command) => {
      const opts = globalOptions(c, ctx);
      await withStore(opts, async (store) => {
        const theCase = await requireCase(store, caseName);
        // The same figures as the case overview and the reviewers panel of the review workspace.
        const messages = (await store.conversations.list(theCase.id)).reduce((n, k) => n + k.messages, 0);
        const reviewed = (await store.reviews.reviewedCounts([theCase.id])).get(theCase.id) ?? 0;
        const reviewers = await store.reviews.byReviewer(theCase.id);
        const out = {
          case: { id: theCase.id, name: theCase.name },
          messages,
          reviewed,
          left: messages - reviewed,
          coverage: coverage(reviewed, messages),
          reviewers,
          // Issue 17: messages carrying an image with text read from it (reviewed with the message).
          images: await store.mediaTexts.imageCoverage(theCase.id),
        };
        if (opts.json) {
          printJson(ctx.io, out);
          return;
        }
        ctx.io.out(
          `Case "${theCase.name}": ${reviewed} of ${messages} messages reviewed (${percent(out.coverage)}), ${out.left} left\n` +
            (out.images.messages
              ? `Images with text: ${out.images.reviewed} of ${out.images.messages} reviewed with their message\n`
              : '') +
            `\nBy reviewer\n`,
        );
        printTable(
          ctx.io,
          reviewers.map((r) => ({
            reviewer: r.username,
            messages: r.messages,
            share: percent(coverage(r.messages, messages)),
            first: r.first,
            last: r.last,
          })),
        );
      });
    });
}
