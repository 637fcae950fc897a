import type { Series } from '../format';

/** What the bench page gives every suite. */
export interface BenchContext {
  /** Progress line, shown by the runner in the terminal. */
  log(message: string): void;
  /**
   * A full garbage collection if Chromium was started with --expose-gc (the runner does), so a
   * collection left over from the previous run does not land inside the next timed region.
   */
  collectGarbage(): void;
  /** An IndexedDB database name no other suite or run uses. */
  databaseName(prefix: string): string;
  /** Deletes an IndexedDB database (all connections must be closed). */
  deleteDatabase(name: string): Promise<void>;
}

/**
 * One benchmark suite. It runs inside the bench page (a real Chromium with IndexedDB on disk)
 * and returns raw samples; the runner summarises, compares and prints them.
 * To add a benchmark, write one of these in bench/suites/ and add it to the list in bench/suites/index.ts.
 */
export interface BenchSuite {
  /** Unique; `npm run bench -- <filter>` runs the suites whose name contains a filter. */
  name: string;
  /** One sentence for the log: what is measured. */
  description: string;
  run(context: BenchContext): Promise<Series[]>;
}
