/** Latencies in milliseconds, summarised by nearest rank. */
export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  mean: number;
}

export function summarise(latenciesMs: number[]): LatencySummary {
  const sorted = Float64Array.from(latenciesMs).sort();
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
  const mean = sorted.length ? sorted.reduce((sum, value) => sum + value, 0) / sorted.length : Number.NaN;
  return { count: sorted.length, p50: rank(0.5), p99: rank(0.99), mean };
}

export function median(values: number[]): number {
  return summarise(values).p50;
}
