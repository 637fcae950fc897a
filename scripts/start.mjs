// npm start: make sure the Electron binary exists, build everything, then run the app from this folder.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const electronDir = path.join(root, 'node_modules', 'electron');
const binaryInstalled = () => existsSync(path.join(electronDir, 'path.txt'));

/** Runs a command to completion with the terminal attached; returns its exit code. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) console.error(result.error.message);
  return result.status ?? 1;
}

// .npmrc sets ignore-scripts=true, so electron's postinstall (which downloads the binary) never ran.
if (!binaryInstalled()) {
  console.log('The Electron binary is not installed yet (npm ran with ignore-scripts). Downloading it once…');
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
