#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { UsageError, UserError } from '../domain/errors.js';
import { registerAnalysis } from './commands/analyse.js';
import { registerAudit } from './commands/audit.js';
import { registerBatch } from './commands/batch.js';
import { registerCase } from './commands/case.js';
import { registerClassify } from './commands/classify.js';
import { registerConversations } from './commands/conversations.js';
import { registerCoverage } from './commands/coverage.js';
import { registerRerank } from './commands/rerank.js';
import { registerDemo } from './commands/demo.js';
import { registerExhibit } from './commands/exhibit.js';
import { registerJobs } from './commands/jobs.js';
import { registerMessages } from './commands/messages.js';
import { registerOcr } from './commands/ocr.js';
import { registerServe } from './commands/serve.js';
import { registerSimilar } from './commands/similar.js';
import { registerPeople } from './commands/people.js';
import { registerQc } from './commands/qc.js';
import { registerRecord } from './commands/record.js';
import { registerReports } from './commands/report.js';
import { registerStats } from './commands/stats.js';
import { registerUser } from './commands/user.js';
import { registerVerify } from './commands/verify.js';
import type { CliContext } from './context.js';
import { ExitCode, processIo, type Io } from './output.js';
import { VERSION } from '../version.js';

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('scrutineer')
    .description('Review seized chat evidence for police-misconduct investigations')
    .version(VERSION)
    .option('--workspace <path>', 'workspace folder (env SCRUTINEER_WORKSPACE)', undefined)
    .option('--database <url>', 'PostgreSQL URL instead of the workspace SQLite file (env DATABASE_URL)')
    .option('--json', 'machine-readable output')
    .showHelpAfterError()
    .configureOutput({ writeOut: (s) => ctx.io.out(s), writeErr: (s) => ctx.io.err(s) })
    .exitOverride();
  registerCase(program, ctx);
  registerExhibit(program, ctx);
  registerVerify(program, ctx);
  registerMessages(program, ctx);
  registerStats(program, ctx);
  registerClassify(program);
  registerAnalysis(program, ctx);
  registerConversations(program, ctx);
  registerPeople(program, ctx);
  registerRecord(program, ctx);
  registerReports(program, ctx);
  registerDemo(program, ctx);
  registerServe(program, ctx);
  registerUser(program, ctx);
  registerCoverage(program, ctx);
  registerRerank(program, ctx);
  registerSimilar(program, ctx);
  registerBatch(program, ctx);
  registerQc(program, ctx);
  registerAudit(program, ctx);
  registerJobs(program, ctx);
  registerOcr(program, ctx);
  for (const cmd of program.commands) {
    cmd.exitOverride();
    for (const sub of cmd.commands) sub.exitOverride();
  }
  return program;
}

/** Run the CLI in-process; returns the exit code. Errors a user can act on print one clear line. */
export async function run(
  argv: readonly string[],
  io: Io = processIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const program = buildProgram({ io, env });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof ExitCode) return err.code;
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof UserError) {
      io.err(`scrutineer: ${err.message}\n`);
      return err instanceof UsageError ? 2 : 1;
    }
    io.err(
      `scrutineer: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    return 70;
  }
}

function isMain(): boolean {
  try {
    return realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  // `scrutineer messages … | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  process.exitCode = await run(process.argv.slice(2));
}
