/**
 * The review workspace end to end: the real server (src/server) over a demo workspace, the built web
 * app, Debian's chromium. Sign in, open the demo case and its thread, code by keyboard, search, and
 * see coverage rise on the dashboard. Leaves test-artifacts/thread-view.png.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveChromium, openDemoInBrowser, type DemoInBrowser } from './browser.js';

const skipReason = haveChromium() ? null : 'no chromium at /usr/bin/chromium (apt-get install chromium)';

describe.skipIf(skipReason !== null)(
  `review workspace in a browser${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    let demo: DemoInBrowser;
    let url: string;
    let page: Page;

    beforeAll(async () => {
      demo = await openDemoInBrowser();
      ({ url, page } = demo);
    }, 300_000);

    afterAll(async () => demo?.close());

    async function coverage(): Promise<number> {
      const text = (await page.getByTestId('coverage-figure').first().textContent()) ?? '';
      return Number(text.replace('%', ''));
    }

    let before = 0;

    it('signs in and lists the demo case with its coverage', async () => {
      await page.goto(url);
      await page.getByLabel('Username').fill('demo-reviewer');
      await page.getByLabel('Password').fill('demo-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Cases' }).waitFor();
      await page.getByRole('progressbar', { name: /Coverage of Operation Lantern/ }).waitFor();
    });

    it('opens the case dashboard with its charts and conversations', async () => {
      await page.getByRole('link', { name: 'Operation Lantern (demo)' }).click();
      await page.getByRole('heading', { name: 'Conversations' }).waitFor();
      await page.getByRole('img', { name: 'Flagged messages by category' }).waitFor();
      await page.getByRole('img', { name: 'Messages per member per month' }).waitFor();
      before = await coverage();
      mkdirSync('test-artifacts', { recursive: true });
      await page.screenshot({ path: 'test-artifacts/dashboard.png', fullPage: true });
    });

    it('opens the thread and codes messages by keyboard', async () => {
      await page.locator('.conversations a').first().click();
      await page
        .locator('[data-seq="0"] .bubble:not(.placeholder), [data-seq="0"] .system-event')
        .first()
        .waitFor();
      expect(await page.locator('[role="article"]').count()).toBeLessThan(120);
      await page.keyboard.press('j');
      await page.keyboard.press('n');
      await page.locator('[data-seq="1"] [data-testid="decision"]').waitFor();
      await page.keyboard.press('n');
      await page.locator('[data-seq="2"] [data-testid="decision"]').waitFor();
      await page.keyboard.press('u');
      await page.locator('[data-seq="3"] [data-testid="decision"]').waitFor();
      expect(await page.locator('[data-seq="3"] [data-testid="decision"]').textContent()).toContain('Unsure');
      // Next flag, then code it offensive with a standard ticked.
      await page.keyboard.press('f');
      const flagged = page.locator('.bubble.selected.flagged');
      await flagged.waitFor();
      await page.getByLabel('Discreditable Conduct').check();
      await page.keyboard.press('o');
      await flagged.locator('[data-testid="decision"]').waitFor();
      expect(await flagged.locator('[data-testid="decision"]').textContent()).toContain('Offensive');
      expect(await page.locator('aside mark.flag-span, .bubble mark.flag-span').count()).toBeGreaterThan(0);
      await page.keyboard.press('r');
      await page.getByText(/marked reviewed, nothing of note/).waitFor();
      mkdirSync('test-artifacts', { recursive: true });
      await page.screenshot({ path: 'test-artifacts/thread-view.png' });
    });

    it('searches with hit highlighting and opens a hit in the thread', async () => {
      const word = await page.evaluate(`(() => {
      for (const el of document.querySelectorAll('.bubble .text')) {
        const w = (el.textContent || '').match(/[A-Za-z]{5,}/);
        if (w) return w[0].toLowerCase();
      }
      return 'the';
    })()`);
      await page.getByRole('link', { name: 'Search' }).click();
      await page.getByLabel('Search terms').fill(String(word));
      await page.getByRole('button', { name: 'Search' }).click();
      await page.locator('.hit-row mark.hit').first().waitFor();
      await page.screenshot({ path: 'test-artifacts/search.png' });
      const link = page.locator('.hit-link').first();
      const target = (await link.getAttribute('href')) ?? '';
      const seq = /seq=(\d+)/.exec(target)?.[1];
      await link.click();
      await page.locator(`[data-seq="${seq}"] [aria-current="true"]`).waitFor();
      // Persistent highlighting: the search term stays marked in the thread.
      await page.locator(`[data-seq="${seq}"] mark.hit`).first().waitFor();
    });

    it('shows coverage risen on the dashboard', async () => {
      await page.getByRole('link', { name: 'Dashboard' }).click();
      await page.getByRole('heading', { name: 'Conversations' }).waitFor();
      await expect.poll(coverage).toBeGreaterThan(before);
      expect(demo.pageErrors).toEqual([]);
    });
  },
);
