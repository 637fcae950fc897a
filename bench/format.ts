/**
 * The result format of `npm run bench` and the pure helpers around it. No DOM, no Node: the
 * browser page, the Node runner and the unit test (tests/unit/bench-format.test.ts) share it.
 *
 * bench/results/latest.json (and each timestamped copy) is a BenchReport, exactly:
 *   { "date", "machine", "results": [ { "name", "unit", "runs", "median", "p95",
 *     "target": { "metric": "median" | "p95", "max" }, "baseline"?: { "name", "median", "p95" } } ] }
 */

export type TargetMetric = 'median' | 'p95';

/**
 * A benchmark passes when `metric` is strictly below `max` and, with a baseline, its `metric` is
 * at most `maxBaselineRatio` times the baseline's (1 when not given: no slower than the baseline).
 * `maxBaselineRatio: null` shows the baseline for comparison without gating on it.
 */
export interface Target {
  metric: TargetMetric;
  max: number;
  maxBaselineRatio?: number | null;
}

export interface BaselineSummary {
  name: string;
  median: number;
  p95: number;
}

export interface BenchResult {
  name: string;
  unit: string;
  runs: number;
  median: number;
  p95: number;
  target: Target;
  baseline?: BaselineSummary;
}

export interface MachineInfo {
  /** e.g. "Linux 6.1.0 x64" */
  os: string;
  /** CPU model as the OS reports it. */
  cpu: string;
  /** Logical cores. */
  cores: number;
  /** Total memory, e.g. "23.5 GiB". */
  memory: string;
  /** Browser version as Chromium reports it, e.g. "HeadlessChrome/156.0.8078.108". */
  chromium: string;
  /** e.g. "v20.20.2" */
  node: string;
}

export interface BenchReport {
  /** ISO 8601, UTC. */
  date: string;
  machine: MachineInfo;
  results: BenchResult[];
}

/**
 * What a benchmark suite hands back from the page: raw samples of one measured series.
 * A series with a `target` becomes a result row; a series without one is only a baseline
 * that other series name in `baseline`.
 */
export interface Series {
  name: string;
  unit: string;
  samples: number[];
  target?: Target;
  /** Name of another series of the same suite to compare with (measured in the same run). */
  baseline?: string;
}

export interface Summary {
  runs: number;
  median: number;
  p95: number;
}

/**
 * The p-quantile (0 ≤ p ≤ 1) of ascending `sorted` values by linear interpolation between the
 * closest ranks (Hyndman & Fan type 7, the default of R, NumPy and spreadsheet PERCENTILE.INC):
 * h = (n − 1)·p, result = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]) with 0-based x.
 * For p = 0.5 this is the ordinary median (mean of the two middle values when n is even).
 */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('quantile of no samples');
  if (!(p >= 0 && p <= 1)) throw new Error(`quantile p must be within [0, 1], got ${p}`);
  const h = (sorted.length - 1) * p;
  const lower = Math.floor(h);
  const low = sorted[lower] ?? Number.NaN;
  const high = sorted[Math.min(lower + 1, sorted.length - 1)] ?? Number.NaN;
  return low + (h - lower) * (high - low);
}

/** Median and p95 of raw samples (any order), both with the type-7 method of `quantile`. */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('summarize: no samples');
  if (samples.some((value) => !Number.isFinite(value))) throw new Error('summarize: samples must be finite numbers');
  const sorted = [...samples].sort((a, b) => a - b);
  return { runs: sorted.length, median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) };
}

/** Rounds for the JSON report: microseconds are the finest a browser clock gives anyway. */
export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Turns the series of one suite into result rows, attaching each row's baseline summary. */
export function toResults(series: readonly Series[]): BenchResult[] {
  const byName = new Map(series.map((entry) => [entry.name, entry]));
  const results: BenchResult[] = [];
  for (const entry of series) {
    if (!entry.target) continue;
    const own = summarize(entry.samples);
    const result: BenchResult = {
      name: entry.name,
      unit: entry.unit,
      runs: own.runs,
      median: round(own.median),
      p95: round(own.p95),
      target: { ...entry.target },
    };
    if (entry.baseline !== undefined) {
      const base = byName.get(entry.baseline);
      if (!base) throw new Error(`${entry.name}: baseline series "${entry.baseline}" was not measured`);
      if (base.unit !== entry.unit) throw new Error(`${entry.name}: baseline "${base.name}" is in ${base.unit}, not ${entry.unit}`);
      const summary = summarize(base.samples);
      result.baseline = { name: base.name, median: round(summary.median), p95: round(summary.p95) };
    }
    results.push(result);
  }
  return results;
}

/** The target metric of the result over the baseline's; below 1 means faster than the baseline. */
export function baselineRatio(result: BenchResult): number | undefined {
  const metric = result.target.metric;
  if (!result.baseline || result.baseline[metric] <= 0) return undefined;
  return result[metric] / result.baseline[metric];
}

export interface Verdict {
  pass: boolean;
  /** Why it failed, empty when it passed. */
  reasons: string[];
}

/** PASS when the target metric is below its max and within the allowed ratio to the baseline's. */
export function verdict(result: BenchResult): Verdict {
  const reasons: string[] = [];
  const value = result[result.target.metric];
  if (!(value < result.target.max)) {
    reasons.push(`${result.target.metric} ${value} ${result.unit} is not below ${result.target.max} ${result.unit}`);
  }
  const limit = result.target.maxBaselineRatio === undefined ? 1 : result.target.maxBaselineRatio;
  const ratio = baselineRatio(result);
  if (result.baseline && limit !== null && ratio !== undefined && !(ratio <= limit)) {
    const metric = result.target.metric;
    const than = limit === 1 ? 'slower than' : `more than ${limit}× of`;
    reasons.push(`${metric} ${value} ${result.unit} is ${than} ${result.baseline.name} (${result.baseline[metric]} ${result.unit})`);
  }
  return { pass: reasons.length === 0, reasons };
}

const COLUMNS = ['name', 'unit', 'runs', 'median', 'p95', 'target', 'baseline', 'base median', 'base p95', 'ratio', 'verdict'] as const;
/** Columns whose cells are right-aligned. */
const NUMERIC = new Set<string>(['runs', 'median', 'p95', 'base median', 'base p95', 'ratio']);

const fixed = (value: number) => value.toFixed(2);

/** "p95 < 10", plus "≤ 0.5× base" when the row is also held to its baseline. */
export function targetText(result: BenchResult): string {
  const { metric, max, maxBaselineRatio } = result.target;
  const limit = maxBaselineRatio === undefined ? 1 : maxBaselineRatio;
  return result.baseline && limit !== null ? `${metric} < ${max}, ≤ ${limit}× base` : `${metric} < ${max}`;
}

function cells(result: BenchResult): string[] {
  const ratio = baselineRatio(result);
  return [
    result.name,
    result.unit,
    String(result.runs),
    fixed(result.median),
    fixed(result.p95),
    targetText(result),
    result.baseline?.name ?? '-',
    result.baseline ? fixed(result.baseline.median) : '-',
    result.baseline ? fixed(result.baseline.p95) : '-',
    ratio === undefined ? '-' : `${ratio.toFixed(2)}x`,
    verdict(result).pass ? 'PASS' : 'FAIL',
  ];
}

/**
 * A plain-text table (also valid Markdown), one row per result. Values with two decimals;
 * ratio = the target metric over the baseline's (baselineRatio).
 */
export function formatTable(results: readonly BenchResult[]): string {
  const body = results.map(cells);
  const columns = COLUMNS.map((title, index) => ({
    title,
    right: NUMERIC.has(title),
    width: Math.max(title.length, ...body.map((row) => (row[index] ?? '').length)),
  }));
  const line = (row: readonly string[]) =>
    `| ${columns.map(({ right, width }, index) => (right ? (row[index] ?? '').padStart(width) : (row[index] ?? '').padEnd(width))).join(' | ')} |`;
  const rule = `|${columns.map(({ right, width }) => (right ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2))).join('|')}|`;
  return [line(COLUMNS), rule, ...body.map(line)].join('\n');
}

/**
 * Several full runs side by side (issue 17: "which rows held in three full runs in a row"), as
 * Markdown: per row its target, each run's target metric with its ratio to the baseline and
 * verdict, and whether it held in every run. A row missing from a run counts as not held.
 */
export function formatRuns(reports: readonly BenchReport[]): string {
  const names: string[] = [];
  for (const report of reports) for (const { name } of report.results) if (!names.includes(name)) names.push(name);
  const header = ['benchmark', 'target', ...reports.map((_, index) => `run ${index + 1}`), 'held'];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map((_, index) => (index >= 2 ? '---:' : '---')).join('|')}|`];
  for (const name of names) {
    const found = reports.map((report) => report.results.find((result) => result.name === name));
    const first = found.find((result) => result !== undefined);
    if (!first) continue;
    const runs = found.map((result) => {
      if (!result) return 'not run';
      const ratio = baselineRatio(result);
      const value = `${fixed(result[result.target.metric])} ${result.unit}${ratio === undefined ? '' : ` (${ratio.toFixed(2)}×)`}`;
      return `${value} ${verdict(result).pass ? 'PASS' : 'FAIL'}`;
    });
    const held = found.every((result) => result !== undefined && verdict(result).pass);
    lines.push(`| ${[name, targetText(first), ...runs, held ? 'yes' : 'no'].join(' | ')} |`);
  }
  return lines.join('\n');
}
