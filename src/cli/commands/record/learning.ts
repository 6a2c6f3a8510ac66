/**
 * Record subcommands for learning recommendations: making one, extending the time for the
 * response, the response and its publication.
 */
import { RESPONSES } from '../../../contract/record.js';
import { type Sub, str, strs, bool, intArg, publishable, oneOf, picked } from './sub.js';

function recommendationCommand(sub: Sub): void {
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
}

function extendCommand(sub: Sub): void {
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
}

function responseCommand(sub: Sub): void {
  sub(
    'response <case> <recommendation>',
    "the recipient's response",
    (c) =>
      c
        .requiredOption('--on <date>', 'date received')
        .addOption(oneOf('--response <r>', RESPONSES, { required: true }))
        .requiredOption('--text <text>'),
    async (x, [ref], o) =>
      x.service.response(ref!, {
        on: str(o, 'on')!,
        response: picked(o, 'response', RESPONSES)!,
        text: str(o, 'text')!,
      }),
  );
}

function publishCommand(sub: Sub): void {
  sub(
    'publish <case> <recommendation>',
    'publication of the response',
    (c) => c.requiredOption('--on <date>').option('--url <url>', 'where the published response can be read'),
    async (x, [ref], o) => x.service.publishResponse(ref!, str(o, 'on')!, str(o, 'url')),
  );
}

export function registerRecordLearning(sub: Sub): void {
  recommendationCommand(sub);
  extendCommand(sub);
  responseCommand(sub);
  publishCommand(sub);
}
