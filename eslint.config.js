import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import plenumLayers from './eslint/layers.js';

/** Model operations only the guarded commands (shared/roles/commands.ts) call for the features. */
const guardedOperations = [
  'addAgendaItem', 'updateAgendaItem', 'removeAgendaItem', 'restoreAgendaItem', 'moveAgendaItem', 'applyAgendaTemplate', 'updateMeta',
  'startRun', 'pauseRun', 'resumeRun', 'nextItem', 'previousItem', 'sendTwoMinuteSignal', 'setProjectorView',
  'openVoteRound', 'closeVoteRound', 'setBoardLocked', 'setGroupLocked',
  'addTable', 'updateTable', 'removeTable', 'moveTable', 'showTableInPlenary', 'hideTableFromPlenary',
  'addParticipant', 'addParticipants', 'updateParticipant', 'removeParticipant', 'restoreParticipant', 'assignTables', 'setAttendance',
  'addStakeholderGroup', 'renameStakeholderGroup', 'removeStakeholderGroup', 'restoreStakeholderGroup',
  'promoteLaptop', 'demoteLaptop', 'setPlenaryOpen', 'addCard',
  'parkQuestion', 'updateParkedText', 'setParkedTakenUp', 'removeParkedQuestion', 'restoreParkedQuestion',
  'addActionItem', 'actionFromCard', 'updateActionItem', 'removeActionItem', 'restoreActionItem',
];

/*
 * The layers: what each folder may import, packages included (docs/layers.md draws the same table).
 * A folder always imports its own files; anything not listed is refused, with the layer's reason where
 * it names one. One rule configured once for every file (eslint/layers.js): a later block cannot replace it.
 */
const nodeOnly = ['node:*', 'electron', 'ws', 'bonjour-service', 'playwright-core', 'pdfkit'];
const yjsFamily = ['yjs', 'y-*', 'lib0'];
const shared = ['shared/*', 'shared/model', 'shared/i18n'];
const renderer = ['renderer/hooks', 'renderer/state', 'renderer/session', 'renderer/network', 'renderer/storage', 'renderer/host', 'renderer/i18n'];

const inBrowser = { packages: nodeOnly, why: 'renderer/ runs in a browser and in the sandboxed window: no Node or Electron; reach the host through shared/host-api.ts.' };
const onlyModelTouchesYjs = { packages: yjsFamily, why: 'only shared/model touches Yjs documents (renderer/network speaks their wire protocol); call its operations and read snapshots.' };
const notBackUp = { folders: ['renderer/app', 'renderer'], why: 'renderer/app composes the features and main.tsx starts it all; importing them runs back up the layers.' };
const sharedRunsAnywhere = { folders: ['renderer*', 'electron*'], why: 'shared/ runs in main, renderer and tests alike: it may not reach into renderer/ or electron/.' };

const layers = {
  'shared/model': {
    packages: ['yjs', 'zod', 'fractional-indexing', '@noble/hashes'],
    folders: [],
    because: [
      { packages: ['*'], why: 'shared/model is the innermost layer and runs anywhere: no UI, state, i18n, storage, Node or Electron packages (only yjs, zod, fractional-indexing, @noble/hashes).' },
      { folders: ['*'], why: 'shared/model is the innermost layer: it imports nothing of Plenum outside itself.' },
    ],
  },
  // The UI's texts (locales/<lang>/<area>.json) and an i18next instance of their own for documents (the minutes).
  'shared/i18n': {
    packages: ['i18next'],
    folders: [],
    because: [
      { packages: ['react', 'react-*'], why: 'shared/i18n runs in main, the CLI and tests too: no React (the renderer wires i18next to React in renderer/i18n).' },
      sharedRunsAnywhere,
    ],
  },
  // Every other folder of shared/ (protocol, minutes, participants, roles, phone…) and its own files (host-api.ts).
  'shared/*': {
    packages: ['zod', 'papaparse', 'docx', '@noble/hashes', '@noble/ciphers'],
    folders: ['shared/model', 'shared/i18n'],
    because: [
      { packages: nodeOnly, why: 'shared/ runs in main, renderer and tests alike: no Node or Electron.' },
      { packages: yjsFamily, why: 'only shared/model touches Yjs documents; use its index.' },
      { packages: ['react', 'react-*', 'i18next', 'zustand', 'dexie', '@dnd-kit/*'], why: 'shared/ has no UI, state or storage: those live in renderer/.' },
      sharedRunsAnywhere,
    ],
  },
  // main.tsx: starts storage, i18n and the app.
  renderer: {
    packages: ['react', 'react-dom', 'i18next', 'react-i18next', '@fontsource-variable/*'],
    folders: ['renderer/app', 'renderer/features', ...renderer, ...shared],
    because: [inBrowser, onlyModelTouchesYjs],
  },
  'renderer/app': {
    packages: ['react', 'react-dom', 'i18next', 'react-i18next', 'zustand'],
    folders: ['renderer/features', ...renderer, ...shared],
    because: [inBrowser, onlyModelTouchesYjs],
  },
  'renderer/features': {
    packages: ['react', 'react-dom', 'i18next', 'react-i18next', 'zustand', '@dnd-kit/*', 'qrcode', 'react-aria-components', '@internationalized/date'],
    folders: [...renderer, ...shared],
    because: [inBrowser, onlyModelTouchesYjs, notBackUp, { packages: ['dexie'], why: 'storage lives in renderer/storage.' }],
  },
  'renderer/hooks': {
    packages: ['react', 'i18next', 'react-i18next', 'zustand'],
    folders: ['renderer/state', 'renderer/session', 'renderer/network', 'renderer/storage', 'renderer/host', 'renderer/i18n', ...shared],
    because: [inBrowser, onlyModelTouchesYjs, { folders: ['renderer/features', 'renderer/app', 'renderer'], why: 'hooks serve the features; they do not import them.' }],
  },
  'renderer/state': {
    packages: ['react', 'zustand'],
    folders: [...shared],
    because: [inBrowser, onlyModelTouchesYjs],
  },
  // The workshop session owns its connection (session → network); the network never imports the session.
  'renderer/session': {
    packages: ['zod'],
    folders: ['renderer/network', 'renderer/storage', 'renderer/host', ...shared],
    because: [inBrowser, { packages: yjsFamily, why: 'only shared/model touches Yjs documents: the session holds a WorkshopDoc from its index.' }, { folders: ['renderer/*', 'renderer'], why: 'the session knows no UI.' }],
  },
  'renderer/network': {
    packages: ['yjs', 'y-webrtc', 'y-protocols', 'lib0', 'zod'],
    folders: ['renderer/storage', 'renderer/host', ...shared],
    because: [inBrowser, { folders: ['renderer/*', 'renderer'], why: 'the network knows no UI.' }],
  },
  'renderer/storage': {
    packages: ['dexie', 'zod'],
    folders: [...shared],
    because: [inBrowser, onlyModelTouchesYjs, { folders: ['renderer/*', 'renderer'], why: 'storage is the bottom of renderer/: it imports only shared/.' }],
  },
  'renderer/host': {
    packages: [],
    folders: [...shared],
    because: [inBrowser],
  },
  'renderer/i18n': {
    packages: ['i18next', 'react-i18next'],
    folders: [],
    because: [inBrowser],
  },
  // The Electron shell: windows, IPC, security; it wires the services up.
  electron: {
    packages: ['electron', 'node:*', 'zod'],
    folders: ['electron/services', ...shared],
    because: [{ folders: ['renderer*'], why: 'the shell talks to renderer/ only over IPC (shared/host-api.ts).' }],
  },
  // The participant page (issue 16): its own small bundle for phones, served by the host's server. Not the moderator's app.
  participant: {
    packages: ['react', 'react-dom', 'i18next', 'react-i18next'],
    folders: ['participant/app', 'participant/link', ...shared],
    because: [inBrowser, onlyModelTouchesYjs, { folders: ['renderer*'], why: "the participant page is its own small bundle: it shares shared/ with the app, never renderer/." }],
  },
  'participant/app': {
    packages: ['react', 'react-dom', 'i18next', 'react-i18next'],
    folders: ['participant/link', ...shared],
    because: [inBrowser, onlyModelTouchesYjs, { folders: ['renderer*'], why: "the participant page is its own small bundle: it shares shared/ with the app, never renderer/." }],
  },
  // The phone's side of shared/protocol/phone-wire.ts: socket, key, outbox.
  'participant/link': {
    packages: ['zod', '@noble/hashes', '@noble/ciphers'],
    folders: [...shared],
    because: [inBrowser, onlyModelTouchesYjs, { folders: ['participant', 'participant/app', 'renderer*'], why: 'the link knows no screens.' }],
  },
  // Plain Node, run by the CLIs and the tests without Electron. find-browser.mjs is plain Node too (the benchmarks' Chromium); pdfkit draws the minutes' PDF.
  'electron/services': {
    packages: ['node:*', 'zod', 'ws', 'bonjour-service', 'pdfkit'],
    // The menu's words are the UI's (app-menu.ts): the three locale files of the menu, nothing else of renderer/.
    folders: [...shared, 'scripts/find-browser.mjs', 'shared/i18n/locales/de/menu.json', 'shared/i18n/locales/en/menu.json', 'shared/i18n/locales/uk/menu.json'],
    because: [
      { packages: ['electron'], why: "electron/services is plain Node, run by the CLIs and the tests without Electron: the shell passes in what a service needs." },
      { folders: ['electron'], why: "electron/services is plain Node: it may not import the shell's files; move what it needs into electron/services." },
      { folders: ['renderer*'], why: 'services run in Node; renderer/ runs in a browser.' },
    ],
  },
};

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
    plugins: { plenum: plenumLayers },
    rules: {
      'plenum/layers': [
        'error',
        {
          layers,
          indexOnly: 'shared/model',
          // The model's parts that need no document (limits, dates, ids, validation): what the home
          // screen uses, without the index's Yjs, which then loads with the workshop screen only.
          alsoDoors: ['shared/model/plain'],
          // Unit tests of the model's internals (order keys, the roots of a document), which its index does not export.
          deepImportsAllowedIn: ['tests/unit/model-order.test.ts', 'tests/unit/model-capture.test.ts'],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      // typescript-eslint turns no-undef off (tsc checks names), and tsconfig's DOM and Node types make these pass tsc.
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'shared/ runs in main, renderer and tests alike: no window (pass in what the code needs).' },
        { name: 'document', message: 'shared/ runs in main, renderer and tests alike: no DOM document.' },
        { name: 'process', message: 'shared/ runs in the browser too: no Node process (pass in what the code needs).' },
        { name: 'Buffer', message: 'shared/ runs in the browser too: no Node Buffer (use Uint8Array, TextEncoder).' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'participant/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The only no-restricted-imports of the config: no other block can replace it for these files.
    files: ['renderer/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
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
