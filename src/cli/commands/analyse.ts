import type { Command } from 'commander';
import { UsageError, UserError } from '../../domain/errors.js';
import { analyseCase, termListVersion } from '../../analysis/analyse-case.js';
import { FLAG_CATEGORIES, isFlagCategory } from '../../contract/coding.js';
import { TERM_SEVERITIES, type TermSeverity } from '../../contract/workspace-words.js';
import { addCaseTerm, removeCaseTerm } from '../../review/term-list.js';
import { queueAnalysis } from '../../jobs/index.js';
import { actor, globalOptions, withStore, type CliContext } from '../context.js';
import { printJson, printTable } from '../output.js';
import { progressBar } from '../progress.js';
import { saveSearchTermReport, searchTermReport } from '../../review/search-term-report.js';
import { printQueued } from './jobs.js';
import { flagRows, printFlagRows } from './flag-rows.js';
import { requireCase } from './shared.js';

export function registerAnalysis(program: Command, ctx: CliContext): void {
  registerAnalyseCommand(program, ctx);
  registerFlags(program, ctx);

  const terms = program
    .command('terms')
    .description("the case's own term list (nicknames, local slang): versioned");
  registerTermsAdd(terms, ctx);
  registerTermsRemove(terms, ctx);
  registerTermsList(terms, ctx);
  registerTermsReport(terms, ctx);
}

function registerAnalyseCommand(program: Command, ctx: CliContext): void {
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
}

function registerFlags(program: Command, ctx: CliContext): void {
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
          const rows: Record<string, unknown>[] = [];
          for await (const row of flagRows(store, theCase.id, run, flags, o)) {
            if (o.jsonl) ctx.io.out(`${JSON.stringify(row)}\n`);
            else rows.push(row);
          }
          if (o.jsonl) return;
          if (opts.json) {
            printJson(ctx.io, { run, flags: rows });
            return;
          }
          ctx.io.out(`Run ${run.id} (${run.finishedAt}): ${flags.length} result(s)\n`);
          printFlagRows(ctx, rows);
        });
      },
    );
}

function registerTermsAdd(terms: Command, ctx: CliContext): void {
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
        if (!(TERM_SEVERITIES as readonly string[]).includes(o.severity))
          throw new UsageError(`--severity must be low, medium or high (got "${o.severity}")`);
        await withStore(opts, async (store) => {
          const theCase = await requireCase(store, caseName);
          const list = await addCaseTerm(store, {
            caseId: theCase.id,
            term,
            category: o.category,
            severity: o.severity as TermSeverity,
            note: o.note ?? null,
            actor: actor(ctx),
          });
          if (opts.json) printJson(ctx.io, list);
          else
            ctx.io.out(
              `Term list ${termListVersion(theCase.id, list.version)}: ${list.terms.length} term(s). Run \`scrutineer analyse "${theCase.name}"\` to use it.\n`,
            );
        });
      },
    );
}

function registerTermsRemove(terms: Command, ctx: CliContext): void {
  terms
    .command('remove <case> <term>')
    .description('take a term off the list (a new version; re-run analyse to use it)')
    .option('--note <text>', 'why the term was taken off')
    .action(async (caseName: string, term: string, o: { note?: string }, c: Command) => {
      const opts = globalOptions(c, ctx);
      await withStore(opts, async (store) => {
        const theCase = await requireCase(store, caseName);
        const list = await removeCaseTerm(store, {
          caseId: theCase.id,
          term,
          note: o.note ?? null,
          actor: actor(ctx),
        });
        if (opts.json) printJson(ctx.io, list);
        else
          ctx.io.out(
            `Term list ${termListVersion(theCase.id, list.version)}: ${list.terms.length} term(s). Run \`scrutineer analyse "${theCase.name}"\` to use it.\n`,
          );
      });
    });
}

function registerTermsList(terms: Command, ctx: CliContext): void {
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
}

function registerTermsReport(terms: Command, ctx: CliContext): void {
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
