import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Folders that must stay free of I/O, environment and wall-clock time (STYLE.md "Pure folders"). */
const pureFolders = ['src/core/**', 'src/query/**', 'src/nlp/**', 'src/analytics/**'];
const ioModules = [
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'http',
  'node:http',
  'https',
  'node:https',
  'net',
  'node:net',
  'child_process',
  'node:child_process',
  'better-sqlite3',
  'pg',
  'fastify',
  'node:process',
  'process',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-bench/**',
      'node_modules/**',
      'web/dist/**',
      'data/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only (STYLE.md).' },
      ],
    },
  },
  {
    // The HTTP API calls the use cases only (STYLE.md "One use case, many doors").
    files: ['src/api/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/store/**', '**/sources/**', '**/pipeline/**', '**/bus/**'],
              message: 'The API imports services only (src/services/index.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: pureFolders,
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ioModules.map((name) => ({
            name,
            message: 'Pure folder: no I/O here (STYLE.md).',
          })),
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Time comes from a Clock.' },
        {
          object: 'process',
          property: 'env',
          message: 'Config is read once in the composition root.',
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'Pure folder: no process access.' },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'test/**', 'bench/**', 'scripts/**', 'eval/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  // Tool config files must default-export their config.
  { files: ['*.config.js'], rules: { 'no-restricted-syntax': 'off' } },
);
