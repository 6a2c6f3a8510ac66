/**
 * A system line the export wrote under a name (a German iOS "deleted" notice under Anna's name, in
 * wording no phrase table knows) is named as the CLI names it, `(system) written under "Anna"`, in
 * every place the web app shows its sender: the thread row, the side panel's heading and a search
 * hit. The export is imported by the real CLI into the demo workspace and served by the real server.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { senderLabel } from '../../src/contract/sender-label.js';
import { addCaseMember } from '../../src/review/users.js';
import {
  haveChromium,
  openDemoInBrowser,
  screenshotOnFailure,
  signIn,
  type DemoInBrowser,
} from './browser.js';

const CASE = 'Unter (test)';
const EXPORT = [
  '[27.10.24, 01:00:00] Anna: Guten Morgen',
  '\u200E[27.10.24, 03:00:00] Anna: \u200ENachricht gelöscht',
  '[27.10.24, 03:05:00] Ben: Wer hat das gelöscht',
  '',
].join('\n');
const LABEL = '(system) written under "Anna"';

describe.skipIf(!haveChromium())('a system line written under a name, in the web app', () => {
  let demo: DemoInBrowser;
  let page: Page;
  let caseId = 0;
  let conversationId = 0;
  const dir = mkdtempSync(join(tmpdir(), 'scrutineer-web-author-'));
  screenshotOnFailure('system-author', () => page);

  beforeAll(async () => {
    const file = join(dir, 'WhatsApp Chat - Schicht.txt');
    writeFileSync(file, EXPORT);
    demo = await openDemoInBrowser({
      cli: [
        ['case', 'create', CASE],
        ['exhibit', 'add', CASE, file, '--ref', 'U/1', '--timezone', 'Europe/Berlin'],
      ],
      prepare: async (store) => {
        caseId = (await store.cases.findByName(CASE))!.id;
        await addCaseMember(store, { caseId, username: 'demo-reviewer', actor: 'test' });
      },
    });
    page = demo.page;
    const conversations = await demo.store.conversations.list(caseId);
    conversationId = conversations[0]!.id;
    await signIn(page, demo.url, 'demo-reviewer');
  }, 300_000);
  afterAll(async () => {
    await demo?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is the label the contract gives, and the import kept the line without a sender', async () => {
    // The same words as the CLI: the test holds the web app to the contract's function.
    expect(senderLabel(null, 'Anna')).toBe(LABEL);
    const [line] = await demo.store.threads.window(conversationId, 1, 1);
    expect(line).toMatchObject({ sender: null, kind: 'system' });
  });

  it('names the line in the thread row and in the side panel', async () => {
    await page.goto(`${demo.url}/#/cases/${caseId}/conversations/${conversationId}?seq=1`);
    const row = page.locator('[data-seq="1"] .system-event');
    await row.waitFor();
    expect((await row.locator('.system-author').innerText()).trim()).toBe(`${LABEL}:`);
    expect(await row.innerText()).toContain('Nachricht gelöscht');
    // The messages beside it keep their senders, with no label.
    expect(await page.locator('[data-seq="0"] .sender').innerText()).toContain('Anna');
    expect(await page.locator('[data-seq="0"]').innerText()).not.toContain('(system)');
    expect(await page.locator('[data-seq="2"] .sender').innerText()).toContain('Ben');
    await row.click();
    await expect
      .poll(() =>
        page
          .getByRole('complementary', { name: 'Selected message' })
          .getByRole('heading')
          .first()
          .innerText(),
      )
      .toBe(`Message 2 from ${LABEL}`);
  });

  it('names the line in a search hit, never as a bare "system"', async () => {
    await page.goto(`${demo.url}/#/cases/${caseId}/search?q=${encodeURIComponent('gelöscht')}`);
    const hits = page.locator('.hit-row');
    await expect.poll(() => hits.count()).toBe(2);
    const hit = hits.filter({ hasText: 'Nachricht' });
    expect(await hit.locator('.sender').innerText()).toContain(LABEL);
    expect(await hit.locator('.hit-link').getAttribute('aria-label')).toBe(
      `Open message 2 from ${LABEL} in the thread`,
    );
    expect(await hits.filter({ hasText: 'Wer hat' }).locator('.sender').innerText()).toContain('Ben');
    expect(demo.pageErrors).toEqual([]);
  });
});
