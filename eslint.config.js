import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'net', 'http', 'https', 'crypto', 'url', 'worker_threads', 'dgram', 'stream', 'events', 'util'];
const electronModules = ['electron', 'electron/*'];

/** Model operations only the guarded commands (shared/roles/commands.ts) call for the features. */
const guardedOperations = [
  'addAgendaItem', 'updateAgendaItem', 'removeAgendaItem', 'restoreAgendaItem', 'moveAgendaItem', 'applyAgendaTemplate', 'updateMeta',
  'startRun', 'pauseRun', 'resumeRun', 'nextItem', 'previousItem', 'sendTwoMinuteSignal', 'setProjectorView',
  'openVoteRound', 'closeVoteRound', 'setBoardLocked', 'setGroupLocked',
  'addTable', 'updateTable', 'removeTable', 'moveTable', 'showTableInPlenary', 'hideTableFromPlenary',
  'addParticipant', 'addParticipants', 'updateParticipant', 'removeParticipant', 'restoreParticipant', 'assignTables',
  'addStakeholderGroup', 'renameStakeholderGroup', 'removeStakeholderGroup', 'restoreStakeholderGroup',
  'promoteLaptop', 'demoteLaptop', 'setPlenaryOpen', 'addCard',
];

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
    ignores: ['renderer/session/**', 'renderer/network/**', 'renderer/storage/**'],
    rules: forbid(
      [...nodeBuiltins, ...electronModules, 'yjs', 'y-*'],
      'Only shared/model touches Yjs; components call its operations and read snapshots.',
    ),
  },
  {
    // Repeats the rule above (a later block replaces a rule's options) and adds the roles' guard.
    files: ['renderer/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...nodeBuiltins, ...electronModules, 'yjs', 'y-*'], message: 'Only shared/model touches Yjs; components call its operations and read snapshots.' },
            {
              group: ['**/shared/model', '**/shared/model/*'],
              importNames: guardedOperations,
              message: 'What one role may do and the other may not goes through the guarded commands (shared/roles/commands.ts, useCommands).',
            },
          ],
        },
      ],
    },
  },
);
