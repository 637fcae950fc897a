import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** Backups larger than this are not a workshop (a 2,000-card workshop is under 2 MB). */
export const MAX_OPENED_BYTES = 200 * 1024 * 1024;

/** The `.plenum` files among a command line's arguments (a double-click passes the path). */
export function plenumPathsIn(argv: readonly string[]): string[] {
  return argv.filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith('.plenum'));
}

export interface OpenedFile {
  name: string;
  text: string;
}

/**
 * The `.plenum` files the app was asked to open (first launch, a second launch, macOS'
 * open-file), kept until the window takes them: the renderer asks when it starts and whenever
 * it gets the focus, so a file that arrives before the window exists is not lost.
 */
export function openedFilesQueue() {
  let pending: string[] = [];
  return {
    add(paths: readonly string[]): void {
      for (const file of paths) if (!pending.includes(file)) pending.push(file);
    },
    /** Reads and hands over every pending file; one that cannot be read is dropped (it said nothing to import). */
    async take(): Promise<OpenedFile[]> {
      const paths = pending;
      pending = [];
      const files: OpenedFile[] = [];
      for (const file of paths) {
        try {
          if ((await stat(file)).size > MAX_OPENED_BYTES) continue;
          files.push({ name: path.basename(file), text: await readFile(file, 'utf8') });
        } catch {
          // Gone or unreadable since it was double-clicked: nothing to import.
        }
      }
      return files;
    },
  };
}

export type OpenedFilesQueue = ReturnType<typeof openedFilesQueue>;
