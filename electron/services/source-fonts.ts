import { fileURLToPath } from 'node:url';

/**
 * resources/fonts beside the sources, for the code that runs them unbundled (the CLI, tests,
 * benchmarks). Not for the app's main process: its bundle has no import.meta.url (see pdf-fonts.ts).
 */
export function sourceFontDir(): string {
  return fileURLToPath(new URL('../../resources/fonts/', import.meta.url));
}
