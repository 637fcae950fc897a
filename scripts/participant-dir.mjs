import { fileURLToPath } from 'node:url';

/**
 * Where the participant page (issue 16) is built, for the build, the e2e web server and the
 * servers that serve it at /p/: `dist/participant`, or `dist/e2e-<port>-participant` for an e2e
 * run on its own E2E_PORT (two runs on one machine build into their own folders).
 */
export function participantDir(port = process.env.E2E_PORT) {
  const folder = port && port !== '4173' ? `dist/e2e-${port}-participant` : 'dist/participant';
  return fileURLToPath(new URL(`../${folder}`, import.meta.url));
}
