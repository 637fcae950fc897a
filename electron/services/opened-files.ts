import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { BACKUP_MAX_BYTES } from '../../shared/model';

/** The `.plenum` files among a command line's arguments (a double-click passes the path). */
export function plenumPathsIn(argv: readonly string[]): string[] {
  return argv.filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith('.plenum'));
}

/** A file read, or one refused unread because it is larger than a backup may be (`tooBig`: its size in bytes). */
export type OpenedFile = { name: string; text: string } | { name: string; tooBig: number };

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
          const { size } = await stat(file);
          // Not read at all: the window says it is too big, at once.
          if (size > BACKUP_MAX_BYTES) files.push({ name: path.basename(file), tooBig: size });
          else files.push({ name: path.basename(file), text: await readFile(file, 'utf8') });
        } catch {
          // Gone or unreadable since it was double-clicked: nothing to import.
        }
      }
      return files;
    },
  };
}

export type OpenedFilesQueue = ReturnType<typeof openedFilesQueue>;
