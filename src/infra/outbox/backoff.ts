export type BackoffOptions = {
  /** ms; the ceiling of the first retry's delay. */
  baseMs: number;
  /** ms; no delay ceiling grows beyond this. */
  maxMs: number;
};

/**
 * Exponential backoff with "equal jitter": a uniformly random delay in [c/2, c) with
 * c = min(max, base·2^(n−1)), so many failing rows do not retry in lockstep, yet the waits add
 * up predictably: the time before giving up is bounded below, and a platform that is down for a
 * while cannot burn all of a message's attempts in a few minutes. `failures` counts the
 * failures so far (≥ 1); `random` returns [0, 1) and is injected so tests are deterministic.
 */
export function computeBackoffMs(failures: number, options: BackoffOptions, random: () => number): number {
  const exponent = Math.max(0, failures - 1);
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(exponent, 30));
  return Math.floor(ceiling / 2 + random() * (ceiling / 2));
}

/** ms: the shortest total wait before attempt `attempts` gives up (every jitter draws 0). */
export function minimumTimeToGiveUpMs(attempts: number, options: BackoffOptions): number {
  let total = 0;
  for (let failures = 1; failures < attempts; failures += 1)
    total += computeBackoffMs(failures, options, () => 0);
  return total;
}
