/**
 * The test browser (system Chromium or the npm-shipped one, see test/support/browser.ts) draws
 * Arabic and emoji with real fonts, on a machine with no fonts installed: the fonts it picks for each
 * run of text, as Chromium reports them over the DevTools protocol.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../web/browser.js';

describe('test browser', () => {
  let b: LaunchedBrowser;
  beforeAll(async () => {
    b = await launchChromium();
  });
  afterAll(async () => b?.close());

  it('renders Latin, Arabic, Hebrew and emoji with fonts that have them', async () => {
    const page = await b.context.newPage();
    await page.setContent(
      `<meta charset="utf-8"><body style="font-size:32px">
        <p id="latin">Operation Lantern</p>
        <p id="arabic">مرحبا بالعالم</p>
        <p id="hebrew">שלום עולם</p>
        <p id="emoji">😂👍🚔</p>
      </body>`,
    );
    const cdp = await b.context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const fontsOf = async (id: string) => {
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `#${id}` });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      return fonts;
    };
    const glyphs = (fonts: { familyName: string; glyphCount: number }[], family: RegExp) =>
      fonts.filter((f) => family.test(f.familyName)).reduce((n, f) => n + f.glyphCount, 0);
    expect((await fontsOf('latin')).length).toBeGreaterThan(0);
    // Every letter of the Arabic (12 letters, the space may come from anywhere) in a font for Arabic.
    expect(glyphs(await fontsOf('arabic'), /Arabic|Naskh|Kufi|DejaVu/u)).toBeGreaterThanOrEqual(12);
    expect(glyphs(await fontsOf('hebrew'), /Hebrew|DejaVu|Noto Sans/u)).toBeGreaterThanOrEqual(8);
    expect(glyphs(await fontsOf('emoji'), /Emoji|Symbola/u)).toBe(3);
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/browser-scripts.png' });
  });
});
