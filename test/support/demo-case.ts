/** Shared set-up for the report tests: a workspace holding the demo group chat, analysed. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateDemoChat } from '../../src/demo/generate-chat.js';
import { makeWorkspace, type Workspace } from './cli.js';
import { tempDir } from './device.js';
import { pdfPages, pdfText, renderPdfPages } from './pdf.js';

export { pdfPages, pdfText };

export const ARTIFACTS = path.resolve('test-artifacts/reports');

/**
 * Always null: PDFs are read with pdfjs-dist from npm now, so no report test is skipped. Kept so
 * tests written when poppler was needed still compile.
 */
export const POPPLER_SKIPPED = null;

/** Renders pages to PNG under test-artifacts/reports (kept for a person to look at). */
export function renderPages(file: string, name: string, first = 1, last = 3): string[] {
  mkdirSync(ARTIFACTS, { recursive: true });
  return renderPdfPages(file, path.join(ARTIFACTS, name), first, last);
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
