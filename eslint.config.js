import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/*
 * Floors (issue 19; docs/architecture.md says why): which layer of src/ may import which. Written as
 * no-restricted-imports patterns over the import's text, so they match relative paths such as
 * '../../store/x.js' by the folder named after the last '../'. Each entry repeats the rule for all of
 * src/ because ESLint replaces, not merges, a rule's options when a later entry matches a file.
 */
const LAYERS = [
  'analysis',
  'cases',
  'cli',
  'contract',
  'demo',
  'domain',
  'evidence',
  'ingest',
  'jobs',
  'media',
  'reports',
  'review',
  'server',
  'store',
];
/** A pattern forbidding imports of the src/ folders `names`, reached by one or more '../'. */
const from = (names, message) => ({ regex: `^(\\.\\./)+(${names.join('|')})(/|\\.js$)`, message });
const noFrontEnds = from(
  ['cli', 'server'],
  'only cli/ and server/ import cli/ or server/: move what both need down a layer.',
);
const floor = (files, ...patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [noFrontEnds, ...patterns] }] },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'web/dist/**', 'coverage/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
      'no-misleading-character-class': 'off',
    },
  },
  { ...floor(['src/**/*.ts']), ignores: ['src/cli/**', 'src/server/**'] },
  floor(
    ['src/store/**/*.ts'],
    from(
      ['analysis', 'cases', 'review', 'server', 'cli', 'evidence', 'reports', 'jobs'],
      'the store knows only domain/ (and contract/): shapes it shares with a service belong in domain/.',
    ),
  ),
  floor(
    ['src/ingest/**/*.ts'],
    from(
      ['evidence', 'store', 'analysis', 'cases', 'server', 'cli', 'jobs'],
      'a reader only reads and yields: the importer in evidence/ records exhibits and writes the store.',
    ),
  ),
  floor(
    ['src/domain/**/*.ts'],
    from(
      LAYERS.filter((l) => l !== 'domain' && l !== 'contract'),
      'domain/ holds plain types and pure rules: it imports only domain/ and contract/.',
    ),
    { regex: '^(\\.\\./)+[\\w-]+\\.js$', message: 'domain/ imports only domain/ and contract/.' },
  ),
  floor(
    ['src/contract/**/*.ts'],
    from(
      LAYERS.filter((l) => l !== 'domain' && l !== 'contract'),
      'the contract is shared with the web app: it imports only domain/, zod and luxon.',
    ),
    { regex: '^(\\.\\./)+[\\w-]+\\.js$', message: 'the contract imports only domain/, zod and luxon.' },
    {
      regex: '^(?!\\.|zod(/|$)|luxon$)',
      message: 'the contract imports only domain/, zod and luxon (it is bundled into the web app).',
    },
  ),
  {
    files: ['web/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(src/(?!contract/|domain/)|test/|bench/|scripts/|data/)',
              message: 'the web app imports only its own files, src/contract and src/domain.',
            },
          ],
        },
      ],
    },
  },
);
