/**
 * Reading PDFs back in tests, with pdfjs-dist (text, page count) and @napi-rs/canvas (pixels), both
 * from npm: no poppler needed. Synchronous, like the pdftotext/pdfinfo/pdftoppm calls they replace,
 * because the work runs in a child process (pdf-child.mjs).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pdf-child.mjs');

function child(args: string[]): string {
  return execFileSync(process.execPath, [CHILD, ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * The PDF's text, page by page (pages end with a form feed, as pdftotext writes them), each page as
 * lines top to bottom; `layout` keeps wide gaps between columns as runs of spaces.
 */
export function pdfText(file: string, layout = false): string {
  return child(['text', file, ...(layout ? ['layout'] : [])]);
}

/** The number of pages. */
export function pdfPages(file: string): number {
  return Number(child(['pages', file]).trim());
}

/**
 * Renders pages `first`..`last` to PNG files `PREFIX-N.png` (N zero-padded to the page count's
 * digits, as pdftoppm names them) at `dpi`; returns the files written.
 */
export function renderPdfPages(file: string, prefix: string, first = 1, last = 3, dpi = 80): string[] {
  mkdirSync(path.dirname(prefix), { recursive: true });
  return child(['render', file, prefix, String(first), String(last), String(dpi / 72)])
    .split('\n')
    .filter(Boolean);
}
