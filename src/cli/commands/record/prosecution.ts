/**
 * Record subcommands of the criminal side: the file to the prosecutor, charging decisions, counts,
 * court appearances, verdicts, sentences and appeals.
 */
import { APPEAL_OUTCOMES, CHARGING_DECISIONS, VERDICTS } from '../../../contract/record.js';
import { UsageError, UserError } from '../../../domain/errors.js';
import { type Sub, str, strs, bool, ids, intArg, person, many, publishable, oneOf, picked } from './sub.js';

function referCommand(sub: Sub): void {
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
}

function chargingCommand(sub: Sub): void {
  sub(
    'charging <case> <person>',
    "the prosecutor's charging decision on a suspect",
    (c) =>
      publishable(
        c
          .requiredOption('--on <date>')
          .addOption(oneOf('--decision <d>', CHARGING_DECISIONS, { required: true }))
          .option('--note <text>'),
      ),
    async (x, [ref], o) =>
      x.service.chargingDecision({
        personId: person(await x.record(), ref!),
        on: str(o, 'on')!,
        decision: picked(o, 'decision', CHARGING_DECISIONS)!,
        note: str(o, 'note'),
        publishable: bool(o, 'publishable'),
      }),
  );
}

function chargeCommand(sub: Sub): void {
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
}

function appearanceCommand(sub: Sub): void {
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
}

function verdictCommand(sub: Sub): void {
  sub(
    'verdict <case> <counts...>',
    'the verdict on charged counts',
    (c) => c.addOption(oneOf('--verdict <v>', VERDICTS, { required: true })).requiredOption('--on <date>'),
    async (x, [counts], o) => {
      const verdict = picked(o, 'verdict', VERDICTS)!;
      return x.service.batch(async (s) => {
        const out = [];
        for (const c of many(counts)) out.push(await s.verdict(intArg(c, 'COUNT'), verdict, str(o, 'on')!));
        return out;
      });
    },
  );
}

function sentenceCommand(sub: Sub): void {
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
}

function appealCommand(sub: Sub): void {
  sub(
    'appeal <case> <person>',
    'an appeal (--on) and its outcome (--outcome, --outcome-on)',
    (c) =>
      publishable(
        c
          .option('--on <date>', 'date lodged')
          .option('--grounds <text>')
          .addOption(oneOf('--outcome <o>', APPEAL_OUTCOMES))
          .option('--outcome-on <date>'),
      ),
    async (x, [ref], o) =>
      x.service.appeal({
        personId: person(await x.record(), ref!),
        on: str(o, 'on'),
        grounds: str(o, 'grounds'),
        outcome: picked(o, 'outcome', APPEAL_OUTCOMES),
        outcomeOn: str(o, 'outcomeOn'),
        publishable: bool(o, 'publishable'),
      }),
  );
}

export function registerRecordProsecution(sub: Sub): void {
  referCommand(sub);
  chargingCommand(sub);
  chargeCommand(sub);
  appearanceCommand(sub);
  verdictCommand(sub);
  sentenceCommand(sub);
  appealCommand(sub);
}
