import { describe, it } from 'vitest';

import { backends, type Backend } from './backends.js';

/** Runs `suite` on SQLite, and on PostgreSQL when SCRUTINEER_TEST_DATABASE_URL is set (else a skipped entry says why). */
export function eachBackend(title: string, suite: (backend: Backend) => void): void {
  for (const backend of backends()) {
    const name = `${title} on ${backend.name === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`;
    if (backend.skipReason !== null) {
      describe.skip(`${name} (skipped: ${backend.skipReason})`, () => {
        it('needs a PostgreSQL server', () => undefined);
      });
      continue;
    }
    describe(name, () => suite(backend));
  }
}
