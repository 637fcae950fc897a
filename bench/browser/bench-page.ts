import { suites } from '../suites';
import type { BenchContext } from '../suites/types';
import { deleteDatabase } from '../lib/idb';
import type { PlenumBenchApi } from './api';

const runId = Date.now().toString(36);
let databases = 0;

const context: BenchContext = {
  log: (message) => console.log(`[bench] ${message}`),
  collectGarbage: () => (globalThis as { gc?: () => void }).gc?.(),
  databaseName: (prefix) => `bench-${prefix}-${runId}-${(databases += 1)}`,
  deleteDatabase,
};

const api: PlenumBenchApi = {
  suites: () => suites.map(({ name, description }) => ({ name, description })),
  async run(name) {
    const suite = suites.find((candidate) => candidate.name === name);
    if (!suite) throw new Error(`no benchmark suite "${name}"`);
    return suite.run(context);
  },
};

window.plenumBench = api;
