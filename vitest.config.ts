import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // PostgreSQL (embedded, unless SCRUTINEER_TEST_DATABASE_URL names a server) and Chromium for every run.
    globalSetup: ['test/support/global-setup.ts'],
    // Store suites on SQLite and PostgreSQL share one server database per file; keep files apart.
    fileParallelism: true,
    pool: 'forks',
  },
});
