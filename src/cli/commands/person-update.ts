/**
 * `scrutineer person update CASE PERSON …`: people change during a case (an officer resigns, a
 * setting was wrong). A status change is kept with the date it took effect (serving -> former on
 * D), so the record's rules read the status on the date that matters (issue 15 defect 6).
 */
import type { Command } from 'commander';

import { PeopleService } from '../../cases/people-service.js';
import { UsageError } from '../../domain/errors.js';
import { PERSON_STATUSES, type PersonStatus } from '../../contract/record.js';
import type { PersonChanges } from '../../store/repositories/people.js';
import { actor, globalOptions, withStore, type CliContext } from '../context.js';
import { printJson } from '../output.js';
import { requireCase } from './shared.js';

interface UpdateOptions {
  status?: string;
  from?: string;
  note?: string;
  force?: string;
  rank?: string;
  warrantNumber?: string;
  barredListApplies?: string;
}

function changesFrom(o: UpdateOptions): PersonChanges {
  if (o.status !== undefined && !(PERSON_STATUSES as readonly string[]).includes(o.status))
    throw new UsageError(`--status must be one of ${PERSON_STATUSES.join(', ')}`);
  if (o.status !== undefined && o.from === undefined)
    throw new UsageError('give the date the status took effect: --from YYYY-MM-DD (or YYYY-MM, YYYY)');
  if (o.from !== undefined && o.status === undefined) throw new UsageError('--from goes with --status');
  if (o.barredListApplies !== undefined && !['yes', 'no'].includes(o.barredListApplies))
    throw new UsageError('--barred-list-applies must be yes or no');
  const changes: PersonChanges = {
    ...(o.force !== undefined ? { force: o.force } : {}),
    ...(o.rank !== undefined ? { rank: o.rank } : {}),
    ...(o.warrantNumber !== undefined ? { warrantNumber: o.warrantNumber } : {}),
    ...(o.barredListApplies !== undefined ? { barredListApplies: o.barredListApplies === 'yes' } : {}),
    ...(o.status !== undefined
      ? { status: { status: o.status as PersonStatus, from: o.from!, note: o.note ?? null } }
      : {}),
  };
  if (Object.keys(changes).length === 0)
    throw new UsageError(
      'nothing to change: give --status and --from, --force, --rank, --warrant-number or --barred-list-applies',
    );
  return changes;
}

export function registerPersonUpdate(person: Command, ctx: CliContext): void {
  person
    .command('update <case> <person>')
    .description("change a person's status (from a date: the history is kept) or settings")
    .option('--status <status>', `${PERSON_STATUSES.join(' | ')}, from --from`)
    .option(
      '--from <date>',
      'the date the status took effect (e.g. the day after the resignation; a month or a year where no day is known)',
    )
    .option('--note <text>', 'why, e.g. "resigned"')
    .option('--force <force>', 'current or last force')
    .option('--rank <rank>')
    .option('--warrant-number <number>')
    .option('--barred-list-applies <yes|no>', 'no: the officer is subject to different regulations')
    .action(async (caseName: string, ref: string, o: UpdateOptions, c: Command) => {
      const opts = globalOptions(c, ctx);
      const changes = changesFrom(o);
      await withStore(opts, async (store) => {
        const theCase = await requireCase(store, caseName);
        const people = new PeopleService(store, theCase.id, actor(ctx), () => new Date());
        const updated = await people.update(ref, changes);
        if (opts.json) printJson(ctx.io, updated);
        else
          ctx.io.out(
            `Person ${updated.id}: ${updated.name}: ${updated.statusHistory.map((h) => `${h.status}${h.from ? ` from ${h.from}` : ''}`).join(', ') || (updated.status ?? 'no status')}\n`,
          );
      });
    });
}
