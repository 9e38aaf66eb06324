import { describe, expect, it } from 'vitest';
import { computeBackoffMs, minimumTimeToGiveUpMs } from './backoff';
import { DEFAULT_DISPATCHER_OPTIONS } from './dispatcher';

const options = { baseMs: 1000, maxMs: 10_000 };

describe('computeBackoffMs', () => {
  it.each([
    [1, 750],
    [2, 1500],
    [3, 3000],
    [4, 6000],
    [5, 7500],
    [40, 7500],
  ])('after %i failures with the middle of the jitter range waits %i ms', (failures, expected) => {
    expect(computeBackoffMs(failures, options, () => 0.5)).toBe(expected);
  });

  it('waits at least half the ceiling when the jitter draws zero', () => {
    expect(computeBackoffMs(3, options, () => 0)).toBe(2000);
  });

  it('keeps the default policy retrying through two hours of platform trouble', () => {
    const policy = {
      baseMs: DEFAULT_DISPATCHER_OPTIONS.baseBackoffMs,
      maxMs: DEFAULT_DISPATCHER_OPTIONS.maxBackoffMs,
    };

    const shortest = minimumTimeToGiveUpMs(DEFAULT_DISPATCHER_OPTIONS.maxAttempts, policy);

    expect(shortest).toBeGreaterThan(2 * 60 * 60_000);
  });

  it('stays below the ceiling when the jitter draws its maximum', () => {
    expect(computeBackoffMs(3, options, () => 0.999_999)).toBe(3999);
  });
});
