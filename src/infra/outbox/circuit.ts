import type { Address, OutageScope, Platform } from '../../app/ports';

/**
 * Platform outages as a circuit breaker. When Slack or Teams refuses us as a whole (revoked
 * token, missing scope, app disabled in a tenant) sending there stops; messages stay pending.
 * After a wait one real message is let through as a probe: if it is delivered (or refused for
 * reasons of its own, which proves the credentials work) the circuit closes and everything
 * waiting goes out; if the platform still refuses, the wait doubles up to `maxProbeMs`.
 *
 * In memory per process: each instance learns of an outage from its own first refused send,
 * which costs one request and loses nothing. Telling coordinators once is kept in the database.
 */
export type Outage = {
  key: string;
  scope: OutageScope;
  reason: string;
  since: Date;
  nextProbeAt: Date;
};

export type CircuitBreaker = {
  /** May we send to this address now? A `probe` is the one send allowed through an open circuit. */
  check(address: Address, now: Date): { ok: true; probe: boolean } | { ok: false; until: Date };
  /** The platform refused us as a whole. `opened` is true when this starts a new outage. */
  open(scope: OutageScope, reason: string, now: Date): { opened: boolean; until: Date };
  /** A send to this address was accepted (or refused for its own reasons): close what covered it. */
  close(address: Address): Outage[];
  /** A probe ended without telling us anything (a transient error): let the next one through later. */
  release(address: Address, now: Date): void;
  outages(): Outage[];
  /** True when an outage covers this platform (and tenant). */
  covers(platform: Platform, tenant: string): boolean;
};

export type CircuitOptions = {
  /** ms before the first probe. */
  firstProbeMs: number;
  /** ms; the wait between probes doubles up to this. */
  maxProbeMs: number;
  /** ms a probe may stay unanswered before another is allowed (a crashed send). */
  probeTimeoutMs: number;
};

export const DEFAULT_CIRCUIT_OPTIONS: CircuitOptions = {
  firstProbeMs: 30_000,
  maxProbeMs: 5 * 60_000,
  probeTimeoutMs: 60_000,
};

type Circuit = Outage & { waitMs: number; probingSince: number | null };

const keyOf = (scope: OutageScope): string =>
  scope.tenant === undefined ? scope.platform : `${scope.platform}:${scope.tenant}`;

export function createCircuitBreaker(options: Partial<CircuitOptions> = {}): CircuitBreaker {
  const settings = { ...DEFAULT_CIRCUIT_OPTIONS, ...options };
  const circuits = new Map<string, Circuit>();

  const covering = (platform: Platform, tenant: string): Circuit[] =>
    [circuits.get(platform), circuits.get(`${platform}:${tenant}`)].filter(
      (circuit): circuit is Circuit => circuit !== undefined,
    );

  return {
    check(address, now) {
      const open = covering(address.platform, address.tenant);
      if (open.length === 0) return { ok: true, probe: false };
      const at = now.getTime();
      const waiting = open.filter(
        (circuit) =>
          circuit.nextProbeAt.getTime() > at ||
          (circuit.probingSince !== null && at - circuit.probingSince < settings.probeTimeoutMs),
      );
      if (waiting.length > 0) {
        const until = Math.max(...waiting.map((circuit) => circuit.nextProbeAt.getTime()), at + 1000);
        return { ok: false, until: new Date(until) };
      }
      for (const circuit of open) circuit.probingSince = at;
      return { ok: true, probe: true };
    },

    open(scope, reason, now) {
      const key = keyOf(scope);
      const existing = circuits.get(key);
      const waitMs = existing
        ? Math.min(existing.waitMs * 2, settings.maxProbeMs)
        : Math.min(settings.firstProbeMs, settings.maxProbeMs);
      const until = new Date(now.getTime() + waitMs);
      circuits.set(key, {
        key,
        scope,
        reason,
        since: existing?.since ?? now,
        nextProbeAt: until,
        waitMs,
        probingSince: null,
      });
      return { opened: existing === undefined, until };
    },

    close(address) {
      const closed = covering(address.platform, address.tenant);
      for (const circuit of closed) circuits.delete(circuit.key);
      return closed.map(({ key, scope, reason, since, nextProbeAt }) => ({
        key,
        scope,
        reason,
        since,
        nextProbeAt,
      }));
    },

    release(address, now) {
      for (const circuit of covering(address.platform, address.tenant)) {
        circuit.probingSince = null;
        circuit.nextProbeAt = new Date(now.getTime() + settings.firstProbeMs);
      }
    },

    outages: () =>
      [...circuits.values()].map(({ key, scope, reason, since, nextProbeAt }) => ({
        key,
        scope,
        reason,
        since,
        nextProbeAt,
      })),

    covers: (platform, tenant) => covering(platform, tenant).length > 0,
  };
}
