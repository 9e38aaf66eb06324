export type BackoffOptions = {
  /** ms; the ceiling of the first retry's delay. */
  baseMs: number;
  /** ms; no delay ceiling grows beyond this. */
  maxMs: number;
};

/**
 * Exponential backoff with full jitter: a uniformly random delay in [0, min(max, base·2^(n−1))),
 * so many failing rows do not retry in lockstep. `failures` counts the failures so far (≥ 1);
 * `random` returns [0, 1) and is injected so tests are deterministic.
 */
export function computeBackoffMs(failures: number, options: BackoffOptions, random: () => number): number {
  const exponent = Math.max(0, failures - 1);
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(exponent, 30));
  return Math.floor(random() * ceiling);
}
