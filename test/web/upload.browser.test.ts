/**
 * Issue 18: an investigator finishes the job without a terminal. Identifying people: a participant
 * linked to a person. Adding an exhibit: The lead uploads an export from the
 * dashboard (progress bar, then the import report), opens it in the thread, and a second upload of
 * the same bytes is refused with the CLI's own message. Audited as the CLI does, as the lead.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  haveChromium,
  openDemoInBrowser,
  screenshotOnFailure,
  signInToDemoCase,
  type DemoInBrowser,
} from './browser.js';
import { KESTREL_CHAT } from './evidence-world.js';

describe.skipIf(!haveChromium())('adding an exhibit by upload (issue 18)', () => {
  let demo: DemoInBrowser;
  let page: Page;
  let file: string;
  const dir = mkdtempSync(join(tmpdir(), 'scrutineer-upload-'));
  screenshotOnFailure('upload', () => page);

  beforeAll(async () => {
    demo = await openDemoInBrowser();
    page = demo.page;
    file = join(dir, 'WhatsApp Chat with Team 3.txt');
    writeFileSync(file, KESTREL_CHAT);
    await signInToDemoCase(page, demo.url, 'demo-lead');
  }, 300_000);
  afterAll(async () => {
    await demo?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function uploadAs(ref: string): Promise<void> {
    const form = page.getByRole('region', { name: 'Add an exhibit' });
    await form.getByLabel(/^File/u).setInputFiles(file);
    await form.getByLabel('Reference').fill(ref);
    await form.getByLabel('Seized from').fill('iPhone of PC Cole');
    await form.getByRole('button', { name: 'Upload and import' }).click();
  }

  it('uploads an export, shows progress and the import report, and opens it in the thread', async () => {
    await uploadAs('UP/1');
    const report = page.getByRole('status', { name: 'Import report' });
    await report.waitFor({ timeout: 60_000 });
    expect(await report.innerText()).toContain('UP/1 imported: 10 messages');
    expect(await page.getByRole('progressbar', { name: 'Upload progress' }).getAttribute('value')).toBe(
      '100',
    );
    await report.getByRole('link', { name: 'Team 3' }).click();
    await page.getByText('after midnight').waitFor();
    const entries = (await demo.store.audit.list({ caseId: demo.caseId })).filter(
      (e) => e.action === 'exhibit.add',
    );
    expect(entries.map((e) => e.actor)).toContain('demo-lead');
  });

  it('refuses the same bytes again with the CLI\u2019s message', async () => {
    await signInToDemoCase(page, demo.url, 'demo-lead');
    await uploadAs('UP/2');
    const alert = page.getByRole('alert').filter({ hasText: 'Not imported' });
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.innerText()).toContain('UP/1');
    expect(demo.pageErrors).toEqual([]);
  });

  it('links a participant to a person, with the evidence shown, audited as the lead', async () => {
    await signInToDemoCase(page, demo.url, 'demo-lead');
    const panel = page.getByRole('region', { name: 'Identify people' });
    const row = panel.getByTestId('participant-row').first();
    await row.waitFor();
    const who = (await row.getByRole('rowheader').innerText()).trim();
    const select = row.getByRole('combobox');
    const person = (await select.locator('option').nth(1).innerText()).trim();
    await select.selectOption({ index: 1 });
    await row.getByRole('button', { name: 'Confirm' }).click();
    await panel
      .getByRole('status')
      .filter({ hasText: `${who} confirmed as ${person}` })
      .waitFor();
    await expect.poll(async () => (await row.innerText()).includes(person)).toBe(true);
    const entries = (await demo.store.audit.list({ caseId: demo.caseId })).filter(
      (e) => e.action === 'identity.confirm',
    );
    // (The demo confirms some identities itself when it is built.)
    expect(entries.at(-1)?.actor).toBe('demo-lead');
    expect(JSON.parse(entries.at(-1)?.detailJson ?? '{}')).toMatchObject({ participant: who, person });
  });

  it('is not offered to a reviewer', async () => {
    await signInToDemoCase(page, demo.url, 'demo-reviewer');
    expect(await page.getByRole('region', { name: 'Add an exhibit' }).count()).toBe(0);
    // The reviewer sees who is who, but decides nothing.
    await page
      .getByRole('region', { name: 'Identify people' })
      .getByTestId('participant-row')
      .first()
      .waitFor();
    expect(await page.getByRole('region', { name: 'Identify people' }).getByRole('button').count()).toBe(0);
  });
});
