// npm start: make sure the Electron binary exists, build everything, then run the app from this folder.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_NODE, requireNode } from './node-support.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const electronDir = path.join(root, 'node_modules', 'electron');
// path.txt names the executable inside dist/; Electron 45 re-downloads when either is missing.
const binaryInstalled = () => {
  const pathFile = path.join(electronDir, 'path.txt');
  return existsSync(pathFile) && existsSync(path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8')));
};

/** Runs a command to completion with the terminal attached; returns its exit code. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) console.error(result.error.message);
  return result.status ?? 1;
}

// Electron 45's downloader needs Node 22.12+ and fails with a stack trace on older ones.
requireNode('npm start', APP_NODE);

// Electron downloads its binary on the first require('electron') (and, before 45, in a postinstall that
// .npmrc's ignore-scripts=true skips); fetched here first, with a message that says what to do if it fails.
if (!binaryInstalled()) {
  console.log('The Electron binary is not installed yet. Downloading it once…');
  const status = run(process.execPath, [path.join(electronDir, 'install.js')], { cwd: electronDir });
  if (status !== 0 || !binaryInstalled()) {
    console.error(
      '\nThe Electron binary could not be downloaded (no internet access, or a proxy blocks github.com).\n' +
        'Try again when online, or run the same UI in a browser with: npm run web',
    );
    process.exit(1);
  }
}

// npm_execpath is npm's own script when run through `npm start`; calling it with node avoids the shell
// that npm.cmd needs on Windows.
const npmCli = process.env.npm_execpath;
const buildStatus = npmCli
  ? run(process.execPath, [npmCli, 'run', 'build'])
  : run('npm', ['run', 'build'], { shell: process.platform === 'win32' });
if (buildStatus !== 0) {
  console.error('\nThe build failed; Electron was not started.');
  process.exit(buildStatus);
}

const electronPath = createRequire(import.meta.url)('electron');
// ELECTRON_RUN_AS_NODE inherited from a parent (an editor, a test runner) would start Node instead of the app.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;

const child = spawn(electronPath, [root], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('error', (error) => {
  console.error(`Could not start Electron: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
