/**
 * The case record end to end: the real server over a demo workspace (with a subject, case dates and
 * an overdue learning recommendation recorded by the CLI), the built web app, Debian's chromium. The
 * demo lead opens the record from the dashboard, sees the overdue deadline highlighted and the
 * timeline, adds an allegation citing a message (listed, with a link to its place in the thread),
 * meets a rule (an interview before any notice) with the rule's message, records "more than 6,000"
 * messages analysed through the case form, and drafts and finalises
 * the public summary; the demo reviewer reads the record without forms. Leaves
 * test-artifacts/record-deadlines.png, test-artifacts/record.png and test-artifacts/record-summary.png.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
const SUBJECT = 'PC Dan Example';

describe.skipIf(skipReason !== null)(
  `the case record in a browser${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    let demo: DemoInBrowser;
    let url: string;
    let page: Page;
    let messageId = 0;

    beforeAll(async () => {
      demo = await openDemoInBrowser({
        cli: [
          ['person', 'add', CASE, '--name', SUBJECT, '--role', 'subject', '--status', 'serving'],
          ['record', 'case', CASE, '--operation', 'Operation Lantern', '--reference', 'DEMO/1'],
          [
            'record',
            'case',
            CASE,
            '--referral-date',
            '2023-01-05',
            '--start-date',
            '2023-01-10',
            '--publishable',
          ],
          // Misconduct steps need a Regulation 17 notice (issue 15); served after the interview
          // date the refusal test below uses, so that interview is still refused.
          ['record', 'assess', CASE, SUBJECT, '--severity', 'gross_misconduct', '--on', '2023-06-20'],
          [
            'record',
            'notice',
            CASE,
            SUBJECT,
            '--kind',
            'reg17',
            '--on',
            '2023-07-01',
            '--conduct',
            'Messages in the group',
            '--standard',
            'Discreditable Conduct',
          ],
          [
            'record',
            'recommendation',
            CASE,
            '--reference',
            'R1',
            '--recipient',
            'College of Policing',
            '--text',
            'Guidance on challenging messages in private groups.',
            '--on',
            '2024-01-02',
            '--publishable',
          ],
        ],
        prepare: async (store, caseId) => {
          messageId = (await store.messages.query(caseId, { limit: 5 })).messages[3]!.id;
        },
      });
      ({ url, page } = demo);
    }, 300_000);

    afterAll(async () => demo?.close());

    screenshotOnFailure('record', () => page);

    async function signIn(username: string) {
      await signInToDemoCase(page, url, username);
      await page.getByRole('link', { name: 'Case record' }).click();
      await page.getByRole('heading', { name: 'Case record: Operation Lantern' }).waitFor();
    }

    const form = (name: string) => page.getByRole('form', { name });
    async function open(name: string) {
      await page.locator('summary', { hasText: name }).click();
      await form(name).waitFor();
    }

    it('shows the deadlines (the overdue response highlighted) and the timeline', async () => {
      await signIn('demo-lead');
      const deadlines = page.getByRole('table', { name: 'Deadlines' });
      const overdue = deadlines.locator('tr[data-status="overdue"]', { hasText: 'recommendation R1' });
      await overdue.waitFor();
      expect(await overdue.getAttribute('class')).toContain('deadline-overdue');
      expect(await overdue.textContent()).toContain('27 Feb 2024'); // 56 days after 2 January 2024
      expect(await page.getByTestId('deadline-summary').textContent()).toMatch(/[1-9]\d* overdue/u);
      const timeline = page.getByRole('list', { name: 'Case timeline' });
      expect(await timeline.textContent()).toContain(
        'learning recommendation R1 made to College of Policing',
      );
      expect(await timeline.textContent()).toMatch(/exhibit .* taken in/u);
      mkdirSync('test-artifacts', { recursive: true });
      await page.screenshot({ path: 'test-artifacts/record-deadlines.png' });
    });

    it('adds an allegation through the form and lists it with a link to its message', async () => {
      await open('Add an allegation');
      const f = form('Add an allegation');
      await f.getByLabel('Subject').selectOption({ label: SUBJECT });
      await f.getByLabel('Discreditable Conduct').check();
      await f.getByLabel('Description').fill('Posted a derogatory message about victims of crime');
      await f.getByLabel('Supporting message ids').fill(String(messageId));
      await f.getByLabel('May appear in the public summary').check();
      await f.getByRole('button', { name: 'Record' }).click();
      await f.getByRole('status').filter({ hasText: 'Recorded.' }).waitFor();
      const table = page.getByRole('table', { name: `Allegations against ${SUBJECT}` });
      await table.waitFor();
      expect(await table.textContent()).toContain('Posted a derogatory message about victims of crime');
      const link = table.getByRole('link', { name: `message ${messageId}` });
      expect(await link.getAttribute('href')).toMatch(/^#\/cases\/\d+\/conversations\/\d+\?seq=\d+$/u);
    });

    it("shows the rule's message when a change is refused", async () => {
      await open('Add an interview');
      const f = form('Add an interview');
      await f.getByLabel('Subject').selectOption({ label: SUBJECT });
      await f.getByLabel('Held on').fill('2023-06-01');
      await f.getByRole('button', { name: 'Record' }).click();
      const alert = f.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toBe(
        `Not recorded: ${SUBJECT} cannot be interviewed (2023-06-01) before being served a Regulation 17 notice`,
      );
      expect(await page.getByRole('article', { name: SUBJECT }).textContent()).not.toContain('interviewed');
      mkdirSync('test-artifacts', { recursive: true });
      await page.screenshot({ path: 'test-artifacts/record.png', fullPage: true });
    });

    it('records the messages analysed as "more than N" through the case form', async () => {
      await open('Edit case details');
      const f = form('Edit case details');
      const number = f.getByLabel('Messages analysed');
      expect(await number.getAttribute('type')).toBe('number');
      await number.fill('6000');
      await f.getByLabel(/More than this number/u).check();
      await f.getByLabel('May appear in the public summary').check();
      await f.getByRole('button', { name: 'Record' }).click();
      await f.getByRole('status').filter({ hasText: 'Recorded.' }).waitFor();
      const details = page.locator('.record-details');
      await details.filter({ hasText: 'more than 6,000' }).waitFor();
      expect(await details.textContent()).toContain('Operation Lantern'); // other fields kept
      // A later edit of another field leaves the number and its "more than" as they were.
      await f.getByLabel('Reference').fill('DEMO/1');
      await f.getByLabel('May appear in the public summary').check();
      await f.getByRole('button', { name: 'Record' }).click();
      await f.getByRole('status').filter({ hasText: 'Recorded.' }).waitFor();
      expect(await details.textContent()).toContain('more than 6,000');
    });

    it('drafts, edits and finalises the public summary', async () => {
      await page
        .getByRole('navigation', { name: 'Case record' })
        .getByRole('link', { name: 'Public summary' })
        .click();
      await page.getByRole('heading', { name: 'Public summary: Operation Lantern' }).waitFor();
      const editor = page.getByLabel(/Markdown/u);
      await editor.waitFor();
      const generated = await editor.inputValue();
      expect(generated).toContain('DEMO/1');
      expect(generated).toContain('R1');
      expect(generated).toContain('Investigators analysed more than 6,000 messages.');
      expect(generated).not.toContain(SUBJECT); // subjects are not named unless their name may be published
      await editor.fill(`${generated}\nA paragraph added by the lead.\n`);
      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.getByRole('status').filter({ hasText: 'Draft version 1 saved (edited).' }).waitFor();
      await page.getByRole('button', { name: 'Mark final' }).click();
      await page.getByRole('heading', { name: 'Final summary' }).waitFor();
      expect(await page.locator('.summary-preview').textContent()).toContain(
        'A paragraph added by the lead.',
      );
      expect(await page.getByLabel(/Markdown/u).count()).toBe(0);
      await page.screenshot({ path: 'test-artifacts/record-summary.png', fullPage: true });
    });

    it('shows the record read-only to a reviewer', async () => {
      await signIn('demo-reviewer');
      await page.getByRole('table', { name: `Allegations against ${SUBJECT}` }).waitFor();
      expect(await page.locator('form.record-form').count()).toBe(0);
      expect(await page.locator('summary', { hasText: 'Add an allegation' }).count()).toBe(0);
      expect(demo.pageErrors).toEqual([]);
    });
  },
);
