/**
 * Which Chromium the browser tests drive (with playwright-core, which downloads nothing):
 *
 * - `SCRUTINEER_CHROMIUM=/path/to/chromium`: that one;
 * - `SCRUTINEER_CHROMIUM=bundled`: the headless Chromium that the npm package `@sparticuz/chromium`
 *   ships (brotli-compressed in the package, unpacked once into node_modules/.cache);
 * - unset: the system's /usr/bin/chromium when there is one, else the bundled one.
 *
 * The global setup (test/support/global-setup.ts) makes the choice once, unpacks the bundled
 * browser if needed, and hands the path to the test processes in `SCRUTINEER_CHROMIUM`.
 *
 * Either browser gets the report fonts from npm (DejaVu, Noto Sans Arabic/Hebrew/…, Noto Emoji)
 * through a fontconfig file of its own, on top of the system's fonts where there are any, so pages
 * render Arabic and emoji on a machine with no fonts installed. The bundled browser also gets the
 * NSS libraries packed with it (Debian may lack libnss3).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';
import { PACKAGED_FONTS, packagedFontPath } from '../../src/reports/fonts.js';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Unpacked browsers and the fontconfig file live here (rebuilt by `npm install`'s fresh node_modules). */
export const BROWSER_CACHE = path.join(ROOT, 'node_modules', '.cache', 'scrutineer-test');
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** The name that asks for the npm-shipped browser even where a system one is installed. */
export const BUNDLED = 'bundled';

function bundledDir(): string {
  const version = (
    JSON.parse(
      readFileSync(
        path.join(path.dirname(require.resolve('@sparticuz/chromium')), '..', '..', 'package.json'),
        'utf8',
      ),
    ) as { version: string }
  ).version;
  return path.join(BROWSER_CACHE, `chromium-${version}`);
}

/**
 * Unpacks @sparticuz/chromium's browser (chromium.br), its NSS libraries (al2023.tar.br), SwiftShader
 * and fonts into the cache, once; returns the executable. Unpacked beside the final folder and then
 * renamed, so a run that stops half-way leaves nothing that looks complete.
 */
export function unpackBundledChromium(): string {
  const dir = bundledDir();
  const exe = path.join(dir, 'chromium');
  if (existsSync(exe)) return exe;
  const bin = path.join(path.dirname(require.resolve('@sparticuz/chromium')), '..', '..', 'bin');
  const tmp = `${dir}.partial-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  writeFileSync(
    path.join(tmp, 'chromium'),
    brotliDecompressSync(readFileSync(path.join(bin, 'chromium.br'))),
  );
  chmodSync(path.join(tmp, 'chromium'), 0o755);
  for (const name of ['al2023', 'swiftshader', 'fonts']) {
    const into = path.join(tmp, name);
    mkdirSync(into);
    execFileSync('tar', ['-x', '-C', into], {
      input: brotliDecompressSync(readFileSync(path.join(bin, `${name}.tar.br`))),
      maxBuffer: 1 << 30,
    });
  }
  try {
    renameSync(tmp, dir);
  } catch (e) {
    // Another run unpacked it at the same time: keep theirs.
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(exe)) throw e;
  }
  return exe;
}

/** The browser chosen by `SCRUTINEER_CHROMIUM` (see above), unpacking the bundled one if that is it. */
export function resolveChromium(): string {
  const asked = process.env.SCRUTINEER_CHROMIUM;
  if (asked && asked !== BUNDLED) return asked;
  if (!asked && existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  return unpackBundledChromium();
}

/** The browser the tests use: `SCRUTINEER_CHROMIUM` as the global setup left it. */
export function chromiumPath(): string {
  const p = process.env.SCRUTINEER_CHROMIUM;
  if (p && p !== BUNDLED) return p;
  return p === BUNDLED || !existsSync(SYSTEM_CHROMIUM)
    ? path.join(bundledDir(), 'chromium')
    : SYSTEM_CHROMIUM;
}

/** A fontconfig file: the system's configuration (if any) plus the npm fonts' folders. */
export function writeFontConfig(): string {
  mkdirSync(BROWSER_CACHE, { recursive: true });
  const dirs = new Set<string>();
  for (const f of PACKAGED_FONTS) {
    const p = packagedFontPath(f);
    if (p) dirs.add(path.dirname(p));
  }
  const bundledFonts = path.join(bundledDir(), 'fonts', 'fonts');
  if (existsSync(bundledFonts)) dirs.add(bundledFonts);
  const file = path.join(BROWSER_CACHE, 'fonts.conf');
  const xml = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    ...[...dirs].map((d) => `  <dir>${d}</dir>`),
    `  <cachedir>${path.join(BROWSER_CACHE, 'fontconfig')}</cachedir>`,
    '</fontconfig>',
    '',
  ].join('\n');
  writeFileSync(`${file}.${process.pid}`, xml);
  renameSync(`${file}.${process.pid}`, file);
  return file;
}

/** What playwright's launch needs besides the executable: environment and flags. */
export function chromiumLaunchOptions(): {
  executablePath: string;
  env: Record<string, string>;
  args: string[];
} {
  const executablePath = chromiumPath();
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  const fontConfig = path.join(BROWSER_CACHE, 'fonts.conf');
  env.FONTCONFIG_FILE = existsSync(fontConfig) ? fontConfig : writeFontConfig();
  const libs = path.join(path.dirname(executablePath), 'al2023', 'lib');
  if (existsSync(libs)) env.LD_LIBRARY_PATH = [libs, env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  return {
    executablePath,
    env,
    args: [
      '--headless',
      '--no-sandbox',
      '--no-zygote',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  };
}
