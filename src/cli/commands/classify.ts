/**
 * `scrutineer classify [FILE] --jsonl`: run the flagger over messages, one result line per input line.
 *
 * Input: JSONL lines `{"id"?, "text", "before"?}` or plain text lines (id = 1-based line number); stdin
 * if no FILE. `before`, the messages just before this one in its conversation (oldest first; strings,
 * the last two read), has the message read after them as the case analysis does (engine 2.6).
 * Output: one JSON line per input line, in order:
 *   {"id","score","flagged","categories":[{"name","score"}],"spans":[{"start","end","text","category","reason"}],"version"}
 * A line that is not valid JSON, or JSON without a string `text`, is classified as plain text, so every
 * input line gets a result (bad input never stops a run half-way through an exhibit).
 */

import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import { isFlagCategory } from '../../contract/coding.js';
import { createFlagger, type CaseTerm, type Flagger } from '../../analysis/flagger/index.js';

export interface ClassifyOptions {
  jsonl?: boolean;
  caseTerms?: string;
  termListVersion?: string;
}

interface Parsed {
  id: string | number;
  text: string;
  before?: string[];
}

/** The case analysis reads a message after at most this many before it (analyse-case.ts). */
const MAX_BEFORE = 2;

export function parseLine(line: string, lineNo: number, jsonl: boolean): Parsed {
  // Strip a trailing CR from CRLF files; keep everything else exactly as given.
  const raw = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (jsonl && raw.trimStart().startsWith('{')) {
    try {
      const obj = JSON.parse(raw) as unknown;
      if (obj !== null && typeof obj === 'object' && typeof (obj as { text?: unknown }).text === 'string') {
        const o = obj as { id?: unknown; text: string; before?: unknown };
        const id = typeof o.id === 'string' || typeof o.id === 'number' ? o.id : lineNo;
        if (!Array.isArray(o.before)) return { id, text: o.text };
        const before = o.before.filter((b): b is string => typeof b === 'string').slice(-MAX_BEFORE);
        return { id, text: o.text, before };
      }
    } catch {
      // Not JSON: fall through and treat the line as plain text.
    }
  }
  return { id: lineNo, text: raw };
}

export function resultLine(flagger: Flagger, p: Parsed): string {
  const r = p.before === undefined ? flagger.classify(p.text) : flagger.classifyInContext(p.text, p.before);
  return JSON.stringify({
    id: p.id,
    score: r.score,
    flagged: r.flagged,
    categories: r.categories,
    spans: r.spans,
    version: r.version,
  });
}

/** Case term list file: JSON `{ "version"?: string, "terms": [{term, category, severity}] }` or a bare array. */
export function loadCaseTerms(file: string): { terms: CaseTerm[]; version?: string } {
  const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  const list = Array.isArray(data) ? data : (data as { terms?: unknown }).terms;
  if (!Array.isArray(list)) throw new Error(`${file}: expected an array of terms or {"terms": [...]}`);
  const terms: CaseTerm[] = list.map((t: unknown, k: number) => {
    const o = t as { term?: unknown; category?: unknown; severity?: unknown };
    if (typeof o.term !== 'string' || typeof o.category !== 'string' || !isFlagCategory(o.category)) {
      throw new Error(`${file}: term ${k + 1} needs a string term and a known category`);
    }
    const sev = o.severity;
    const severity =
      sev === 1 || sev === 2 || sev === 3 || sev === 'low' || sev === 'medium' || sev === 'high' ? sev : 2;
    return { term: o.term, category: o.category, severity };
  });
  const version = Array.isArray(data) ? undefined : (data as { version?: unknown }).version;
  return { terms, version: typeof version === 'string' ? version : undefined };
}

export async function classifyStream(
  input: Readable,
  output: Writable,
  options: ClassifyOptions = {},
): Promise<number> {
  let flagger: Flagger;
  if (options.caseTerms !== undefined) {
    const { terms, version } = loadCaseTerms(options.caseTerms);
    flagger = createFlagger({ extraTerms: terms, termListVersion: options.termListVersion ?? version });
  } else {
    flagger = createFlagger(
      options.termListVersion !== undefined ? { termListVersion: options.termListVersion } : {},
    );
  }
  const rl = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    const out = resultLine(flagger, parseLine(line, lineNo, options.jsonl === true)) + '\n';
    if (!output.write(out)) await new Promise<void>((resolve) => output.once('drain', () => resolve()));
  }
  return lineNo;
}

export function registerClassify(program: Command): void {
  program
    .command('classify [file]')
    .description('flag discriminatory and derogatory messages (one JSON result line per input line)')
    .option('--jsonl', 'input lines are JSON objects {"id"?, "text"} (plain text lines are still accepted)')
    .option(
      '--case-terms <file>',
      'case term list (JSON: {"version", "terms": [{term, category, severity}]})',
    )
    .option('--term-list-version <version>', 'version string recorded for the case term list')
    .action(async (file: string | undefined, opts: ClassifyOptions) => {
      const input = file !== undefined && file !== '-' ? createReadStream(file) : process.stdin;
      await classifyStream(input, process.stdout, opts);
    });
}
