/** The web app has its own tsconfig (DOM, JSX); the root type-check does not see it, so check it here. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('web app types', () => {
  it('web/ type-checks under web/tsconfig.json (strict)', () => {
    const r = spawnSync(
      process.execPath,
      ['node_modules/typescript/bin/tsc', '-p', 'web/tsconfig.json', '--noEmit'],
      {
        encoding: 'utf8',
      },
    );
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 120_000);
});
