import { describe, expect, it } from 'vitest';
import type { Address } from '../../app/ports';
import { createCircuitBreaker } from './circuit';

const at = new Date('2027-03-05T12:00:00Z');
const later = (ms: number) => new Date(at.getTime() + ms);
const slackUser: Address = { kind: 'user', platform: 'slack', tenant: 'T1', platformUserId: 'U1' };
const teamsA: Address = { kind: 'user', platform: 'teams', tenant: 'tenant-a', platformUserId: 'aad-1' };
const teamsB: Address = { kind: 'user', platform: 'teams', tenant: 'tenant-b', platformUserId: 'aad-2' };

describe('the platform circuit breaker', () => {
  it('lets everything through while no outage is known', () => {
    const breaker = createCircuitBreaker();

    expect(breaker.check(slackUser, at)).toEqual({ ok: true, probe: false });
  });

  it('holds sends back until the first probe is due, then lets exactly one through', () => {
    const breaker = createCircuitBreaker({ firstProbeMs: 30_000 });
    breaker.open({ platform: 'slack' }, 'token_revoked', at);

    const before = breaker.check(slackUser, later(29_000));
    const probe = breaker.check(slackUser, later(30_000));
    const second = breaker.check(slackUser, later(30_000));

    expect(before).toEqual({ ok: false, until: later(30_000) });
    expect(probe).toEqual({ ok: true, probe: true });
    expect(second.ok).toBe(false);
  });

  it('doubles the wait after each refused probe, up to the maximum', () => {
    const breaker = createCircuitBreaker({ firstProbeMs: 30_000, maxProbeMs: 100_000 });

    const waits = [1, 2, 3, 4].map(
      () => breaker.open({ platform: 'slack' }, 'token_revoked', at).until.getTime() - at.getTime(),
    );

    expect(waits).toEqual([30_000, 60_000, 100_000, 100_000]);
  });

  it('tells only the first refusal that an outage started, and closes on a good send', () => {
    const breaker = createCircuitBreaker();

    const first = breaker.open({ platform: 'slack' }, 'token_revoked', at);
    const again = breaker.open({ platform: 'slack' }, 'token_revoked', later(1000));
    const closed = breaker.close(slackUser);

    expect([first.opened, again.opened]).toEqual([true, false]);
    expect(closed).toMatchObject([{ scope: { platform: 'slack' }, since: at }]);
    expect(breaker.outages()).toEqual([]);
  });

  it('pauses one Teams tenant without touching another', () => {
    const breaker = createCircuitBreaker();
    breaker.open({ platform: 'teams', tenant: 'tenant-a' }, 'teams: HTTP 403', at);

    expect(breaker.check(teamsA, later(1)).ok).toBe(false);
    expect(breaker.check(teamsB, later(1))).toEqual({ ok: true, probe: false });
    expect(breaker.covers('teams', 'tenant-a')).toBe(true);
    expect(breaker.covers('teams', 'tenant-b')).toBe(false);
  });

  it('lets another probe through when one ended without an answer', () => {
    const breaker = createCircuitBreaker({ firstProbeMs: 10_000 });
    breaker.open({ platform: 'slack' }, 'token_revoked', at);
    breaker.check(slackUser, later(10_000));

    breaker.release(slackUser, later(11_000));

    expect(breaker.check(slackUser, later(21_000))).toEqual({ ok: true, probe: true });
  });
});
