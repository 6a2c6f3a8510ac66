/**
 * `scrutineer record …`: the case record (notices, prosecution counts, hearings, outcomes, barred
 * list, learning recommendations), its deadlines, timeline and public summary. Every change is one
 * transaction with its audit entry (src/cases/record-service.ts); the subcommands are declared by
 * group in ./record/ (case, misconduct, prosecution, learning, views), as in docs/record.md.
 */
import type { Command } from 'commander';

import type { CliContext } from '../context.js';
import { registerRecordCase } from './record/case.js';
import { registerRecordLearning } from './record/learning.js';
import { registerRecordMisconduct } from './record/misconduct.js';
import { registerRecordProsecution } from './record/prosecution.js';
import { recordSub } from './record/sub.js';
import { registerRecordViews } from './record/views.js';

export function registerRecord(program: Command, ctx: CliContext): void {
  const record = program
    .command('record')
    .description('the case record: notices, counts, hearings, outcomes, barred list, recommendations');
  const sub = recordSub(record, ctx);
  registerRecordCase(sub, ctx);
  registerRecordMisconduct(sub);
  registerRecordProsecution(sub);
  registerRecordLearning(sub);
  registerRecordViews(sub, ctx);
}
