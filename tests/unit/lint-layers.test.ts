import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

/*
 * The layer rules of eslint.config.js (docs/layers.md), tried on planted files: each import the layers
 * refuse must fail with its own message, and what they allow must pass, so the rules can neither be
 * silently replaced by a later config block nor reject everything. The planted files exist only as
 * text given to ESLint under a path inside the repository.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const ours = new Set(['plenum/layers', 'no-restricted-globals', 'no-restricted-imports']);
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function lint(file: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  expect(result?.filePath, 'the planted file is linted, not ignored').toBe(path.join(root, file));
  const messages = result?.messages ?? [];
  expect(messages.filter((message) => message.fatal), 'the planted code parses').toEqual([]);
  return messages.filter((message) => message.ruleId !== null && ours.has(message.ruleId));
}

type Refused = { name: string; file: string; code: string; rule?: string; message: RegExp };

const refused: Refused[] = [
  // shared/ reaching into renderer/
  {
    name: 'shared/protocol importing renderer/hooks',
    file: 'shared/protocol/planted.ts',
    code: "export { useStore } from '../../renderer/hooks/use-store';",
    message: /^shared\/protocol\/ may not import renderer\/hooks\/ \('\.\.\/\.\.\/renderer\/hooks\/use-store'\): shared\/ runs in main, renderer and tests alike/,
  },
  {
    name: 'a file of shared/ importing renderer/app',
    file: 'shared/planted.ts',
    code: "export { App } from '../renderer/app/App';",
    message: /^shared\/ may not import renderer\/app\/ .*shared\/ runs in main, renderer and tests alike/,
  },
  {
    name: 'shared/model importing another folder of shared/',
    file: 'shared/model/planted.ts',
    code: "export { buildMinutes } from '../minutes';",
    message: /^shared\/model\/ may not import shared\/minutes\/ .*innermost layer: it imports nothing of Plenum outside itself/,
  },
  // shared/model's packages
  ...['zustand', 'i18next', '@dnd-kit/core'].map((name) => ({
    name: `shared/model importing ${name}`,
    file: 'shared/model/planted.ts',
    code: `import * as planted from '${name}';\nexport { planted };`,
    message: new RegExp(`^shared/model/ may not import the package '${name}': shared/model is the innermost layer`),
  })),
  {
    name: 'shared/protocol importing yjs',
    file: 'shared/protocol/planted.ts',
    code: "export { Doc } from 'yjs';",
    message: /^shared\/protocol\/ may not import the package 'yjs': only shared\/model touches Yjs documents/,
  },
  {
    name: 'shared/minutes importing react',
    file: 'shared/minutes/planted.ts',
    code: "export { useState } from 'react';",
    message: /^shared\/minutes\/ may not import the package 'react': shared\/ has no UI, state or storage/,
  },
  {
    name: 'shared/participants importing node:fs',
    file: 'shared/participants/planted.ts',
    code: "export { readFileSync } from 'node:fs';",
    message: /^shared\/participants\/ may not import the package 'node:fs': shared\/ runs in main, renderer and tests alike: no Node or Electron/,
  },
  // Node-only packages in renderer/
  ...[
    ['ws', 'renderer/network/planted.ts'],
    ['bonjour-service', 'renderer/features/home/planted.tsx'],
    ['playwright-core', 'renderer/session/planted.ts'],
    ['electron', 'renderer/host/planted.ts'],
    ['fs', 'renderer/storage/planted.ts'],
  ].map(([name, file]) => ({
    name: `${file} importing ${name}`,
    file: String(file),
    code: `import * as planted from '${name}';\nexport { planted };`,
    message: new RegExp(`may not import the package '(node:)?${name}': renderer/ runs in a browser`),
  })),
  // Yjs and its wire outside shared/model and renderer/network
  ...['lib0/encoding', 'y-protocols/awareness', 'yjs', 'y-webrtc'].map((name) => ({
    name: `renderer/features importing ${name}`,
    file: 'renderer/features/board/planted.ts',
    code: `import * as planted from '${name}';\nexport { planted };`,
    message: new RegExp(`^renderer/features/ may not import the package '${name.split('/')[0]}': only shared/model touches Yjs documents`),
  })),
  {
    name: 'renderer/session importing yjs',
    file: 'renderer/session/planted.ts',
    code: "import type * as Y from 'yjs';\nexport type Planted = Y.Doc;",
    message: /^renderer\/session\/ may not import the package 'yjs': only shared\/model touches Yjs documents/,
  },
  // Running back up the layers
  {
    name: 'renderer/features importing renderer/app',
    file: 'renderer/features/home/planted.tsx',
    code: "export { App } from '../../app/App';",
    message: /^renderer\/features\/ may not import renderer\/app\/ \('\.\.\/\.\.\/app\/App'\): renderer\/app composes the features/,
  },
  {
    name: 'renderer/features importing main.tsx',
    file: 'renderer/features/home/planted.tsx',
    code: "import '../../main';",
    message: /^renderer\/features\/ may not import renderer\/ .*runs back up the layers/,
  },
  {
    name: 'renderer/features importing dexie',
    file: 'renderer/features/home/planted.tsx',
    code: "export { Dexie } from 'dexie';",
    message: /^renderer\/features\/ may not import the package 'dexie': storage lives in renderer\/storage/,
  },
  {
    name: 'renderer/storage importing a feature',
    file: 'renderer/storage/planted.ts',
    code: "export { HomeScreen } from '../features/home/HomeScreen';",
    message: /^renderer\/storage\/ may not import renderer\/features\/ .*storage is the bottom of renderer/,
  },
  // electron/services is plain Node
  {
    name: 'electron/services importing electron',
    file: 'electron/services/planted.ts',
    code: "import { app } from 'electron';\nexport const planted = app;",
    message: /^electron\/services\/ may not import the package 'electron': electron\/services is plain Node/,
  },
  {
    name: 'electron/services importing ../security',
    file: 'electron/services/planted.ts',
    code: "export { isAllowedNavigation } from '../security';",
    message: /^electron\/services\/ may not import electron\/ \('\.\.\/security'\): .*may not import the shell's files/,
  },
  {
    name: 'the Electron shell importing renderer/',
    file: 'electron/planted.ts',
    code: "export { hostClock } from '../renderer/network/host-clock';",
    message: /^electron\/ may not import renderer\/network\/ .*only over IPC/,
  },
  // shared/model only through its index
  {
    name: 'renderer/ importing a file of shared/model',
    file: 'renderer/features/board/planted.ts',
    code: "export { isoDateMs } from '../../../shared/model/time';",
    message: /^Import shared\/model through its index \('\.\.\/\.\.\/\.\.\/shared\/model'\), not its file '\.\.\/\.\.\/\.\.\/shared\/model\/time'/,
  },
  {
    name: 'shared/minutes importing a file of shared/model',
    file: 'shared/minutes/planted.ts',
    code: "export { LIMITS } from '../model/schema';",
    message: /^Import shared\/model through its index \('\.\.\/model'\)/,
  },
  {
    name: 'a test importing a file of shared/model',
    file: 'tests/unit/planted.test.ts',
    code: "export { ROOT } from '../../shared/model/schema';",
    message: /^Import shared\/model through its index \('\.\.\/\.\.\/shared\/model'\)/,
  },
  {
    name: 'a bench importing a file of shared/model, dynamically',
    file: 'bench/planted.ts',
    code: "export const planted = () => import('../shared/model/doc');",
    message: /^Import shared\/model through its index/,
  },
  // Folders the map does not name
  {
    name: 'a new folder under renderer/ outside the layer map',
    file: 'renderer/elsewhere/planted.ts',
    code: 'export const planted = 1;',
    message: /^renderer\/elsewhere\/ is in no layer: add it to the layers in eslint\.config\.js and to docs\/layers\.md/,
  },
  // Globals that do not exist everywhere shared/ runs
  ...['window', 'document', 'process', 'Buffer'].map((name) => ({
    name: `the global ${name} in shared/`,
    file: 'shared/protocol/planted.ts',
    code: `export const planted = typeof ${name} === 'undefined' ? null : ${name};`,
    rule: 'no-restricted-globals',
    message: new RegExp(`no (DOM |Node )?${name}`),
  })),
  // The roles' guard of the features is kept alongside the layers
  {
    name: 'renderer/features calling a guarded model operation',
    file: 'renderer/features/board/planted.ts',
    code: "export { addCard } from '../../../shared/model';",
    rule: 'no-restricted-imports',
    message: /guarded commands/,
  },
];

describe('the layers refuse, each with its own message', () => {
  it.each(refused)('$name', async ({ file, code, rule = 'plenum/layers', message }) => {
    const messages = await lint(file, code);
    expect(messages.length, JSON.stringify(messages.map((entry) => entry.message))).toBeGreaterThan(0);
    for (const entry of messages) {
      expect(entry.ruleId).toBe(rule);
      expect(entry.message).toMatch(message);
    }
  });
});

const allowed: { name: string; file: string; code: string }[] = [
  {
    name: "the model's document-free door, shared/model/plain (what the start imports, without Yjs)",
    file: 'renderer/features/home/planted.ts',
    code: "export { isoDateMs } from '../../../shared/model/plain';",
  },
  {
    name: 'shared/model: its packages and its own files',
    file: 'shared/model/planted.ts',
    code: [
      "import * as Y from 'yjs';",
      "import { z } from 'zod';",
      "import { generateKeyBetween } from 'fractional-indexing';",
      "import { sha256 } from '@noble/hashes/sha2';",
      "import { LIMITS } from './schema';",
      'export const planted = [Y, z, generateKeyBetween, sha256, LIMITS];',
    ].join('\n'),
  },
  {
    name: 'shared/protocol and shared/minutes: the model index, each other, their packages',
    file: 'shared/minutes/planted.ts',
    code: [
      "import type { Result } from '../model';",
      "import { clockOffset } from '../protocol/clock';",
      "import { Document } from 'docx';",
      "import Papa from 'papaparse';",
      "import { BACKUP_MAX_BYTES } from '../model/index';",
      'export type Planted = Result<number>;',
      'export const planted = [clockOffset, Document, Papa, BACKUP_MAX_BYTES, globalThis.crypto];',
    ].join('\n'),
  },
  {
    name: 'renderer/features: React, i18n, state, drag and drop, hooks, session, network, shared/',
    file: 'renderer/features/board/planted.tsx',
    code: [
      "import { useState } from 'react';",
      "import { useTranslation } from 'react-i18next';",
      "import { DndContext } from '@dnd-kit/core';",
      "import { create } from 'zustand';",
      "import QRCode from 'qrcode';",
      "import { useStore } from '../../hooks/use-store';",
      "import { useToasts } from '../../state/toasts';",
      "import type { WorkshopSession } from '../../session/workshop-session';",
      "import { hostNow } from '../../network/host-clock';",
      "import { host } from '../../host';",
      "import { workshopSnapshot } from '../../../shared/model';",
      "import { useCommands } from '../roles/use-role';",
      "import { workshopCommands } from '../../../shared/roles/commands';",
      "import { Toasts } from '../common/Toasts';",
      'export type Planted = WorkshopSession;',
      'export const planted = [useState, useTranslation, DndContext, create, QRCode, useStore, useToasts, hostNow, host, workshopSnapshot, useCommands, workshopCommands, Toasts, window, document];',
    ].join('\n'),
  },
  {
    name: 'renderer/network: Yjs and its wire',
    file: 'renderer/network/planted.ts',
    code: [
      "import * as Y from 'yjs';",
      "import { WebrtcProvider } from 'y-webrtc';",
      "import * as syncProtocol from 'y-protocols/sync';",
      "import * as encoding from 'lib0/encoding';",
      "import { laptopId } from '../storage/laptop-id';",
      "import { newJoinSecret } from '../../shared/protocol/join-secret';",
      'export const planted = [Y, WebrtcProvider, syncProtocol, encoding, laptopId, newJoinSecret];',
    ].join('\n'),
  },
  {
    name: 'renderer/storage: Dexie',
    file: 'renderer/storage/planted.ts',
    code: "import { Dexie } from 'dexie';\nexport const planted = Dexie;",
  },
  {
    name: 'electron/services: Node, its packages, shared/ and its own files',
    file: 'electron/services/planted.ts',
    code: [
      "import { readFile } from 'node:fs/promises';",
      "import path from 'path';",
      "import { WebSocketServer } from 'ws';",
      "import { Bonjour } from 'bonjour-service';",
      "import PDFDocument from 'pdfkit';",
      "import { parseBackup } from '../../shared/model';",
      "import { isTrustedUrl } from './app-url';",
      'export const planted = [readFile, path, WebSocketServer, Bonjour, PDFDocument, parseBackup, isTrustedUrl, process, Buffer];',
    ].join('\n'),
  },
  {
    name: 'the Electron shell: electron, its services, shared/',
    file: 'electron/planted.ts',
    code: [
      "import { app } from 'electron';",
      "import { isTrustedUrl } from './services/app-url';",
      "import { hostChannels } from '../shared/host-api';",
      'export const planted = [app, isTrustedUrl, hostChannels];',
    ].join('\n'),
  },
  {
    name: 'the unit tests of the model’s internals (the one exception to its index)',
    file: 'tests/unit/model-order.test.ts',
    code: "export { keysForMove } from '../../shared/model/order';",
  },
];

describe('the layers allow', () => {
  it.each(allowed)('$name', async ({ file, code }) => {
    expect(await lint(file, code)).toEqual([]);
  });
});

describe('docs/layers.md draws the lint’s layers', () => {
  type Layer = { packages: string[]; folders: string[] };
  const cell = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((match) => String(match[1]));

  it('one row per layer, with the same packages and folders', async () => {
    const config = (await eslint.calculateConfigForFile(path.join(root, 'shared/model/index.ts'))) as Linter.Config;
    const options = (config.rules?.['plenum/layers'] as [unknown, { layers: Record<string, Layer> }])[1];
    const rows = readFileSync(path.join(root, 'docs/layers.md'), 'utf8')
      .split('\n')
      .filter((line) => /^\| `[^`]+\/?` \|/.test(line))
      .map((line) => line.split('|').slice(1, -1));
    const documented = Object.fromEntries(
      rows.map(([folder = '', packages = '', folders = '']) => [String(cell(folder)[0]).replace(/\/$/, ''), { packages: cell(packages).sort(), folders: cell(folders).map((name) => name.replace(/\/$/, '')).sort() }]),
    );
    const linted = Object.fromEntries(
      Object.entries(options.layers).map(([folder, layer]) => [folder, { packages: [...layer.packages].sort(), folders: [...layer.folders].sort() }]),
    );
    expect(documented).toEqual(linted);
  });
});

describe('package.json declares what the shipped code imports', () => {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  // The Electron runtime is the app itself, not a package inside it; electron-builder wants it in devDependencies.
  const providedByRuntime = new Set(['electron']);

  const sources = (dir: string): string[] =>
    readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory()) return sources(relative);
      return /\.(ts|tsx|mts|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [relative] : [];
    });

  const imported = new Map<string, string>();
  for (const file of ['electron', 'renderer', 'shared'].flatMap(sources)) {
    for (const { fileName } of ts.preProcessFile(readFileSync(path.join(root, file), 'utf8'), true, true).importedFiles) {
      if (fileName.startsWith('.') || fileName.startsWith('node:')) continue;
      const parts = fileName.split('/');
      imported.set(fileName.startsWith('@') ? parts.slice(0, 2).join('/') : String(parts[0]), file);
    }
  }

  it('finds the packages it checks', () => {
    expect([...imported.keys()]).toEqual(expect.arrayContaining(['yjs', 'react', 'ws', 'pdfkit', 'bonjour-service', 'lib0']));
  });

  it('every package imported by electron/, renderer/ or shared/ is a dependency', () => {
    const missing = [...imported].filter(([name]) => !providedByRuntime.has(name) && !(name in manifest.dependencies));
    expect(missing.map(([name, file]) => `${name} (${file})`)).toEqual([]);
  });

  it('and none of them is also a devDependency', () => {
    expect(Object.keys(manifest.dependencies).filter((name) => name in manifest.devDependencies)).toEqual([]);
  });
});
