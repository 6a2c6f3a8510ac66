/**
 * The search-term report end to end: the real server over a demo workspace with a case term list,
 * the built web app, Debian's chromium. The report shows each term's hits, unique hits and reviewed
 * hits as the store counts them; the reviewer saves it to the case; the case's terms stay
 * highlighted in the thread. Leaves test-artifacts/search-terms.png.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchTermReport } from '../../src/review/search-term-report.js';
import type { Store } from '../../src/store/open-store.js';
import { DEMO_CASE_NAME, haveChromium, openDemoInBrowser, type DemoInBrowser } from './browser.js';

const skipReason = haveChromium() ? null : 'no chromium at /usr/bin/chromium (apt-get install chromium)';
const TERMS = ['van', 'custody'];

describe.skipIf(skipReason !== null)(
  `search-term report in a browser${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    let demo: DemoInBrowser;
    let store: Store;
    let caseId: number;
    let url: string;
    let page: Page;

    beforeAll(async () => {
      demo = await openDemoInBrowser({
        cli: TERMS.map((t) => ['terms', 'add', DEMO_CASE_NAME, t, '--category', 'other_derogatory']),
      });
      ({ store, caseId, url, page } = demo);
    }, 300_000);

    afterAll(async () => demo?.close());

    it('shows hits, unique and reviewed per term, and saves the report in the case', async () => {
      await page.goto(url);
      await page.getByLabel('Username').fill('demo-reviewer');
      await page.getByLabel('Password').fill('demo-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Cases' }).waitFor();
      await page.goto(`${url}/#/cases/${caseId}/search`);
      const table = page.getByRole('table', { name: 'Hits per term' });
      await table.waitFor();
      const expected = await searchTermReport(store, caseId);
      expect(expected.rows.map((r) => r.term)).toEqual(TERMS);
      for (const r of expected.rows) {
        const row = table.getByRole('row').filter({ has: page.getByRole('button', { name: r.term }) });
        const cells = await row.getByRole('cell').allTextContents();
        expect(cells.slice(2).map(Number)).toEqual([r.hits, r.unique, r.reviewed]);
      }
      expect(expected.rows[0]!.hits).toBeGreaterThan(0);
      await page.getByLabel('Note').fill('first sweep');
      await page.getByRole('button', { name: 'Save report to the case' }).click();
      await page
        .getByRole('list', { name: 'Saved search-term reports' })
        .getByText(/first sweep/)
        .waitFor();
      const saved = await store.searchTermReports.list(caseId);
      expect(saved).toHaveLength(1);
      expect(saved[0]).toMatchObject({ note: 'first sweep', createdBy: 'demo-reviewer', termListVersion: 2 });
      mkdirSync('test-artifacts', { recursive: true });
      await page.screenshot({ path: 'test-artifacts/search-terms.png', fullPage: true });
    });

    it("keeps the case's terms highlighted in the thread", async () => {
      // Open the first hit of the first term from the report, then find the term marked in the thread.
      await page.getByRole('button', { name: TERMS[0]! }).click();
      const link = page.locator('.hit-link').first();
      await link.waitFor();
      const seq = /seq=(\d+)/.exec((await link.getAttribute('href')) ?? '')?.[1];
      // Clear the reviewer's own highlight so that only the case term list can mark the hit.
      await page.evaluate(`localStorage.removeItem('scrutineer.highlight.${caseId}')`);
      await link.click();
      await page.locator(`[data-seq="${seq}"] [aria-current="true"]`).waitFor();
      const marked = page.locator(`[data-seq="${seq}"] mark.hit`).first();
      await marked.waitFor();
      expect((await marked.textContent())?.toLowerCase()).toContain(TERMS[0]);
      expect(demo.pageErrors).toEqual([]);
    });
  },
);
