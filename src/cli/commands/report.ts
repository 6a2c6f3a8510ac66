import { extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError, UserError } from '../../domain/errors.js';
import { writeWithSidecar } from '../../reports/provenance.js';
import { appendixFileName, makeReport, recordReport, type ReportRequest } from '../../reports/generate.js';
import type { Store } from '../../store/open-store.js';
import type { CaseRecord } from '../../store/types.js';
import { actor, globalOptions, withStore, type CliContext } from '../context.js';
import { printJson } from '../output.js';
import { progressBar } from '../progress.js';
import { isoInstant } from './messages.js';
import { requireCase } from './shared.js';

// The report itself is made by src/reports/generate.ts (the review server's reports too): this file
// parses the options, writes the files and prints what was written.

function outputFile(o: { output?: string }, allowed: readonly string[]): { file: string; ext: string } {
  if (!o.output) throw new UserError(`-o FILE is required (${allowed.join(' or ')})`);
  const ext = extname(o.output).toLowerCase();
  if (!allowed.includes(ext))
    throw new UserError(`-o ${o.output}: the file must end in ${allowed.join(' or ')}`, {
      code: 'bad_output',
    });
  return { file: resolve(o.output), ext };
}

/** Makes the report (with a progress bar where given a label), writes FILE and FILE.sha256, audits it. */
async function makeAndWrite(
  ctx: CliContext,
  opts: { workspace: string; json: boolean },
  store: Store,
  theCase: CaseRecord,
  request: ReportRequest,
  file: string,
  label: string | null,
) {
  const bar = label ? progressBar(ctx.io, label, !opts.json) : null;
  let made;
  try {
    made = await makeReport(store, theCase, request, {
      workspace: opts.workspace,
      ...(bar ? { onProgress: (d: number, t: number) => bar.update(d, t) } : {}),
    });
  } finally {
    bar?.stop();
  }
  const hash = writeWithSidecar(file, made.bytes);
  const appendices: { file: string; sha256: string }[] = [];
  for (const [suffix, bytes] of made.appendices) {
    const f = appendixFileName(file, suffix);
    appendices.push({ file: f, sha256: writeWithSidecar(f, bytes) });
  }
  await recordReport(store, {
    actor: actor(ctx),
    caseId: theCase.id,
    made,
    written: { file, sha256: hash, appendices },
  });
  return { made, hash, appendices };
}

export function registerReports(program: Command, ctx: CliContext): void {
  const report = program
    .command('report')
    .description('court-ready reports: evidence bundle, charge schedule, unused-material schedule');

  registerReportBundle(report, ctx);
  registerReportCharges(report, ctx);
  registerReportUnused(report, ctx);

  const exp = program.command('export').description('exports for other tools');
  registerReportRsmf(exp, ctx);
}

function registerReportBundle(report: Command, ctx: CliContext): void {
  report
    .command('bundle <case>')
    .description(
      'evidence bundle for one subject (PDF): exhibits, conduct picture, charts, relevant messages with context, manifest; writes FILE.sha256 beside it',
    )
    .requiredOption('--person <x>', "person id or name, or a participant's name before people are identified")
    .option('--context <n>', 'messages of context before and after each relevant message', '3')
    .option('-o, --output <file.pdf>', 'where to write the PDF')
    .action(async (caseName: string, o: { person: string; context: string; output?: string }, c: Command) => {
      const opts = globalOptions(c, ctx);
      const { file } = outputFile(o, ['.pdf']);
      const context = Number(o.context);
      if (!Number.isInteger(context))
        throw new UsageError(`--context must be a whole number (got "${o.context}")`);
      await withStore(opts, async (store) => {
        const theCase = await requireCase(store, caseName);
        const { made, hash } = await makeAndWrite(
          ctx,
          opts,
          store,
          theCase,
          { kind: 'bundle', person: o.person, context },
          file,
          'Bundle',
        );
        if (made.kind !== 'bundle') throw new Error('not a bundle');
        const out = {
          file,
          sha256: hash,
          pages: made.pages,
          person: made.person,
          relevant: made.relevant,
          messages: made.messages,
        };
        if (opts.json) printJson(ctx.io, out);
        else
          ctx.io.out(
            `Evidence bundle for ${made.person.name}: ${file} (${made.pages} pages, ${made.relevant} relevant messages, ${made.messages} with context)\nSHA-256 ${hash} (also in ${file}.sha256 and the audit trail)\n`,
          );
      });
    });
}

function registerReportCharges(report: Command, ctx: CliContext): void {
  report
    .command('charges <case>')
    .description(
      'charge schedule (PDF or XLSX): counts per defendant with message, date and time, exhibit, limitation date, verdict',
    )
    .option('--today <date>', 'YYYY-MM-DD for days left (default: the inputs-as-at date)')
    .option('-o, --output <file>', 'FILE.pdf or FILE.xlsx')
    .action(async (caseName: string, o: { today?: string; output?: string }, c: Command) => {
      const opts = globalOptions(c, ctx);
      const { file, ext } = outputFile(o, ['.pdf', '.xlsx']);
      await withStore(opts, async (store) => {
        const theCase = await requireCase(store, caseName);
        const { made, hash } = await makeAndWrite(
          ctx,
          opts,
          store,
          theCase,
          {
            kind: 'charges',
            format: ext === '.pdf' ? 'pdf' : 'xlsx',
            ...(o.today ? { today: o.today } : {}),
          },
          file,
          null,
        );
        if (made.kind !== 'charges') throw new Error('not a charge schedule');
        const out = { file, sha256: hash, title: made.title, source: made.source, counts: made.counts };
        if (opts.json) printJson(ctx.io, out);
        else ctx.io.out(`${made.title}: ${file} (${made.counts} counts)\nSHA-256 ${hash}\n`);
      });
    });
}

function registerReportUnused(report: Command, ctx: CliContext): void {
  report
    .command('unused <case>')
    .description(
      'unused-material schedule in the MG6C style (XLSX or CSV) with the search-term report and review coverage',
    )
    .option('-o, --output <file>', 'FILE.xlsx or FILE.csv (CSV: appendices written beside it)')
    .action(async (caseName: string, o: { output?: string }, c: Command) => {
      const opts = globalOptions(c, ctx);
      const { file, ext } = outputFile(o, ['.xlsx', '.csv']);
      await withStore(opts, async (store) => {
        const theCase = await requireCase(store, caseName);
        const {
          made,
          hash,
          appendices: extra,
        } = await makeAndWrite(
          ctx,
          opts,
          store,
          theCase,
          { kind: 'unused', format: ext === '.xlsx' ? 'xlsx' : 'csv' },
          file,
          'Schedule',
        );
        if (made.kind !== 'unused') throw new Error('not an unused-material schedule');
        const out = { file, sha256: hash, items: made.items, appendices: extra };
        if (opts.json) printJson(ctx.io, out);
        else
          ctx.io.out(
            `Unused-material schedule: ${file} (${made.items} items)\nSHA-256 ${hash}\n${extra.map((e) => `Appendix ${e.file}\nSHA-256 ${e.sha256}\n`).join('')}`,
          );
      });
    });
}

function registerReportRsmf(exp: Command, ctx: CliContext): void {
  exp
    .command('rsmf <case>')
    .description('RSMF 2.0 (.rsmf): a conversation, a date range, or the flag hits with context')
    .option('--conversation <id>', 'only this conversation (id or name)')
    .option('--from <iso>', 'at or after this time')
    .option('--to <iso>', 'before this time')
    .option('--hits', 'only flagged (or coded offensive) messages, with context')
    .option('--context <n>', 'with --hits: messages of context before and after', '3')
    .option('-o, --output <file.rsmf>', 'where to write')
    .action(
      async (
        caseName: string,
        o: {
          conversation?: string;
          from?: string;
          to?: string;
          hits?: boolean;
          context: string;
          output?: string;
        },
        c: Command,
      ) => {
        const opts = globalOptions(c, ctx);
        const { file } = outputFile(o, ['.rsmf', '.eml']);
        const context = Number(o.context);
        if (!Number.isInteger(context))
          throw new UsageError(`--context must be a whole number (got "${o.context}")`);
        await withStore(opts, async (store) => {
          const theCase = await requireCase(store, caseName);
          const { made, hash } = await makeAndWrite(
            ctx,
            opts,
            store,
            theCase,
            {
              kind: 'rsmf',
              ...(o.conversation !== undefined ? { conversation: o.conversation } : {}),
              ...(o.from !== undefined ? { from: isoInstant(o.from, '--from') } : {}),
              ...(o.to !== undefined ? { to: isoInstant(o.to, '--to') } : {}),
              hits: Boolean(o.hits),
              context,
            },
            file,
            'RSMF',
          );
          if (made.kind !== 'rsmf') throw new Error('not an RSMF export');
          const out = { file, sha256: hash, events: made.events, conversations: made.conversations };
          if (opts.json) printJson(ctx.io, out);
          else
            ctx.io.out(
              `RSMF 2.0.0: ${file} (${made.events} events in ${made.conversations} conversation(s))\nSHA-256 ${hash}\n`,
            );
        });
      },
    );
}
