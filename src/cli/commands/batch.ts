/**
 * `scrutineer batch …`: a lead's review batches from the command line, over the same services as
 * the review workspace (src/review/batches.ts), so the rules and the audit entries are the same.
 */
import type { Command } from 'commander';

import { BatchSpec } from '../../contract/batch-spec.js';
import { UsageError, UserError } from '../../domain/errors.js';
import {
  batchFilters,
  batchOrder,
  closeBatch,
  createBatch,
  finishBatch,
  reassignBatch,
  type BatchOutcome,
} from '../../review/batches.js';
import type { Store } from '../../store/open-store.js';
import { presentBatch } from '../../presenters/batch.js';
import { displayedAuthorOf } from '../../presenters/message.js';
import type { BatchRecord } from '../../store/repositories/batches.js';
import type { CaseRecord } from '../../store/types.js';
import { actor, globalOptions, withStore, type CliContext } from '../context.js';
import { printJson, printTable } from '../output.js';
import { describeSpec, specFrom, type CreateOptions } from './batch-spec.js';
import { operator } from './operator.js';
import { intOption, percent } from './review-options.js';
import { senderLabel } from '../../contract/sender-label.js';
import { requireCase } from './shared.js';

async function requireBatch(store: Store, value: string): Promise<BatchRecord> {
  const id = /^\d{1,9}$/u.test(value) ? Number(value) : null;
  const batch = id === null ? null : await store.batches.get(id);
  if (!batch) {
    throw new UserError(`no batch "${value}" in this workspace (see \`scrutineer batch list CASE\`)`, {
      code: 'no_batch',
    });
  }
  return batch;
}

/**
 * Runs a service that gives a batch to `username`. The service decides who may review; when it
 * refuses, this says why in terms the operator can act on.
 */
async function withAssignee<T>(
  store: Store,
  theCase: Pick<CaseRecord, 'id' | 'name'>,
  username: string | null,
  fn: () => Promise<T>,
): Promise<T> {
  if (username === null) return fn();
  const user = await store.users.findByUsername(username);
  if (!user) {
    throw new UserError(`There is no user "${username}" (see \`scrutineer user list\`).`, {
      code: 'no_user',
    });
  }
  try {
    return await fn();
  } catch (err) {
    if (!(err instanceof UserError) || !err.message.includes('cannot review')) throw err;
    const why = user.disabled
      ? 'the login is disabled'
      : user.role === 'readonly'
        ? 'the login is read-only'
        : `they are not a member of the case (\`scrutineer case member add "${theCase.name}" ${username}\`)`;
    throw new UserError(`"${username}" cannot review case "${theCase.name}": ${why}.`, {
      code: 'bad_assignee',
    });
  }
}

function refused(batch: BatchRecord, outcome: Exclude<BatchOutcome, { ok: true }>): never {
  if (outcome.reason === 'closed') {
    throw new UserError(
      `Batch ${batch.id} ("${batch.name}") is closed; a closed batch stays closed (make a new one).`,
      {
        code: 'batch_closed',
      },
    );
  }
  if (outcome.reason === 'not_done') {
    throw new UserError(
      `Batch ${batch.id} ("${batch.name}") is not done: ${outcome.left} message${outcome.left === 1 ? ' is' : 's are'} not reviewed yet.`,
      { code: 'not_done' },
    );
  }
  throw new UserError(
    `Only the reviewer batch ${batch.id} is assigned to (${batch.assignee ?? 'nobody'}) or a lead can finish it.`,
    { code: 'not_assignee' },
  );
}

export function registerBatch(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('batch')
    .description(
      "a lead's review batches: slices of a case for one reviewer each (audited as in the review workspace)",
    );

  registerBatchCreate(cmd, ctx);
  registerBatchList(cmd, ctx);
  registerBatchAssign(cmd, ctx);
  registerBatchClose(cmd, ctx);
  registerBatchFinish(cmd, ctx);
  registerBatchMessages(cmd, ctx);
}

function registerBatchCreate(cmd: Command, ctx: CliContext): void {
  cmd
    .command('create <case>')
    .description(
      'make a batch: a run of a conversation (seq inclusive), a date range (--to exclusive; optionally within --conversation), or the flagged messages at or above a score in the latest analysis run (priority first)',
    )
    .requiredOption('--name <name>', 'what the batch is called')
    .option('--conversation <id>', 'a conversation of the case (see `scrutineer conversations CASE`)')
    .option('--from-seq <n>', 'first seq in the conversation')
    .option('--to-seq <n>', 'last seq in the conversation')
    .option('--from <iso>', 'start, ISO 8601 (UTC without an offset)')
    .option('--to <iso>', 'end (exclusive), ISO 8601')
    .option('--priority', 'the flagged messages, highest score first')
    .option('--min-score <score>', 'with --priority: the lowest flag score (0–1)', '0.5')
    .option('--category <category>', 'with --priority: only this category')
    .option('--assign <username>', 'give it to this case member (a reviewer, lead or admin)')
    .action(async (caseName: string, o: CreateOptions, c: Command) => {
      const opts = globalOptions(c, ctx);
      const name = o.name.trim();
      if (name === '' || name.length > 200) {
        throw new UsageError('--name must be 1 to 200 characters.', { code: 'bad_batch' });
      }
      const parsed = BatchSpec.safeParse(specFrom(o));
      if (!parsed.success) {
        throw new UserError(
          `The batch definition is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`,
          { code: 'bad_batch' },
        );
      }
      await withStore(opts, async (store) => {
        const theCase = await requireCase(store, caseName);
        const assignee = o.assign ?? null;
        const batch = await withAssignee(store, theCase, assignee, () =>
          createBatch(store, { caseId: theCase.id, name, spec: parsed.data, assignee, actor: actor(ctx) }),
        );
        const out = await presentBatch(store, batch);
        if (opts.json) {
          printJson(ctx.io, out);
          return;
        }
        ctx.io.out(
          `Created batch ${out.id} "${out.name}" (${describeSpec(batch)}): ${out.messages} messages, ${out.reviewed} already reviewed; ${out.assignee === null ? 'not assigned' : `assigned to ${out.assignee}`}.\n`,
        );
        if (batch.kind === 'priority' && !(await store.flags.run(theCase.id))) {
          ctx.io.err(
            `Note: "${theCase.name}" has not been analysed yet; the batch fills once it is (\`scrutineer analyse\`).\n`,
          );
        }
      });
    });
}

function registerBatchList(cmd: Command, ctx: CliContext): void {
  cmd
    .command('list <case>')
    .description("the case's batches with their progress (messages, reviewed, left)")
    .action(async (caseName: string, _o, c: Command) => {
      const opts = globalOptions(c, ctx);
      await withStore(opts, async (store) => {
        const theCase = await requireCase(store, caseName);
        const batches = [];
        for (const b of await store.batches.list(theCase.id))
          batches.push({ record: b, json: await presentBatch(store, b) });
        if (opts.json) {
          printJson(
            ctx.io,
            batches.map((b) => b.json),
          );
          return;
        }
        printTable(
          ctx.io,
          batches.map(({ record, json: b }) => ({
            id: b.id,
            name: b.name,
            scope: describeSpec(record),
            assignee: b.assignee ?? '',
            status: b.status,
            messages: b.messages,
            reviewed: b.reviewed,
            left: b.left,
            coverage: percent(b.coverage),
          })),
        );
      });
    });
}

function registerBatchAssign(cmd: Command, ctx: CliContext): void {
  cmd
    .command('assign <batch> [username]')
    .description(
      'give a batch to a case member who can review it (a reviewer, lead or admin), or to nobody with --none',
    )
    .option('--none', 'take the batch off whoever has it')
    .action(async (batchId: string, username: string | undefined, o: { none?: boolean }, c: Command) => {
      const opts = globalOptions(c, ctx);
      if ((username === undefined) === !o.none) {
        throw new UserError('Name the user to give the batch to, or --none (not both).', {
          code: 'bad_batch',
        });
      }
      await withStore(opts, async (store) => {
        const batch = await requireBatch(store, batchId);
        const theCase = (await store.cases.get(batch.caseId))!;
        const assignee = username ?? null;
        const outcome = await withAssignee(store, theCase, assignee, () =>
          reassignBatch(store, { batch, assignee, actor: actor(ctx) }),
        );
        if (!outcome.ok) refused(batch, outcome);
        const out = await presentBatch(store, outcome.batch);
        if (opts.json) printJson(ctx.io, out);
        else
          ctx.io.out(
            `Batch ${out.id} "${out.name}" is now ${out.assignee === null ? 'unassigned' : `assigned to ${out.assignee}`} (was ${batch.assignee ?? 'unassigned'}).\n`,
          );
      });
    });
}

function registerBatchClose(cmd: Command, ctx: CliContext): void {
  cmd
    .command('close <batch>')
    .description('set a batch aside: off every queue, whatever is left in it (closing twice changes nothing)')
    .action(async (batchId: string, _o, c: Command) => {
      const opts = globalOptions(c, ctx);
      await withStore(opts, async (store) => {
        const batch = await requireBatch(store, batchId);
        const outcome = await closeBatch(store, { batch, actor: actor(ctx) });
        if (!outcome.ok) refused(batch, outcome);
        const out = await presentBatch(store, outcome.batch);
        if (opts.json) printJson(ctx.io, out);
        else
          ctx.io.out(
            batch.status === 'closed'
              ? `Batch ${out.id} "${out.name}" was already closed.\n`
              : `Closed batch ${out.id} "${out.name}" (${out.left} of ${out.messages} messages were left).\n`,
          );
      });
    });
}

function registerBatchFinish(cmd: Command, ctx: CliContext): void {
  cmd
    .command('finish <batch>')
    .description(
      'mark a batch finished once every message in it has been reviewed (as its assignee or a lead, the login SCRUTINEER_USER names; anyone else at the workspace acts as a lead)',
    )
    .action(async (batchId: string, _o, c: Command) => {
      const opts = globalOptions(c, ctx);
      await withStore(opts, async (store) => {
        const batch = await requireBatch(store, batchId);
        const outcome = await finishBatch(store, { batch, user: await operator(store, ctx) });
        if (!outcome.ok) refused(batch, outcome);
        const out = await presentBatch(store, outcome.batch);
        if (opts.json) printJson(ctx.io, out);
        else
          ctx.io.out(
            batch.status === 'finished'
              ? `Batch ${out.id} "${out.name}" was already finished.\n`
              : `Finished batch ${out.id} "${out.name}" (${out.messages} messages, all reviewed).\n`,
          );
      });
    });
}

function registerBatchMessages(cmd: Command, ctx: CliContext): void {
  cmd
    .command('messages <batch>')
    .description(
      "a batch's messages in time order (--ranked: in the order it is worked), as the batch finds them now (no codes: see the review workspace); page on with --after the last id",
    )
    .option('--left', 'only the messages nobody has reviewed yet')
    .option(
      '--ranked',
      "in the order the batch is worked: a priority batch by the case's latest re-rank (`scrutineer rerank`), else highest flag score first",
    )
    .option('--after <id>', 'messages after this one (the previous page\'s "next")')
    .option('--limit <n>', 'at most this many (1–1000)', '100')
    .action(
      async (
        batchId: string,
        o: { left?: boolean; ranked?: boolean; after?: string; limit: string },
        c: Command,
      ) => {
        const opts = globalOptions(c, ctx);
        const limit = intOption(o.limit, '--limit', 1, 1000);
        const after =
          o.after === undefined ? undefined : intOption(o.after, '--after', 1, Number.MAX_SAFE_INTEGER);
        await withStore(opts, async (store) => {
          const batch = await requireBatch(store, batchId);
          const run = await store.flags.run(batch.caseId);
          // --ranked pages as the review workspace does (batchMessages): same order, same cursor.
          const rerank =
            o.ranked && batch.kind === 'priority' ? await store.rerankRuns.latest(batch.caseId) : null;
          const { rows, next } = await store.reviewSearch.search(batch.caseId, {
            ...batchFilters(batch, run?.id ?? null),
            ...(o.ranked ? { order: batchOrder(batch), rerankId: rerank?.id ?? null } : {}),
            ...(o.left ? { status: 'unreviewed' as const } : {}),
            limit,
            ...(after === undefined ? {} : { after }),
          });
          const messages = rows.map((m) => ({
            id: m.id,
            conversationId: m.conversationId,
            seq: m.seq,
            utc: m.utc,
            sender: m.sender,
            displayedAuthor: displayedAuthorOf(m),
            kind: m.kind,
            text: m.text,
            exhibit: m.exhibitRef,
          }));
          if (opts.json) {
            printJson(ctx.io, { batch: batch.id, messages, next });
            return;
          }
          printTable(
            ctx.io,
            messages.map((m) => ({
              id: m.id,
              'conv:seq': `${m.conversationId}:${m.seq}`,
              utc: m.utc,
              sender: senderLabel(m.sender, m.displayedAuthor),
              text: m.text.length <= 80 ? m.text : `${m.text.slice(0, 79)}…`,
            })),
          );
          if (next !== null) ctx.io.out(`More: --after ${next}\n`);
        });
      },
    );
}
