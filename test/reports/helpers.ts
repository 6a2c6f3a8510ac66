/** Shared set-up for the report tests: a workspace holding the demo group chat, analysed. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateDemoChat } from '../../src/demo/generate-chat.js';
import { makeWorkspace, type Workspace } from '../helpers/cli.js';
import { tempDir } from '../device/helpers.js';

export const ARTIFACTS = path.resolve('test-artifacts/reports');

export function hasPoppler(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const POPPLER_SKIPPED = hasPoppler()
  ? null
  : 'pdftotext/pdftoppm not installed (apt-get install -y poppler-utils; .ci/run does)';

export function pdfText(file: string, layout = false): string {
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
}

export function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/u.exec(info)?.[1] ?? NaN);
}

/** Renders pages to PNG under test-artifacts/reports (kept for a person to look at). */
export function renderPages(file: string, name: string, first = 1, last = 3): string[] {
  mkdirSync(ARTIFACTS, { recursive: true });
  const prefix = path.join(ARTIFACTS, name);
  execFileSync('pdftoppm', ['-r', '80', '-png', '-f', String(first), '-l', String(last), file, prefix]);
  const pages = pdfPages(file);
  const out: string[] = [];
  const digits = String(pages).length;
  for (let p = first; p <= Math.min(last, pages); p++)
    out.push(`${prefix}-${String(p).padStart(digits, '0')}.png`);
  return out;
}

export interface DemoCase {
  readonly ws: Workspace;
  readonly dir: string;
  readonly chat: string;
}

/** The demo group ("Team 3 Lates"), imported as AB/1 into case "Lantern" and analysed. */
export async function demoCase(backend: 'sqlite' | 'postgres'): Promise<DemoCase> {
  const ws = await makeWorkspace(backend);
  const dir = tempDir('scrutineer-reports-');
  const chat = path.join(dir, 'WhatsApp Chat with Team 3 Lates.txt');
  writeFileSync(chat, generateDemoChat(1));
  const run = async (args: string[]) => {
    const r = await ws.cli(args);
    if (r.code !== 0) throw new Error(`scrutineer ${args.join(' ')}: ${r.err}`);
    return r;
  };
  await run(['case', 'create', 'Lantern']);
  await run(['exhibit', 'add', 'Lantern', chat, '--ref', 'AB/1', '--officer', 'DC Example']);
  await run(['analyse', 'Lantern']);
  return { ws, dir, chat };
}
