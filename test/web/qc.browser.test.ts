/**
 * Second review (QC) end to end: the real server over a demo workspace, the built web app, Debian's
 * chromium. Reviewer A codes a flagged message offensive in the thread; reviewer B finds it on the QC
 * page without A's decision (and sees it withheld in the thread), and disagrees by keyboard; the lead
 * sees both decisions in the resolution queue and resolves the disagreement with a note; the
 * dashboard shows Cohen's kappa for the pair. Leaves test-artifacts/qc-second.png,
 * test-artifacts/qc-resolve.png and test-artifacts/qc-agreement.png.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/review/demo-users.js';
import { addCaseMember, addUser } from '../../src/review/users.js';
import type { Store } from '../../src/store/open-store.js';
import {
  DEMO_CASE_NAME,
  haveChromium,
  openDemoInBrowser,
  screenshotOnFailure,
  signInToDemoCase,
  type DemoInBrowser,
} from './browser.js';

const skipReason = haveChromium() ? null : 'no chromium at /usr/bin/chromium (apt-get install chromium)';
const CASE = DEMO_CASE_NAME;
const REVIEWER_B = 'second-reviewer';

describe.skipIf(skipReason !== null)(
  `second review (QC) in a browser${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    let demo: DemoInBrowser;
    let store: Store;
    let url: string;
    let page: Page;
    let coded: { seq: number; text: string } | null = null;

    beforeAll(async () => {
      demo = await openDemoInBrowser({
        // A second reviewer: the demo has one.
        prepare: async (s, caseId) => {
          await addUser(s, {
            username: REVIEWER_B,
            password: DEMO_PASSWORD,
            role: 'reviewer',
            actor: 'test',
          });
          await addCaseMember(s, { caseId, username: REVIEWER_B, actor: 'test' });
        },
      });
      ({ store, url, page } = demo);
    }, 300_000);

    afterAll(async () => demo?.close());

    screenshotOnFailure('qc', () => page);

    async function signIn(username: string) {
      await signInToDemoCase(page, url, username);
    }
    const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });

    it('reviewer A codes a flagged message offensive in the thread', async () => {
      await signIn('demo-reviewer');
      await page.locator('.conversations a').first().click();
      await page
        .locator('[data-seq="0"] .bubble:not(.placeholder), [data-seq="0"] .system-event')
        .first()
        .waitFor();
      await page.keyboard.press('f');
      const flagged = page.locator('.bubble.selected.flagged');
      await flagged.waitFor();
      await page.keyboard.press('o');
      await flagged.locator('[data-testid="decision"]').waitFor();
      expect(await flagged.locator('[data-testid="decision"]').textContent()).toContain('Offensive');
      const row = page.locator('[data-seq]', { has: flagged });
      const seq = Number(await row.getAttribute('data-seq'));
      coded = { seq, text: ((await flagged.locator('.text').first().textContent()) ?? '').trim() };
      expect(coded.text.length).toBeGreaterThan(0);
    });

    it('reviewer B reviews it blind on the QC page and disagrees by keyboard', async () => {
      await signIn(REVIEWER_B);
      await nav('QC').click();
      await page.getByRole('heading', { name: 'Awaiting your second review' }).waitFor();
      const item = page.getByRole('listitem', { name: `Second review of message ${coded!.seq + 1}` });
      await item.waitFor();
      expect(await item.textContent()).toContain(coded!.text.slice(0, 30));
      // In the thread (the item's context link) the first decision is withheld too.
      await item.getByRole('link', { name: `Message ${coded!.seq + 1} in context` }).click();
      const row = page.locator(`[data-seq="${coded!.seq}"]`);
      await row.locator('[data-testid="qc-blind"]').waitFor();
      expect(await row.locator('[data-testid="decision"]').count()).toBe(0);
      await nav('QC').click();
      await item.waitFor();
      // Blind: neither the decision nor why it was queued is on the page.
      expect(await item.locator('[data-testid="decision"]').count()).toBe(0);
      expect(await item.textContent()).not.toMatch(/Offensive by|demo-reviewer/u);
      await item.locator('.text').click();
      mkdirSync('test-artifacts', { recursive: true });
      await page.screenshot({ path: 'test-artifacts/qc-second.png' });
      await page.keyboard.press('n');
      await expect
        .poll(async () => page.getByTestId('qc-status').textContent())
        .toMatch(/Not offensive recorded; differs from demo-reviewer \(Offensive\): sent to the lead/u);
      await item.waitFor({ state: 'detached' });
    });

    it('the lead resolves the disagreement, seeing both decisions and who made them', async () => {
      await signIn('demo-lead');
      await nav('QC').click();
      await page.getByRole('heading', { name: 'Disagreements to resolve' }).waitFor();
      const item = page.getByRole('listitem', { name: `Disagreement on message ${coded!.seq + 1}` });
      await item.waitFor();
      expect(await item.getByTestId('qc-first').textContent()).toBe('Offensive by demo-reviewer');
      expect(await item.getByTestId('qc-second').textContent()).toBe(`Not offensive by ${REVIEWER_B}`);
      await item
        .getByLabel('Resolution note')
        .fill('Read in context it is a slur: the first decision stands.');
      await page.screenshot({ path: 'test-artifacts/qc-resolve.png' });
      await item.getByRole('button', { name: 'Resolve' }).click();
      await item.waitFor({ state: 'detached' });
      await page.getByText('No disagreements are waiting.').waitFor();
      const theCase = (await store.cases.findByName(CASE))!;
      const resolved = (await store.qc.list(theCase.id, { status: 'resolved' }))[0]!;
      expect(resolved).toMatchObject({
        resolvedBy: 'demo-lead',
        resolution: 'Read in context it is a slur: the first decision stands.',
      });
    });

    it("the dashboard shows Cohen's kappa for the pair", async () => {
      await nav('Dashboard').click();
      const table = page.getByRole('table', { name: 'Agreement per reviewer pair' });
      await table.waitFor();
      const row = table.getByRole('row', { name: new RegExp(`demo-reviewer / ${REVIEWER_B}`) });
      await row.waitFor();
      // One item, decided differently: po = 0, pe = 0 (A only said offensive, B only not) → kappa 0.
      expect(await row.getByTestId('kappa').textContent()).toBe('0.00');
      expect(await page.getByTestId('qc-counts').textContent()).toMatch(/1 resolved/u);
      await page
        .getByRole('region', { name: 'Second review (QC)' })
        .screenshot({ path: 'test-artifacts/qc-agreement.png' });
      expect(demo.pageErrors).toEqual([]);
    });
  },
);
