/**
 * Attachments in the thread and batch views (issue 17, item 2), on the real server over a real
 * export: an image shows as a thumbnail made from the stored original (full size on click); a
 * voice note and a document as named tiles with their kind, size and SHA-256, downloading the
 * original on click (audited); an attachment the export does not hold says "not in export". A user
 * who is not a member of the case gets neither the details nor the bytes. Leaves
 * test-artifacts/media-tiles.png.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_PASSWORD } from '../../src/review/demo-users.js';
import { createBatch } from '../../src/review/batches.js';
import { addCaseMember, addUser } from '../../src/review/users.js';
import { renderTextImage } from '../support/fixtures/media/images.js';
import { makeZip } from '../support/zip.js';
import {
  haveChromium,
  openDemoInBrowser,
  screenshotOnFailure,
  signIn,
  type DemoInBrowser,
} from './browser.js';

const CASE = 'Op Tiles (test)';
const IMAGE = 'IMG-20230301-WA0001.jpg';
const VOICE = 'PTT-20230301-WA0002.opus';
const DOC = 'DOC-20230301-WA0003.pdf';
const GONE = 'PTT-20230301-WA0009.opus';

const bytes = {
  [IMAGE]: renderTextImage({ lines: ['shift rota'], style: 'clean', format: 'jpeg' }).bytes,
  [VOICE]: Buffer.concat([Buffer.from('OggS\u0000\u0002'), Buffer.alloc(1500, 7)]),
  [DOC]: Buffer.from('%PDF-1.4\n% rota for the week\n%%EOF\n'),
};
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe.skipIf(!haveChromium())('attachment tiles in the thread and batch views', () => {
  let w: DemoInBrowser;
  let page: Page;
  let caseId = 0;
  let conversationId = 0;
  let batchId = 0;
  const ids = new Map<string, number>();
  const dir = mkdtempSync(join(tmpdir(), 'scrutineer-web-media-'));
  screenshotOnFailure('media-tiles', () => page);

  beforeAll(async () => {
    const zip = join(dir, 'WhatsApp Chat with Tiles.zip');
    writeFileSync(
      zip,
      makeZip({
        'WhatsApp Chat with Tiles.txt': [
          `01/03/2023, 09:00 - PC Reid: ${IMAGE} (file attached)`,
          `01/03/2023, 09:01 - PC Reid: ${VOICE} (file attached)`,
          `01/03/2023, 09:02 - PC Cole: ${DOC} (file attached)`,
          `01/03/2023, 09:03 - PC Cole: ${GONE} (file attached)`,
          '',
        ].join('\n'),
        ...bytes,
      }),
    );
    w = await openDemoInBrowser({
      cli: [
        ['case', 'create', CASE],
        ['exhibit', 'add', CASE, zip, '--ref', 'T/1', '--timezone', 'Europe/London', '--date-order', 'dmy'],
      ],
      prepare: async (store) => {
        caseId = (await store.cases.findByName(CASE))!.id;
        for (const username of ['demo-lead', 'demo-reviewer'])
          await addCaseMember(store, { caseId, username, actor: 'test' });
        await addUser(store, {
          username: 'outsider',
          password: DEMO_PASSWORD,
          role: 'reviewer',
          actor: 'test',
        });
        conversationId = (await store.conversations.list(caseId))[0]!.id;
        for await (const m of store.messages.iterate(caseId)) ids.set(m.mediaFileName ?? '', m.id);
        const batch = await createBatch(store, {
          caseId,
          name: 'Tiles',
          spec: { kind: 'conversation', conversationId },
          assignee: 'demo-reviewer',
          actor: 'demo-lead',
        });
        batchId = batch.id;
      },
    });
    page = w.page;
    await signIn(page, w.url, 'demo-reviewer');
  }, 300_000);

  afterAll(async () => {
    await w?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const tile = (name: string) => page.getByRole('group', { name: `Attachment ${name}` }).first();

  /** The image's thumbnail has loaded from the server (decoded, non-zero size). */
  async function expectThumbnail(): Promise<void> {
    const img = tile(IMAGE).locator('img.media-thumb');
    await img.waitFor();
    await expect
      .poll(() => img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth))
      .toBeGreaterThan(0);
    expect(await img.getAttribute('alt')).toBe(`Stored image ${IMAGE}`);
    expect(await tile(IMAGE).locator('a').first().getAttribute('href')).toBe(
      `/api/messages/${ids.get(IMAGE)}/media`,
    );
  }

  async function expectNamedTiles(): Promise<void> {
    const voice = tile(VOICE);
    await voice.getByText('Audio', { exact: true }).waitFor();
    expect(await voice.textContent()).toContain(`${bytes[VOICE].length.toLocaleString('en-GB')} bytes`);
    expect(await voice.locator('.media-hash').textContent()).toBe(
      `SHA-256 ${sha(bytes[VOICE]).slice(0, 16)}…`,
    );
    expect(await voice.locator('.media-hash').getAttribute('title')).toBe(`SHA-256 ${sha(bytes[VOICE])}`);
    expect(await voice.locator('img').count()).toBe(0);
    const doc = tile(DOC);
    await doc.getByText('Document', { exact: true }).waitFor();
    expect(await doc.locator('.media-hash').getAttribute('title')).toBe(`SHA-256 ${sha(bytes[DOC])}`);
    const gone = tile(GONE);
    expect(await gone.textContent()).toContain('not in export');
    expect(await gone.getByText('Audio', { exact: true }).count()).toBe(1);
    expect(await gone.locator('a').count()).toBe(0);
  }

  it('the thread shows the image as a thumbnail and the voice note, the document and the absent file as named tiles', async () => {
    await page.goto(`${w.url}/#/cases/${caseId}/conversations/${conversationId}`);
    await expectThumbnail();
    await expectNamedTiles();
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/media-tiles.png' });
  });

  it('a click on a document downloads the stored original, and the server audits it', async () => {
    const before = (await w.store.audit.list({ caseId })).filter((e) => e.action === 'evidence.view').length;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      tile(DOC).getByRole('link', { name: DOC }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(DOC);
    expect(sha(readFileSync((await download.path())!))).toBe(sha(bytes[DOC]));
    const views = (await w.store.audit.list({ caseId })).filter((e) => e.action === 'evidence.view');
    expect(views).toHaveLength(before + 1);
    expect(views.at(-1)).toMatchObject({ actor: 'demo-reviewer', subject: `message:${ids.get(DOC)}` });
    expect((await w.store.audit.list({ caseId })).some((e) => e.action === 'evidence.thumbnail')).toBe(true);
  });

  it('the batch view shows the same tiles', async () => {
    await page.goto(`${w.url}/#/cases/${caseId}/batches/${batchId}`);
    await expectThumbnail();
    await expectNamedTiles();
    expect(w.pageErrors).toEqual([]);
  });

  it('a user who is not a member of the case gets neither the details nor the bytes', async () => {
    await signIn(page, w.url, 'outsider');
    for (const path of ['media/info', 'media', 'media/thumbnail']) {
      const res = await page.request.get(`${w.url}/api/messages/${ids.get(VOICE)}/${path}`);
      expect([403, 404], path).toContain(res.status());
    }
    const info = await page.request.get(`${w.url}/api/messages/${ids.get(VOICE)}/media/info`);
    expect(await info.text()).not.toContain(sha(bytes[VOICE]));
  });
});
