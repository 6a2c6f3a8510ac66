/**
 * `scrutineer ocr CASE [--queue] [--workers N] [--language eng|fra]`: read the text of every image of a
 * case (issue 17), offline; `--list` prints what was read. See docs/media.md.
 */
import type { Command } from 'commander';

import { UsageError } from '../../domain/errors.js';
import type { OcrCaseOutcome } from '../../media/ocr/ocr-case.js';
import { queueOcr } from '../../media/ocr/ocr-job.js';
import { OCR_LANGUAGES } from '../../media/ocr/resources.js';
import { actor, globalOptions, withStore, type CliContext } from '../context.js';
import { printJson, printTable } from '../output.js';
import { progressBar } from '../progress.js';
import { printQueued } from './jobs.js';
import { requireCase } from './shared.js';

interface OcrOptions {
  queue?: boolean;
  workers: string;
  language: string;
  list?: boolean;
}

function workerCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new UsageError(`--workers must be a whole number from 1 to 64 (got "${value}")`);
  return n;
}

/** What the run did with a phone's own `.thumb` files, or nothing where there were none. */
function thumbnailNote(o: OcrCaseOutcome): string {
  const parts = [];
  if (o.deviceThumbnailsSkipped)
    parts.push(
      `${o.deviceThumbnailsSkipped} device thumbnail(s) (.thumb) not read: a second, smaller copy of an image that is read itself`,
    );
  if (o.deviceThumbnailsRead)
    parts.push(
      `${o.deviceThumbnailsRead} device thumbnail(s) read as the only picture of their item (absent or no image; the pass says which)`,
    );
  return parts.map((p) => `, ${p}`).join('');
}

export function registerOcr(program: Command, ctx: CliContext): void {
  program
    .command('ocr <case>')
    .description(
      'read the text of every image of a case (offline, tesseract.js): kept as derived text of the image with engine, version, language and confidence; searched and flagged with its message',
    )
    .option('--queue', 'put the run on the job queue (`scrutineer worker` runs it) instead of running it now')
    .option('--workers <n>', 'OCR worker threads', '1')
    .option('--language <code>', `OCR language (installed: ${Object.keys(OCR_LANGUAGES).join(', ')})`, 'eng')
    .option('--list', 'print the text already read from the case images (JSON lines with --json)')
    .action(async (caseName: string, o: OcrOptions, c: Command) => {
      const opts = globalOptions(c, ctx);
      const workers = workerCount(o.workers);
      await withStore(opts, async (store) => {
        const theCase = await requireCase(store, caseName);
        if (o.list) {
          const texts = await store.mediaTexts.list(theCase.id);
          if (opts.json) {
            for (const t of texts) ctx.io.out(`${JSON.stringify(t)}\n`);
            return;
          }
          printTable(
            ctx.io,
            texts.map((t) => ({
              id: t.id,
              file: t.exhibitFileId,
              confidence: t.confidence,
              pass: t.pass,
              text: (t.error ? `[${t.error}]` : t.text).replace(/\s+/gu, ' ').slice(0, 80),
            })),
          );
          return;
        }
        if (o.queue) {
          printQueued(
            ctx,
            opts,
            await queueOcr(store, theCase.id, actor(ctx), { language: o.language, workers }),
          );
          return;
        }
        const { ocrCase } = await import('../../media/ocr/ocr-case.js');
        const bar = progressBar(ctx.io, 'Reading images', !opts.json, 'files');
        let outcome;
        try {
          outcome = await ocrCase(store, opts.workspace, theCase.id, actor(ctx), {
            language: o.language,
            workers,
            onProgress: (done, total) => bar.update(done, total),
          });
        } finally {
          bar.stop();
        }
        if (opts.json) {
          printJson(ctx.io, outcome);
          return;
        }
        ctx.io.out(
          `Read ${outcome.read} image(s) of ${outcome.candidates} media file(s) not yet read: ${outcome.withText} with text, ${outcome.failed} could not be decoded, ${outcome.notImages} not images` +
            `${outcome.changed ? `, ${outcome.changed} NOT READ because the stored copy no longer matches its hash (run \`scrutineer verify\`)` : ''}` +
            thumbnailNote(outcome) +
            ` (${outcome.engine} ${outcome.engineVersion}, ${outcome.language}, ${(outcome.ms / 1000).toFixed(1)} s)\n`,
        );
      });
    });
}
