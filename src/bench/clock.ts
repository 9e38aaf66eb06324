import type { Clock } from '../app/ports';

/** A clock set to a scenario's instant that then runs on with real time (signed requests need it). */
export function createLiveClock(start: Date): Clock & { set(at: Date): void } {
  let base = start.getTime();
  let setAt = Date.now();
  return {
    now: () => new Date(base + (Date.now() - setAt)),
    set(at) {
      base = at.getTime();
      setAt = Date.now();
    },
  };
}
