/**
 * The import floors in eslint.config.js bite (issue 19): each rule is tried on an import it must
 * refuse and one it must let through, at the file paths the rules are written for. The rules match
 * the import's text, so this is what shows a pattern still matches the way src/ writes its imports.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** The no-restricted-imports messages ESLint gives `code` as if it were the file at `filePath`. */
async function refusals(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const CASES: readonly (readonly [file: string, from: string, refused: boolean])[] = [
  ['src/store/repositories/merges.ts', '../../analysis/merge/match.js', true],
  ['src/store/repositories/record.ts', '../../cases/types.js', true],
  ['src/store/database.ts', '../evidence/zip.js', true],
  ['src/store/repositories/messages.ts', '../../domain/message.js', false],
  ['src/store/repositories/messages.ts', '../types.js', false],
  ['src/ingest/rsmf/import.ts', '../../evidence/intake.js', true],
  ['src/ingest/device/android.ts', '../../store/types.js', true],
  ['src/ingest/whatsapp-text/parse-export.ts', '../../domain/message.js', false],
  ['src/ingest/whatsapp-text/parse-export.ts', '../local-time.js', false],
  ['src/domain/message.ts', '../store/types.js', true],
  ['src/domain/message.ts', '../version.js', true],
  ['src/domain/message.ts', './errors.js', false],
  ['src/contract/words.ts', '../review/coding.js', true],
  ['src/contract/words.ts', 'luxon', false],
  ['src/contract/words.ts', 'kysely', true],
  ['src/contract/words.ts', 'zod', false],
  ['src/contract/words.ts', '../domain/message.js', false],
  ['src/jobs/worker.ts', '../server/index.js', true],
  ['src/analysis/flagger/index.ts', '../../cli/output.js', true],
  ['src/cli/commands/serve.ts', '../../server/index.js', false],
  ['src/server/routes.ts', '../cli/output.js', false],
  ['web/src/pages/ThreadPage.tsx', '../../../src/server/schemas.js', true],
  ['web/src/pages/ThreadPage.tsx', '../../../test/web/fake-api.js', true],
  ['web/src/pages/ThreadPage.tsx', '../../../src/domain/message.js', false],
  ['web/src/pages/ThreadPage.tsx', '../../../src/contract/words.js', false],
  ['web/src/pages/ThreadPage.tsx', '../api/client', false],
];

describe('import floors (eslint.config.js)', () => {
  it.each(CASES)('%s importing %s: refused %s', { timeout: 60_000 }, async (file, from, refused) => {
    const code = `import { x } from '${from}';\nexport const y = x;\n`;
    const got = await refusals(file, code);
    expect(got.length, got.join('\n')).toBe(refused ? 1 : 0);
  });
});
