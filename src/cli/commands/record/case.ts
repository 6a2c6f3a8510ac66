/**
 * Record subcommands about the case as a whole: its details and key dates, how a subject is named,
 * progress reports, and marking a fact publishable or private.
 */
import { CASE_STATUSES, MODES } from '../../../contract/record.js';
import { UsageError, UserError } from '../../../domain/errors.js';
import { type Sub, str, strs, bool, intArg, member, person, oneOf, picked } from './sub.js';
import type { CliContext } from '../../context.js';

/** `--messages-analysed`: "6100", "6,100" or "more than 6,000" (the number is then a lower bound). */
function messagesAnalysed(spec: string | undefined): {
  messagesAnalysed?: number;
  messagesAnalysedMoreThan?: boolean;
} {
  if (spec === undefined) return {};
  const m = /^\s*(more than\s+)?([\d,]+)\s*$/iu.exec(spec);
  const n = m ? m[2]!.replace(/,/gu, '') : '';
  if (!m || !/^\d+$/u.test(n))
    throw new UsageError(`--messages-analysed must be a number or "more than N" (got "${spec}")`);
  return { messagesAnalysed: intArg(n, '--messages-analysed'), messagesAnalysedMoreThan: m[1] !== undefined };
}

function caseCommand(sub: Sub, ctx: CliContext): void {
  sub(
    'case <case>',
    "the case's details and key dates",
    (c) =>
      c
        .option('--reference <ref>')
        .option('--operation <name>')
        .option('--body <name>', 'investigating body')
        .addOption(oneOf('--mode <mode>', MODES))
        .option('--force <force...>', 'forces involved')
        .addOption(oneOf('--status <status>', CASE_STATUSES))
        .option('--referral-date <date>', 'referral to the investigating body')
        .option('--start-date <date>', 'investigation started')
        .option('--evidence-sufficient <date>', 'prosecutor had sufficient evidence (s127 six-month limit)')
        .option('--report-date <date>', 'investigation report (reg. 21)')
        .option('--team <name:role...>', 'investigation team')
        .option('--came-to-light <text>', 'how the evidence came to light, for the summary')
        .option(
          '--messages-analysed <n>',
          'messages analysed across all the evidence, where not all was imported: a number, or "more than N" (a lower bound)',
        )
        .option('--publishable', 'headline facts may appear in the public summary')
        .option('--private', 'headline facts stay out of the public summary'),
    async ({ service }, _a, o) => {
      const input = {
        reference: str(o, 'reference'),
        operation: str(o, 'operation'),
        investigatingBody: str(o, 'body'),
        mode: picked(o, 'mode', MODES),
        forces: o.force ? strs(o, 'force') : undefined,
        status: picked(o, 'status', CASE_STATUSES),
        referralDate: str(o, 'referralDate'),
        startDate: str(o, 'startDate'),
        evidenceSufficientDate: str(o, 'evidenceSufficient'),
        reportDate: str(o, 'reportDate'),
        team: o.team ? strs(o, 'team').map(member) : undefined,
        cameToLight: str(o, 'cameToLight'),
        ...messagesAnalysed(str(o, 'messagesAnalysed')),
        publishable: bool(o, 'publishable') ? true : bool(o, 'private') ? false : undefined,
      };
      return service.setCase(
        Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as typeof input,
      );
    },
    (x, r) => void ctx.io.out(`Case record of ${x.service.caseId} saved: ${JSON.stringify(r)}\n`),
  );
}

function subjectCommand(sub: Sub): void {
  sub(
    'subject <case> <person>',
    'how a subject is named in the public summary',
    (c) =>
      c
        .option('--name-public', 'the name may be published')
        .option('--name-private', 'publish the label instead (default)')
        .option('--label <label>', 'e.g. "Officer A"'),
    async (x, [ref], o) =>
      x.service.setSubject(person(await x.record(), ref!), {
        namePublic: bool(o, 'namePublic') ? true : bool(o, 'namePrivate') ? false : undefined,
        label: str(o, 'label'),
      }),
  );
}

function progressCommand(sub: Sub): void {
  sub(
    'progress <case>',
    'an investigation progress report sent',
    (c) => c.requiredOption('--on <date>').option('--note <text>'),
    async (x, _a, o) => x.service.progressReport(str(o, 'on')!, str(o, 'note')),
  );
}

function markCommand(sub: Sub, ctx: CliContext): void {
  sub(
    'mark <case> <kind> <id>',
    'mark a fact publishable or private (kind: assessment, notice, count, finding, outcome, …)',
    (c) => c.option('--publishable').option('--private'),
    async (x, [kind, id], o) => {
      if (Boolean(bool(o, 'publishable')) === Boolean(bool(o, 'private')))
        throw new UserError('give exactly one of --publishable or --private');
      const result = await x.service.mark(kind!, intArg(id!, 'ID'), Boolean(bool(o, 'publishable')));
      // A final summary is not regenerated: say so, or the investigator believes the fact is gone.
      const final = (await x.service.drafts()).find((d) => d.final);
      if (final)
        ctx.io.err(
          `warning: the public summary is final (v${final.version}); this mark does not change it\n`,
        );
      return result;
    },
  );
}

export function registerRecordCase(sub: Sub, ctx: CliContext): void {
  caseCommand(sub, ctx);
  subjectCommand(sub);
  progressCommand(sub);
  markCommand(sub, ctx);
}
