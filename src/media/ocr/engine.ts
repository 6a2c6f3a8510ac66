/**
 * The OCR engine: tesseract.js (Tesseract 5 compiled to WebAssembly), run entirely from npm
 * packages on this machine. Nothing is fetched: the WebAssembly core is `tesseract.js-core` (which
 * tesseract.js loads with require() in Node), the English model is the `4.0.0_best_int` data of
 * `@tesseract.js-data/eng`, read from its folder, and the cache is off (tesseract.js would otherwise
 * write `eng.traineddata` into the working directory). `ocrResources()` says which files are used,
 * so a test and the record can show that each is a local file.
 *
 * Each tesseract.js worker is a Node worker thread with its own WebAssembly instance; `OcrPool`
 * keeps `workers` of them behind one queue.
 */
import { createScheduler, createWorker, OEM, PSM, type Scheduler, type Worker } from 'tesseract.js';

import { ocrResources, type OcrResources } from './resources.js';

export { OCR_ENGINE, OCR_LANGUAGES, engineVersion, ocrResources, type OcrResources } from './resources.js';

export interface OcrWord {
  readonly text: string;
  readonly confidence: number;
}

export interface OcrResult {
  /** As Tesseract read it, lines joined by "\n", trimmed. */
  readonly text: string;
  /** Mean word confidence, 0 to 100 (Tesseract's own measure); 0 when no word was read. */
  readonly confidence: number;
  readonly words: readonly OcrWord[];
  readonly ms: number;
}

export interface OcrPoolOptions {
  readonly language?: string;
  /** Worker threads (default 1). Each holds ~40-80 MB (WebAssembly heap and model). */
  readonly workers?: number;
}

export class OcrPool {
  private constructor(
    private readonly scheduler: Scheduler,
    readonly resources: OcrResources,
  ) {}

  static async start(options: OcrPoolOptions = {}): Promise<OcrPool> {
    const resources = ocrResources(options.language);
    const scheduler = createScheduler();
    const started: Worker[] = [];
    try {
      for (let i = 0; i < Math.max(1, options.workers ?? 1); i++) {
        const worker = await createWorker(resources.language, OEM.LSTM_ONLY, {
          langPath: resources.langPath,
          workerPath: resources.workerPath,
          gzip: true,
          cacheMethod: 'none',
        });
        started.push(worker);
        // Automatic page segmentation with orientation off: memes and screenshots are upright.
        // Tesseract's own notes ("Estimating resolution as …") go to its in-memory file system,
        // not to our standard output.
        await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO, debug_file: '/debug.log' });
        scheduler.addWorker(worker);
      }
    } catch (err) {
      await Promise.all(started.map((w) => w.terminate().catch(() => undefined)));
      throw err;
    }
    return new OcrPool(scheduler, resources);
  }

  /** Reads the text of one image (PNG, JPEG, WebP, BMP, GIF: whatever Leptonica decodes). */
  async recognize(image: Buffer): Promise<OcrResult> {
    const t0 = performance.now();
    const r = await this.scheduler.addJob('recognize', image, {}, { text: true, blocks: true });
    const words: OcrWord[] = [];
    for (const block of r.data.blocks ?? [])
      for (const para of block.paragraphs)
        for (const line of para.lines)
          for (const w of line.words) words.push({ text: w.text, confidence: Math.round(w.confidence) });
    const confidence = words.length ? words.reduce((n, w) => n + w.confidence, 0) / words.length : 0;
    return {
      text: r.data.text.trim(),
      confidence: Math.round(confidence * 10) / 10,
      words,
      ms: Math.round(performance.now() - t0),
    };
  }

  async close(): Promise<void> {
    await this.scheduler.terminate();
  }
}
