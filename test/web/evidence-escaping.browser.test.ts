/**
 * Issue 21.9: evidence strings never become markup. Senders named `<a href=…>login again</a>` and
 * `<img src=x onerror=…>` (names come from a seized phone) are hovered in the dashboard's charts
 * (the membership timeline's own tooltip formatter, the activity chart's default one) and shown in
 * the thread: always as text, never a link, an image or a script.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveChromium, screenshotOnFailure } from './browser.js';
import {
  HOSTILE_IMG,
  HOSTILE_LINK,
  openEvidenceWorld,
  signInToCase,
  type EvidenceWorld,
} from './evidence-world.js';

describe.skipIf(!haveChromium())('evidence text in HTML tooltips (issue 21.9)', () => {
  let w: EvidenceWorld;
  let page: Page;
  screenshotOnFailure('evidence-escaping', () => page);

  beforeAll(async () => {
    w = await openEvidenceWorld();
    page = w.page;
    await signInToCase(page, w.url, 'demo-lead', w.cases.hostile);
  }, 300_000);
  afterAll(async () => w?.close());

  /** Hovers every element the locator finds and collects each tooltip ECharts shows inside `scope`. */
  async function hoverAll(scope: string, targets: string): Promise<string[]> {
    const seen: string[] = [];
    const els = page.locator(`${scope} ${targets}`);
    const n = await els.count();
    for (let i = 0; i < n; i++) {
      await els
        .nth(i)
        .hover({ force: true })
        .catch(() => undefined);
      await page.waitForTimeout(120);
      const tips = await page
        .locator(`${scope} div[style*="z-index: 9999999"]:not([style*="display: none"])`)
        .evaluateAll((ds) => ds.map((d) => (d as unknown as { innerHTML: string }).innerHTML));
      seen.push(...tips.filter((t) => t.trim()));
    }
    return seen;
  }

  async function expectNoLiveMarkup(): Promise<void> {
    expect(await page.locator('a[href^="https://evil.example"]').count()).toBe(0);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(
      await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
  }

  it('the membership timeline tooltip shows hostile names as text', async () => {
    const scope = 'section[aria-labelledby="membership-title"]';
    await page.locator(`${scope} svg`).waitFor();
    const tips = await hoverAll(scope, 'svg path[fill="#8fb3d1"], svg path[fill="#2f6f9f"]');
    const named = tips.filter((t) => t.includes('login again'));
    expect(named.length).toBeGreaterThan(0);
    for (const t of tips) {
      expect(t).not.toMatch(/<a[\s>]|<img[\s>]/iu);
    }
    expect(named[0]).toContain('&lt;a href=https://evil.example/login&gt;login again&lt;/a&gt;');
    // The table beside the chart (for screen readers) shows the names as text too.
    await page.getByText('Membership as a table').click();
    await page.getByRole('cell', { name: HOSTILE_LINK }).first().waitFor();
    await page.getByRole('cell', { name: HOSTILE_IMG }).first().waitFor();
    await expectNoLiveMarkup();
  });

  it('the activity chart tooltip and legend show hostile names as text', async () => {
    const scope = 'section[aria-labelledby="activity-title"]';
    await page.locator(`${scope} svg`).waitFor();
    const tips = await hoverAll(scope, 'svg path[d*="Z"]');
    expect(tips.some((t) => t.includes('login again'))).toBe(true);
    for (const t of tips) expect(t).not.toMatch(/<a[\s>]|<img[\s>]/iu);
    await expectNoLiveMarkup();
  });

  it('the thread shows hostile sender names as text', async () => {
    await page.locator('.conversations a').first().click();
    await page.locator('.bubble .sender').first().waitFor();
    const senders = await page.locator('.bubble .sender').allTextContents();
    expect(senders.some((s) => s.includes(HOSTILE_LINK))).toBe(true);
    expect(senders.some((s) => s.includes(HOSTILE_IMG))).toBe(true);
    await expectNoLiveMarkup();
    expect(w.pageErrors).toEqual([]);
  });
});
