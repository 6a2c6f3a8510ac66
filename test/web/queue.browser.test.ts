/**
 * Queues and batches end to end: the real server over a demo workspace, the built web app, Debian's
 * chromium. The lead makes a small batch and gives it to the reviewer; the reviewer opens their
 * queue, codes every message by keyboard and finishes the batch; the dashboard's coverage rises and
 * its membership chart and people table show the demo case's people; a batch longer than one page
 * is worked past its first page. Leaves test-artifacts/queue.png, test-artifacts/batches.png,
 * test-artifacts/batch-long.png, test-artifacts/membership.png and test-artifacts/people.png.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseConduct } from '../../src/analysis/conduct-case.js';
import { createBatch } from '../../src/review/batches.js';
import {
  DEMO_CASE_NAME,
  haveChromium,
  openDemoInBrowser,
  screenshotOnFailure,
  type DemoInBrowser,
} from './browser.js';

const skipReason = haveChromium() ? null : 'no chromium at /usr/bin/chromium (apt-get install chromium)';
const CASE = DEMO_CASE_NAME;
const BATCH_SIZE = 12;
/** Longer than one page of the batch page (web/src/api/batches.ts: BATCH_PAGE_SIZE = 100). */
const LONG_SIZE = 130;
const LONG_FROM = 20;

describe.skipIf(skipReason !== null)(
  `queues and batches in a browser${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    let demo: DemoInBrowser;
    let url: string;
    let page: Page;
    let people: string[] = [];

    beforeAll(async () => {
      demo = await openDemoInBrowser({
        prepare: async (s, caseId) => {
          people = (await caseConduct(s, caseId)).report.people.map((p) => p.name);
          // A batch of more than one page, clear of the twelve the lead gives out below.
          const longest = (await s.conversations.list(caseId)).sort((a, b) => b.messages - a.messages)[0]!;
          expect(longest.messages).toBeGreaterThanOrEqual(LONG_FROM + LONG_SIZE);
          await createBatch(s, {
            caseId,
            name: 'Long batch',
            spec: {
              kind: 'conversation',
              conversationId: longest.id,
              fromSeq: LONG_FROM,
              toSeq: LONG_FROM + LONG_SIZE - 1,
            },
            assignee: 'demo-reviewer',
            actor: 'demo-lead',
          });
        },
      });
      ({ url, page } = demo);
    }, 300_000);

    afterAll(async () => demo?.close());

    async function signIn(username: string) {
      await page.goto(url);
      await page
        .getByLabel('Username')
        .or(page.getByRole('button', { name: 'Sign out' }))
        .first()
        .waitFor();
      if (await page.getByRole('button', { name: 'Sign out' }).isVisible()) await signOut();
      await page.getByLabel('Username').fill(username);
      await page.getByLabel('Password').fill('demo-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Cases' }).waitFor();
      await page.getByRole('link', { name: CASE }).click();
      await page.getByRole('heading', { name: 'Conversations' }).waitFor();
    }

    screenshotOnFailure('queue', () => page);

    async function signOut() {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByLabel('Username').waitFor();
    }

    async function coverage(): Promise<number> {
      const text = (await page.getByTestId('coverage-figure').first().textContent()) ?? '';
      return Number(text.replace('%', ''));
    }
    async function reviewed(): Promise<number> {
      const text =
        (await page.locator('.stat', { hasText: 'Reviewed' }).locator('.stat-value').textContent()) ?? '';
      return Number(text.replace(/[^\d]/gu, ''));
    }

    let before = { coverage: 0, reviewed: 0 };

    it('the dashboard shows the membership timeline and the people with their conduct picture', async () => {
      await signIn('demo-lead');
      before = { coverage: await coverage(), reviewed: await reviewed() };
      await page.getByRole('img', { name: /Membership timeline/ }).waitFor();
      await page.locator('[role="img"][aria-label^="Membership timeline"] svg').first().waitFor();
      expect(await page.getByTestId('membership-summary').textContent()).toMatch(/^\d+ membership rows/u);
      const table = page.getByRole('table', { name: 'People and their conduct' });
      await table.waitFor();
      expect(people.length).toBeGreaterThan(1);
      expect(await table.locator('tbody tr').count()).toBe(people.length);
      for (const name of people)
        await table.getByRole('rowheader', { name: new RegExp(escape(name)) }).waitFor();
      expect(await page.getByTestId('conduct-caveat').textContent()).toMatch(/not findings/u);
      await page.getByRole('heading', { name: 'Left to review in batches' }).waitFor();
      mkdirSync('test-artifacts', { recursive: true });
      // The page scrolls inside <main>: picture the two panels themselves.
      await page
        .getByRole('region', { name: 'Membership timeline' })
        .screenshot({ path: 'test-artifacts/membership.png' });
      await page
        .getByRole('region', { name: 'People and their conduct' })
        .screenshot({ path: 'test-artifacts/people.png' });
    });

    it('the lead makes a small batch and gives it to the reviewer', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queue' }).click();
      const form = page.getByRole('form', { name: 'New batch' });
      await form.waitFor();
      await form.getByLabel('Name').fill('First twelve');
      await form.getByLabel('Split by', { exact: true }).selectOption('conversation');
      const conversation = form.getByLabel('Conversation', { exact: true });
      const first = conversation.locator('option').nth(1);
      await first.waitFor({ state: 'attached' });
      await conversation.selectOption((await first.getAttribute('value'))!);
      await form.getByLabel('From message').fill('1');
      await form.getByLabel('To message').fill(String(BATCH_SIZE));
      await form.getByLabel('Assign to', { exact: true }).selectOption('demo-reviewer');
      await form.getByRole('button', { name: 'Make batch' }).click();
      await page.getByText(`Batch "First twelve" made: ${BATCH_SIZE} messages for demo-reviewer.`).waitFor();
      const all = page.getByRole('table', { name: 'All batches' });
      await all.getByRole('link', { name: 'First twelve' }).waitFor();
      expect(await all.getByLabel('Assignee of First twelve').inputValue()).toBe('demo-reviewer');
      await page.screenshot({ path: 'test-artifacts/batches.png' });
      await signOut();
    });

    it('the reviewer codes the whole batch by keyboard and finishes it', async () => {
      await signIn('demo-reviewer');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queue' }).click();
      const mine = page.getByRole('table', { name: 'My batches' });
      await mine.getByRole('link', { name: 'First twelve' }).click();
      await page.getByRole('heading', { name: /First twelve/ }).waitFor();
      const rows = page.locator('.batch-list [data-index]');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(BATCH_SIZE);
      const finish = page.getByRole('button', { name: 'Finish batch' });
      expect(await finish.isDisabled()).toBe(true);
      // No reviewer has the batch page open elsewhere: start coding from the first message.
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      for (let i = 0; i < BATCH_SIZE; i++) {
        await page.keyboard.press('n');
        await page.locator(`.batch-list [data-index="${i}"] [data-testid="decision"]`).waitFor();
      }
      await expect.poll(async () => page.getByTestId('batch-left').textContent()).toBe('0');
      await expect.poll(async () => finish.isDisabled()).toBe(false);
      await page.screenshot({ path: 'test-artifacts/queue.png' });
      await finish.click();
      await page.getByText('Batch finished.').waitFor();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queue' }).click();
      await page.getByRole('table', { name: 'My batches' }).getByText('finished').waitFor();
    });

    it('the reviewer works a batch larger than one page past its first page by keyboard', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queue' }).click();
      await page.getByRole('table', { name: 'My batches' }).getByRole('link', { name: 'Long batch' }).click();
      await page.getByRole('heading', { name: /Long batch/ }).waitFor();
      await page.locator('.batch-list [data-index="0"]').waitFor();
      // The size and what is left are the whole batch's, not the loaded page's.
      await expect.poll(async () => page.getByTestId('batch-left').textContent()).toBe(String(LONG_SIZE));
      expect(await page.locator('.batch-head').textContent()).toContain(`${LONG_SIZE} messages`);
      // Only the rows in view are drawn.
      expect(await page.locator('.batch-list [data-index]').count()).toBeLessThan(60);
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      const target = 110;
      for (let i = 0; i < target; i++) await page.keyboard.press('j');
      const side = page.getByRole('complementary', { name: 'Selected message' });
      // 110 key presses, each a re-render (and a page fetch past the first page): under a full test run
      // on two cores the app can still be working through them after 20 s (it timed out 2 of 4 runs).
      const slow = { timeout: 90_000 };
      await side.getByRole('heading', { name: new RegExp(`^${target + 1} of ${LONG_SIZE}`) }).waitFor(slow);
      // Time order within the conversation: the 111th message of the batch is seq LONG_FROM + 110.
      await side
        .getByRole('link', { name: `Open in the thread (message ${LONG_FROM + target + 1})` })
        .waitFor();
      await page.keyboard.press('n');
      await page.locator(`.batch-list [data-index="${target}"] [data-testid="decision"]`).waitFor();
      await side.getByRole('heading', { name: new RegExp(`^${target + 2} of ${LONG_SIZE}`) }).waitFor();
      await expect.poll(async () => page.getByTestId('batch-left').textContent()).toBe(String(LONG_SIZE - 1));
      await page.screenshot({ path: 'test-artifacts/batch-long.png' });
      // To the end of the batch, and no further.
      for (let i = target + 1; i < LONG_SIZE + 5; i++) await page.keyboard.press('j');
      await side.getByRole('heading', { name: new RegExp(`^${LONG_SIZE} of ${LONG_SIZE}`) }).waitFor(slow);
      expect(demo.pageErrors).toEqual([]);
    }, 240_000);

    it('a coding key codes the message the cursor has moved to, not the rendered one (j o)', async () => {
      const side = page.getByRole('complementary', { name: 'Selected message' });
      await pressAtOnce(page, Array<string>(9).fill('k'));
      await side.getByRole('heading', { name: new RegExp(`^${LONG_SIZE - 9} of ${LONG_SIZE}`) }).waitFor();
      const from = LONG_SIZE - 10;
      // Both presses are handled before React re-renders: o used to code the message j moved from.
      await pressAtOnce(page, ['j', 'o']);
      const coded = page.locator(`.batch-list [data-index="${from + 1}"] [data-testid="decision"]`);
      await coded.waitFor();
      expect(await coded.textContent()).toMatch(/^offensive/iu);
      const left = page.locator(`.batch-list [data-index="${from}"] [data-testid="decision"]`);
      expect(await left.count()).toBe(0);
      await side.getByRole('heading', { name: new RegExp(`^${from + 2} of ${LONG_SIZE}`) }).waitFor();
      await expect.poll(async () => page.getByTestId('batch-left').textContent()).toBe(String(LONG_SIZE - 2));
      expect(demo.pageErrors).toEqual([]);
    });

    it('a click while n saves is not overtaken by n moving on (the latest choice wins)', async () => {
      const side = page.getByRole('complementary', { name: 'Selected message' });
      const row = (i: number) => page.locator(`.batch-list [data-index="${i}"]`);
      const click = (i: number) =>
        row(i)
          .locator('.bubble, .system-event')
          .first()
          .click({ position: { x: 6, y: 6 } });
      const coded = LONG_SIZE - 12;
      const chosen = LONG_SIZE - 15;
      await click(coded);
      await side.getByRole('heading', { name: new RegExp(`^${coded + 1} of ${LONG_SIZE}`) }).waitFor();
      // The save is held at the server until the reviewer has clicked another message.
      let asked = () => {};
      const askedP = new Promise<void>((r) => (asked = r));
      let open = () => {};
      const gate = new Promise<void>((r) => (open = r));
      const codeUrl = '**/api/messages/*/code';
      await page.route(codeUrl, async (route) => {
        asked();
        await gate;
        await route.continue();
      });
      await page.keyboard.press('n');
      await askedP;
      await click(chosen);
      await side.getByRole('heading', { name: new RegExp(`^${chosen + 1} of ${LONG_SIZE}`) }).waitFor();
      const answered = page.waitForResponse(codeUrl);
      open();
      await answered;
      await page.unroute(codeUrl);
      await row(coded).locator('[data-testid="decision"]').waitFor();
      // n moved on from the message it coded once saved: it used to take the cursor from the click.
      await page.evaluate(
        'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300))))',
      );
      await side.getByRole('heading', { name: new RegExp(`^${chosen + 1} of ${LONG_SIZE}`) }).waitFor();
      expect(await row(chosen).locator('[aria-current="true"]').count()).toBe(1);
      expect(await page.locator('.batch-list [aria-current="true"]').count()).toBe(1);
      expect(demo.pageErrors).toEqual([]);
    });

    it('the dashboard coverage has risen by the batch', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
      await page.getByRole('heading', { name: 'Conversations' }).waitFor();
      await expect.poll(reviewed).toBeGreaterThanOrEqual(before.reviewed + BATCH_SIZE);
      expect(await coverage()).toBeGreaterThan(before.coverage);
      const left = page.getByRole('table', { name: 'Left to review by reviewer' });
      await left.getByRole('cell', { name: 'demo-reviewer' }).waitFor();
      // Coverage by whom: the reviewer's row counts at least the batch.
      const byWhom = page.getByRole('table', { name: 'Reviewed by whom' });
      const row = byWhom.getByRole('row', { name: /demo-reviewer/u });
      await row.waitFor();
      expect(
        Number((await row.getByRole('cell').nth(1).textContent())?.replace(/[^\d]/gu, '')),
      ).toBeGreaterThanOrEqual(BATCH_SIZE);
      expect(demo.pageErrors).toEqual([]);
    });
  },
);

/** Key presses dispatched one after another in one task: none is rendered before the next is handled. */
async function pressAtOnce(page: Page, keys: readonly string[]): Promise<void> {
  // A script string, as the other browser tests pass: the test project has no DOM types.
  await page.evaluate(
    `${JSON.stringify(keys)}.forEach((key) => document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })))`,
  );
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
