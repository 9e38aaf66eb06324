import type { Clock } from '../../src/app/ports';

/**
 * In-memory send budget for Teams (the Bot Framework's published limits, with a little margin):
 * per conversation at most 7 sends a second and 60 per 30 s; per tenant 50 requests a second.
 * Over budget we never wait: the caller gets `retryAfterMs` and the outbox reschedules.
 */
export type ThrottleDecision = { ok: true } | { ok: false; retryAfterMs: number };

export type Throttle = { take(conversationId: string, tenant: string): ThrottleDecision };

type Window = { limit: number; windowMs: number };

export const TEAMS_LIMITS = {
  conversationPerSecond: { limit: 7, windowMs: 1_000 },
  conversationPer30s: { limit: 60, windowMs: 30_000 },
  tenantPerSecond: { limit: 50, windowMs: 1_000 },
} as const satisfies Record<string, Window>;

/** Longest window: older stamps never matter again. */
const HORIZON_MS = 30_000; // ms

export function createThrottle(clock: Clock): Throttle {
  const conversations = new Map<string, number[]>();
  const tenants = new Map<string, number[]>();
  let callsSinceSweep = 0;

  function sweep(now: number): void {
    for (const map of [conversations, tenants]) {
      for (const [key, stamps] of map) {
        if ((stamps.at(-1) ?? 0) <= now - HORIZON_MS) map.delete(key);
      }
    }
  }

  return {
    take(conversationId, tenant) {
      const now = clock.now().getTime();
      callsSinceSweep += 1;
      if (callsSinceSweep >= 1_000) {
        callsSinceSweep = 0;
        sweep(now);
      }
      const conversation = recent(conversations, conversationId, now);
      const tenantStamps = recent(tenants, tenant, now);
      const wait = Math.max(
        waitFor(conversation, TEAMS_LIMITS.conversationPerSecond, now),
        waitFor(conversation, TEAMS_LIMITS.conversationPer30s, now),
        waitFor(tenantStamps, TEAMS_LIMITS.tenantPerSecond, now),
      );
      if (wait > 0) return { ok: false, retryAfterMs: wait };
      conversation.push(now);
      tenantStamps.push(now);
      return { ok: true };
    },
  };
}

function recent(map: Map<string, number[]>, key: string, now: number): number[] {
  const stamps = (map.get(key) ?? []).filter((stamp) => stamp > now - HORIZON_MS);
  map.set(key, stamps);
  return stamps;
}

/** ms until one more send fits in the window; 0 when it fits now. */
function waitFor(stamps: number[], { limit, windowMs }: Window, now: number): number {
  const inWindow = stamps.filter((stamp) => stamp > now - windowMs);
  if (inWindow.length < limit) return 0;
  const oldestThatMustExpire = inWindow[inWindow.length - limit]!;
  return oldestThatMustExpire + windowMs - now;
}
