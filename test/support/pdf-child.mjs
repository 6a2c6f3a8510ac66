// Reads a PDF with pdfjs-dist (Mozilla's PDF.js, pure JavaScript) for test/support/pdf.ts, which runs
// this file as a child process so that its helpers stay synchronous like the poppler tools they
// replace. Plain JavaScript so that it starts with `node` alone.
//
//   node pdf-child.mjs text FILE [layout]      the text, pages separated by form feeds (as pdftotext)
//   node pdf-child.mjs pages FILE              the number of pages
//   node pdf-child.mjs render FILE PREFIX FIRST LAST SCALE
//                                              PNGs PREFIX-NN.png (as pdftoppm), via @napi-rs/canvas
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';

const require = createRequire(import.meta.url);
const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'));

const [op, file, ...rest] = process.argv.slice(2);

async function open() {
  return getDocument({
    data: new Uint8Array(readFileSync(file)),
    verbosity: VerbosityLevel.ERRORS,
    standardFontDataUrl: `${path.join(pdfjsRoot, 'standard_fonts')}/`,
    cMapUrl: `${path.join(pdfjsRoot, 'cmaps')}/`,
    cMapPacked: true,
    isEvalSupported: false,
  }).promise;
}

/** One page's text as lines, top to bottom, each left to right; a space where there is a gap. */
async function pageText(page, layout) {
  const content = await page.getTextContent();
  const lines = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str === '') continue;
    const [, , , , x, y] = item.transform;
    const size = Math.max(item.height, 1);
    let line = lines.find((l) => Math.abs(l.y - y) < size * 0.5);
    if (!line) lines.push((line = { y, items: [] }));
    line.items.push({ x, end: x + item.width, str: item.str, size });
  }
  lines.sort((a, b) => b.y - a.y);
  return lines
    .map((l) => {
      l.items.sort((a, b) => a.x - b.x);
      let out = '';
      let prev = null;
      for (const it of l.items) {
        if (prev) {
          const gap = it.x - prev.end;
          if (layout && gap > prev.size) out += ' '.repeat(Math.max(2, Math.round(gap / (prev.size * 0.5))));
          else if (gap > prev.size * 0.15 && !out.endsWith(' ') && !it.str.startsWith(' ')) out += ' ';
        }
        out += it.str;
        prev = it;
      }
      return out.trimEnd();
    })
    .join('\n');
}

const doc = await open();
if (op === 'pages') {
  process.stdout.write(`${doc.numPages}\n`);
} else if (op === 'text') {
  const pages = [];
  for (let p = 1; p <= doc.numPages; p++)
    pages.push(`${await pageText(await doc.getPage(p), rest[0] === 'layout')}\n`);
  process.stdout.write(`${pages.join('\f')}\f`);
} else if (op === 'render') {
  const { createCanvas } = await import('@napi-rs/canvas');
  const [prefix, first, last, scale] = [rest[0], Number(rest[1]), Number(rest[2]), Number(rest[3])];
  const digits = String(doc.numPages).length;
  const written = [];
  for (let p = first; p <= Math.min(last, doc.numPages); p++) {
    const page = await doc.getPage(p);
    const viewport = page.getViewport({ scale });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvas, canvasContext: ctx, viewport }).promise;
    const out = `${prefix}-${String(p).padStart(digits, '0')}.png`;
    writeFileSync(out, canvas.toBuffer('image/png'));
    written.push(out);
  }
  process.stdout.write(`${written.join('\n')}\n`);
} else {
  process.stderr.write(`unknown operation ${op}\n`);
  process.exit(2);
}
await doc.destroy();
