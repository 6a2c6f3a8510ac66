/**
 * The search-term report end to end: the real server over a demo workspace with a case term list,
 * the built web app, Debian's chromium. The report shows each term's hits, unique hits and reviewed
 * hits as the store counts them; the reviewer saves it to the case; the case's terms stay
 * highlighted in the thread. Leaves test-artifacts/search-terms.png.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { ensureDemoUsers } from '../../src/review/demo-users.js';
import { searchTermReport } from '../../src/review/search-term-report.js';
import { buildServer } from '../../src/server/index.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { ensureWebBuilt, haveChromium, launchChromium, type LaunchedBrowser } from './browser.js';

const skipReason = haveChromium() ? null : 'no chromium at /usr/bin/chromium (apt-get install chromium)';
const silent = { out: () => {}, err: () => {}, interactive: false };
const CASE = 'Operation Lantern (demo)';
const TERMS = ['van', 'custody'];

describe.skipIf(skipReason !== null)(
  `search-term report in a browser${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    let workspace: string;
    let store: Store;
    let caseId: number;
    let app: Awaited<ReturnType<typeof buildServer>>;
    let url: string;
    let b: LaunchedBrowser;
    let page: Page;
    const pageErrors: string[] = [];

    beforeAll(async () => {
      ensureWebBuilt();
      workspace = mkdtempSync(join(tmpdir(), 'scrutineer-terms-'));
      const env = { ...process.env, SCRUTINEER_WORKSPACE: workspace, SCRUTINEER_USER: 'test' };
      expect(await run(['demo'], silent, env)).toBe(0);
      for (const t of TERMS)
        expect(await run(['terms', 'add', CASE, t, '--category', 'other_derogatory'], silent, env)).toBe(0);
      store = await openStore({ workspace, databaseUrl: null });
      caseId = (await store.cases.findByName(CASE))!.id;
      await ensureDemoUsers(store, caseId);
      app = await buildServer({ store, workspace, webRoot: join(process.cwd(), 'web', 'dist') });
      url = await app.listen({ port: 0, host: '127.0.0.1' });
      b = await launchChromium();
      page = await b.context.newPage();
      page.setDefaultTimeout(20_000);
      page.on('pageerror', (e) => pageErrors.push(e.message));
    }, 300_000);

    afterAll(async () => {
      await b?.close();
      await app?.close();
      await store?.close();
      if (workspace) rmSync(workspace, { recursive: true, force: true });
    });

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
      expect(pageErrors).toEqual([]);
    });
  },
);
