import type { Command } from 'commander';
import { UsageError, UserError } from '../../domain/errors.js';
import { analyseCase, termListVersion } from '../../analysis/analyse-case.js';
import { FLAG_CATEGORIES, isFlagCategory } from '../../contract/coding.js';
import type { CaseTermEntry } from '../../store/flag-types.js';
import { queueAnalysis } from '../../jobs/index.js';
import { actor, globalOptions, withStore, type CliContext } from '../context.js';
import { printJson, printTable } from '../output.js';
import { progressBar } from '../progress.js';
import { saveSearchTermReport, searchTermReport } from '../../review/search-term-report.js';
import { printQueued } from './jobs.js';
import { messageJson } from './messages.js';
import { requireCase } from './shared.js';

const SEVERITIES = ['low', 'medium', 'high'] as const;

export function registerAnalysis(program: Command, ctx: CliContext): void {
  program
    .command('analyse <case>')
    .alias('analyze')
    .description('flag every message of a case (a new run; earlier runs are kept)')
    .option('--queue', 'put the run on the job queue (`scrutineer worker` runs it) instead of running it now')
    .action(async (caseName: string, o: { queue?: boolean }, c: Command) => {
      const opts = globalOptions(c, ctx);
      await withStore(opts, async (store) => {
        const theCase = await requireCase(store, caseName);
        if (o.queue) {
          printQueued(ctx, opts, await queueAnalysis(store, theCase.id, actor(ctx)));
          return;
        }
        const bar = progressBar(ctx.io, 'Analysing', !opts.json);
        let outcome;
        try {
          outcome = await analyseCase(store, theCase.id, actor(ctx), (done, total) =>
            bar.update(done, total),
          );
        } finally {
          bar.stop();
        }
        if (opts.json) {
          printJson(ctx.io, outcome);
          return;
        }
        const { run, byCategory } = outcome;
        ctx.io.out(
          `Run ${run.id}: ${run.flagged} of ${run.messages} messages flagged (${Object.values(run.version).join(', ')})\n`,
        );
        printTable(
          ctx.io,
          Object.entries(byCategory)
            .sort((a, b) => b[1] - a[1])
            .map(([category, n]) => ({ category, flagged: n })),
        );
        ctx.io.out(`\nList them with: scrutineer flags "${theCase.name}"\n`);
      });
    });

  program
    .command('flags <case>')
    .description('the flagger results of the latest run (or --run N), highest score first')
    .option('--jsonl', 'one JSON object per line (the published interface)')
    .option('--run <id>', 'an earlier run')
    .option('--all', 'include messages that were not flagged')
    .option('--min-score <score>', 'only results at or above this score')
    .action(
      async (
        caseName: string,
        o: { jsonl?: boolean; run?: string; all?: boolean; minScore?: string },
        c: Command,
      ) => {
        const opts = globalOptions(c, ctx);
        await withStore(opts, async (store) => {
          const theCase = await requireCase(store, caseName);
          const run = await store.flags.run(theCase.id, o.run === undefined ? undefined : Number(o.run));
          if (!run)
            throw new UserError(
              o.run
                ? `case "${theCase.name}" has no finished run ${o.run}`
                : `case "${theCase.name}" has not been analysed: run \`scrutineer analyse "${theCase.name}"\``,
            );
          const flags = await store.flags.list(run.id, {
            onlyFlagged: !o.all,
            ...(o.minScore !== undefined ? { minScore: Number(o.minScore) } : {}),
          });
          const conversations = new Map(
            (await store.conversations.list(theCase.id)).map((k) => [k.id, k.name]),
          );
          const exhibits = new Map((await store.exhibits.list(theCase.id)).map((e) => [e.id, e.ref]));
          const rows: Record<string, unknown>[] = [];
          for (const f of flags) {
            const m = await store.messages.get(f.messageId);
            if (!m) continue;
            const message = messageJson(
              m,
              conversations.get(m.conversationId) ?? '',
              exhibits.get(m.exhibitId) ?? '',
            );
            const row = {
              messageId: f.messageId,
              run: run.id,
              score: f.score,
              flagged: f.flagged,
              categories: f.categories,
              spans: f.spans,
              version: run.version,
              message,
            };
            if (o.jsonl) ctx.io.out(`${JSON.stringify(row)}\n`);
            else rows.push(row);
          }
          // Issue 17: flags on the text read from a message's image, each saying so (`source`).
          for (const f of await store.mediaTexts.flags(run.id, !o.all)) {
            if (o.minScore !== undefined && f.score < Number(o.minScore)) continue;
            const m = await store.messages.get(f.messageId);
            const read = await store.mediaTexts.latestOfMessage(f.messageId);
            if (!m) continue;
            const row = {
              messageId: f.messageId,
              run: run.id,
              source: f.source,
              score: f.score,
              flagged: f.flagged,
              categories: f.categories,
              spans: f.spans,
              version: run.version,
              imageText: read
                ? {
                    id: f.mediaTextId,
                    text: read.text,
                    engine: read.engine,
                    engineVersion: read.engineVersion,
                  }
                : { id: f.mediaTextId },
              message: messageJson(
                m,
                conversations.get(m.conversationId) ?? '',
                exhibits.get(m.exhibitId) ?? '',
              ),
            };
            if (o.jsonl) ctx.io.out(`${JSON.stringify(row)}\n`);
            else rows.push(row);
          }
          if (o.jsonl) return;
          if (opts.json) {
            printJson(ctx.io, { run, flags: rows });
            return;
          }
          ctx.io.out(`Run ${run.id} (${run.finishedAt}): ${flags.length} result(s)\n`);
          for (const r of rows) {
            const m = r.message as {
              sender: string | null;
              utc: string;
              text: string;
              exhibit: string;
              lineStart: number | null;
            };
            const cats = (r.categories as { name: string }[]).map((k) => k.name).join(', ');
            const image = r.source === 'image_text' ? (r.imageText as { text?: string }) : null;
            const shown = image ? `[text in image] ${image.text ?? ''}` : m.text;
            ctx.io.out(
              `${(r.score as number).toFixed(2)}  ${cats.padEnd(28)} ${m.utc} ${m.sender ?? '(system)'}: ${shown.replace(/\s+/g, ' ').slice(0, 100)}  <${m.exhibit} l.${m.lineStart}>\n`,
            );
          }
        });
      },
    );

  const terms = program
    .command('terms')
    .description("the case's own term list (nicknames, local slang): versioned");
  terms
    .command('add <case> <term>')
    .description('add a term (a new version of the list; re-run analyse to use it)')
    .requiredOption('--category <category>', FLAG_CATEGORIES.join(' | '))
    .option('--severity <severity>', 'low | medium | high', 'medium')
    .option('--note <text>', 'why the term was added')
    .action(
      async (
        caseName: string,
        term: string,
        o: { category: string; severity: string; note?: string },
        c: Command,
      ) => {
        const opts = globalOptions(c, ctx);
        if (!isFlagCategory(o.category))
          throw new UsageError(
            `--category must be one of ${FLAG_CATEGORIES.join(', ')} (got "${o.category}")`,
          );
        if (!(SEVERITIES as readonly string[]).includes(o.severity))
          throw new UsageError(`--severity must be low, medium or high (got "${o.severity}")`);
        if (!term.trim()) throw new UserError('the term is empty');
        await withStore(opts, async (store) => {
          const theCase = await requireCase(store, caseName);
          const list = await store.transaction(async (repos) => {
            const previous = await repos.termLists.latest(theCase.id);
            const entries: CaseTermEntry[] = (previous?.terms ?? []).filter((t) => t.term !== term.trim());
            entries.push({
              term: term.trim(),
              category: o.category,
              severity: o.severity as CaseTermEntry['severity'],
            });
            const created = await repos.termLists.addVersion({
              caseId: theCase.id,
              terms: entries,
              note: o.note ?? null,
              createdBy: actor(ctx),
            });
            await repos.audit.append({
              actor: actor(ctx),
              action: 'terms.add',
              caseId: theCase.id,
              subject: termListVersion(theCase.id, created.version),
              detail: { term: term.trim(), category: o.category, severity: o.severity, note: o.note ?? null },
            });
            return created;
          });
          if (opts.json) printJson(ctx.io, list);
          else
            ctx.io.out(
              `Term list ${termListVersion(theCase.id, list.version)}: ${list.terms.length} term(s). Run \`scrutineer analyse "${theCase.name}"\` to use it.\n`,
            );
        });
      },
    );
  terms
    .command('list <case>')
    .description('every version of the case term list')
    .action(async (caseName: string, _o, c: Command) => {
      const opts = globalOptions(c, ctx);
      await withStore(opts, async (store) => {
        const theCase = await requireCase(store, caseName);
        const lists = await store.termLists.list(theCase.id);
        if (opts.json) printJson(ctx.io, lists);
        else
          printTable(
            ctx.io,
            lists.map((l) => ({
              version: termListVersion(theCase.id, l.version),
              terms: l.terms.map((t) => `${t.term} (${t.category}, ${t.severity})`).join('; '),
              by: l.createdBy,
              at: l.createdAt,
              note: l.note,
            })),
          );
      });
    });
  terms
    .command('report <case>')
    .description(
      'per term: hits, unique hits and reviewed hits; --save keeps it in the case as the search-strategy record',
    )
    .option('--save', 'save this report in the case (audited, with its SHA-256)')
    .option('--note <text>', 'a note saved with the report')
    .action(async (caseName: string, o: { save?: boolean; note?: string }, c: Command) => {
      const opts = globalOptions(c, ctx);
      await withStore(opts, async (store) => {
        const theCase = await requireCase(store, caseName);
        const out = o.save
          ? await saveSearchTermReport(store, { caseId: theCase.id, actor: actor(ctx), note: o.note ?? null })
          : { saved: null, report: await searchTermReport(store, theCase.id) };
        const saved = out.saved && {
          id: out.saved.id,
          sha256: out.saved.sha256,
          createdAt: out.saved.createdAt,
        };
        if (opts.json) {
          printJson(ctx.io, { ...out.report, saved });
          return;
        }
        if (out.report.termListVersion === null) {
          ctx.io.out(`Case "${theCase.name}" has no term list: add terms with \`scrutineer terms add\`.\n`);
        } else {
          printTable(
            ctx.io,
            out.report.rows.map((r) => ({
              term: r.term,
              category: r.category,
              hits: r.hits,
              unique: r.unique,
              reviewed: r.reviewed,
              note: r.note,
            })),
          );
          ctx.io.out(
            `${out.report.messagesHit} of ${out.report.messagesInCase} messages hit by a term; ${out.report.messagesHitReviewed} of them reviewed (${termListVersion(theCase.id, out.report.termListVersion)}).\n`,
          );
        }
        if (saved) ctx.io.out(`Saved in the case as report ${saved.id} (SHA-256 ${saved.sha256}).\n`);
      });
    });
}
