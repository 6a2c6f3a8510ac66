/**
 * Record subcommands of the misconduct process: assessment, notices, interviews, allegations, case
 * to answer, meetings and hearings, findings, outcomes and the barred list.
 */
import {
  BARRED_LISTS,
  CASE_TO_ANSWER,
  FINDINGS,
  INTERVIEW_KINDS,
  NOTICE_KINDS,
  OUTCOMES,
  PROCEEDING_KINDS,
  PROCEEDING_LEVELS,
  SEVERITIES,
} from '../../../contract/record.js';
import { checkStandard } from '../../../cases/rules.js';
import {
  type Sub,
  str,
  strs,
  bool,
  ids,
  intArg,
  member,
  person,
  many,
  publishable,
  oneOf,
  picked,
} from './sub.js';

/** `--list` of `record barred`: `not_applicable` is given as `--not-applicable REASON`. */
const LISTS = BARRED_LISTS.filter((l) => l !== 'not_applicable');

function assessCommand(sub: Sub): void {
  sub(
    'assess <case> <person>',
    'severity assessment',
    (c) =>
      publishable(
        c
          .addOption(oneOf('--severity <s>', SEVERITIES, { required: true }))
          .requiredOption('--on <date>')
          .option('--rationale <text>'),
      ),
    async (x, [ref], o) =>
      x.service.assess({
        personId: person(await x.record(), ref!),
        severity: picked(o, 'severity', SEVERITIES)!,
        on: str(o, 'on')!,
        rationale: str(o, 'rationale'),
        publishable: bool(o, 'publishable'),
      }),
  );
}

function noticeCommand(sub: Sub): void {
  sub(
    'notice <case> <person>',
    'a Regulation 17 notice or a criminal letter served',
    (c) =>
      publishable(
        c
          .addOption(oneOf('--kind <kind>', NOTICE_KINDS, { required: true }))
          .requiredOption('--on <date>', 'date served')
          .option('--conduct <text>', 'the conduct alleged')
          .option('--standard <standard...>', 'standards said to be breached')
          .addOption(oneOf('--severity <s>', SEVERITIES)),
      ),
    async (x, [ref], o) =>
      x.service.notice({
        personId: person(await x.record(), ref!),
        kind: picked(o, 'kind', NOTICE_KINDS)!,
        on: str(o, 'on')!,
        conduct: str(o, 'conduct'),
        standards: strs(o, 'standard').map(checkStandard),
        severity: picked(o, 'severity', SEVERITIES),
        publishable: bool(o, 'publishable'),
      }),
  );
}

function interviewCommand(sub: Sub): void {
  sub(
    'interview <case> <person>',
    'an interview (after the notice)',
    (c) =>
      publishable(
        c
          .requiredOption('--on <date>')
          .addOption(oneOf('--kind <kind>', INTERVIEW_KINDS, { fallback: 'misconduct' }))
          .option('--note <text>'),
      ),
    async (x, [ref], o) =>
      x.service.interview({
        personId: person(await x.record(), ref!),
        on: str(o, 'on')!,
        kind: picked(o, 'kind', INTERVIEW_KINDS)!,
        note: str(o, 'note'),
        publishable: bool(o, 'publishable'),
      }),
  );
}

function allegationCommand(sub: Sub): void {
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
}

function caseToAnswerCommand(sub: Sub): void {
  sub(
    'case-to-answer <case> <allegations...>',
    'the case-to-answer decision (reg. 23) on allegations',
    (c) =>
      c.addOption(oneOf('--decision <d>', CASE_TO_ANSWER, { required: true })).requiredOption('--on <date>'),
    async (x, [list], o) => {
      const decision = picked(o, 'decision', CASE_TO_ANSWER)!;
      return x.service.batch(async (s) => {
        const out = [];
        for (const a of many(list))
          out.push(await s.caseToAnswer(intArg(a, 'ALLEGATION'), decision, str(o, 'on')!));
        return out;
      });
    },
  );
}

function hearingCommand(sub: Sub): void {
  sub(
    'hearing <case>',
    'misconduct proceedings: a meeting or a hearing',
    (c) =>
      publishable(
        c
          .addOption(oneOf('--kind <kind>', PROCEEDING_KINDS, { fallback: 'hearing' }))
          .addOption(oneOf('--level <level>', PROCEEDING_LEVELS, { fallback: 'gross_misconduct' }))
          .requiredOption(
            '--start <date>',
            'YYYY-MM-DD, or YYYY-MM / YYYY where only the month or year is known',
          )
          .option('--end <date>', 'as --start')
          .option('--public', 'held in public (default for a hearing)')
          .option('--in-private', 'held in private (default for a meeting)')
          .option('--panel <name:role...>')
          .option('--held-by <org>', 'who held it, e.g. "the Metropolitan Police Service"'),
      ),
    async (x, _a, o) =>
      x.service.proceeding({
        kind: picked(o, 'kind', PROCEEDING_KINDS)!,
        level: picked(o, 'level', PROCEEDING_LEVELS)!,
        public: bool(o, 'public') ? true : bool(o, 'inPrivate') ? false : undefined,
        startOn: str(o, 'start')!,
        endOn: str(o, 'end'),
        panel: strs(o, 'panel').map(member),
        heldBy: str(o, 'heldBy'),
        publishable: bool(o, 'publishable'),
      }),
  );
}

function findingCommand(sub: Sub): void {
  sub(
    'finding <case> <allegations...>',
    'the finding on allegations (each a standard) at a meeting or hearing',
    (c) =>
      publishable(
        c
          .requiredOption('--proceeding <id>')
          .addOption(oneOf('--finding <f>', FINDINGS, { required: true }))
          .requiredOption('--on <date>'),
      ),
    async (x, [list], o) => {
      const finding = picked(o, 'finding', FINDINGS)!;
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
}

function outcomeCommand(sub: Sub): void {
  sub(
    'outcome <case> <person>',
    'the outcome for a subject',
    (c) =>
      publishable(
        c
          .addOption(oneOf('--outcome <o>', OUTCOMES, { required: true }))
          .requiredOption('--on <date>')
          .option('--proceeding <id>'),
      ),
    async (x, [ref], o) =>
      x.service.outcome({
        personId: person(await x.record(), ref!),
        outcome: picked(o, 'outcome', OUTCOMES)!,
        proceedingId: str(o, 'proceeding') ? intArg(str(o, 'proceeding')!, '--proceeding') : null,
        on: str(o, 'on')!,
        publishable: bool(o, 'publishable'),
      }),
  );
}

function barredCommand(sub: Sub): void {
  sub(
    'barred <case> <person>',
    'barred or advisory list entry, or why the list does not apply',
    (c) =>
      publishable(
        c
          .addOption(oneOf('--list <list>', LISTS, { fallback: 'barred' }))
          .option('--reported-on <date>')
          .option('--not-applicable <reason>', 'the barred list does not apply, and why'),
      ),
    async (x, [ref], o) =>
      x.service.barred({
        personId: person(await x.record(), ref!),
        list: str(o, 'notApplicable') ? 'not_applicable' : picked(o, 'list', LISTS)!,
        reportedOn: str(o, 'reportedOn'),
        reason: str(o, 'notApplicable'),
        publishable: bool(o, 'publishable'),
      }),
  );
}

export function registerRecordMisconduct(sub: Sub): void {
  assessCommand(sub);
  noticeCommand(sub);
  interviewCommand(sub);
  allegationCommand(sub);
  caseToAnswerCommand(sub);
  hearingCommand(sub);
  findingCommand(sub);
  outcomeCommand(sub);
  barredCommand(sub);
}
