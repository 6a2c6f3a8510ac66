/**
 * Reports end to end: the real server over the demo workspace, the built web app, Debian's chromium.
 * The demo lead opens Reports from the dashboard, makes an unused-material schedule (CSV) and then a
 * charge schedule (XLSX), sees the progress indicator (elapsed time) and then the download link with
 * the file's size and SHA-256, and fetches the file: the bytes hash to what the page shows and what
 * the audit trail records. The demo reviewer has no Reports link and is told why on the page.
 * Leaves test-artifacts/reports.png.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/open-store.js';
import {
  haveChromium,
  openDemoInBrowser,
  screenshotOnFailure,
  signInToDemoCase,
  type DemoInBrowser,
} from './browser.js';

const skipReason = haveChromium() ? null : 'no chromium at /usr/bin/chromium (apt-get install chromium)';

describe.skipIf(skipReason !== null)(
  `reports in a browser${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    let demo: DemoInBrowser;
    let store: Store;
    let caseId: number;
    let url: string;
    let page: Page;

    beforeAll(async () => {
      demo = await openDemoInBrowser();
      ({ store, caseId, url, page } = demo);
    }, 300_000);

    afterAll(async () => demo?.close());

    screenshotOnFailure('reports', () => page);

    async function signIn(username: string) {
      await signInToDemoCase(page, url, username);
    }

    /** Fetches a link's file in the page (the session cookie goes with it) and hashes it there. */
    async function fetchFile(href: string) {
      return page.evaluate(async (h) => {
        const res = await fetch(h);
        const bytes = new Uint8Array(await res.arrayBuffer());
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
        return {
          status: res.status,
          type: res.headers.get('content-type'),
          disposition: res.headers.get('content-disposition'),
          size: bytes.length,
          sha256: [...digest].map((b) => b.toString(16).padStart(2, '0')).join(''),
          head: new TextDecoder().decode(bytes.slice(0, 4000)),
        };
      }, href);
    }

    it('a lead makes an unused-material schedule: progress, then the download link with size and SHA-256', async () => {
      await signIn('demo-lead');
      await page.getByRole('link', { name: 'Reports', exact: true }).click();
      await page.getByRole('heading', { name: 'Reports', exact: true }).waitFor();
      await page.getByLabel(/Unused-material schedule/u).check();
      await page.getByLabel('Format').selectOption('csv');
      await page.getByRole('button', { name: 'Make report' }).click();

      // While it runs: a progress bar and the elapsed time.
      await page.getByRole('progressbar', { name: 'Report progress' }).waitFor();
      expect(await page.getByTestId('report-elapsed').textContent()).toMatch(/^\d+ s$/u);

      const done = page.getByTestId('report-done');
      await done.waitFor({ timeout: 120_000 });
      const link = done.getByRole('link', { name: /^Download .*unused-material\.csv$/u });
      const shown = (await done.locator('code.sha256').first().textContent())!;
      expect(shown).toMatch(/^[0-9a-f]{64}$/u);
      expect(await done.textContent()).toMatch(/Unused-material schedule: \d+ items/u);
      expect(await done.textContent()).toMatch(/\d+(\.\d)? KiB \([\d,]+ bytes\)/u);
      mkdirSync('test-artifacts', { recursive: true });
      await page.screenshot({ path: 'test-artifacts/reports.png', fullPage: true });

      const file = await fetchFile((await link.getAttribute('href'))!);
      expect(file.status).toBe(200);
      expect(file.type).toBe('text/csv; charset=utf-8');
      expect(file.disposition).toMatch(/^attachment; filename=".*unused-material\.csv"$/u);
      expect(file.sha256).toBe(shown);
      expect(file.head).toContain('Item No.');
      expect(await done.textContent()).toContain(`${file.size.toLocaleString('en-GB')} bytes`);

      const audit = await store.audit.list({ caseId, limit: 10_000 });
      const made = audit.filter((e) => e.action === 'report.unused');
      expect(made.at(-1)!.actor).toBe('demo-lead');
      expect((JSON.parse(made.at(-1)!.detailJson) as { sha256: string }).sha256).toBe(shown);
      expect(audit.some((e) => e.action === 'report.download' && e.actor === 'demo-lead')).toBe(true);
      expect(demo.pageErrors).toEqual([]);
    }, 180_000);

    it('a charge schedule (XLSX) follows; the first stays listed under recent reports', async () => {
      await page.getByLabel(/Charge schedule/u).check();
      await page.getByLabel('Format').selectOption('xlsx');
      await page.getByRole('button', { name: 'Make report' }).click();
      const done = page.getByTestId('report-done');
      const link = done.getByRole('link', { name: /^Download .*charge-schedule\.xlsx$/u });
      await link.waitFor({ timeout: 120_000 });
      const file = await fetchFile((await link.getAttribute('href'))!);
      expect(file.status).toBe(200);
      expect(file.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(file.head.startsWith('PK')).toBe(true);
      expect(file.sha256).toBe(await done.locator('code.sha256').first().textContent());
      const recent = page.getByRole('table');
      await recent.getByRole('link', { name: /unused-material\.csv$/u }).waitFor();
      expect(demo.pageErrors).toEqual([]);
    }, 180_000);

    it('a reviewer sees no Reports link, and the page says reports are for the lead', async () => {
      await signIn('demo-reviewer');
      expect(await page.getByRole('link', { name: 'Reports', exact: true }).count()).toBe(0);
      await page.goto(`${url}/#/cases/${caseId}/reports`);
      await page.getByRole('alert').filter({ hasText: 'only the case lead' }).waitFor();
      expect(await page.getByRole('button', { name: 'Make report' }).count()).toBe(0);
      expect(demo.pageErrors).toEqual([]);
    }, 60_000);
  },
);
