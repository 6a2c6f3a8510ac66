import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { UsageError, UserError } from '../../domain/errors.js';
import { isMessageKind, type MessageKind } from '../../domain/message.js';
import type { Store } from '../../store/open-store.js';
import { presentMessageLine } from '../../presenters/message.js';
import type { MessageFilters, MessageRecord } from '../../store/types.js';
import { globalOptions, withStore, type CliContext } from '../context.js';
import { printJson } from '../output.js';
import { senderLabel, SYSTEM_SENDER } from '../../contract/sender-label.js';
import { requireCase } from './shared.js';

interface MessagesOptions {
  jsonl?: boolean;
  sender?: string;
  from?: string;
  to?: string;
  kind?: string;
  search?: string;
  conversation?: string;
  limit?: string;
}

/** An ISO date or date-time; without an offset it is UTC. */
export function isoInstant(value: string, flag: string): string {
  const dt = DateTime.fromISO(value, { zone: 'utc', setZone: true });
  if (!dt.isValid)
    throw new UsageError(
      `${flag} "${value}" is not an ISO 8601 date or date-time (e.g. 2021-03-01 or 2021-03-01T09:00:00Z)`,
    );
  return dt.toUTC().toISO() ?? value;
}

/** Where a message came from, for one-line listings: `AB/1 l.12`, `AB/2 message#345`, `AB/3 model 77`. */
function placeOf(m: MessageRecord, exhibit: string): string {
  if (m.sourceTable !== null) return `${exhibit} ${m.sourceTable}#${m.sourceRowId}`;
  if (m.sourceModelId !== null) return `${exhibit} model ${m.sourceModelId}`;
  return `${exhibit} l.${m.lineStart}`;
}

/** Messages whose image text matches the search, with that text, the engine and the confidence. */
async function imageTextHits(store: Store, caseId: number, search: string) {
  const hits = new Map<
    number,
    { id: number; text: string; engine: string; engineVersion: string; confidence: number }
  >();
  for (const id of await store.mediaTexts.messagesMatching(caseId, search)) {
    const t = await store.mediaTexts.latestOfMessage(id);
    if (t)
      hits.set(id, {
        id: t.id,
        text: t.text,
        engine: t.engine,
        engineVersion: t.engineVersion,
        confidence: t.confidence,
      });
  }
  return hits;
}

async function lookups(store: Store, caseId: number) {
  const conversations = new Map((await store.conversations.list(caseId)).map((c) => [c.id, c.name]));
  const exhibits = new Map((await store.exhibits.list(caseId)).map((e) => [e.id, e.ref]));
  return { conversations, exhibits };
}

export function registerMessages(program: Command, ctx: CliContext): void {
  program
    .command('messages <case>')
    .description("list a case's messages in time order, filtered")
    .option('--jsonl', 'one JSON object per line (the published interface)')
    .option(
      '--sender <name>',
      `sender as displayed, without regard to case, accents or invisible marks ("${SYSTEM_SENDER}": lines with no sender, as stats names them)`,
    )
    .option('--from <iso>', 'at or after this time (UTC unless an offset is given)')
    .option('--to <iso>', 'before this time')
    .option('--kind <kind>', 'text | media | system | deleted | poll | location')
    .option('--search <query>', 'full text: words, "phrases", prefix*, AND / OR / NOT, emoji')
    .option('--conversation <id>', 'only this conversation (id from stats)')
    .option('--limit <n>', 'at most this many messages')
    .action(async (caseName: string, o: MessagesOptions, c: Command) => {
      const opts = globalOptions(c, ctx);
      if (o.kind !== undefined && !isMessageKind(o.kind))
        throw new UsageError(
          `--kind must be one of text, media, system, deleted, poll, location (got "${o.kind}")`,
        );
      const limit = o.limit === undefined ? Number.POSITIVE_INFINITY : Number(o.limit);
      if (!(limit > 0) || (o.limit !== undefined && !Number.isInteger(limit)))
        throw new UsageError(`--limit must be a positive whole number (got "${o.limit}")`);
      const conversationId = o.conversation === undefined ? undefined : Number(o.conversation);
      if (conversationId !== undefined && !(Number.isInteger(conversationId) && conversationId > 0))
        throw new UsageError(
          `--conversation must be a conversation id, a positive whole number (got "${o.conversation}"); see \`scrutineer stats CASE --json\``,
        );
      const filters: Omit<MessageFilters, 'afterId'> = {
        ...(o.sender !== undefined ? { sender: o.sender === SYSTEM_SENDER ? null : o.sender } : {}),
        ...(o.from !== undefined ? { from: isoInstant(o.from, '--from') } : {}),
        ...(o.to !== undefined ? { to: isoInstant(o.to, '--to') } : {}),
        ...(o.kind !== undefined ? { kind: o.kind as MessageKind } : {}),
        ...(o.search !== undefined ? { search: o.search } : {}),
        ...(conversationId !== undefined ? { conversationId } : {}),
      };
      await withStore(opts, async (store) => {
        const theCase = await requireCase(store, caseName);
        const { conversations, exhibits } = await lookups(store, theCase.id);
        if (conversationId !== undefined && !conversations.has(conversationId))
          throw new UserError(`case "${theCase.name}" has no conversation ${conversationId}`);
        if (filters.sender) {
          // Typed names match without direction marks, case or accents; where none does, say which
          // stored names come close rather than list nothing.
          const { matched, candidates } = await store.messages.matchSender(theCase.id, filters.sender);
          if (matched.length === 0) {
            throw new UserError(
              candidates.length > 0
                ? `no sender is "${filters.sender}" in case "${theCase.name}"; did you mean ${candidates
                    .slice(0, 20)
                    .map((c) => JSON.stringify(c))
                    .join(', ')}${candidates.length > 20 ? ` (and ${candidates.length - 20} more)` : ''}?`
                : `no sender is "${filters.sender}" in case "${theCase.name}"; \`scrutineer stats "${theCase.name}"\` lists the senders`,
              { code: 'unknown_sender' },
            );
          }
        }
        const all: Record<string, unknown>[] = [];
        // Issue 17: a search hit through the text read from the message's image says so.
        const viaImage = o.search === undefined ? null : await imageTextHits(store, theCase.id, o.search);
        let n = 0;
        for await (const m of store.messages.iterate(theCase.id, filters)) {
          if (n++ >= limit) break;
          const conv = conversations.get(m.conversationId) ?? String(m.conversationId);
          const ex = exhibits.get(m.exhibitId) ?? String(m.exhibitId);
          const hit = viaImage?.get(m.id);
          const line = presentMessageLine(m, conv, ex);
          const json = () => ({ ...line, ...(hit ? { matchedImageText: hit } : {}) });
          if (o.jsonl) ctx.io.out(`${JSON.stringify(json())}\n`);
          else if (opts.json) all.push(json());
          else
            ctx.io.out(
              `${m.utc} [${m.localText} ${m.zone}] ${senderLabel(m.sender, line.displayedAuthor as string | null)}: ${m.text.replace(/\r?\n/g, '\n    ')}  <${placeOf(m, ex)}>\n` +
                (hit ? `    [found in the text of its image] ${hit.text.replace(/\s+/g, ' ')}\n` : ''),
            );
        }
        if (opts.json && !o.jsonl) printJson(ctx.io, all);
      });
    });
}
