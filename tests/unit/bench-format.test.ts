import { describe, expect, it } from 'vitest';
import { baselineRatio, formatRuns, formatTable, quantile, summarize, toResults, verdict, type BenchReport, type BenchResult } from '../../bench/format';

describe('summarize', () => {
  it('gives the middle value as median of an odd count', () => {
    const summary = summarize([5, 1, 3]);
    expect(summary.runs).toBe(3);
    expect(summary.median).toBe(3);
    expect(summary.p95).toBeCloseTo(4.8, 10); // h = 2 · 0.95 = 1.9 → 3 + 0.9 · (5 − 3)
  });

  it('averages the two middle values as median of an even count', () => {
    expect(summarize([4, 1, 3, 2]).median).toBe(2.5);
  });

  it('interpolates p95 linearly between the closest ranks (type 7)', () => {
    const samples = Array.from({ length: 20 }, (_, index) => index + 1); // 1..20
    // h = (20 - 1) * 0.95 = 18.05 → x[18] + 0.05 * (x[19] - x[18]) = 19 + 0.05
    expect(summarize(samples).p95).toBeCloseTo(19.05, 10);
    expect(summarize(samples).median).toBe(10.5);
  });

  it('handles a single sample and equal samples', () => {
    expect(summarize([7])).toEqual({ runs: 1, median: 7, p95: 7 });
    expect(summarize([2, 2, 2, 2])).toEqual({ runs: 4, median: 2, p95: 2 });
  });

  it('does not reorder the caller’s samples', () => {
    const samples = [3, 1, 2];
    summarize(samples);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('refuses no samples and non-finite samples', () => {
    expect(() => summarize([])).toThrow();
    expect(() => summarize([1, Number.NaN])).toThrow();
    expect(() => summarize([1, Number.POSITIVE_INFINITY])).toThrow();
  });
});

describe('quantile', () => {
  it('returns the extremes at 0 and 1 and refuses p outside [0, 1]', () => {
    expect(quantile([1, 2, 3], 0)).toBe(1);
    expect(quantile([1, 2, 3], 1)).toBe(3);
    expect(() => quantile([1, 2, 3], 1.5)).toThrow();
  });
});

describe('toResults', () => {
  const target = { metric: 'median', max: 100 } as const;

  it('makes a row per targeted series and attaches its baseline summary', () => {
    const results = toResults([
      { name: 'ours', unit: 'ms', samples: [10, 20, 30], target, baseline: 'theirs' },
      { name: 'theirs', unit: 'ms', samples: [40, 50, 60] },
    ]);
    expect(results).toEqual([
      { name: 'ours', unit: 'ms', runs: 3, median: 20, p95: 29, target, baseline: { name: 'theirs', median: 50, p95: 59 } },
    ]);
  });

  it('rounds to microseconds', () => {
    const [result] = toResults([{ name: 'x', unit: 'ms', samples: [1.23456789], target }]);
    expect(result?.median).toBe(1.235);
  });

  it('refuses a baseline that was not measured or is in another unit', () => {
    expect(() => toResults([{ name: 'ours', unit: 'ms', samples: [1], target, baseline: 'missing' }])).toThrow(/missing/);
    expect(() =>
      toResults([
        { name: 'ours', unit: 'ms', samples: [1], target, baseline: 'theirs' },
        { name: 'theirs', unit: 'MB', samples: [1] },
      ]),
    ).toThrow(/MB/);
  });
});

const result = (overrides: Partial<BenchResult>): BenchResult => ({
  name: 'open',
  unit: 'ms',
  runs: 15,
  median: 80,
  p95: 120,
  target: { metric: 'median', max: 100 },
  ...overrides,
});

describe('verdict', () => {
  it('passes below the target and fails at or above it', () => {
    expect(verdict(result({})).pass).toBe(true);
    expect(verdict(result({ median: 100 })).pass).toBe(false);
  });

  it('checks the metric the target names', () => {
    expect(verdict(result({ target: { metric: 'p95', max: 100 } })).pass).toBe(false);
    expect(verdict(result({ target: { metric: 'p95', max: 121 } })).pass).toBe(true);
  });

  it('fails when the median is slower than the baseline median, even within the target', () => {
    const slower = verdict(result({ baseline: { name: 'y', median: 70, p95: 90 } }));
    expect(slower.pass).toBe(false);
    expect(slower.reasons.join()).toMatch(/slower than y/);
    expect(verdict(result({ baseline: { name: 'y', median: 80, p95: 90 } })).pass).toBe(true);
  });

  it('compares with the baseline on the target metric, within the allowed ratio', () => {
    const p95 = { metric: 'p95' as const, max: 200 };
    expect(verdict(result({ target: { ...p95, maxBaselineRatio: 1.5 }, baseline: { name: 'y', median: 10, p95: 100 } })).pass).toBe(true);
    const tooSlow = verdict(result({ target: { ...p95, maxBaselineRatio: 1.5 }, baseline: { name: 'y', median: 10, p95: 70 } }));
    expect(tooSlow.pass).toBe(false);
    expect(tooSlow.reasons.join()).toMatch(/more than 1.5× of y/);
    expect(verdict(result({ target: { ...p95, maxBaselineRatio: null }, baseline: { name: 'y', median: 10, p95: 1 } })).pass).toBe(true);
    expect(baselineRatio(result({ target: p95, baseline: { name: 'y', median: 10, p95: 60 } }))).toBe(2);
  });
});

describe('formatTable', () => {
  const rows = [
    result({ baseline: { name: 'y-indexeddb-open-2000', median: 160, p95: 200 } }),
    result({ name: 'card-to-disk', runs: 200, median: 4, p95: 12.345, target: { metric: 'p95', max: 10 } }),
  ];
  const table = formatTable(rows);
  const lines = table.split('\n');

  it('has a header, a rule and one line per result, all the same width', () => {
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^\| name\s+\| unit \| runs \| median \|/);
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
  });

  it('shows values, target, baseline, ratio and verdict', () => {
    expect(lines[2]).toContain('80.00');
    expect(lines[2]).toContain('median < 100, ≤ 1× base');
    expect(lines[2]).toContain('y-indexeddb-open-2000');
    expect(lines[2]).toContain('0.50x');
    expect(lines[2]).toContain('PASS');
    expect(lines[3]).toContain('12.35');
    expect(lines[3]).toContain('p95 < 10');
    expect(lines[3]).toContain('FAIL');
  });

  it('computes the ratio as median over baseline median', () => {
    expect(baselineRatio(rows[0] ?? result({}))).toBe(0.5);
    expect(baselineRatio(result({}))).toBeUndefined();
  });
});

describe('formatRuns', () => {
  const report = (results: BenchResult[]): BenchReport => ({
    date: '2026-12-06T07:00:00.000Z',
    machine: { os: 'Linux', cpu: 'cpu', cores: 2, memory: '23 GiB', chromium: 'Chrome', node: 'v20' },
    results,
  });
  const open = (median: number) => result({ median, baseline: { name: 'y-indexeddb-open-2000', median: 100, p95: 120 }, target: { metric: 'median', max: 100, maxBaselineRatio: 0.5 } });
  const disk = (p95: number) => result({ name: 'card-to-disk', p95, target: { metric: 'p95', max: 3 } });
  const table = formatRuns([report([open(40), disk(2)]), report([open(45), disk(3.5)]), report([open(49)])]);
  const lines = table.split('\n');

  it('has a row per benchmark with its target and one column per run', () => {
    expect(lines[0]).toBe('| benchmark | target | run 1 | run 2 | run 3 | held |');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toContain('median < 100, ≤ 0.5× base');
  });

  it('says a row held only when it passed in every run', () => {
    expect(lines[2]).toMatch(/40\.00 ms \(0\.40×\) PASS \| 45\.00 ms \(0\.45×\) PASS \| 49\.00 ms \(0\.49×\) PASS \| yes \|$/);
    expect(lines[3]).toMatch(/2\.00 ms PASS \| 3\.50 ms FAIL \| not run \| no \|$/);
  });
});
