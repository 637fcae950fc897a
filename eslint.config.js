import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'net', 'http', 'https', 'crypto', 'url', 'worker_threads', 'dgram', 'stream', 'events', 'util'];
const electronModules = ['electron', 'electron/*'];

/** Layer rules: shared/ runs anywhere, renderer/ runs in a browser, only electron/ may touch Node and Electron. */
const forbid = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: forbid(
      [...nodeBuiltins, ...electronModules, 'react', 'react-dom', 'react/*', 'react-dom/*', 'dexie', 'zustand', 'i18next', 'react-i18next'],
      'shared/ runs in main, renderer and tests alike: no Node, Electron, React, DOM or storage imports.',
    ),
  },
  {
    files: ['shared/model/**/*.ts'],
    rules: forbid(
      [...nodeBuiltins, ...electronModules, 'react', 'react-dom', 'dexie', '../minutes', '../minutes/*', '../protocol/*'],
      'shared/model is the innermost layer: it imports nothing of Plenum outside itself.',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...forbid([...nodeBuiltins, ...electronModules], 'renderer/ runs in a browser too: reach the host through shared/host-api.ts.'),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/session/**', 'renderer/storage/**'],
    rules: forbid(
      [...nodeBuiltins, ...electronModules, 'yjs', 'y-*'],
      'Only shared/model touches Yjs; components call its operations and read snapshots.',
    ),
  },
);
