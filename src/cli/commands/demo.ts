import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { analyseCase } from '../../analysis/analyse-case.js';
import { UserError } from '../../domain/errors.js';
import { ensureDemoUsers } from '../../review/demo-users.js';
import { addExhibit } from '../../evidence/import-sequence.js';
import { actor, globalOptions, withStore, type CliContext, type GlobalOptions } from '../context.js';
import { printJson } from '../output.js';
import { progressBar } from '../progress.js';
import type { Store } from '../../store/open-store.js';
import type { CaseRecord } from '../../store/types.js';

export const DEMO_CASE = 'Operation Lantern (demo)';
export const DEMO_CHAT_NAME = 'WhatsApp Chat with Team 3 Response.txt';

export function registerDemo(program: Command, ctx: CliContext): void {
  program
    .command('demo')
    .description(
      'build a demo workspace from a generated, entirely fictional police group chat (once), then show it',
    )
    .option('--fresh', 'remove the demo workspace (if it holds nothing but the demo) and build it again')
    .action(async (o: { fresh?: boolean }, c: Command) => {
      const opts = globalOptions(c, ctx);
      if (o.fresh) await removeDemoWorkspace(opts);
      await withStore(opts, async (store) => {
        const found = await store.cases.findByName(DEMO_CASE);
        const theCase = found ?? (await buildDemoCase(store, opts, ctx));
        await showDemo(store, opts, ctx, theCase, found !== null);
      });
    });
}

/** The demo case, built from a freshly generated chat: imported, analysed, with its record and logins. */
async function buildDemoCase(store: Store, opts: GlobalOptions, ctx: CliContext): Promise<CaseRecord> {
  const dir = join(opts.workspace, 'demo-source');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, DEMO_CHAT_NAME);
  // Loaded only here: the generator is not needed by any other command.
  const { generateDemoChat } = await import('../../demo/generate-chat.js');
  writeFileSync(file, generateDemoChat(1));
  const theCase = await store.transaction(async (repos) => {
    const created = await repos.cases.create({ name: DEMO_CASE, createdBy: actor(ctx) });
    await repos.audit.append({
      actor: actor(ctx),
      action: 'case.create',
      caseId: created.id,
      subject: created.name,
    });
    return created;
  });
  const bar = progressBar(ctx.io, 'Importing demo chat', !opts.json);
  try {
    await addExhibit(store, opts.workspace, {
      caseNameOrId: String(theCase.id),
      file,
      ref: 'DEMO/1',
      description: 'Export of the "Team 3 Response" WhatsApp group (fictional)',
      seizedFrom: 'Mobile phone of a fictional officer, seized in an unrelated inquiry',
      officer: 'DC A. Example',
      timezone: 'Europe/London',
      dateOrder: 'dmy',
      actor: actor(ctx),
      onProgress: (done, total) => bar.update(done, total),
    });
  } finally {
    bar.stop();
  }
  await analyseCase(store, theCase.id, actor(ctx));
  const { buildDemoRecord } = await import('../../demo/demo-record.js');
  await buildDemoRecord(store, theCase.id, actor(ctx));
  // The demo is the only place with a default password: two logins for the demo case only.
  await ensureDemoUsers(store, theCase.id);
  return theCase;
}

/** The demo case summarised (or as JSON), with commands to try on it. */
async function showDemo(
  store: Store,
  opts: GlobalOptions,
  ctx: CliContext,
  theCase: CaseRecord,
  reused: boolean,
): Promise<void> {
  const run = await store.flags.run(theCase.id);
  const topLines = run ? await topFlagLines(store, run.id) : [];
  const stats = await store.messages.stats(theCase.id);
  const exhibits = await store.exhibits.list(theCase.id);
  if (opts.json) {
    printJson(ctx.io, { workspace: opts.workspace, case: theCase, exhibits, stats, run });
    return;
  }
  const senders = stats.bySender.filter((s) => s.sender !== null);
  ctx.io.out(
    [
      reused
        ? `Reusing the demo workspace ${opts.workspace} (built before; \`npm start -- --fresh\` or \`scrutineer demo --fresh\` builds it again)`
        : `Demo workspace: ${opts.workspace}`,
      `Case "${theCase.name}"`,
      ...exhibits.map((e) => `  Exhibit ${e.ref}  ${e.originalName}  SHA-256 ${e.sha256}`),
      `  ${stats.messages} messages from ${stats.first} to ${stats.last} (UTC)`,
      `  By kind: ${Object.entries(stats.byKind)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}`,
      `  ${senders.length} senders: ${senders.map((s) => `${s.sender} (${s.messages})`).join(', ')}`,
      run
        ? `  Flagger run ${run.id}: ${run.flagged} of ${run.messages} messages flagged; highest scores:`
        : '  Not analysed yet',
      ...topLines,
      '',
      'Review it in the browser: npm start (or `npx scrutineer serve`), then log in as demo-reviewer / demo-password',
      '',
      'Try:',
      `  npx scrutineer messages "${theCase.name}" --search "out of order" --workspace ${opts.workspace}`,
      `  npx scrutineer flags "${theCase.name}" --workspace ${opts.workspace}`,
      `  npx scrutineer stats "${theCase.name}" --json --workspace ${opts.workspace}`,
      `  npx scrutineer record show "${theCase.name}" --workspace ${opts.workspace}`,
      `  npx scrutineer verify --workspace ${opts.workspace}`,
      '',
    ].join('\n'),
  );
}

/** The run's five highest-scoring flagged messages, one line each. */
async function topFlagLines(store: Store, runId: number): Promise<string[]> {
  const top = (await store.flags.list(runId, { onlyFlagged: true })).slice(0, 5);
  const topLines: string[] = [];
  for (const f of top) {
    const m = await store.messages.get(f.messageId);
    if (m)
      topLines.push(
        `    ${f.score.toFixed(2)}  ${f.categories.map((k) => k.name).join(', ')}: ${m.sender}: ${m.text.slice(0, 80)}  <line ${m.lineStart}>`,
      );
  }
  return topLines;
}

/**
 * `demo --fresh`: removes the workspace folder so that the demo is built again, but only a workspace
 * that holds the demo case alone (a workspace with a case of anyone's own is never removed), and
 * only a folder workspace (not a PostgreSQL database named with --database).
 */
async function removeDemoWorkspace(opts: GlobalOptions): Promise<void> {
  if (opts.databaseUrl)
    throw new UserError(
      'demo --fresh rebuilds a workspace folder; it does not empty a database named by --database',
    );
  if (!existsSync(opts.workspace)) return;
  const cases = await withStore(opts, (store) => store.cases.list());
  const others = cases.filter((c) => c.name !== DEMO_CASE);
  if (others.length)
    throw new UserError(
      `demo --fresh: ${opts.workspace} holds other cases (${others.map((c) => `"${c.name}"`).join(', ')}); ` +
        'it is left as it is. Use another --workspace for the demo.',
    );
  makeWritable(opts.workspace);
  rmSync(opts.workspace, { recursive: true, force: true });
}

/** Evidence copies and their folders are read-only: make them removable. */
function makeWritable(dir: string): void {
  chmodSync(dir, 0o700);
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = lstatSync(p);
    if (st.isDirectory()) makeWritable(p);
    else if (!st.isSymbolicLink()) chmodSync(p, 0o600);
  }
}
