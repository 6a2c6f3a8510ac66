/**
 * Issue 18.4 in Chromium: what a browser-only investigator needs besides reading and coding. A lead
 * edits the case's term list and starts an analysis that the job queue runs; search shows its total
 * and, for a sender name that matches none, the close names; an admin adds a user, puts them on the
 * case and off it, and disables them. Every change is audited as the CLI's twin is; a reviewer is
 * refused. Leaves test-artifacts/admin.png.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWorker } from '../../src/jobs/index.js';
import { DEMO_PASSWORD } from '../../src/review/demo-users.js';
import { addUser } from '../../src/review/users.js';
import type { Store } from '../../src/store/open-store.js';
import { seriousViolations } from './axe.js';
import {
  haveChromium,
  openDemoInBrowser,
  screenshotOnFailure,
  signInToDemoCase,
  type DemoInBrowser,
} from './browser.js';

describe.skipIf(!haveChromium())('workspace tools in a browser (issue 18.4)', () => {
  let demo: DemoInBrowser;
  let page: Page;
  let store: Store;
  let caseId: number;
  screenshotOnFailure('workspace-tools', () => page);

  beforeAll(async () => {
    demo = await openDemoInBrowser({
      prepare: async (s) => {
        await addUser(s, { username: 'demo-admin', password: DEMO_PASSWORD, role: 'admin', actor: 'test' });
      },
    });
    ({ page, store, caseId } = demo);
    await signInToDemoCase(page, demo.url, 'demo-lead');
  }, 300_000);
  afterAll(async () => demo?.close());

  const audited = async (action: string) =>
    (await store.audit.list({ caseId })).filter((e) => e.action === action).map((e) => e.actor);

  it('lets a lead add and remove a case term, each a new version audited as the lead', async () => {
    await page.goto(`${demo.url}/#/cases/${caseId}/search`);
    const form = page.getByRole('form', { name: 'Add a term' });
    await form.getByLabel('New term').fill('canteen crew');
    await form.getByLabel('Severity').selectOption('high');
    await form.getByRole('button', { name: 'Add term' }).click();
    const terms = page.getByRole('list', { name: 'Case terms' });
    await terms.getByText('canteen crew').waitFor();
    expect((await store.termLists.latest(caseId))!.terms.map((t) => t.term)).toContain('canteen crew');
    await page.getByRole('button', { name: 'Remove term canteen crew' }).click();
    await terms.getByText('canteen crew').waitFor({ state: 'detached' });
    expect((await store.termLists.latest(caseId))!.terms.map((t) => t.term)).not.toContain('canteen crew');
    expect(await audited('terms.add')).toContain('demo-lead');
    expect(await audited('terms.remove')).toEqual(['demo-lead']);
  });

  it('starts an analysis on the job queue and follows it to done', async () => {
    await page.goto(`${demo.url}/#/cases/${caseId}`);
    const before = (await store.flags.run(caseId))?.id ?? 0;
    await page.getByRole('button', { name: 'Start analysis' }).click();
    const runs = page.getByRole('list', { name: 'Analysis runs' });
    await runs.getByText('queued', { exact: true }).first().waitFor();
    await runWorker({ store, workspace: demo.workspace, once: true, pollMs: 10 });
    await runs.getByText('done', { exact: true }).first().waitFor();
    expect((await store.flags.run(caseId))!.id).toBeGreaterThan(before);
  });

  it('gives the search total, and close names for a sender that matches none', async () => {
    const stats = await store.messages.stats(caseId);
    const sender = stats.bySender.find((s) => s.sender && s.sender.length >= 6)!.sender!;
    const typed = sender.slice(1, 5).toLowerCase();
    const { matched, candidates } = await store.messages.matchSender(caseId, typed);
    expect(matched).toEqual([]);
    expect(candidates).toContain(sender);
    await page.goto(`${demo.url}/#/cases/${caseId}/search?sender=${encodeURIComponent(typed)}`);
    const close = page.getByRole('group', { name: 'Close sender names' });
    await close.waitFor();
    expect(await close.getByRole('button').allTextContents()).toEqual(candidates.slice(0, 20));
    await close.getByRole('button', { name: sender, exact: true }).click();
    // The review search's sender filter is the stored name itself (the API's path, not the CLI's folding).
    const total = await store.reviewSearch.count(caseId, { sender });
    expect(total).toBeGreaterThan(0);
    await page
      .getByRole('status')
      .filter({ hasText: new RegExp(`(^| of )${total} hits?$`) })
      .waitFor();
  });

  it('keeps the admin page from a reviewer', async () => {
    await signInToDemoCase(page, demo.url, 'demo-reviewer');
    expect(await page.getByRole('button', { name: 'Start analysis' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Admin' }).count()).toBe(0);
    await page.goto(`${demo.url}/#/admin`);
    await page.getByRole('alert').getByText('Only an admin').waitFor();
  });

  it('lets an admin add a user, put them on the case and off it, and disable them', async () => {
    await signInToDemoCase(page, demo.url, 'demo-admin');
    await page.getByRole('link', { name: 'Admin' }).click();
    const add = page.getByRole('form', { name: 'Add a user' });
    await add.getByLabel('New username').fill('browser-reviewer');
    await add.getByLabel('Initial password').fill(DEMO_PASSWORD);
    await add.getByRole('button', { name: 'Add user' }).click();
    const users = page.getByRole('table', { name: 'Users' });
    await users.getByRole('cell', { name: 'browser-reviewer', exact: true }).waitFor();
    await page.getByLabel('Case', { exact: true }).selectOption(String(caseId));
    const member = page.getByRole('form', { name: 'Add a member' });
    await member.getByLabel('User to add').selectOption('browser-reviewer');
    await member.getByRole('button', { name: 'Add to case' }).click();
    const members = page.getByRole('list', { name: 'Members of the case' });
    await members.getByText('browser-reviewer').waitFor();
    const user = (await store.users.findByUsername('browser-reviewer'))!;
    expect(await store.caseMembers.isMember(caseId, user.id)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/admin.png', fullPage: true });
    await page.getByRole('button', { name: 'Remove browser-reviewer from the case' }).click();
    await members.getByText('browser-reviewer').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Disable browser-reviewer' }).click();
    await users
      .getByRole('row', { name: /browser-reviewer/ })
      .getByText('disabled')
      .waitFor();
    expect((await store.users.get(user.id))!.disabled).toBe(true);
    const trail = await store.audit.list();
    for (const action of ['user.create', 'case.member.add', 'case.member.remove', 'user.disable'])
      expect(trail.filter((e) => e.action === action && e.actor === 'demo-admin')).toHaveLength(1);
    expect(demo.pageErrors).toEqual([]);
  });
});
