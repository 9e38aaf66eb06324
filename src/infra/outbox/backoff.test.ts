import { describe, expect, it } from 'vitest';
import { computeBackoffMs } from './backoff';

const options = { baseMs: 1000, maxMs: 10_000 };

describe('computeBackoffMs', () => {
  it.each([
    [1, 500],
    [2, 1000],
    [3, 2000],
    [4, 4000],
    [5, 5000],
    [40, 5000],
  ])('after %i failures with the middle of the jitter range waits %i ms', (failures, expected) => {
    expect(computeBackoffMs(failures, options, () => 0.5)).toBe(expected);
  });

  it('may retry at once when the jitter draws zero', () => {
    expect(computeBackoffMs(3, options, () => 0)).toBe(0);
  });

  it('stays below the ceiling when the jitter draws its maximum', () => {
    expect(computeBackoffMs(3, options, () => 0.999_999)).toBe(3999);
  });
});
