import type { Platform } from '../../app/ports';

/**
 * How fast one platform lets us post, beyond one conversation's pace (`paceMs`).
 *
 * - Slack: `chat.postMessage` is in the "special" tier: about one message per second per channel
 *   ("short bursts > 1 allowed"), and a workspace-wide limit on top that Slack does not publish
 *   as a number ("several hundred messages per minute"; https://api.slack.com/docs/rate-limits,
 *   https://api.slack.com/methods/chat.postMessage). We budget 20/s per workspace with bursts
 *   of 20: a 2,000-student check-in leaves in under two minutes, and what Slack refuses beyond
 *   its own limit comes back as a 429 whose Retry-After defers that conversation (never lost).
 *   A workspace known to be stricter can be given less through `platformLimits`.
 * - Teams: the Bot Framework allows 50 requests a second per app per tenant and 7 a second per
 *   conversation (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit).
 *   We budget 45/s per tenant so the gateway's own throttle (adapters/teams/throttle.ts, which
 *   enforces the published numbers) rarely has to refuse.
 */
export type PlatformLimits = {
  /** Sends a second per workspace (Slack) or tenant (Teams), sustained. */
  perSecond: number;
  /** Sends that may go at once before the per-second rate applies. */
  burst: number;
  /** Sends in flight at once to this platform (also bounded by the dispatcher's `concurrency`). */
  concurrency: number;
};

export const UNLIMITED: PlatformLimits = {
  perSecond: Number.POSITIVE_INFINITY,
  burst: 1,
  concurrency: Number.POSITIVE_INFINITY,
};

export const DEFAULT_PLATFORM_LIMITS: Record<Platform, PlatformLimits> = {
  slack: { perSecond: 20, burst: 20, concurrency: 4 },
  teams: { perSecond: 45, burst: 10, concurrency: 8 },
  console: UNLIMITED,
};

export type BudgetDecision = { ok: true; waitMs: number } | { ok: false; retryAt: number };

/**
 * A send budget per scope (platform + workspace/tenant) as a generic cell rate algorithm: each
 * send reserves the next slot, at most `burst` slots ahead of the sustained rate. A caller waits
 * `waitMs` for its slot; one whose wait would exceed `maxWaitMs` reserves nothing and is told
 * when to come back, so a run never blocks for long (its lease and a stop both stay short).
 */
export function createSendBudget(limitsOf: (platform: Platform) => PlatformLimits, maxWaitMs: number) {
  /** Theoretical arrival time per scope: when the next send would be on schedule, ms since epoch. */
  const due = new Map<string, number>();

  return {
    reserve(platform: Platform, tenant: string, now: number): BudgetDecision {
      const limits = limitsOf(platform);
      if (!Number.isFinite(limits.perSecond)) return { ok: true, waitMs: 0 };
      const interval = 1000 / limits.perSecond;
      const key = `${platform}:${tenant}`;
      const next = Math.max(due.get(key) ?? now, now);
      const earliest = next - (Math.max(1, limits.burst) - 1) * interval;
      const waitMs = Math.max(0, earliest - now);
      if (waitMs > maxWaitMs) return { ok: false, retryAt: earliest };
      due.set(key, next + interval);
      return { ok: true, waitMs };
    },
    /** Drops scopes that have been quiet for a while; keeps the map as small as the active scopes. */
    forget(now: number): void {
      for (const [key, next] of due) if (next <= now) due.delete(key);
    },
  };
}

/** At most `limit` holders at once; the rest wait in arrival order. */
export function createSemaphore(limit: number) {
  let held = 0;
  const waiting: (() => void)[] = [];
  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (held >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
      else held += 1;
      try {
        return await work();
      } finally {
        const nextHolder = waiting.shift();
        // The slot passes straight to the next waiter, so `held` stays as it is.
        if (nextHolder) nextHolder();
        else held -= 1;
      }
    },
  };
}
