import { extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { UserError } from '../../domain/errors.js';
import { writeWithSidecar } from '../../reports/provenance.js';
import { actor, globalOptions, withStore, type CliContext } from '../context.js';
import { printJson } from '../output.js';
import { progressBar } from '../progress.js';
import { isoInstant } from './messages.js';
import { requireCase } from './shared.js';

// The report builders (PDF, XLSX and fonts) load only when a report is asked for: loaded with every
// command they cost about 100 MiB and seconds of start-up.

function outputFile(o: { output?: string }, allowed: readonly string[]): { file: string; ext: string } {
  if (!o.output) throw new UserError(`-o FILE is required (${allowed.join(' or ')})`);
  const ext = extname(o.output).toLowerCase();
  if (!allowed.includes(ext))
    throw new UserError(`-o ${o.output}: the file must end in ${allowed.join(' or ')}`, {
      code: 'bad_output',
    });
  return { file: resolve(o.output), ext };
}

export function registerReports(program: Command, ctx: CliContext): void {
  const report = program
    .command('report')
    .description('court-ready reports: evidence bundle, charge schedule, unused-material schedule');

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
        throw new UserError(`--context must be a whole number (got "${o.context}")`);
      await withStore(opts, async (store) => {
        const theCase = await requireCase(store, caseName);
        const bar = progressBar(ctx.io, 'Bundle', !opts.json);
        let result;
        try {
          result = await (
            await import('../../reports/bundle.js')
          ).buildBundle(store, theCase, {
            person: o.person,
            context,
            onProgress: (d, t) => bar.update(d, t),
          });
        } finally {
          bar.stop();
        }
        const hash = writeWithSidecar(file, result.pdf);
        await store.audit.append({
          actor: actor(ctx),
          action: 'report.bundle',
          caseId: theCase.id,
          subject: result.person.id,
          detail: {
            file,
            sha256: hash,
            bytes: result.pdf.length,
            pages: result.pages,
            person: result.person,
            relevant: result.relevant,
            messages: result.messages,
            context,
            provenance: result.provenance,
          },
        });
        const out = {
          file,
          sha256: hash,
          pages: result.pages,
          person: result.person,
          relevant: result.relevant,
          messages: result.messages,
        };
        if (opts.json) printJson(ctx.io, out);
        else
          ctx.io.out(
            `Evidence bundle for ${result.person.name}: ${file} (${result.pages} pages, ${result.relevant} relevant messages, ${result.messages} with context)\nSHA-256 ${hash} (also in ${file}.sha256 and the audit trail)\n`,
          );
      });
    });

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
        const result = await (
          await import('../../reports/charges.js')
        ).buildChargeSchedule(store, theCase, {
          format: ext === '.pdf' ? 'pdf' : 'xlsx',
          ...(o.today ? { today: o.today } : {}),
        });
        const hash = writeWithSidecar(file, result.bytes);
        await store.audit.append({
          actor: actor(ctx),
          action: 'report.charges',
          caseId: theCase.id,
          subject: result.title,
          detail: {
            file,
            sha256: hash,
            bytes: result.bytes.length,
            source: result.source,
            counts: result.counts,
            provenance: result.provenance,
          },
        });
        const out = { file, sha256: hash, title: result.title, source: result.source, counts: result.counts };
        if (opts.json) printJson(ctx.io, out);
        else ctx.io.out(`${result.title}: ${file} (${result.counts} counts)\nSHA-256 ${hash}\n`);
      });
    });

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
        const bar = progressBar(ctx.io, 'Schedule', !opts.json);
        let result;
        try {
          result = await (
            await import('../../reports/unused.js')
          ).buildUnusedSchedule(store, theCase, {
            format: ext === '.xlsx' ? 'xlsx' : 'csv',
            onProgress: (d, t) => bar.update(d, t),
          });
        } finally {
          bar.stop();
        }
        const hash = writeWithSidecar(file, result.bytes);
        const extra: { file: string; sha256: string }[] = [];
        for (const [suffix, bytes] of result.appendices) {
          const f = file.replace(/\.csv$/iu, `.${suffix}.csv`);
          extra.push({ file: f, sha256: writeWithSidecar(f, bytes) });
        }
        await store.audit.append({
          actor: actor(ctx),
          action: 'report.unused',
          caseId: theCase.id,
          subject: 'MG6C',
          detail: {
            file,
            sha256: hash,
            bytes: result.bytes.length,
            items: result.items,
            appendices: extra,
            provenance: result.provenance,
          },
        });
        const out = { file, sha256: hash, items: result.items, appendices: extra };
        if (opts.json) printJson(ctx.io, out);
        else
          ctx.io.out(
            `Unused-material schedule: ${file} (${result.items} items)\nSHA-256 ${hash}\n${extra.map((e) => `Appendix ${e.file}\nSHA-256 ${e.sha256}\n`).join('')}`,
          );
      });
    });

  const exp = program.command('export').description('exports for other tools');
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
        await withStore(opts, async (store) => {
          const theCase = await requireCase(store, caseName);
          const bar = progressBar(ctx.io, 'RSMF', !opts.json);
          let result;
          try {
            result = await (
              await import('../../reports/rsmf-export.js')
            ).exportRsmf(store, opts.workspace, theCase, {
              ...(o.conversation !== undefined ? { conversation: o.conversation } : {}),
              ...(o.from !== undefined ? { from: isoInstant(o.from, '--from') } : {}),
              ...(o.to !== undefined ? { to: isoInstant(o.to, '--to') } : {}),
              hits: Boolean(o.hits),
              context: Number(o.context),
              onProgress: (d, t) => bar.update(d, t),
            });
          } finally {
            bar.stop();
          }
          const hash = writeWithSidecar(file, result.bytes);
          await store.audit.append({
            actor: actor(ctx),
            action: 'export.rsmf',
            caseId: theCase.id,
            subject: file,
            detail: {
              file,
              sha256: hash,
              bytes: result.bytes.length,
              events: result.events,
              conversations: result.conversations,
              selection: result.selection,
              provenance: result.provenance,
            },
          });
          const out = { file, sha256: hash, events: result.events, conversations: result.conversations };
          if (opts.json) printJson(ctx.io, out);
          else
            ctx.io.out(
              `RSMF 2.0.0: ${file} (${result.events} events in ${result.conversations} conversation(s))\nSHA-256 ${hash}\n`,
            );
        });
      },
    );
}
