import { createTask, schedule, validate } from 'node-cron';
import { StagecoachError } from '../../core/shared/errors';

const MINUTE_MS = 60_000;

/** Cron occurrences are searched at most this far back (ms): every job here fires at least monthly. */
const SEARCH_LIMIT_MS = 35 * 24 * 60 * MINUTE_MS;

export type CronMatcher = (minute: Date) => boolean;

export function assertValidCron(job: string, cron: string): void {
  if (!validate(cron)) {
    throw new StagecoachError(
      'SCHEDULER.BAD_CRON',
      `Job "${job}" has an invalid cron expression: "${cron}".`,
    );
  }
}

/** Whether a whole-minute instant matches `cron` read in `timezone`, with node-cron's own semantics. */
export function createCronMatcher(cron: string, timezone: string): CronMatcher {
  // An unstarted task is node-cron's public way to reach its matcher; destroying it at once
  // removes it from node-cron's task registry again.
  const task = createTask(cron, () => undefined, { timezone });
  void task.destroy();
  return (minute) => task.match(minute);
}

/**
 * Whether `cron` had an occurrence in (after, upTo]; both whole minutes. Walks back minute by
 * minute from `upTo`; if `after` is further back than the search limit, that counts as missed.
 */
export function hasOccurrenceBetween(matches: CronMatcher, after: Date, upTo: Date): boolean {
  const stop = Math.max(after.getTime(), upTo.getTime() - SEARCH_LIMIT_MS);
  for (let at = upTo.getTime(); at > stop; at -= MINUTE_MS) {
    if (matches(new Date(at))) return true;
  }
  return stop > after.getTime();
}

/** Registers a recurring fire; injectable so tests need not wait for real minutes. */
export type ScheduleFn = (
  cron: string,
  onFire: (at: Date) => void,
  options: { timezone: string; name: string },
) => { stop(): void | Promise<void> };

export const scheduleWithNodeCron: ScheduleFn = (cron, onFire, options) => {
  const task = schedule(cron, (context) => onFire(context.date), {
    timezone: options.timezone,
    name: options.name,
  });
  return { stop: () => task.destroy() };
};
