import type { Command } from 'commander';
import { UsageError, UserError } from '../../domain/errors.js';
import type { DateOrder, ImportReport } from '../../domain/import-report.js';
import type { ExhibitRecord } from '../../store/types.js';
import { DATE_ORDERS } from '../../contract/exhibit-schemas.js';
import { addExhibit } from '../../evidence/import-sequence.js';
import { zipLimitsFrom } from '../../ingest/zip/zip.js';
import { queueExhibitAdd } from '../../jobs/index.js';
import { actor, globalOptions, withStore, type CliContext } from '../context.js';
import { printJson, printTable } from '../output.js';
import { progressBar } from '../progress.js';
import { printQueued } from './jobs.js';
import { requireCase } from './shared.js';

interface AddOptions {
  ref: string;
  description?: string;
  seizedFrom?: string;
  officer?: string;
  timezone: string;
  dateOrder: string;
  contacts?: string;
  owner?: string;
  ownerName?: string;
  media?: string;
  queue?: boolean;
}

export function registerExhibit(program: Command, ctx: CliContext): void {
  const cmd = program.command('exhibit').description('take evidence into a case and inspect it');
  registerExhibitAdd(cmd, ctx);
  registerExhibitList(cmd, ctx);
  registerExhibitShow(cmd, ctx);
}

/** `exhibit add`: an import, now or on the job queue. */
function registerExhibitAdd(cmd: Command, ctx: CliContext): void {
  cmd
    .command('add <case> <file>')
    .description('hash FILE, keep a read-only copy, parse it and store every message (one transaction)')
    .requiredOption('--ref <ref>', 'exhibit reference, e.g. AB/1')
    .option('--description <text>', 'what the item is')
    .option('--seized-from <text>', 'where or from whom it was seized')
    .option('--officer <name>', 'the producing officer')
    .option('--timezone <zone>', 'IANA zone the export times are local to', 'Europe/London')
    .option('--date-order <order>', 'auto | dmy | mdy | ymd (auto decides from the file or refuses)', 'auto')
    .option('--contacts <wa.db>', "Android: the phone's wa.db (address-book and push names)")
    .option(
      '--media <folder|zip>',
      'Android/iOS: the WhatsApp Media folder (or a zip of it) where it is not beside the database',
    )
    .option('--owner <phone>', "the phone owner's number, where the database cannot tell it")
    .option('--owner-name <name>', "the phone owner's name")
    .option(
      '--queue',
      'put the import on the job queue (`scrutineer worker` runs it) instead of running it now',
    )
    .action(async (caseName: string, file: string, o: AddOptions, c: Command) => {
      const opts = globalOptions(c, ctx);
      if (!(DATE_ORDERS as readonly string[]).includes(o.dateOrder)) {
        throw new UsageError(`--date-order must be one of ${DATE_ORDERS.join(', ')} (got "${o.dateOrder}")`);
      }
      if (o.queue) {
        await withStore(opts, async (store) => {
          const job = await queueExhibitAdd(
            store,
            {
              caseNameOrId: caseName,
              file,
              ref: o.ref,
              description: o.description ?? null,
              seizedFrom: o.seizedFrom ?? null,
              officer: o.officer ?? null,
              timezone: o.timezone,
              timezoneDeclared: c.getOptionValueSource('timezone') === 'cli',
              dateOrder: o.dateOrder as 'auto' | DateOrder,
              contacts: o.contacts ?? null,
              media: o.media ?? null,
              ownerPhone: o.owner ?? null,
              ownerName: o.ownerName ?? null,
              zipLimits: zipLimitsFrom(ctx.env),
            },
            actor(ctx),
          );
          printQueued(ctx, opts, job);
        });
        return;
      }
      await withStore(opts, async (store) => {
        const bar = progressBar(ctx.io, 'Importing', !opts.json);
        let outcome;
        try {
          outcome = await addExhibit(store, opts.workspace, {
            caseNameOrId: caseName,
            file,
            ref: o.ref,
            description: o.description ?? null,
            seizedFrom: o.seizedFrom ?? null,
            officer: o.officer ?? null,
            timezone: o.timezone,
            timezoneDeclared: c.getOptionValueSource('timezone') === 'cli',
            dateOrder: o.dateOrder as 'auto' | DateOrder,
            actor: actor(ctx),
            onProgress: (done, total) => bar.update(done, total),
            zipLimits: zipLimitsFrom(ctx.env),
            contacts: o.contacts ?? null,
            media: o.media ?? null,
            ownerPhone: o.owner ?? null,
            ownerName: o.ownerName ?? null,
          });
        } finally {
          bar.stop();
        }
        const { exhibit, conversation, messages, mediaFiles, report } = outcome;
        // Rows not imported are said where an operator looks even when stdout goes to a file
        // (placeholder rows hold no message: they stay in the report only).
        for (const n of report.notices)
          if (
            (n.code === 'rows_not_imported' && !/ placeholder row/.test(n.message)) ||
            n.code === 'trailing_bytes'
          )
            ctx.io.err(`${exhibit.ref}: ${n.message}\n`);
        if (opts.json) {
          printJson(ctx.io, { exhibit, conversation, messages, mediaFiles, report });
          return;
        }
        ctx.io.out(
          `${describeImport(exhibit, conversation.name, messages, mediaFiles, report).join('\n')}\n`,
        );
      });
    });
}

/** `exhibit list`: a case's exhibits with their hashes. */
function registerExhibitList(cmd: Command, ctx: CliContext): void {
  cmd
    .command('list <case>')
    .description("list a case's exhibits with their hashes")
    .action(async (caseName: string, _o, c: Command) => {
      const opts = globalOptions(c, ctx);
      await withStore(opts, async (store) => {
        const theCase = await requireCase(store, caseName);
        const exhibits = await store.exhibits.list(theCase.id);
        if (opts.json) printJson(ctx.io, exhibits);
        else
          printTable(
            ctx.io,
            exhibits.map((e) => ({
              ref: e.ref,
              file: e.originalName,
              bytes: e.size,
              sha256: e.sha256,
              format: e.format,
              added: e.addedAt,
              by: e.addedBy,
            })),
          );
      });
    });
}

/** `exhibit show`: an exhibit with its continuity, archive entries and import report. */
function registerExhibitShow(cmd: Command, ctx: CliContext): void {
  cmd
    .command('show <case> <ref>')
    .description('an exhibit with its continuity, archive entries and import report')
    .action(async (caseName: string, ref: string, _o, c: Command) => {
      const opts = globalOptions(c, ctx);
      await withStore(opts, async (store) => {
        const theCase = await requireCase(store, caseName);
        const exhibit = await store.exhibits.findByRef(theCase.id, ref);
        if (!exhibit) throw new UserError(`case "${theCase.name}" has no exhibit ${ref}`);
        const [continuity, files, report] = await Promise.all([
          store.exhibits.listContinuity(exhibit.id),
          store.exhibits.listFiles(exhibit.id),
          store.importReports.get(exhibit.id),
        ]);
        if (opts.json) {
          printJson(ctx.io, { exhibit, continuity, files, report });
          return;
        }
        ctx.io.out(
          `Exhibit ${exhibit.ref}: ${exhibit.originalName} (${exhibit.size} bytes)\nSHA-256 ${exhibit.sha256}\n\nContinuity\n`,
        );
        printTable(
          ctx.io,
          continuity.map((e) => ({ at: e.at, by: e.actor, action: e.action, detail: e.detail })),
        );
        if (files.length) {
          ctx.io.out('\nArchive entries\n');
          printTable(
            ctx.io,
            files.map((f) => ({ path: f.pathInArchive, role: f.role, bytes: f.size, sha256: f.sha256 })),
          );
        }
        if (report) {
          ctx.io.out(
            report.kind === 'export'
              ? `\nImport report: ${report.messages} messages from ${report.lines} lines; date order ${report.dateOrder} (${report.dateOrderBasis})\n`
              : `\nImport report: ${report.messages} messages in ${report.conversations} conversation(s), read by ${report.readerVersion}\n`,
          );
          if (report.kind === 'export') {
            for (const l of report.reportedLines.slice(0, 50))
              ctx.io.out(`  line ${l.line} (${l.reason}): ${l.text}\n`);
          }
          if (report.kind === 'device') {
            for (const a of report.rowAccounts ?? [])
              ctx.io.out(
                `  rows ${a.table}: ${a.rows}, imported ${a.imported}${a.notImported.map((s) => `, ${s.reason} ${s.rows}`).join('')}\n`,
              );
          }
          for (const n of report.notices.slice(0, 50))
            ctx.io.out(`  ${n.code}${n.line ? ` line ${n.line}` : ''}: ${n.message}\n`);
        }
      });
    });
}

function describeImport(
  exhibit: ExhibitRecord,
  conversation: string,
  messages: number,
  mediaFiles: number,
  report: ImportReport,
): string[] {
  const head = [
    `Exhibit ${exhibit.ref}: ${exhibit.originalName} (${exhibit.format})`,
    `  SHA-256     ${exhibit.sha256} (${exhibit.size} bytes), stored read-only at ${exhibit.storedPath}`,
  ];
  const notices = report.notices
    .filter((n) => n.code !== 'date_order_inferred' && n.code !== 'date_order_declared')
    .slice(0, 10)
    .map((n) => `  Notice      ${n.line ? `line ${n.line}: ` : ''}${n.message}`);
  if (report.kind === 'device') {
    return [
      ...head,
      `  Read        ${messages} messages in ${report.conversations} conversation(s) by ${report.readerVersion}; times shown in ${exhibit.timezone}`,
      `  Owner       ${report.ownerJid ?? 'not known (give --owner)'}`,
      ...notices,
    ];
  }
  return [
    ...head,
    `  Chat        "${conversation}": ${messages} messages from ${report.lines} lines${mediaFiles ? `, ${mediaFiles} media files` : ''}`,
    `  Headers     ${report.headerStyle}, ${report.encoding}`,
    `  Date order  ${report.dateOrder} (${report.dateOrderBasis}); times read in ${exhibit.timezone}`,
    `  Reported    ${report.reportedLines.length} line(s) outside any message${report.reportedLines.length ? ` (first: line ${report.reportedLines[0]?.line})` : ''}`,
    ...notices,
  ];
}
