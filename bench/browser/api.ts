import type { Series } from '../format';

/** What the bench page exposes to the runner (bench/run.ts) on `window.plenumBench`. */
export interface PlenumBenchApi {
  suites(): Array<{ name: string; description: string }>;
  run(name: string): Promise<Series[]>;
}

declare global {
  interface Window {
    plenumBench?: PlenumBenchApi;
  }
}
