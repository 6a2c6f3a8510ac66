import type { Command } from 'commander';
import { UserError } from '../../domain/errors.js';
import { mergeCaseConversations, suggestMerges, undoMerge } from '../../analysis/merge/merge-service.js';
import { actor, globalOptions, withStore, type CliContext } from '../context.js';
import { printJson, printTable } from '../output.js';
import { presentMessageLine } from '../../presenters/message.js';
import { requireCase } from './shared.js';

function ids(values: readonly string[]): number[] {
  return values.map((v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0)
      throw new UserError(`"${v}" is not a conversation id (see \`scrutineer conversations CASE\`)`);
    return n;
  });
}

export function registerConversations(program: Command, ctx: CliContext): void {
  registerConversationsList(program, ctx);
  registerConversationsMerge(program, ctx);
  registerConversationsUnmerge(program, ctx);
  registerConversationsMerged(program, ctx);
}

function registerConversationsList(program: Command, ctx: CliContext): void {
  program
    .command('conversations <case>')
    .description("a case's conversations with their sources, merges and merge suggestions")
    .action(async (caseName: string, _o, c: Command) => {
      const opts = globalOptions(c, ctx);
      await withStore(opts, async (store) => {
        const theCase = await requireCase(store, caseName);
        const [conversations, exhibits, merges] = await Promise.all([
          store.conversations.list(theCase.id),
          store.exhibits.list(theCase.id),
          store.merges.list(theCase.id),
        ]);
        const exhibitById = new Map(exhibits.map((e) => [e.id, e]));
        const active = merges.filter((m) => m.undoneAt === null);
        const rows = conversations.map((k) => {
          const ex = k.exhibitId === null ? null : exhibitById.get(k.exhibitId);
          return {
            id: k.id,
            name: k.name,
            messages: k.messages,
            participants: k.participants,
            isGroup: k.isGroup,
            groupJid: k.groupJid,
            sources: ex ? [{ exhibit: ex.ref, format: ex.format, sha256: ex.sha256, key: k.sourceKey }] : [],
            mergedInto: active.find((m) => m.conversationIds.includes(k.id))?.id ?? null,
          };
        });
        const suggestions = suggestMerges(conversations, merges);
        if (opts.json) {
          printJson(ctx.io, { conversations: rows, merges, suggestions });
          return;
        }
        printTable(
          ctx.io,
          rows.map((r) => ({
            id: r.id,
            name: r.name,
            messages: r.messages,
            participants: r.participants,
            source: r.sources.map((s) => `${s.exhibit} (${s.format})`).join(', '),
            merge: r.mergedInto ?? '',
          })),
        );
        for (const m of active)
          ctx.io.out(
            `\nMerge ${m.id} "${m.name}": conversations ${m.conversationIds.join(', ')}; ${m.report.matched} matched, ${m.report.conflicts.length} conflict(s)\n`,
          );
        for (const s of suggestions)
          ctx.io.out(
            `\nSuggested merge: ${s.conversations.join(' ')} (${s.reason}): scrutineer merge "${theCase.name}" ${s.conversations.join(' ')}\n`,
          );
      });
    });
}

function registerConversationsMerge(program: Command, ctx: CliContext): void {
  program
    .command('merge <case> <conversations...>')
    .description(
      'join conversations from several phones into one canonical conversation (originals untouched)',
    )
    .option('--name <name>', 'name of the canonical conversation')
    .action(async (caseName: string, conversations: string[], o: { name?: string }, c: Command) => {
      const opts = globalOptions(c, ctx);
      await withStore(opts, async (store) => {
        const theCase = await requireCase(store, caseName);
        const merge = await mergeCaseConversations(
          store,
          theCase.id,
          ids(conversations),
          o.name ?? null,
          actor(ctx),
        );
        if (opts.json) {
          printJson(ctx.io, merge);
          return;
        }
        const r = merge.report;
        ctx.io.out(
          `Merge ${merge.id} "${merge.name}": ${r.canonical} canonical messages; ${r.matched} in every source; only in: ${Object.entries(
            r.onlyIn,
          )
            .map(([id, n]) => `conversation ${id} ${n}`)
            .join(', ')}; ${r.conflicts.length} conflict(s)\n`,
        );
        for (const k of r.conflicts.slice(0, 20))
          ctx.io.out(`  ${k.kind}: messages ${k.messageIds.join(' / ')}: ${k.detail}\n`);
      });
    });
}

function registerConversationsUnmerge(program: Command, ctx: CliContext): void {
  program
    .command('unmerge <case> <merge>')
    .description('undo a merge (kept in the record as undone)')
    .action(async (caseName: string, mergeId: string, _o, c: Command) => {
      const opts = globalOptions(c, ctx);
      await withStore(opts, async (store) => {
        const theCase = await requireCase(store, caseName);
        const m = await undoMerge(store, theCase.id, Number(mergeId), actor(ctx));
        if (opts.json) printJson(ctx.io, m);
        else ctx.io.out(`Merge ${m.id} undone\n`);
      });
    });
}

function registerConversationsMerged(program: Command, ctx: CliContext): void {
  program
    .command('merged <case> <merge>')
    .description(
      'the canonical conversation of a merge, each message with every source it was seen in (JSONL)',
    )
    .action(async (caseName: string, mergeId: string, _o, c: Command) => {
      const opts = globalOptions(c, ctx);
      await withStore(opts, async (store) => {
        const theCase = await requireCase(store, caseName);
        const m = await store.merges.get(theCase.id, Number(mergeId));
        if (!m) throw new UserError(`no merge ${mergeId} in case "${theCase.name}"`);
        const names = new Map((await store.conversations.list(theCase.id)).map((k) => [k.id, k.name]));
        const refs = new Map((await store.exhibits.list(theCase.id)).map((e) => [e.id, e.ref]));
        for (const cm of await store.merges.messages(m.id)) {
          const copies = [];
          for (const id of cm.sources) {
            const msg = await store.messages.get(id);
            if (msg)
              copies.push(
                presentMessageLine(msg, names.get(msg.conversationId) ?? '', refs.get(msg.exhibitId) ?? ''),
              );
          }
          const first = copies[0] ?? {};
          ctx.io.out(
            `${JSON.stringify({ position: cm.position, utc: cm.utc, matchedBy: cm.matchedBy, sender: first.sender ?? null, kind: first.kind ?? null, text: first.text ?? null, sources: copies })}\n`,
          );
        }
      });
    });
}
