import { Cron } from 'croner';
import { schedule, validate } from 'node-cron';
import { StagecoachError } from '../../core/shared/errors';

/**
 * A job's cron expression read in the scheduler's time zone, for computing fire times directly.
 * node-cron runs the in-process tasks; croner answers "when did/does this fire?", which
 * node-cron cannot do without testing minute after minute.
 */
export type CronSchedule = {
  /** The first fire strictly after `after`, or null when the expression never fires again. */
  nextFireAfter(after: Date): Date | null;
  /** Whether the expression fired in (after, upTo]. */
  firedBetween(after: Date, upTo: Date): boolean;
};

function badCron(job: string, cron: string): StagecoachError {
  return new StagecoachError('SCHEDULER.BAD_CRON', `Job "${job}" has an invalid cron expression: "${cron}".`);
}

/**
 * Parses `cron` for `job` in `timezone`. Both libraries must accept it: node-cron schedules the
 * fires and croner computes them, so an expression only one of them reads is refused here.
 */
export function parseJobCron(job: string, cron: string, timezone: string): CronSchedule {
  if (!validate(cron)) throw badCron(job, cron);
  let parsed: Cron;
  try {
    // No callback: croner only computes, it schedules nothing. `domAndDow` matches node-cron,
    // which requires both day-of-month and day-of-week to match (Vixie cron takes either).
    parsed = new Cron(cron, { timezone, domAndDow: true });
  } catch {
    throw badCron(job, cron);
  }
  const nextFireAfter = (after: Date): Date | null => parsed.nextRun(after);
  return {
    nextFireAfter,
    firedBetween(after, upTo) {
      const next = nextFireAfter(after);
      return next !== null && next.getTime() <= upTo.getTime();
    },
  };
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
