/**
 * `scrutineer audit [CASE]`: the entries of the hash-chained audit log, oldest first, paged by id.
 * `verify` checks the chain; this reads it. The filters are applied while paging through the log
 * (the store lists by case and id only), so a rare action on a long log costs a full read.
 *
 * The second review is blind, and the log would unblind it: a `code.set` entry names the decision and
 * a `qc.queue` entry's reason can. As the API's message history does for reviewers, the detail of
 * those entries is withheld while their message awaits its second decision, unless `--unblind`
 * (for the lead, who sees every code anyway). The entry itself, with its hash, is always listed.
 */
import type { Command } from 'commander';

import type { AuditEntry } from '../../store/types.js';
import { globalOptions, withStore, type CliContext } from '../context.js';
import { printJson, printTable } from '../output.js';
import { intOption } from './review-options.js';
import { requireCase } from './shared.js';

interface AuditOptions {
  action?: string;
  subject?: string;
  actor?: string;
  after?: string;
  limit: string;
  unblind?: boolean;
}

/** The message an entry is about, where it is one whose detail a blind second review may withhold. */
function blindableMessage(e: AuditEntry): number | null {
  if (e.action !== 'code.set' && !e.action.startsWith('qc.')) return null;
  const m = /^message:(\d+)$/u.exec(e.subject ?? '');
  return m ? Number(m[1]) : null;
}

/** `--action batch` takes every `batch.*` entry; `--action batch.close` that action only. */
const actionMatches = (action: string, wanted: string): boolean =>
  action === wanted || action.startsWith(`${wanted}.`);

const PAGE = 1000;

export function registerAudit(program: Command, ctx: CliContext): void {
  program
    .command('audit [case]')
    .description(
      'entries of the hash-chained audit log (id, at, actor, action, case, subject, detail), oldest first; page on with --after the last id shown (`verify` checks the chain)',
    )
    .option('--action <action>', 'only this action, or a family: "batch" takes batch.create, batch.assign …')
    .option('--subject <subject>', 'only entries about this subject, e.g. batch:3 or message:120')
    .option('--actor <name>', 'only entries by this user')
    .option('--after <id>', 'entries after this id (the previous page\'s "next")')
    .option('--limit <n>', 'at most this many entries (1–10000)', '100')
    .option(
      '--unblind',
      'show the detail of code and QC entries of messages awaiting a blind second review (withheld by default)',
    )
    .action(async (caseName: string | undefined, o: AuditOptions, c: Command) => {
      const opts = globalOptions(c, ctx);
      const limit = intOption(o.limit, '--limit', 1, 10_000);
      let afterId = o.after === undefined ? 0 : intOption(o.after, '--after', 0, Number.MAX_SAFE_INTEGER);
      await withStore(opts, async (store) => {
        const theCase = caseName === undefined ? null : await requireCase(store, caseName);
        const wanted = (e: AuditEntry) =>
          (o.action === undefined || actionMatches(e.action, o.action)) &&
          (o.subject === undefined || e.subject === o.subject) &&
          (o.actor === undefined || e.actor === o.actor);
        const entries: AuditEntry[] = [];
        let more = false;
        for (;;) {
          const page = await store.audit.list({
            ...(theCase ? { caseId: theCase.id } : {}),
            afterId,
            limit: PAGE,
          });
          for (const e of page) {
            if (!wanted(e)) continue;
            if (entries.length === limit) {
              more = true;
              break;
            }
            entries.push(e);
          }
          if (more || page.length < PAGE) break;
          afterId = page[page.length - 1]!.id;
        }
        const pending = o.unblind
          ? new Set<number>()
          : new Set((await store.qc.pendingAmong(entries.flatMap((e) => blindableMessage(e) ?? []))).keys());
        const withheld = (e: AuditEntry) => pending.has(blindableMessage(e) ?? -1);
        const rows = entries.map((e) => ({
          id: e.id,
          at: e.at,
          actor: e.actor,
          action: e.action,
          caseId: e.caseId,
          subject: e.subject,
          detail: withheld(e) ? null : (JSON.parse(e.detailJson) as unknown),
          withheld: withheld(e),
          hash: e.hash,
        }));
        const next = more ? (entries[entries.length - 1]?.id ?? null) : null;
        if (opts.json) {
          printJson(ctx.io, { entries: rows, next });
          return;
        }
        printTable(
          ctx.io,
          entries.map((e) => ({
            id: e.id,
            at: e.at,
            actor: e.actor,
            action: e.action,
            case: e.caseId,
            subject: e.subject,
            detail: withheld(e)
              ? '(withheld: awaits a blind second review)'
              : e.detailJson === '{}'
                ? ''
                : e.detailJson,
          })),
        );
        if (next !== null) ctx.io.out(`More: --after ${next}\n`);
      });
    });
}
