import { describe, expect, it } from 'vitest';
import { createSettableClock } from './test-support';
import { createThrottle } from './throttle';

describe('createThrottle', () => {
  it('allows seven sends in a second and asks the eighth to wait until the first one expires', () => {
    const clock = createSettableClock('2025-03-07T12:00:00.000Z');
    const throttle = createThrottle(clock);

    const decisions = [];
    for (let index = 0; index < 7; index += 1) {
      decisions.push(throttle.take('conv-1', 'tenant-1'));
      clock.advance(100);
    }
    const eighth = throttle.take('conv-1', 'tenant-1');

    expect(decisions.every((decision) => decision.ok)).toBe(true);
    expect(eighth).toEqual({ ok: false, retryAfterMs: 300 });
  });

  it('lets a send through again once the one-second window has moved on', () => {
    const clock = createSettableClock('2025-03-07T12:00:00.000Z');
    const throttle = createThrottle(clock);
    for (let index = 0; index < 7; index += 1) throttle.take('conv-1', 'tenant-1');

    clock.advance(1_000);

    expect(throttle.take('conv-1', 'tenant-1')).toEqual({ ok: true });
  });

  it('caps a conversation at 60 sends per 30 seconds', () => {
    const clock = createSettableClock('2025-03-07T12:00:00.000Z');
    const throttle = createThrottle(clock);
    for (let index = 0; index < 60; index += 1) {
      expect(throttle.take('conv-1', 'tenant-1').ok).toBe(true);
      clock.advance(250);
    }

    expect(throttle.take('conv-1', 'tenant-1')).toEqual({ ok: false, retryAfterMs: 15_000 });
  });

  it('caps a tenant at 50 sends a second across conversations', () => {
    const clock = createSettableClock('2025-03-07T12:00:00.000Z');
    const throttle = createThrottle(clock);
    for (let index = 0; index < 50; index += 1) {
      expect(throttle.take(`conv-${index}`, 'tenant-1').ok).toBe(true);
    }

    expect(throttle.take('conv-new', 'tenant-1')).toEqual({ ok: false, retryAfterMs: 1_000 });
    expect(throttle.take('conv-new', 'tenant-2')).toEqual({ ok: true });
  });

  it('does not count a refused send against the budget', () => {
    const clock = createSettableClock('2025-03-07T12:00:00.000Z');
    const throttle = createThrottle(clock);
    for (let index = 0; index < 7; index += 1) throttle.take('conv-1', 'tenant-1');
    for (let index = 0; index < 5; index += 1) throttle.take('conv-1', 'tenant-1');

    clock.advance(1_000);

    expect(throttle.take('conv-1', 'tenant-1')).toEqual({ ok: true });
  });
});
