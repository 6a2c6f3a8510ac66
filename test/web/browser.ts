/**
 * Chromium, headless, driven by playwright-core (nothing is downloaded): the system's or the one the
 * npm package @sparticuz/chromium ships, as test/support/browser.ts chooses (SCRUTINEER_CHROMIUM).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterEach } from 'vitest';
import { run } from '../../src/cli/main.js';
import { DEMO_PASSWORD, ensureDemoUsers } from '../../src/review/demo-users.js';
import { buildServer } from '../../src/server/index.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { chromiumLaunchOptions, chromiumPath } from '../support/browser.js';

export const CHROMIUM = chromiumPath();

export function haveChromium(): boolean {
  return existsSync(CHROMIUM);
}

export interface LaunchedBrowser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<LaunchedBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'scrutineer-chromium-'));
  // A fresh profile each run (the persistent-context form is how playwright takes --user-data-dir).
  const context = await chromium.launchPersistentContext(profile, {
    ...chromiumLaunchOptions(),
    headless: true,
    viewport: { width: 1400, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Builds web/dist once if it is missing (the server serves it; the tests drive it). */
export function ensureWebBuilt(): void {
  if (existsSync('web/dist/index.html')) return;
  const r = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
}

/** The demo workspace served by the real server, with a browser page on it (the browser tests' world). */
export interface DemoInBrowser {
  readonly workspace: string;
  readonly store: Store;
  readonly caseId: number;
  readonly url: string;
  readonly browser: LaunchedBrowser;
  readonly page: Page;
  /** Uncaught errors in the page: a test ends by expecting none. */
  readonly pageErrors: string[];
  close(): Promise<void>;
}

export const DEMO_CASE_NAME = 'Operation Lantern (demo)';

/** After each failed test of the suite, saves the page as test-artifacts/NAME-failure.png. */
export function screenshotOnFailure(name: string, page: () => Page | undefined): void {
  afterEach(async (ctx) => {
    const p = page();
    if (ctx.task.result?.state !== 'fail' || !p) return;
    mkdirSync('test-artifacts', { recursive: true });
    await p.screenshot({ path: `test-artifacts/${name}-failure.png`, fullPage: true });
  });
}

/** Signs in as `username` with the demo password (signing out whoever is signed in first). */
export async function signIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url);
  const signOut = page.getByRole('button', { name: 'Sign out' });
  await page.getByLabel('Username').or(signOut).first().waitFor();
  if (await signOut.isVisible()) {
    await signOut.click();
    await page.getByLabel('Username').waitFor();
  }
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Cases' }).waitFor();
}

/** Signs in as a demo user and opens the demo case's dashboard. */
export async function signInToDemoCase(page: Page, url: string, username: string): Promise<void> {
  await signIn(page, url, username);
  await page.getByRole('link', { name: DEMO_CASE_NAME }).click();
  await page.getByRole('heading', { name: 'Conversations' }).waitFor();
}

/**
 * `scrutineer demo` into a fresh workspace, then `cli` commands (each an argv) and `prepare` on its
 * store, then the server on a free port with the built web app and a fresh Chromium page.
 */
export async function openDemoInBrowser(
  o: {
    cli?: readonly (readonly string[])[];
    prepare?: (store: Store, caseId: number) => Promise<void>;
  } = {},
): Promise<DemoInBrowser> {
  ensureWebBuilt();
  const workspace = mkdtempSync(join(tmpdir(), 'scrutineer-web-'));
  const silent = { out: () => {}, err: () => {}, interactive: false };
  const env = { ...process.env, SCRUTINEER_WORKSPACE: workspace, SCRUTINEER_USER: 'test' };
  for (const argv of [['demo'], ...(o.cli ?? [])]) {
    const code = await run(argv, silent, env);
    if (code !== 0) throw new Error(`scrutineer ${argv.join(' ')} exited with ${code}`);
  }
  const store = await openStore({ workspace, databaseUrl: null });
  const caseId = (await store.cases.findByName(DEMO_CASE_NAME))!.id;
  await ensureDemoUsers(store, caseId);
  await o.prepare?.(store, caseId);
  const app = await buildServer({ store, workspace, webRoot: join(process.cwd(), 'web', 'dist') });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  const page = await browser.context.newPage();
  page.setDefaultTimeout(20_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return {
    workspace,
    store,
    caseId,
    url,
    browser,
    page,
    pageErrors,
    async close() {
      await browser.close();
      await app.close();
      await store.close();
      rmSync(workspace, { recursive: true, force: true });
    },
  };
}
