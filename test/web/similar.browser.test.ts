/**
 * "More like this" (issue 14.3) in the web app, end to end: the real server over a demo workspace,
 * the built web app, Chromium. A reviewer codes a flagged message in the thread, opens the panel by
 * keyboard and sees the case's messages most like it, in the order and with the scores the service
 * gives (src/review/similar.ts, asked here directly, not through the page), each named by senderLabel;
 * a result opens the message in its thread. The batch page offers the same panel. Leaves
 * test-artifacts/similar.png.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { senderLabel } from '../../src/contract/sender-label.js';
import { createBatch } from '../../src/review/batches.js';
import { similarMessages } from '../../src/review/similar.js';
import type { Store } from '../../src/store/open-store.js';
import { seriousViolations } from './axe.js';
import {
  haveChromium,
  openDemoInBrowser,
  screenshotOnFailure,
  signInToDemoCase,
  type DemoInBrowser,
} from './browser.js';

/** What the panel lists by default (web/src/api/similar.ts: SIMILAR_SHOWN). */
const SHOWN = 20;

describe.skipIf(!haveChromium())('"More like this" in a browser', () => {
  let demo: DemoInBrowser;
  let store: Store;
  let page: Page;
  let batchId = 0;
  screenshotOnFailure('similar', () => page);

  beforeAll(async () => {
    demo = await openDemoInBrowser({
      prepare: async (s, caseId) => {
        const batch = await createBatch(s, {
          caseId,
          name: 'Flagged first',
          spec: { kind: 'priority', minScore: 0.5 },
          assignee: 'demo-reviewer',
          actor: 'demo-lead',
        });
        batchId = batch.id;
      },
    });
    ({ store, page } = demo);
    await signInToDemoCase(page, demo.url, 'demo-reviewer');
  }, 300_000);
  afterAll(async () => demo?.close());

  const side = () => page.getByRole('complementary', { name: 'Selected message' });
  const selectedSeq = async () =>
    Number(
      await page
        .locator('[aria-current="true"]')
        .first()
        .locator('xpath=ancestor::*[@data-seq][1]')
        .getAttribute('data-seq'),
    );
  const conversationInUrl = () => Number(/conversations\/(\d+)/u.exec(page.url())?.[1]);

  /** What the panel should list for a message: the service's answer, with each message's label. */
  async function expected(messageId: number) {
    const out = await similarMessages(store, { caseId: demo.caseId, messageId, limit: SHOWN });
    return Promise.all(
      out.similar.map(async (s) => {
        const m = (await store.threads.message(s.messageId))!;
        const extras = JSON.parse(m.extrasJson ?? '{}') as { displayedAuthor?: string };
        return {
          id: s.messageId,
          score: s.score.toFixed(3),
          who: senderLabel(m.sender, extras.displayedAuthor ?? null),
          conversationId: m.conversationId,
          seq: m.seq,
        };
      }),
    );
  }

  /** The panel's rows as the page shows them (the name without its colour mark). */
  async function shownRows() {
    const rows = page.locator('.similar-row');
    const out = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const r = rows.nth(i);
      const sender = await r.locator('.sender').innerText();
      const mark = await r.locator('.sender-mark').innerText();
      out.push({
        id: Number(await r.getAttribute('data-message-id')),
        score: (await r.locator('.similar-score').innerText()).replace('score ', '').trim(),
        who: sender.slice(sender.indexOf(mark) + mark.length).trim(),
      });
    }
    return out;
  }

  it('codes a flagged message in the thread, opens the panel by keyboard and lists the alike messages', async () => {
    await page.locator('.conversations a').first().click();
    await page
      .locator('[data-seq="0"] .bubble:not(.placeholder), [data-seq="0"] .system-event')
      .first()
      .waitFor();
    await page.keyboard.press('f');
    const flagged = page.locator('.bubble.selected.flagged');
    await flagged.waitFor();
    await page.getByLabel('Discreditable Conduct').check();
    await page.keyboard.press('o');
    await flagged.locator('[data-testid="decision"]').waitFor();

    const seq = await selectedSeq();
    const [coded] = await store.threads.window(conversationInUrl(), seq, 1);
    const want = await expected(coded!.id);
    expect(want.length).toBe(SHOWN);

    const button = side().getByRole('button', { name: 'More like this' });
    await button.focus();
    await page.keyboard.press('Enter');
    const panel = side().getByRole('region', { name: `Messages like message ${seq + 1}` });
    await panel.waitFor();
    expect(
      await side().getByRole('button', { name: 'Hide messages like this' }).getAttribute('aria-expanded'),
    ).toBe('true');
    await expect.poll(() => page.locator('.similar-row').count()).toBe(SHOWN);
    // The order, scores and names the service gives; the coded message itself is not among them.
    expect(await shownRows()).toEqual(want.map(({ id, score, who }) => ({ id, score, who })));
    expect(want.map((w) => w.id)).not.toContain(coded!.id);
    // Flagged words are marked in the results where the analysis found them.
    expect(await panel.locator('mark.flag-span').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/similar.png' });

    // Keyboard: the first result is the next stop after the button; Enter opens it in its thread.
    const first = want[0]!;
    await page.keyboard.press('Tab');
    const focused =
      "document.activeElement?.closest('.similar-row')?.getAttribute('data-message-id') ?? null";
    expect(await page.evaluate(focused)).toBe(String(first.id));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain(`conversations/${first.conversationId}?seq=${first.seq}`);
    await expect.poll(selectedSeq).toBe(first.seq);
    await expect
      .poll(() => side().getByRole('heading').first().innerText())
      .toBe(`Message ${first.seq + 1} from ${first.who}`);
    // The panel is of the message it was opened on: a new selection closes it.
    expect(await side().getByRole('button', { name: 'More like this' }).getAttribute('aria-expanded')).toBe(
      'false',
    );
  });

  it('offers the same panel on the batch page, and a result opens the thread', async () => {
    await page.goto(`${demo.url}/#/cases/${demo.caseId}/batches/${batchId}`);
    await side().getByRole('heading').first().waitFor();
    const title = await side().getByRole('heading').first().innerText();
    expect(title).toMatch(/^1 of \d+/u);
    await side().getByRole('button', { name: 'More like this' }).click();
    await expect.poll(() => page.locator('.similar-row').count()).toBe(SHOWN);
    const row = page.locator('.similar-row').nth(2);
    const id = Number(await row.getAttribute('data-message-id'));
    const m = (await store.threads.message(id))!;
    await row.getByRole('link').click();
    await expect.poll(() => page.url()).toContain(`conversations/${m.conversationId}?seq=${m.seq}`);
    await expect.poll(selectedSeq).toBe(m.seq);
    expect(demo.pageErrors).toEqual([]);
  });
});
