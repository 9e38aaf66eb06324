import type { Clock } from '../../src/app/ports';

/** The runtime's clock in end-to-end tests: it only moves when the test moves it. */
export type TestClock = Clock & {
  set(at: Date | string): void;
  advance(ms: number): void;
  /** Unix seconds, as Slack signs requests. */
  seconds(): number;
};

export function createTestClock(start: Date | string): TestClock {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set(at) {
      now = new Date(at);
    },
    advance(ms) {
      now = new Date(now.getTime() + ms);
    },
    seconds: () => Math.floor(now.getTime() / 1000),
  };
}
