import type { Command } from 'commander';
import { globalOptions, withStore, type CliContext } from '../context.js';
import { printJson, printTable } from '../output.js';
import { SYSTEM_SENDER } from '../../contract/sender-label.js';
import { requireCase } from './shared.js';

export function registerStats(program: Command, ctx: CliContext): void {
  program
    .command('stats <case>')
    .description('counts by kind, sender and conversation, and the first and last message time')
    .action(async (caseName: string, _o, c: Command) => {
      const opts = globalOptions(c, ctx);
      await withStore(opts, async (store) => {
        const theCase = await requireCase(store, caseName);
        const s = await store.messages.stats(theCase.id);
        const bySender: Record<string, number> = {};
        for (const row of s.bySender) bySender[row.sender ?? SYSTEM_SENDER] = row.messages;
        const out = {
          case: theCase.name,
          messages: s.messages,
          byKind: s.byKind,
          bySender,
          conversations: s.conversations.map((k) => ({
            id: k.id,
            name: k.name,
            messages: k.messages,
            participants: k.participants,
          })),
          first: s.first,
          last: s.last,
          searchIndexed: s.searchIndexed,
        };
        if (opts.json) {
          printJson(ctx.io, out);
          return;
        }
        ctx.io.out(
          `Case "${theCase.name}": ${out.messages} messages, ${out.first ?? '-'} to ${out.last ?? '-'} (UTC)\n\n`,
        );
        if (out.searchIndexed < out.messages)
          ctx.io.out(`Search index building: ${out.searchIndexed} of ${out.messages} messages indexed\n\n`);
        ctx.io.out('By kind\n');
        printTable(
          ctx.io,
          Object.entries(out.byKind).map(([kind, n]) => ({ kind, messages: n })),
        );
        ctx.io.out('\nBy sender\n');
        printTable(
          ctx.io,
          Object.entries(bySender).map(([sender, n]) => ({ sender, messages: n })),
        );
        ctx.io.out('\nConversations\n');
        printTable(ctx.io, out.conversations);
      });
    });
}
