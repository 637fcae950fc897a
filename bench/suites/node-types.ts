import type { Series } from '../format';

/**
 * Benchmarks that run in Node rather than in the bench page: the peer-to-peer ones, whose laptops
 * are separate Node processes (bench/peers/). They return the same `Series` as page suites, so
 * their rows land in the same table and JSON.
 *
 * The registry (bench/suites/index.ts, `nodeSuites`) holds only names, descriptions and the module
 * to load, never an import: index.ts is bundled into the bench page, which must not pull in
 * child_process. bench/run.ts loads the module in Node and calls its export.
 */
export interface NodeBenchContext {
  /** Progress line, shown by the runner in the terminal. */
  log(message: string): void;
}

export interface NodeBenchSuite {
  run(context: NodeBenchContext): Promise<Series[]>;
}

export interface NodeSuiteEntry {
  /** Unique; `npm run bench -- <filter>` runs the suites whose name contains a filter. */
  name: string;
  /** One sentence for the log: what is measured. */
  description: string;
  /** The module, relative to bench/suites/, and the name of its NodeBenchSuite export. */
  module: string;
  export: string;
}
