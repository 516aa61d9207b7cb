/** Timing, percentiles and the result rows of the benchmark. */
import { performance } from 'node:perf_hooks';

export interface Figures {
  p50: number;
  p95: number;
  samples: number;
}

export interface BenchRow {
  measure: string;
  /** What Mesochart's figure covers. */
  mesochart: Figures;
  /** What it is compared with: a raw baseline on the same data in the same run. */
  baseline: Figures;
  /** Mesochart over baseline, on p50 and p95 (for throughput rows: Mesochart's share of it). */
  ratio: { p50: number; p95: number };
  unit: 'ms' | 'photos/s';
  target: string;
  met: boolean;
  note?: string;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export function figures(samples: readonly number[]): Figures {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), samples: sorted.length };
}

/**
 * Unmeasured runs before each measure, on both sides alike: enough for the JIT to compile the
 * measured path, so the figures describe a running app rather than its first call.
 */
export const WARMUP_RUNS = 20;

/** Runs `fn` `warmup` times unmeasured, then `runs` times, returning each run's milliseconds. */
export async function timeRuns(
  runs: number,
  fn: (i: number) => Promise<unknown> | unknown,
  warmup = WARMUP_RUNS,
): Promise<number[]> {
  for (let i = 0; i < warmup; i += 1) await fn(-1 - i);
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn(i);
    times.push(performance.now() - start);
  }
  return times;
}

/**
 * Interleaves two measured functions so drift in the machine's load hits both alike, and swaps
 * which goes first each time: the second to run the same query finds its pages and the CPU's
 * caches warm, which would otherwise always favour one side.
 */
export async function timePair(
  runs: number,
  a: (i: number) => Promise<unknown> | unknown,
  b: (i: number) => Promise<unknown> | unknown,
  warmup = WARMUP_RUNS,
): Promise<[number[], number[]]> {
  for (let i = 0; i < warmup; i += 1) {
    await a(-1 - i);
    await b(-1 - i);
  }
  const ta: number[] = [];
  const tb: number[] = [];
  const time = async (f: (i: number) => unknown, i: number, into: number[]) => {
    const start = performance.now();
    await f(i);
    into.push(performance.now() - start);
  };
  for (let i = 0; i < runs; i += 1) {
    if (i % 2 === 0) {
      await time(a, i, ta);
      await time(b, i, tb);
    } else {
      await time(b, i, tb);
      await time(a, i, ta);
    }
  }
  return [ta, tb];
}

export function ratioRow(
  measure: string,
  mesochart: readonly number[],
  baseline: readonly number[],
  target: { maxRatioP95?: number; maxP95?: number },
  note?: string,
): BenchRow {
  const m = figures(mesochart);
  const b = figures(baseline);
  const ratio = { p50: m.p50 / b.p50, p95: m.p95 / b.p95 };
  const parts: string[] = [];
  let met = true;
  if (target.maxRatioP95 !== undefined) {
    parts.push(`ratio p95 ≤ ${target.maxRatioP95}`);
    met &&= ratio.p95 <= target.maxRatioP95;
  }
  if (target.maxP95 !== undefined) {
    parts.push(`p95 ≤ ${target.maxP95} ms`);
    met &&= m.p95 <= target.maxP95;
  }
  return {
    measure,
    mesochart: m,
    baseline: b,
    ratio,
    unit: 'ms',
    target: parts.join(', '),
    met,
    ...(note ? { note } : {}),
  };
}

const num = (n: number) => (Number.isFinite(n) ? (n >= 100 ? n.toFixed(0) : n.toFixed(2)) : '-');

export function formatTable(rows: readonly BenchRow[]): string {
  const header = [
    'measure',
    'unit',
    'meso p50',
    'meso p95',
    'base p50',
    'base p95',
    'ratio p50',
    'ratio p95',
    'target',
    'met',
  ];
  const body = rows.map((r) => [
    r.measure,
    r.unit,
    num(r.mesochart.p50),
    num(r.mesochart.p95),
    num(r.baseline.p50),
    num(r.baseline.p95),
    num(r.ratio.p50),
    num(r.ratio.p95),
    r.target,
    r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
