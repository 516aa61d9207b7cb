import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const electronOnlyHere = {
  paths: [
    { name: 'electron', message: "Only electron/main and electron/preload may import 'electron'." },
  ],
};
// A feature is used through its index.ts, never through its files, and it never reaches into
// app/, which composes the features. Relative paths say where an import lands: from
// features/X, '../Y/...' is inside another feature; from app/, '../features/Y/...' is.
const featureBoundaries = [
  {
    regex: '^\\.\\./(?!\\.|lib/|ui/|i18n/|app/|features/)[^/]+/',
    message: "Import another feature through its index ('../sessions'), not its files.",
  },
  {
    regex: '^\\.\\./features/[^/]+/',
    message: "Import a feature through its index ('../features/sessions'), not its files.",
  },
  {
    regex: '^(\\.\\./)+app(/|$)',
    message: 'Features do not import from app/; app/ composes them.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  // Import lanes: every folder says where its code runs.
  {
    files: ['electron/services/**', 'renderer/**', 'shared/**', 'tests/**'],
    ignores: ['tests/electron/**'],
    rules: { 'no-restricted-imports': ['error', electronOnlyHere] },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronOnlyHere,
          paths: [
            ...electronOnlyHere.paths,
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'shared/ runs anywhere: no Node APIs.',
            })),
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'sessionStorage',
          'process',
          'Buffer',
          'require',
          '__dirname',
        ].map((name) => ({
          name,
          message: 'shared/ runs anywhere: no DOM or Node globals.',
        })),
      ],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          ...electronOnlyHere,
          paths: [
            ...electronOnlyHere.paths,
            ...nodeBuiltins
              .filter((n) => n !== 'path' && n !== 'node:path')
              .map((name) => ({ name, message: 'The renderer has no Node APIs.' })),
          ],
          patterns: featureBoundaries,
        },
      ],
    },
  },
  {
    files: ['electron/tools/**', 'tests/**'],
    rules: { 'no-console': 'off' },
  },
);
