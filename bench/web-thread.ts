/**
 * The thread view on a 1,000,000-message conversation, in Debian's chromium against a synthetic API
 * (test/web/fake-api.ts fabricates messages by seq, so no million-message import is needed): time
 * from navigation to the first rows visible, a jump to the middle, and a long native scroll, with
 * the rows in the DOM and the windows fetched. Run: `node dist/bench/web-thread.js`.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { ensureWebBuilt, haveChromium, launchChromium, CHROMIUM } from '../test/web/browser.js';
import { startFakeApi } from '../test/web/fake-api.js';
import type { BenchResult } from './types.js';

const TOTAL = 1_000_000;
const RUNS = 3;

/** Polls each animation frame until a row with this seq is in the viewport; ms since `t0` (page clock). */
function untilVisible(seqExpr: string, t0Expr: string): string {
  return `new Promise((resolve) => {
    const start = ${t0Expr};
    const seq = ${seqExpr};
    const tick = () => {
      const el = document.querySelector('[data-seq="' + seq + '"] .bubble:not(.placeholder), [data-seq="' + seq + '"] .system-event');
      const box = el && el.getBoundingClientRect();
      if (box && box.bottom > 0 && box.top < innerHeight) resolve(performance.now() - start);
      else if (performance.now() - start > 20000) resolve(-1);
      else requestAnimationFrame(tick);
    };
    tick();
  })`;
}

const DOM_ROWS = `document.querySelectorAll('[role="article"]').length`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/#/login`);
  await page.getByLabel('Username').fill('demo-reviewer');
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Cases' }).waitFor();
}

export async function benchWebThread(): Promise<BenchResult> {
  const name = 'Web thread view (1,000,000 messages, synthetic API, headless chromium)';
  if (!haveChromium()) return { name, rows: [], notes: [`no chromium at ${CHROMIUM}`] };
  ensureWebBuilt();
  const api = await startFakeApi({ total: TOTAL });
  const b = await launchChromium();
  const samples: Record<string, { ms: number[]; rows: number[]; windows: number[] }> = {};
  const record = (step: string, ms: number, rows: number, windows: number) => {
    const s = (samples[step] ??= { ms: [], rows: [], windows: [] });
    s.ms.push(ms);
    s.rows.push(rows);
    s.windows.push(windows);
    if (process.env.BENCH_VERBOSE) process.stderr.write(`${step}: ${ms.toFixed(0)} ms\n`);
  };
  try {
    const page = await b.context.newPage();
    page.on('crash', () => process.stderr.write('page crashed\n'));
    page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
    await signIn(page, api.url);
    for (let i = 0; i < RUNS; i++) {
      // 1. Open the thread from a fresh page load: app boot, session, first window, first rows.
      let before = api.windowRequests.length;
      await page.goto(`${api.url}/?run=${i}#/cases/1/conversations/1`);
      const first = Number(await page.evaluate(untilVisible('0', '0')));
      record(
        'open: first rows visible (from navigation start)',
        first,
        Number(await page.evaluate(DOM_ROWS)),
        api.windowRequests.length - before,
      );

      // 2. Jump to the middle with the position slider (the thread-wide scrollbar).
      before = api.windowRequests.length;
      const mid = Number(
        await page.evaluate(`(() => {
          const t0 = performance.now();
          const el = document.querySelector('input[type=range]');
          const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
          set.call(el, '500000');
          el.dispatchEvent(new Event('input', { bubbles: true }));
          el.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
          return ${untilVisible('500000', 't0')};
        })()`),
      );
      record(
        'jump to the middle (seq 500,000): row visible',
        mid,
        Number(await page.evaluate(DOM_ROWS)),
        api.windowRequests.length - before,
      );

      // 3. A long native scroll (like dragging the scrollbar): 100,000 px down, then rows loaded.
      before = api.windowRequests.length;
      const far = Number(
        await page.evaluate(`(() => {
          const t0 = performance.now();
          const s = document.querySelector('.thread-scroll');
          s.scrollTop += 100000;
          return new Promise((resolve) => {
            const tick = () => {
              const rows = [...document.querySelectorAll('[role="article"]')];
              const loaded = rows.length > 0 && rows.every((r) => !r.querySelector('.placeholder'));
              const moved = rows.some((r) => Number(r.dataset.seq) > 501000);
              if (loaded && moved) resolve(performance.now() - t0);
              else if (performance.now() - t0 > 20000) resolve(-1);
              else requestAnimationFrame(tick);
            };
            tick();
          });
        })()`),
      );
      record(
        'scroll 100,000 px (≈1,400 rows): rows loaded',
        far,
        Number(await page.evaluate(DOM_ROWS)),
        api.windowRequests.length - before,
      );

      // 4. Smooth reading: 60 wheel steps of 120 px; frames longer than 50 ms counted.
      const wheel = JSON.parse(
        String(
          await page.evaluate(`(async () => {
            const s = document.querySelector('.thread-scroll');
            const frames = [];
            let last = performance.now();
            let on = true;
            const frame = (t) => { frames.push(t - last); last = t; if (on) requestAnimationFrame(frame); };
            requestAnimationFrame(frame);
            const t0 = performance.now();
            for (let k = 0; k < 60; k++) {
              s.scrollTop += 120;
              await new Promise((r) => requestAnimationFrame(() => r()));
            }
            on = false;
            return JSON.stringify({ ms: performance.now() - t0, long: frames.filter((f) => f > 50).length, worst: Math.max(...frames) });
          })()`),
        ),
      ) as { ms: number; long: number; worst: number };
      record(
        'wheel-like scroll, 60 steps of 120 px: total',
        wheel.ms,
        Number(await page.evaluate(DOM_ROWS)),
        wheel.long,
      );
      record('  worst frame during that scroll', wheel.worst, 0, 0);
    }
  } finally {
    await b.close();
    await api.close();
  }
  const rows = Object.entries(samples).map(([step, s]) => ({
    step,
    'median ms': Math.round(median(s.ms)),
    'max ms': Math.round(Math.max(...s.ms)),
    'DOM rows': median(s.rows) || '',
    'windows fetched / long frames': median(s.windows),
  }));
  return {
    name,
    rows,
    notes: [
      `${RUNS} runs (-1: not reached within 20 s); windows of 200 messages fetched by seq; a page of 150,000 rows moves under the reader (browsers cap element height).`,
      'The last column counts window requests for the first three steps and frames over 50 ms for the wheel scroll.',
      'Synthetic API on the same machine: network and database time are near zero; this measures the browser side.',
    ],
  };
}

function isMain(): boolean {
  try {
    return realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const r = await benchWebThread();
  process.stdout.write(`## ${r.name}\n\n`);
  for (const row of r.rows) process.stdout.write(`${JSON.stringify(row)}\n`);
  for (const n of r.notes ?? []) process.stdout.write(`- ${n}\n`);
}
