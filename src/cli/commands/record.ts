/**
 * `scrutineer record …`: the case record (notices, prosecution counts, hearings, outcomes, barred
 * list, learning recommendations), its deadlines, timeline and public summary. Every change is one
 * transaction with its audit entry; the rules are in src/cases/rules.ts.
 *
 * Over 500 lines on purpose: one short declaration per subcommand (options and the service call),
 * kept together so the CLI reads as the table in docs/record.md.
 */
import { readFileSync } from 'node:fs';

import type { Command } from 'commander';
import { DateTime } from 'luxon';

import { caseTimeline } from '../../cases/timeline.js';
import { generateSummary, toHtml } from '../../cases/summary.js';
import { summaryFacts } from '../../cases/summary-facts.js';
import { RecordService } from '../../cases/record-service.js';
import { responseDue, type caseDeadlines } from '../../cases/deadlines.js';
import { daysBetween } from '../../cases/bank-holidays.js';
import {
  APPEAL_OUTCOMES,
  BARRED_LISTS,
  CASE_STATUSES,
  CASE_TO_ANSWER,
  CHARGING_DECISIONS,
  FINDINGS,
  INTERVIEW_KINDS,
  MODES,
  NOTICE_KINDS,
  OUTCOMES,
  PROCEEDING_KINDS,
  PROCEEDING_LEVELS,
  RESPONSES,
  SEVERITIES,
  VERDICTS,
  label,
  type CaseRecordData,
  type TeamMember,
} from '../../cases/types.js';
import { checkOneOf } from '../../cases/rules.js';
import { UsageError, UserError } from '../../domain/errors.js';
import type { Store } from '../../store/open-store.js';
import { actor, globalOptions, withStore, type CliContext, type GlobalOptions } from '../context.js';
import { printJson, printTable } from '../output.js';
import { requireCase } from './shared.js';

interface Ctx {
  readonly store: Store;
  readonly service: RecordService;
  readonly opts: GlobalOptions;
  readonly record: () => Promise<CaseRecordData>;
}

type Opts = Record<string, string | string[] | boolean | undefined>;

const str = (o: Opts, k: string): string | undefined => o[k] as string | undefined;
const strs = (o: Opts, k: string): string[] => (o[k] as string[] | undefined) ?? [];
const bool = (o: Opts, k: string): boolean | undefined => o[k] as boolean | undefined;

function ids(spec: string | undefined, what: string): number[] {
  if (!spec) return [];
  return spec
    .split(/[,\s]+/u)
    .filter(Boolean)
    .map((s) => {
      if (!/^\d+$/u.test(s)) throw new UsageError(`${what}: "${s}" is not a message id`);
      return Number(s);
    });
}

function intArg(value: string, what: string): number {
  if (!/^\d+$/u.test(value)) throw new UsageError(`${what} must be a number (got "${value}")`);
  return Number(value);
}

/** "Name:role" → { name, role }. */
function member(spec: string): TeamMember {
  const i = spec.lastIndexOf(':');
  return i > 0
    ? { name: spec.slice(0, i).trim(), role: spec.slice(i + 1).trim() }
    : { name: spec.trim(), role: null };
}

function person(record: CaseRecordData, ref: string): number {
  const found =
    record.people.find((p) => String(p.id) === ref) ??
    record.people.find((p) => p.name.toLowerCase() === ref.trim().toLowerCase());
  if (!found) throw new UserError(`no person "${ref}" in this case (see \`scrutineer person list CASE\`)`);
  return found.id;
}

/** A variadic positional argument's values. */
const many = (a: unknown): string[] => (Array.isArray(a) ? (a as string[]) : [String(a)]);

const today = () => DateTime.now().setZone('Europe/London').toISODate()!;

export function registerRecord(program: Command, ctx: CliContext): void {
  const record = program
    .command('record')
    .description('the case record: notices, counts, hearings, outcomes, barred list, recommendations');

  /** A subcommand on CASE (+ positional args) that runs with the record service. */
  const sub = (
    spec: string,
    description: string,
    configure: (c: Command) => Command,
    handler: (x: Ctx, args: string[], o: Opts) => Promise<unknown>,
    print?: (x: Ctx, result: unknown, o: Opts) => void | Promise<void>,
  ) => {
    const cmd = configure(record.command(spec).description(description));
    // `record case --force` names police forces; every change of an event takes --force REASON.
    const forceable = !/^(case|subject|mark|show|deadlines|timeline|summary) /u.test(spec);
    if (forceable)
      cmd.option(
        '--force <reason>',
        'a date before the investigation started is right: say why (kept in the audit entry)',
      );
    cmd.action(async (...all: unknown[]) => {
      const c = all.at(-1) as Command;
      const o = all.at(-2) as Opts;
      const [caseName, ...args] = all.slice(0, -2) as string[];
      const opts = globalOptions(c, ctx);
      await withStore(opts, async (store) => {
        const theCase = await requireCase(store, caseName!);
        const force = forceable ? (str(o, 'force') ?? null) : null;
        if (forceable && force !== null && !force.trim())
          throw new UsageError('--force needs a reason: --force "why this date is right"');
        const service = new RecordService(store, theCase.id, actor(ctx), { force, now: () => new Date() });
        const x: Ctx = { store, service, opts, record: () => service.load() };
        const result = await handler(x, args, o);
        if (print && !opts.json) await print(x, result, o);
        else if (opts.json) printJson(ctx.io, result);
        else {
          const rows = (Array.isArray(result) ? result : [result]) as ({ id?: number } | null)[];
          const idList = rows.map((r) => r?.id).filter((id): id is number => typeof id === 'number');
          ctx.io.out(`Recorded ${spec.split(' ')[0]}${idList.length ? ` ${idList.join(', ')}` : ''}\n`);
        }
      });
    });
    return cmd;
  };
  const publishable = (c: Command) => c.option('--publishable', 'may appear in the public summary');

  sub(
    'case <case>',
    "the case's details and key dates",
    (c) =>
      c
        .option('--reference <ref>')
        .option('--operation <name>')
        .option('--body <name>', 'investigating body')
        .option('--mode <mode>', MODES.join(' | '))
        .option('--force <force...>', 'forces involved')
        .option('--status <status>', CASE_STATUSES.join(' | '))
        .option('--referral-date <date>', 'referral to the investigating body')
        .option('--start-date <date>', 'investigation started')
        .option('--evidence-sufficient <date>', 'prosecutor had sufficient evidence (s127 six-month limit)')
        .option('--report-date <date>', 'investigation report (reg. 21)')
        .option('--team <name:role...>', 'investigation team')
        .option('--came-to-light <text>', 'how the evidence came to light, for the summary')
        .option(
          '--messages-analysed <n>',
          'messages analysed across all the evidence, where not all was imported',
        )
        .option('--publishable', 'headline facts may appear in the public summary')
        .option('--private', 'headline facts stay out of the public summary'),
    async ({ service }, _a, o) => {
      if (str(o, 'mode')) checkOneOf(str(o, 'mode')!, MODES, '--mode');
      if (str(o, 'status')) checkOneOf(str(o, 'status')!, CASE_STATUSES, '--status');
      const input = {
        reference: str(o, 'reference'),
        operation: str(o, 'operation'),
        investigatingBody: str(o, 'body'),
        mode: str(o, 'mode'),
        forces: o.force ? strs(o, 'force') : undefined,
        status: str(o, 'status'),
        referralDate: str(o, 'referralDate'),
        startDate: str(o, 'startDate'),
        evidenceSufficientDate: str(o, 'evidenceSufficient'),
        reportDate: str(o, 'reportDate'),
        team: o.team ? strs(o, 'team').map(member) : undefined,
        cameToLight: str(o, 'cameToLight'),
        messagesAnalysed:
          str(o, 'messagesAnalysed') === undefined
            ? undefined
            : intArg(str(o, 'messagesAnalysed')!, '--messages-analysed'),
        publishable: bool(o, 'publishable') ? true : bool(o, 'private') ? false : undefined,
      };
      return service.setCase(
        Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as typeof input,
      );
    },
    (x, r) => void ctx.io.out(`Case record of ${x.service.caseId} saved: ${JSON.stringify(r)}\n`),
  );

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

  sub(
    'assess <case> <person>',
    'severity assessment',
    (c) =>
      publishable(
        c
          .requiredOption('--severity <s>', SEVERITIES.join(' | '))
          .requiredOption('--on <date>')
          .option('--rationale <text>'),
      ),
    async (x, [ref], o) =>
      x.service.assess({
        personId: person(await x.record(), ref!),
        severity: checkOneOf(str(o, 'severity')!, SEVERITIES, '--severity'),
        on: str(o, 'on')!,
        rationale: str(o, 'rationale'),
        publishable: bool(o, 'publishable'),
      }),
  );

  sub(
    'notice <case> <person>',
    'a Regulation 17 notice or a criminal letter served',
    (c) =>
      publishable(
        c
          .requiredOption('--kind <kind>', NOTICE_KINDS.join(' | '))
          .requiredOption('--on <date>', 'date served')
          .option('--conduct <text>', 'the conduct alleged')
          .option('--standard <standard...>', 'standards said to be breached')
          .option('--severity <s>', SEVERITIES.join(' | ')),
      ),
    async (x, [ref], o) =>
      x.service.notice({
        personId: person(await x.record(), ref!),
        kind: checkOneOf(str(o, 'kind')!, NOTICE_KINDS, '--kind'),
        on: str(o, 'on')!,
        conduct: str(o, 'conduct'),
        standards: strs(o, 'standard'),
        severity: str(o, 'severity') ? checkOneOf(str(o, 'severity')!, SEVERITIES, '--severity') : undefined,
        publishable: bool(o, 'publishable'),
      }),
  );

  sub(
    'interview <case> <person>',
    'an interview (after the notice)',
    (c) =>
      publishable(
        c
          .requiredOption('--on <date>')
          .option('--kind <kind>', INTERVIEW_KINDS.join(' | '), 'misconduct')
          .option('--note <text>'),
      ),
    async (x, [ref], o) =>
      x.service.interview({
        personId: person(await x.record(), ref!),
        on: str(o, 'on')!,
        kind: checkOneOf(str(o, 'kind')!, INTERVIEW_KINDS, '--kind'),
        note: str(o, 'note'),
        publishable: bool(o, 'publishable'),
      }),
  );

  sub(
    'allegation <case> <person>',
    'an allegation: subject × standard × description × supporting messages',
    (c) =>
      publishable(
        c
          .requiredOption('--standard <standard...>', 'one allegation per standard')
          .requiredOption('--description <text>')
          .option('--messages <ids>', 'message ids, comma-separated'),
      ),
    async (x, [ref], o) => {
      const personId = person(await x.record(), ref!);
      return x.service.batch(async (s) => {
        const out = [];
        for (const standard of strs(o, 'standard'))
          out.push(
            await s.allegation({
              personId,
              standard,
              description: str(o, 'description')!,
              messageIds: ids(str(o, 'messages'), '--messages'),
              publishable: bool(o, 'publishable'),
            }),
          );
        return out;
      });
    },
  );

  sub(
    'refer <case>',
    'referral of the file of evidence to the prosecutor',
    (c) =>
      publishable(
        c
          .requiredOption('--on <date>')
          .option('--prosecutor <name>', 'default: Crown Prosecution Service')
          .option('--exhibit <ref...>', 'exhibits in the file'),
      ),
    async (x, _a, o) =>
      x.service.refer({
        on: str(o, 'on')!,
        prosecutor: str(o, 'prosecutor'),
        exhibits: strs(o, 'exhibit'),
        publishable: bool(o, 'publishable'),
      }),
  );

  sub(
    'charging <case> <person>',
    "the prosecutor's charging decision on a suspect",
    (c) =>
      publishable(
        c
          .requiredOption('--on <date>')
          .requiredOption('--decision <d>', CHARGING_DECISIONS.join(' | '))
          .option('--note <text>'),
      ),
    async (x, [ref], o) =>
      x.service.chargingDecision({
        personId: person(await x.record(), ref!),
        on: str(o, 'on')!,
        decision: checkOneOf(str(o, 'decision')!, CHARGING_DECISIONS, '--decision'),
        note: str(o, 'note'),
        publishable: bool(o, 'publishable'),
      }),
  );

  sub(
    'charge <case> [person]',
    'a count (one message or exchange): proposed without --on, charged with it; --count N --on D charges a proposed one',
    (c) =>
      publishable(
        c
          .option('--messages <ids>', 'message ids, comma-separated')
          .option('--on <date>', 'date charged')
          .option('--count <id>', 'charge this proposed count')
          .option('--offence <text>', 'default: s127(1)(a) Communications Act 2003')
          .option('--description <text>'),
      ),
    async (x, [ref], o) => {
      if (str(o, 'count')) {
        if (!str(o, 'on')) throw new UsageError('--count needs --on (the date charged)');
        return x.service.chargeCount(intArg(str(o, 'count')!, '--count'), str(o, 'on')!);
      }
      if (!ref) throw new UserError('name the defendant: record charge CASE PERSON --messages …');
      return x.service.count({
        personId: person(await x.record(), ref),
        messageIds: ids(str(o, 'messages'), '--messages'),
        on: str(o, 'on'),
        offence: str(o, 'offence'),
        description: str(o, 'description'),
        publishable: bool(o, 'publishable'),
      });
    },
  );

  sub(
    'appearance <case> <person>',
    'a court appearance',
    (c) =>
      publishable(
        c.requiredOption('--on <date>').requiredOption('--court <court>').option('--purpose <text>'),
      ),
    async (x, [ref], o) =>
      x.service.appearance({
        personId: person(await x.record(), ref!),
        on: str(o, 'on')!,
        court: str(o, 'court')!,
        purpose: str(o, 'purpose'),
        publishable: bool(o, 'publishable'),
      }),
  );

  sub(
    'verdict <case> <counts...>',
    'the verdict on charged counts',
    (c) => c.requiredOption('--verdict <v>', VERDICTS.join(' | ')).requiredOption('--on <date>'),
    async (x, [counts], o) => {
      const verdict = checkOneOf(str(o, 'verdict')!, VERDICTS, '--verdict');
      return x.service.batch(async (s) => {
        const out = [];
        for (const c of many(counts)) out.push(await s.verdict(intArg(c, 'COUNT'), verdict, str(o, 'on')!));
        return out;
      });
    },
  );

  sub(
    'sentence <case> <person>',
    "a defendant's sentence",
    (c) => publishable(c.requiredOption('--on <date>').requiredOption('--sentence <text>')),
    async (x, [ref], o) =>
      x.service.sentence({
        personId: person(await x.record(), ref!),
        on: str(o, 'on')!,
        sentence: str(o, 'sentence')!,
        publishable: bool(o, 'publishable'),
      }),
  );

  sub(
    'appeal <case> <person>',
    'an appeal (--on) and its outcome (--outcome, --outcome-on)',
    (c) =>
      publishable(
        c
          .option('--on <date>', 'date lodged')
          .option('--grounds <text>')
          .option('--outcome <o>', APPEAL_OUTCOMES.join(' | '))
          .option('--outcome-on <date>'),
      ),
    async (x, [ref], o) =>
      x.service.appeal({
        personId: person(await x.record(), ref!),
        on: str(o, 'on'),
        grounds: str(o, 'grounds'),
        outcome: str(o, 'outcome') ? checkOneOf(str(o, 'outcome')!, APPEAL_OUTCOMES, '--outcome') : undefined,
        outcomeOn: str(o, 'outcomeOn'),
        publishable: bool(o, 'publishable'),
      }),
  );

  sub(
    'case-to-answer <case> <allegations...>',
    'the case-to-answer decision (reg. 23) on allegations',
    (c) => c.requiredOption('--decision <d>', CASE_TO_ANSWER.join(' | ')).requiredOption('--on <date>'),
    async (x, [list], o) => {
      const decision = checkOneOf(str(o, 'decision')!, CASE_TO_ANSWER, '--decision');
      return x.service.batch(async (s) => {
        const out = [];
        for (const a of many(list))
          out.push(await s.caseToAnswer(intArg(a, 'ALLEGATION'), decision, str(o, 'on')!));
        return out;
      });
    },
  );

  sub(
    'hearing <case>',
    'misconduct proceedings: a meeting or a hearing',
    (c) =>
      publishable(
        c
          .option('--kind <kind>', PROCEEDING_KINDS.join(' | '), 'hearing')
          .option('--level <level>', PROCEEDING_LEVELS.join(' | '), 'gross_misconduct')
          .requiredOption('--start <date>')
          .option('--end <date>')
          .option('--public', 'held in public (default for a hearing)')
          .option('--in-private', 'held in private (default for a meeting)')
          .option('--panel <name:role...>')
          .option('--held-by <org>', 'who held it, e.g. "the Metropolitan Police Service"'),
      ),
    async (x, _a, o) =>
      x.service.proceeding({
        kind: checkOneOf(str(o, 'kind')!, PROCEEDING_KINDS, '--kind'),
        level: checkOneOf(str(o, 'level')!, PROCEEDING_LEVELS, '--level'),
        public: bool(o, 'public') ? true : bool(o, 'inPrivate') ? false : undefined,
        startOn: str(o, 'start')!,
        endOn: str(o, 'end'),
        panel: strs(o, 'panel').map(member),
        heldBy: str(o, 'heldBy'),
        publishable: bool(o, 'publishable'),
      }),
  );

  sub(
    'finding <case> <allegations...>',
    'the finding on allegations (each a standard) at a meeting or hearing',
    (c) =>
      publishable(
        c
          .requiredOption('--proceeding <id>')
          .requiredOption('--finding <f>', FINDINGS.join(' | '))
          .requiredOption('--on <date>'),
      ),
    async (x, [list], o) => {
      const finding = checkOneOf(str(o, 'finding')!, FINDINGS, '--finding');
      const proceedingId = intArg(str(o, 'proceeding')!, '--proceeding');
      return x.service.batch(async (s) => {
        const out = [];
        for (const a of many(list))
          out.push(
            await s.finding({
              allegationId: intArg(a, 'ALLEGATION'),
              proceedingId,
              finding,
              on: str(o, 'on')!,
              publishable: bool(o, 'publishable'),
            }),
          );
        return out;
      });
    },
  );

  sub(
    'outcome <case> <person>',
    'the outcome for a subject',
    (c) =>
      publishable(
        c
          .requiredOption('--outcome <o>', OUTCOMES.join(' | '))
          .requiredOption('--on <date>')
          .option('--proceeding <id>'),
      ),
    async (x, [ref], o) =>
      x.service.outcome({
        personId: person(await x.record(), ref!),
        outcome: checkOneOf(str(o, 'outcome')!, OUTCOMES, '--outcome'),
        proceedingId: str(o, 'proceeding') ? intArg(str(o, 'proceeding')!, '--proceeding') : null,
        on: str(o, 'on')!,
        publishable: bool(o, 'publishable'),
      }),
  );

  sub(
    'barred <case> <person>',
    'barred or advisory list entry, or why the list does not apply',
    (c) =>
      publishable(
        c
          .option('--list <list>', 'barred | advisory', 'barred')
          .option('--reported-on <date>')
          .option('--not-applicable <reason>', 'the barred list does not apply, and why'),
      ),
    async (x, [ref], o) =>
      x.service.barred({
        personId: person(await x.record(), ref!),
        list: str(o, 'notApplicable')
          ? 'not_applicable'
          : checkOneOf(str(o, 'list')!, BARRED_LISTS, '--list'),
        reportedOn: str(o, 'reportedOn'),
        reason: str(o, 'notApplicable'),
        publishable: bool(o, 'publishable'),
      }),
  );

  sub(
    'recommendation <case>',
    'a learning recommendation',
    (c) =>
      publishable(
        c
          .requiredOption('--reference <ref>')
          .requiredOption('--recipient <organisation...>')
          .requiredOption('--text <text>')
          .option('--rationale <text>')
          .option('--legal-basis <text>')
          .requiredOption('--on <date>', 'date made'),
      ),
    async (x, _a, o) =>
      x.service.recommendation({
        reference: str(o, 'reference')!,
        recipients: strs(o, 'recipient'),
        text: str(o, 'text')!,
        rationale: str(o, 'rationale'),
        legalBasis: str(o, 'legalBasis'),
        on: str(o, 'on')!,
        publishable: bool(o, 'publishable'),
      }),
  );

  sub(
    'extend <case> <recommendation>',
    "an extension of a recommendation's response deadline",
    (c) => c.requiredOption('--days <n>').requiredOption('--reason <text>').requiredOption('--on <date>'),
    async (x, [ref], o) =>
      x.service.extend(ref!, {
        days: intArg(str(o, 'days')!, '--days'),
        reason: str(o, 'reason')!,
        on: str(o, 'on')!,
      }),
  );

  sub(
    'response <case> <recommendation>',
    "the recipient's response",
    (c) =>
      c
        .requiredOption('--on <date>', 'date received')
        .requiredOption('--response <r>', RESPONSES.join(' | '))
        .requiredOption('--text <text>'),
    async (x, [ref], o) =>
      x.service.response(ref!, {
        on: str(o, 'on')!,
        response: checkOneOf(str(o, 'response')!, RESPONSES, '--response'),
        text: str(o, 'text')!,
      }),
  );

  sub(
    'publish <case> <recommendation>',
    'publication of the response',
    (c) => c.requiredOption('--on <date>').option('--url <url>', 'where the published response can be read'),
    async (x, [ref], o) => x.service.publishResponse(ref!, str(o, 'on')!, str(o, 'url')),
  );

  sub(
    'progress <case>',
    'an investigation progress report sent',
    (c) => c.requiredOption('--on <date>').option('--note <text>'),
    async (x, _a, o) => x.service.progressReport(str(o, 'on')!, str(o, 'note')),
  );

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

  sub(
    'show <case>',
    'the whole record',
    (c) => c,
    async (x) => x.record(),
    (_x, result) => {
      const r = result as CaseRecordData;
      const d = r.details;
      const name = (id: number) => r.people.find((p) => p.id === id)?.name ?? String(id);
      ctx.io.out(
        `${d?.operation ?? r.caseName}${d?.reference ? ` (${d.reference})` : ''}\n` +
          `  body: ${d?.investigatingBody ?? '-'}  mode: ${d?.mode ?? '-'}  status: ${d?.status ?? '-'}\n` +
          `  referral ${d?.referralDate ?? '-'}  start ${d?.startDate ?? '-'}  evidence sufficient ${d?.evidenceSufficientDate ?? '-'}  report ${d?.reportDate ?? '-'}\n\n`,
      );
      ctx.io.out('Subjects\n');
      printTable(
        ctx.io,
        r.people
          .filter((p) => p.role === 'subject')
          .map((p) => ({
            id: p.id,
            name: p.name,
            status: p.status,
            force: p.force,
            severity: r.assessments.filter((a) => a.personId === p.id).at(-1)?.severity ?? '',
            notices: r.notices
              .filter((n) => n.personId === p.id)
              .map((n) => label(n.kind))
              .join(', '),
            counts: r.counts.filter((c) => c.personId === p.id).length || '',
            convicted: r.counts.filter((c) => c.personId === p.id && c.verdict === 'convicted').length || '',
            outcome: r.outcomes
              .filter((o) => o.personId === p.id)
              .map((o) => label(o.outcome))
              .join(', '),
            barred: r.barred
              .filter((b) => b.personId === p.id)
              .map((b) => b.list)
              .join(', '),
          })),
      );
      ctx.io.out('\nAllegations\n');
      printTable(
        ctx.io,
        r.allegations.map((a) => ({
          id: a.id,
          subject: name(a.personId),
          standard: a.standard,
          messages: a.messageIds.join(','),
          'case to answer': a.caseToAnswer ?? '',
          finding: r.findings
            .filter((f) => f.allegationId === a.id)
            .map((f) => f.finding)
            .join(', '),
        })),
      );
      ctx.io.out('\nCounts\n');
      printTable(
        ctx.io,
        r.counts.map((c) => ({
          id: c.id,
          defendant: name(c.personId),
          count: c.number,
          messages: c.messageIds.join(','),
          charged: c.chargedOn ?? 'proposed',
          verdict: c.verdict ?? '',
        })),
      );
      ctx.io.out('\nLearning recommendations\n');
      printTable(
        ctx.io,
        r.recommendations.map((x) => ({
          ref: x.reference,
          to: x.recipients.join('; '),
          made: x.madeOn,
          response: x.response ?? '',
          due: responseDue(x),
          // A late response is kept, and said to be late (issue 15 defect 7).
          received: x.responseOn
            ? `${x.responseOn}${x.responseOn > responseDue(x) ? ` (late by ${daysBetween(responseDue(x), x.responseOn)} days)` : ''}`
            : '',
          published: x.publishedOn ?? '',
        })),
      );
    },
  );

  sub(
    'deadlines <case>',
    's127 limitation per count, progress reports, barred list reports, recommendation responses and publication',
    (c) => c.option('--today <date>', 'YYYY-MM-DD (default: today in England)'),
    async (x, _a, o) => {
      const day = str(o, 'today') ?? today();
      const deadlines = await x.service.deadlines(day);
      return { today: day, deadlines };
    },
    (_x, result) => {
      const r = result as { today: string; deadlines: ReturnType<typeof caseDeadlines> };
      ctx.io.out(`Deadlines as at ${r.today}\n`);
      printTable(
        ctx.io,
        r.deadlines.map((d) => ({
          due: d.due,
          status: d.status,
          'days left': d.status === 'open' || d.status === 'overdue' ? d.daysLeft : '',
          what: d.about,
          basis: d.basis,
        })),
      );
    },
  );

  sub(
    'timeline <case>',
    'the whole case in date order, from evidence intake to publication',
    (c) => c,
    async (x) => {
      const rec = await x.record();
      const exhibits = await x.store.exhibits.list(rec.caseId);
      return { timeline: caseTimeline(rec, exhibits, await x.service.drafts()) };
    },
    (_x, result) => {
      const r = result as { timeline: ReturnType<typeof caseTimeline> };
      printTable(
        ctx.io,
        r.timeline.map((e) => ({ date: e.date, kind: e.kind, what: e.what })),
      );
    },
  );

  sub(
    'summary <case>',
    'the public investigation summary: generated from publishable facts, editable until --final',
    (c) =>
      c
        .option('--format <f>', 'md | html', 'md')
        .option('--edit <file>', 'store this Markdown file as the new draft')
        .option('--regenerate', 'start a new draft from the record, discarding edits')
        .option('--final', 'mark the latest draft final (no more edits)'),
    async (x, _a, o) => {
      const format = checkOneOf(str(o, 'format')!, ['md', 'html'] as const, '--format');
      let drafts = await x.service.drafts();
      let current = drafts.find((d) => d.final) ?? drafts.at(-1) ?? null;
      if (current?.final && (bool(o, 'regenerate') || bool(o, 'final')))
        throw new UserError(
          `the public summary is final (v${current.version}): it can no longer be regenerated or finalised again`,
          { code: 'summary_final' },
        );
      if (str(o, 'edit')) {
        let text: string;
        try {
          text = readFileSync(str(o, 'edit')!, 'utf8');
        } catch (err) {
          throw new UserError(`${str(o, 'edit')}: cannot read (${(err as Error).message})`);
        }
        current = await x.service.saveDraft(text, 'edited');
      } else if (
        !current?.final &&
        (current === null || current.source === 'generated' || bool(o, 'regenerate'))
      ) {
        const rec = await x.record();
        const markdown = generateSummary(rec, await summaryFacts(x.store, rec));
        if (current?.markdown !== markdown || bool(o, 'regenerate'))
          current = await x.service.saveDraft(markdown, 'generated');
      }
      if (bool(o, 'final')) current = await x.service.finalise();
      drafts = await x.service.drafts();
      const title = `${(await x.record()).details?.operation ?? 'Investigation'}: investigation summary`;
      return {
        version: current!.version,
        source: current!.source,
        final: current!.final,
        format,
        text: format === 'html' ? toHtml(current!.markdown, title) : current!.markdown,
        drafts: drafts.length,
      };
    },
    (_x, result) => {
      const r = result as { text: string; version: number; source: string; final: boolean };
      ctx.io.out(r.text);
      ctx.io.err(`summary v${r.version} (${r.source}${r.final ? ', final' : ', draft'})\n`);
    },
  );
}
