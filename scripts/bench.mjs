// `npm run bench [-- <suite filter>…] [-- --check]`: builds the bench page, runs it in headless
// Chromium, prints the table and writes bench/results/. The work is in bench/run.ts (TypeScript),
// loaded in this same process through tsx, so no child process can be left behind.
import { tsImport } from 'tsx/esm/api';

await tsImport('../bench/run.ts', import.meta.url);
