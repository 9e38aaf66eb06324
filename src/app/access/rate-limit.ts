/**
 * Per-person inbound rate limit: a sliding window per platform account, in memory (one
 * process; a second instance has its own window, which only makes the limit looser). Time is
 * passed in, so tests drive it with a fixed clock.
 */
export type RateLimiter = { allow(key: string, at: Date): boolean };

export const RATE_LIMIT = { acts: 30, perMs: 60_000 } as const;

export function createRateLimiter(limit: { acts: number; perMs: number } = RATE_LIMIT): RateLimiter {
  const windows = new Map<string, number[]>();
  return {
    allow(key, at) {
      const now = at.getTime();
      const recent = (windows.get(key) ?? []).filter((t) => t > now - limit.perMs);
      if (recent.length >= limit.acts) {
        windows.set(key, recent);
        return false;
      }
      recent.push(now);
      windows.set(key, recent);
      // Keep memory bounded when many people act: forget quiet accounts now and then.
      if (windows.size > 10_000) {
        for (const [k, times] of windows) if ((times.at(-1) ?? 0) <= now - limit.perMs) windows.delete(k);
      }
      return true;
    },
  };
}
