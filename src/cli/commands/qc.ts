/**
 * `scrutineer qc …`: second review (QC) from the command line, over the same services as the review
 * workspace (src/review/qc.ts): the queue by status with Cohen's kappa per reviewer pair, the QC
 * share, a lead's sample, the queue itself, and the lead's resolution of a disagreement. Giving
 * second decisions stays in the review workspace, where the reviewer codes blind in the thread.
 */
import type { Command } from 'commander';

import { QC_STATUSES, type QcStatus } from '../../contract/review-words.js';
import { UsageError, UserError } from '../../domain/errors.js';
import { checkCaseAccess } from '../../review/access.js';
import { qcAgreement, resolveQc, sampleForQc, setQcShare } from '../../review/qc.js';
import type { QcDetailRecord } from '../../store/repositories/qc.js';
import type { MessageWithRef } from '../../store/repositories/messages.js';
import { actor, globalOptions, withStore, type CliContext } from '../context.js';
import { printJson, printTable } from '../output.js';
import { fractionOption, intOption, percent } from './review-options.js';
import { senderLabel } from '../../contract/sender-label.js';
import { displayedAuthorOf } from '../../presenters/message.js';
import { requireCase } from './shared.js';

/**
 * An item as the CLI shows it. The second review is blind and anyone with the CLI could be about to
 * give one, so, as the API does for reviewers, a pending item shows neither its first decision nor
 * why it was queued ("offensive" would name the decision).
 */
function itemJson(q: QcDetailRecord, m: MessageWithRef | null) {
  const pending = q.status === 'pending';
  return {
    id: q.id,
    messageId: q.messageId,
    conversationId: q.conversationId,
    seq: q.seq,
    status: q.status,
    reason: pending ? null : q.reason,
    firstBy: q.firstBy,
    firstVersion: q.firstVersion,
    firstDecision: pending ? null : q.firstDecision,
    secondBy: q.secondBy,
    secondDecision: q.secondDecision,
    resolvedBy: q.resolvedBy,
    resolution: q.resolution,
    createdAt: q.createdAt,
    updatedAt: q.updatedAt,
    message: m && {
      sender: m.sender,
      displayedAuthor: displayedAuthorOf(m),
      utc: m.utc,
      text: m.text,
      exhibit: m.exhibitRef,
    },
  };
}

const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);
const kappaText = (k: number | null) => (k === null ? '-' : k.toFixed(3));

export function registerQc(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('qc')
    .description(
      "second review (QC): `qc CASE` gives the QC share, the queue by status and Cohen's kappa per reviewer pair",
    )
    .argument('<case>', 'the case')
    .action(async (caseName: string, _o, c: Command) => {
      const opts = globalOptions(c, ctx);
      await withStore(opts, async (store) => {
        const theCase = await requireCase(store, caseName);
        const a = await qcAgreement(store, theCase.id);
        if (opts.json) {
          printJson(ctx.io, { case: { id: theCase.id, name: theCase.name }, ...a });
          return;
        }
        ctx.io.out(
          `Case "${theCase.name}": QC share ${percent(a.share)} of the decisions that are not "offensive" (every "offensive" one is checked)\n` +
            `Queue: ${a.counts.pending} pending, ${a.counts.agreed} agreed, ${a.counts.disagreed} disagreed (awaiting the lead), ${a.counts.resolved} resolved\n\nAgreement by reviewer pair\n`,
        );
        printTable(
          ctx.io,
          a.pairs.map((p) => ({
            a: p.a,
            b: p.b,
            items: p.n,
            agreed: p.agreed,
            observed: percent(p.observed),
            expected: percent(p.expected),
            kappa: kappaText(p.kappa),
          })),
        );
      });
    });

  registerQcShare(cmd, ctx);
  registerQcSample(cmd, ctx);
  registerQcList(cmd, ctx);
  registerQcResolve(cmd, ctx);
}

function registerQcShare(cmd: Command, ctx: CliContext): void {
  cmd
    .command('share <case> <share>')
    .description(
      'set the QC share: the fraction (0–1) of decisions other than "offensive" sent to second review',
    )
    .action(async (caseName: string, value: string, _o, c: Command) => {
      const opts = globalOptions(c, ctx);
      const share = fractionOption(value, 'The QC share');
      await withStore(opts, async (store) => {
        const theCase = await requireCase(store, caseName);
        const before = await store.qc.share(theCase.id);
        await setQcShare(store, { caseId: theCase.id, share, actor: actor(ctx) });
        const now = await store.qc.share(theCase.id);
        if (opts.json) printJson(ctx.io, { case: theCase.id, share: now, was: before });
        else
          ctx.io.out(
            `QC share of "${theCase.name}" is now ${percent(now)} (was ${percent(before)}); it applies to decisions from now on.\n`,
          );
      });
    });
}

function registerQcSample(cmd: Command, ctx: CliContext): void {
  cmd
    .command('sample <case>')
    .description('add a random sample of coded messages not yet in QC to the second-review queue')
    .requiredOption('--size <n>', 'how many (1–1000); fewer when fewer coded messages are left')
    .action(async (caseName: string, o: { size: string }, c: Command) => {
      const opts = globalOptions(c, ctx);
      const size = intOption(o.size, '--size', 1, 1000);
      await withStore(opts, async (store) => {
        const theCase = await requireCase(store, caseName);
        const added = await sampleForQc(store, {
          caseId: theCase.id,
          size,
          actor: actor(ctx),
        });
        if (opts.json) printJson(ctx.io, { case: theCase.id, requested: size, added });
        else
          ctx.io.out(`Added ${added} of ${size} requested messages of "${theCase.name}" to second review.\n`);
      });
    });
}

function registerQcList(cmd: Command, ctx: CliContext): void {
  cmd
    .command('list <case>')
    .description(
      'the second-review queue, oldest first (`--status disagreed` is the resolution queue); a pending item is blind: its first decision and why it was queued are not shown until the second decision is in',
    )
    .option('--status <status>', QC_STATUSES.join(' | '))
    .option('--limit <n>', 'at most this many items')
    .action(async (caseName: string, o: { status?: string; limit?: string }, c: Command) => {
      const opts = globalOptions(c, ctx);
      if (o.status !== undefined && !(QC_STATUSES as readonly string[]).includes(o.status)) {
        throw new UsageError(`--status must be one of ${QC_STATUSES.join(', ')} (got "${o.status}").`, {
          code: 'bad_option',
        });
      }
      const limit = o.limit === undefined ? undefined : intOption(o.limit, '--limit', 1, 1_000_000);
      await withStore(opts, async (store) => {
        const theCase = await requireCase(store, caseName);
        const items = await store.qc.list(theCase.id, {
          ...(o.status === undefined ? {} : { status: o.status as QcStatus }),
          ...(limit === undefined ? {} : { limit }),
        });
        const rows = [];
        const messages = new Map(
          (await store.threads.messagesByIds(items.map((q) => q.messageId))).map((m) => [m.id, m]),
        );
        for (const q of items) rows.push(itemJson(q, messages.get(q.messageId) ?? null));
        if (opts.json) {
          printJson(ctx.io, rows);
          return;
        }
        printTable(
          ctx.io,
          rows.map((r) => ({
            id: r.id,
            message: r.messageId,
            'conv:seq': `${r.conversationId}:${r.seq}`,
            status: r.status,
            reason: r.reason ?? '',
            first: r.firstDecision === null ? r.firstBy : `${r.firstBy}: ${r.firstDecision}`,
            second: r.secondBy === null ? '' : `${r.secondBy}: ${r.secondDecision ?? ''}`,
            resolution: r.resolution === null ? '' : `${r.resolvedBy ?? ''}: ${clip(r.resolution, 40)}`,
            text: r.message
              ? clip(`${senderLabel(r.message.sender, r.message.displayedAuthor)}: ${r.message.text}`, 60)
              : '',
          })),
        );
      });
    });
}

function registerQcResolve(cmd: Command, ctx: CliContext): void {
  cmd
    .command('resolve <item>')
    .description(
      'resolve a disagreement (a lead or admin of the case, as the login SCRUTINEER_USER names: the item records who); changing the code itself is done in the review workspace',
    )
    .requiredOption('--resolution <text>', 'what was decided and why')
    .action(async (itemId: string, o: { resolution: string }, c: Command) => {
      const opts = globalOptions(c, ctx);
      const resolution = o.resolution.trim();
      if (resolution === '' || resolution.length > 20_000) {
        throw new UsageError('--resolution must be 1 to 20000 characters.', { code: 'bad_option' });
      }
      await withStore(opts, async (store) => {
        const id = /^\d{1,9}$/u.test(itemId) ? Number(itemId) : null;
        const item = id === null ? null : await store.qc.get(id);
        if (!item) {
          throw new UserError(`no QC item "${itemId}" in this workspace (see \`scrutineer qc list CASE\`)`, {
            code: 'no_qc_item',
          });
        }
        const theCase = (await store.cases.get(item.caseId))!;
        // The item keeps the resolver's user id, so this needs a real login, with the API's rule.
        const name = actor(ctx);
        const login = await store.users.findByUsername(name);
        if (!login) {
          throw new UserError(
            `A resolution records who gave it: SCRUTINEER_USER must name your login (it is "${name}": no such user; see \`scrutineer user list\`).`,
            { code: 'no_user' },
          );
        }
        if ((await checkCaseAccess(store, login, item.caseId, 'lead')) !== 'ok') {
          throw new UserError(
            `"${name}" cannot resolve QC items of case "${theCase.name}": that takes a lead or admin who is a member of the case.`,
            { code: 'forbidden' },
          );
        }
        const outcome = await resolveQc(store, { id: item.id, user: login, resolution });
        if (!outcome.ok) {
          throw new UserError(
            `QC item ${item.id} is ${item.status}: only a disagreed item can be resolved (see \`scrutineer qc list "${theCase.name}" --status disagreed\`).`,
            { code: 'wrong_state' },
          );
        }
        const resolved = (await store.qc.get(item.id))!;
        const out = itemJson(resolved, await store.threads.message(resolved.messageId));
        if (opts.json) printJson(ctx.io, out);
        else ctx.io.out(`Resolved QC item ${out.id} (message ${out.messageId}) as ${name}.\n`);
      });
    });
}
