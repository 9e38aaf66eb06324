import { performance } from 'node:perf_hooks';

/** Nearest-rank percentile of `values` (p in 0–100); 0 for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** ms `work` took, and what it returned. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

export const mib = (bytes: number): number => bytes / (1024 * 1024);

/** Samples this process's RSS every 50 ms: the peak is what the machine had to give. */
export function startRssSampler(): { peakMiB(): number; stop(): void } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  timer.unref();
  return {
    peakMiB: () => mib(Math.max(peak, process.memoryUsage().rss)),
    stop: () => clearInterval(timer),
  };
}
