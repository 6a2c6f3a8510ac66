/**
 * Issue 18 in Chromium against the real server, the rest of the defects and the context work: a
 * device thread as the phone shows it (system events in words, polls with votes, locations, the
 * owner on the right, who reacted, quotes naming their sender); distinct sender colours for 50
 * senders; the people table at 800 px; a non-member told so; dashboard figures and chart bars
 * opening their messages; a hit's context expanded; axe-core with no serious violations. Saves
 * test-artifacts/thread-device.png.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.js';
import { haveChromium, screenshotOnFailure } from './browser.js';
import {
  FIFTY_SENDERS,
  OUTSIDER,
  openEvidenceWorld,
  signInToCase,
  type EvidenceWorld,
} from './evidence-world.js';

interface RowFacts {
  seq: number;
  bubble: boolean;
  own: boolean;
  system: string | null;
  content: boolean;
  sender: string | null;
  colour: string | null;
  mark: string | null;
  time: string | null;
}

/** Runs in the page (a string: the tests are type-checked without the DOM library). */
const READ_ROWS = `[...document.querySelectorAll('.thread-scroll [data-seq]')].map((el) => {
  const bubble = el.querySelector('.bubble:not(.placeholder)');
  const sender = el.querySelector('.bubble .sender');
  return {
    seq: Number(el.getAttribute('data-seq')),
    bubble: Boolean(bubble),
    own: Boolean(el.querySelector('.bubble.own')),
    system: el.querySelector('.system-text')?.textContent ?? null,
    content: Boolean(el.querySelector('.bubble .text, .bubble .media, .bubble .poll, .bubble .location')),
    sender: sender?.lastChild?.textContent ?? null,
    colour: sender ? getComputedStyle(sender).color : null,
    mark: sender?.getAttribute('data-mark') ?? null,
    time: el.querySelector('[data-testid="message-time"]')?.textContent ?? null,
  };
})`;

describe.skipIf(!haveChromium())('device thread, colours, narrow screens and access (issue 18)', () => {
  let w: EvidenceWorld;
  let page: Page;
  screenshotOnFailure('case-views', () => page);

  beforeAll(async () => {
    w = await openEvidenceWorld();
    page = w.page;
  }, 300_000);
  afterAll(async () => w?.close());

  /** Scrolls the whole thread, collecting what each loaded row shows. */
  async function readThread(): Promise<Map<number, RowFacts>> {
    const facts = new Map<number, RowFacts>();
    for (let step = 0; step < 200; step++) {
      await page.waitForFunction('!document.querySelector(".thread-scroll [aria-busy=true]")');
      const rows = (await page.evaluate(READ_ROWS)) as RowFacts[];
      for (const r of rows) facts.set(r.seq, r);
      const done = await page.evaluate(`(() => {
        const el = document.querySelector('.thread-scroll');
        const before = el.scrollTop;
        el.scrollTop += el.clientHeight * 0.8;
        return el.scrollTop === before;
      })()`);
      if (done) break;
      // Let the virtual list render the rows at the new position before they are read: under load a
      // read straight after the scroll saw the previous window, and the next scroll skipped a row.
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    }
    return facts;
  }

  it('defect 5: a device thread shows system events in words, polls, locations; the owner on the right', async () => {
    await signInToCase(page, w.url, 'demo-reviewer', w.cases.device);
    await page.locator('.conversations a', { hasText: 'Team 5 Response' }).click();
    await page.locator('[data-seq="0"] .system-event').waitFor();
    const rows = [...(await readThread()).values()];
    expect(rows.length).toBe(53);
    const systems = rows.filter((r) => r.system !== null);
    expect(systems.length).toBe(5);
    for (const s of systems) expect(s.system?.trim()).not.toBe('');
    expect(systems.some((s) => /added /u.test(s.system ?? ''))).toBe(true);
    expect(systems.some((s) => /created the group/u.test(s.system ?? ''))).toBe(true);
    // No empty bubbles: every bubble has text, media, a poll or a location (deleted ones say so).
    const empty = rows.filter((r) => r.bubble && !r.content);
    expect(empty).toEqual([]);
    expect(rows.filter((r) => r.own).length).toBe(11);
    // Device times have seconds; every one names its zone.
    for (const r of rows) expect(r.time).toMatch(/^\d\d:\d\d:\d\d (GMT|BST)/u);
  });

  it('polls show options and votes; reactions say who; the thread is saved as a screenshot', async () => {
    const base = page.url().replace(/\?.*$/u, '');
    await page.goto(base);
    const poll = page.locator('.poll').first();
    for (let i = 0; i < 60 && !(await poll.isVisible()); i++) await page.keyboard.press('j');
    await poll.waitFor();
    expect(await poll.locator('li').count()).toBeGreaterThan(1);
    expect(await poll.innerText()).toMatch(/\d+ votes?/u);
    const reaction = page.locator('.reactions .reaction-who').first();
    await reaction.waitFor();
    expect((await reaction.innerText()).trim()).not.toBe('');
    // With the poll in view: the artefact shows polls, the owner's messages, quotes and reactions.
    await poll.scrollIntoViewIfNeeded();
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/thread-device.png' });
  });

  it('defect 2: 50 senders get 50 distinct colours, each readable on white, each with a mark', async () => {
    await signInToCase(page, w.url, 'demo-reviewer', w.cases.fifty);
    await page.locator('.conversations a').first().click();
    await page.locator('[data-seq="0"] .bubble:not(.placeholder)').waitFor();
    const rows = [...(await readThread()).values()].filter((r) => r.sender);
    const bySender = new Map(rows.map((r) => [r.sender?.trim(), r]));
    expect([...bySender.keys()].sort()).toEqual([...FIFTY_SENDERS].sort());
    const colours = new Set(rows.map((r) => r.colour));
    expect(colours.size).toBe(50);
    const lin = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    for (const c of colours) {
      const [r = 0, g = 0, b = 0] = (c?.match(/\d+/gu) ?? []).map(Number);
      const contrast = 1.05 / (0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b) + 0.05);
      expect(contrast).toBeGreaterThanOrEqual(4.5);
    }
    // Colour is never the only cue: each sender also has a mark (shape) beside the name.
    expect(rows.every((r) => r.mark)).toBe(true);
  });

  it('defect 7: the people table fits 800 px without clipping names', async () => {
    await page.setViewportSize({ width: 800, height: 900 });
    await signInToCase(page, w.url, 'demo-lead', w.caseId);
    await page.getByRole('table', { name: 'People and their conduct' }).waitFor();
    const overflow = await page.evaluate(`(() => {
      const main = document.querySelector('.main');
      const clipped = [...document.querySelectorAll('.people-table tbody th, .people-table tbody td')].filter(
        (c) => c.scrollWidth > c.clientWidth + 1,
      ).length;
      return { wide: main.scrollWidth - main.clientWidth, page: document.documentElement.scrollWidth - 800, clipped };
    })()`);
    expect(overflow).toEqual({ wide: 0, page: 0, clipped: 0 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it('dashboard figures and chart bars open the messages behind them; a hit expands to its context', async () => {
    await signInToCase(page, w.url, 'demo-lead', w.caseId);
    await page
      .getByRole('list', { name: /Flagged messages by category/u })
      .getByRole('link')
      .first()
      .click();
    await page.getByRole('heading', { name: 'Search', exact: true }).waitFor();
    expect(page.url()).toMatch(/search\?category=/u);
    const first = page.locator('.hit-row').first();
    await first.waitFor();
    await first.getByRole('button', { name: /Show the messages around/u }).click();
    const context = first.locator('.hit-context li');
    await expect.poll(() => context.count()).toBeGreaterThanOrEqual(4);
    expect(await first.locator('.context-hit').count()).toBe(1);
    await page.goBack();
    await page
      .getByRole('link', { name: /messages sent by/u })
      .first()
      .click();
    await page.locator('.hit-row').first().waitFor();
    expect(page.url()).toMatch(/search\?sender=/u);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('a hit opened in the thread offers the next and previous hit and the way back to the results', async () => {
    await page.goto(`${w.url}/#/cases/${w.caseId}`);
    await page
      .getByRole('list', { name: /Flagged messages by category/u })
      .getByRole('link')
      .first()
      .click();
    const results = page.url();
    const hits = page.locator('.hit-row');
    await hits.nth(1).waitFor();
    await hits.first().locator('a.hit-link').click();
    await page
      .getByTestId('hit-position')
      .filter({ hasText: /^hit 1 of \d+$/u })
      .waitFor();
    await page.getByRole('link', { name: 'next hit ›' }).click();
    await page
      .getByTestId('hit-position')
      .filter({ hasText: /^hit 2 of /u })
      .waitFor();
    await page.getByRole('link', { name: '‹ previous hit' }).click();
    await page
      .getByTestId('hit-position')
      .filter({ hasText: /^hit 1 of /u })
      .waitFor();
    await page.getByRole('link', { name: 'Back to results' }).click();
    await page.getByRole('heading', { name: 'Search', exact: true }).waitFor();
    expect(page.url()).toBe(results);
  });

  it('defect 9: a non-member is told so, and sees no thread tools', async () => {
    await signInToCase(page, w.url, OUTSIDER, w.cases.fifty);
    await page.goto(`${w.url}/#/cases/${w.caseId}/conversations/1?seq=285`);
    await page.getByText('You are not a member of this case').waitFor();
    expect(await page.getByRole('toolbar', { name: 'Thread tools' }).count()).toBe(0);
    await page.goto(`${w.url}/#/cases/${w.caseId}/queue`);
    await page.getByText('You are not a member of this case').waitFor();
    expect(await page.getByText(/No batches are assigned/u).count()).toBe(0);
    expect(w.pageErrors).toEqual([]);
  });

  it('the thread and dashboard have no serious axe violations', async () => {
    await signInToCase(page, w.url, 'demo-reviewer', w.caseId);
    await page.getByRole('heading', { name: 'Conversations' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('.conversations a').first().click();
    await page
      .locator('[data-seq="0"] .bubble:not(.placeholder), [data-seq="0"] .system-event')
      .first()
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
