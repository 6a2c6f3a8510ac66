/**
 * Issue 18 in Chromium against the real server: the membership timeline runs to the last message;
 * one time format in the case's zone and "Jump to date" in it; an edited message without the
 * export's marker; ?seq= and Back/Forward drive the open thread; drafts kept per message with a
 * prompt on leaving. Saves the export thread's screenshot (test-artifacts/thread-export.png).
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveChromium, screenshotOnFailure } from './browser.js';
import { openEvidenceWorld, signInToCase, type EvidenceWorld } from './evidence-world.js';

describe.skipIf(!haveChromium())('the thread and dashboard of an export case (issue 18)', () => {
  let w: EvidenceWorld;
  let page: Page;
  screenshotOnFailure('thread-fidelity', () => page);

  beforeAll(async () => {
    w = await openEvidenceWorld();
    page = w.page;
    await signInToCase(page, w.url, 'demo-reviewer', w.cases.kestrel);
  }, 300_000);
  afterAll(async () => w?.close());

  const thread = (seq?: number) =>
    `${w.url}/#/cases/${w.cases.kestrel}/conversations/${w.cases.kestrel === 0 ? 0 : conversationId}${seq === undefined ? '' : `?seq=${seq}`}`;
  let conversationId = 0;
  const selected = () =>
    page.locator('[aria-current="true"]').first().locator('xpath=ancestor::*[@data-seq][1]');
  const rowText = (seq: number) => page.locator(`[data-seq="${seq}"]`).innerText();

  it('defect 1: the membership timeline ends at the last message, a removed officer at the removal', async () => {
    await page.getByRole('heading', { name: 'Membership timeline' }).waitFor();
    await page.getByText('Membership as a table').click();
    const rows = page.getByTestId('membership-row');
    await rows.first().waitFor();
    const reid = await rows.filter({ hasText: 'PC Reid' }).innerText();
    expect(reid).toContain('2023-03-02 10:00:00 GMT');
    expect(reid).not.toContain('2023-06-15');
    const cole = await rows.filter({ hasText: 'PC Cole' }).innerText();
    expect(cole).toContain('2023-06-15 08:01:00 BST (last message; still a member)');
    conversationId = Number(
      (await page.locator('.conversations a').first().getAttribute('href'))?.match(
        /conversations\/(\d+)/u,
      )?.[1],
    );
  });

  it('defect 8: one time format in the case zone, day separators, and Jump to date in that zone', async () => {
    await page.goto(thread());
    await page.locator('[data-seq="0"] .system-event').waitFor();
    expect(await page.getByText('Wednesday 1 March 2023').count()).toBe(1);
    expect(await rowText(7)).toContain('00:30 BST');
    expect(await page.getByRole('separator', { name: 'Monday 27 March 2023' }).count()).toBe(1);
    await page.getByLabel('Jump to date (Europe/London)').fill('2023-03-27');
    await page.getByRole('button', { name: 'Go' }).click();
    // Midnight in London (23:00 UTC on the 26th): the message at 00:30 BST, not the June one.
    await expect.poll(async () => (await selected().getAttribute('data-seq')) ?? '').toBe('7');
    // Who was in the group then: the removed officer is not.
    const members = page.getByTestId('members-at');
    await members.getByText('In the group at this message (2)').click();
    const names = (await members.locator('li').allInnerTexts()).map((t) => t.replace(/ \(.*\)$/u, ''));
    expect(names.sort()).toEqual(['PC Cole', 'Sgt Grant']);
    expect(await members.innerText()).not.toContain('PC Reid');
  });

  it('defect 4: Back and Forward move the open thread; a changed ?seq= does too', async () => {
    await page.goBack();
    await expect.poll(async () => (await selected().getAttribute('data-seq')) ?? '').toBe('0');
    await page.goForward();
    await expect.poll(async () => (await selected().getAttribute('data-seq')) ?? '').toBe('7');
    await page.goto(thread(3));
    await expect.poll(async () => (await selected().getAttribute('data-seq')) ?? '').toBe('3');
    expect(await page.getByTestId('position').textContent()).toContain('4 /');
  });

  it('defect 6: an edited message shows the badge, not the export marker', async () => {
    await page.goto(thread(8));
    const row = page.locator('[data-seq="8"]');
    await row.locator('.bubble').waitFor();
    expect(await row.locator('.text').innerText()).toBe('fixed that typo');
    expect(await row.innerText()).not.toContain('<This message was edited>');
    expect(await row.locator('.badge', { hasText: 'edited' }).count()).toBe(1);
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/thread-export.png' });
  });

  it('defect 3: a note and categories are kept per message across j/k, with a prompt on leaving', async () => {
    await page.locator('[data-seq="3"] .bubble').click();
    await page.getByRole('checkbox', { name: 'Profanity' }).check();
    await page.getByLabel('Note').fill('check the context');
    await page.locator('[data-seq="3"] .bubble').click();
    await page.keyboard.press('j');
    await expect.poll(async () => (await selected().getAttribute('data-seq')) ?? '').toBe('4');
    await expect.poll(() => page.getByLabel('Note').inputValue()).toBe('');
    await page.getByTestId('unsaved-drafts').getByRole('link', { name: 'Message 4' }).waitFor();
    await page.keyboard.press('k');
    await expect.poll(() => page.getByLabel('Note').inputValue()).toBe('check the context');
    expect(await page.getByRole('checkbox', { name: 'Profanity' }).isChecked()).toBe(true);

    // Leaving asks first; refusing stays, accepting leaves, and the draft is still there on return.
    const messages: string[] = [];
    page.once('dialog', (d) => {
      messages.push(d.message());
      void d.dismiss();
    });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await expect.poll(() => messages.length).toBe(1);
    expect(messages[0]).toContain('1 unsaved code');
    expect(page.url()).toContain('/conversations/');
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Conversations' }).waitFor();
    await page.goBack();
    await page.getByTestId('unsaved-drafts').waitFor();
    await page.getByTestId('unsaved-drafts').getByRole('link', { name: 'Message 4' }).click();
    await expect.poll(() => page.getByLabel('Note').inputValue()).toBe('check the context');

    // Saved: the draft is gone.
    await page.getByRole('radio', { name: /Unsure/u }).check();
    await page.getByRole('button', { name: 'Save code' }).click();
    await page.getByTestId('unsaved-drafts').waitFor({ state: 'detached' });
    expect(w.pageErrors).toEqual([]);
  });
});
