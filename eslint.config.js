import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only src/main and src/preload may import electron.' }] },
      ],
    },
  },
  {
    files: ['src/main/**', 'src/preload/**', 'electron.vite.config.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'test/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // The layers only import downwards (see README, "Architecture").
    files: ['src/core/**', 'src/shared/**', 'src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only src/main and src/preload may import electron.' }],
          patterns: [{ group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'core, shared and cli never import the shells.' }],
        },
      ],
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'better-sqlite3', 'node-hid'], message: 'shared runs in the renderer too: no Node.' },
            { group: ['**/core/**', '**/main/**', '**/renderer/**', '**/preload/**', '**/cli/**'], message: 'shared imports nothing of the app.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    rules: { 'no-restricted-imports': ['error', rendererImports(true)] },
  },
  {
    // The app shell sits above the areas it composes (see README, "Architecture").
    files: ['src/renderer/app/**', 'src/renderer/main.tsx'],
    rules: { 'no-restricted-imports': ['error', rendererImports(false)] },
  },
);

/** The renderer imports only shared; below the app shell, nothing imports the shell either. */
function rendererImports(belowShell) {
  return {
    paths: [{ name: 'electron', message: 'The renderer talks to the app only through the bridge.' }],
    patterns: [
      { group: ['node:*', '**/core/**', '**/main/**', '**/cli/**', 'better-sqlite3', 'node-hid'], message: 'renderer imports only shared.' },
      ...(belowShell
        ? [{ group: ['**/app/**', './app/*'], message: 'Only the app shell composes the areas: screens, components and state never import app/.' }]
        : []),
    ],
  };
}
