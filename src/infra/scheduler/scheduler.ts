import type { Clock } from '../../app/ports';
import type { Db } from '../db/client';
import type { Logger } from '../logging';
import { type CronSchedule, parseJobCron, type ScheduleFn, scheduleWithNodeCron } from './cron';
import { executeFire, type FireDeps, floorToMinute } from './fire';
import { lastSuccessfulFire } from './runs';
import type { FireOutcome, FireReport, ScheduledJob } from './types';

export type CatchUpResult = { job: string; result: FireOutcome | 'not-needed'; report?: FireReport };

export type Scheduler = {
  /** Registers one node-cron task per job in the time zone, then catches up missed fires. */
  start(): Promise<void>;
  /** Unregisters the tasks and waits for fires in progress. */
  stop(): Promise<void>;
  /** Claims and runs one fire of `job` (normalised to the minute). */
  runFire(job: ScheduledJob, fireTime: Date): Promise<FireOutcome>;
  /** Runs one fire now for each job whose last successful fire is older than its cadence. */
  catchUp(): Promise<CatchUpResult[]>;
};

export type SchedulerDeps = {
  db: Db;
  jobs: readonly ScheduledJob[];
  /** IANA zone the cron expressions are read in, e.g. `Europe/Amsterdam`. */
  timezone: string;
  clock: Clock;
  logger: Logger;
  /** Recorded as `claimed_by`; unique per process. */
  instanceId: string;
  /** Defaults to node-cron; tests inject a fake to fire by hand. */
  schedule?: ScheduleFn;
};

/**
 * The in-process scheduler. Every fire first claims (job, fire time) in `scheduler_runs`, so
 * with several instances, or after a restart, each fire runs once. Fires of one job run one
 * after another in this process, so a slow run never overlaps the next one's window.
 */
export function createScheduler(deps: SchedulerDeps): Scheduler {
  // Parsed once up front, so a bad expression stops the start instead of a later catch-up.
  const cadences: { job: ScheduledJob; cadence: CronSchedule }[] = deps.jobs.map((job) => ({
    job,
    cadence: parseJobCron(job.name, job.cron, deps.timezone),
  }));
  const schedule = deps.schedule ?? scheduleWithNodeCron;
  const fireDeps: FireDeps = deps;
  const chains = new Map<string, Promise<unknown>>();
  let tasks: { stop(): void | Promise<void> }[] = [];

  function serialised(job: ScheduledJob, at: Date): Promise<FireReport> {
    const previous = chains.get(job.name) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => executeFire(fireDeps, job, at));
    chains.set(job.name, next);
    return next;
  }

  async function runFire(job: ScheduledJob, fireTime: Date): Promise<FireOutcome> {
    return (await serialised(job, fireTime)).outcome;
  }

  async function catchUpJob(job: ScheduledJob, cadence: CronSchedule, now: Date): Promise<CatchUpResult> {
    const last = await lastSuccessfulFire(deps.db, job.name, now);
    // Never ran successfully: a fresh install has missed nothing; the first fire covers 24 h.
    if (!last) return { job: job.name, result: 'not-needed' };
    // Not missed when the next fire after the last successful one is still to come.
    if (!cadence.firedBetween(last, now)) return { job: job.name, result: 'not-needed' };
    deps.logger.info({ job: job.name, lastFire: last, now }, 'scheduler: catching up a missed fire');
    const report = await serialised(job, now);
    return { job: job.name, result: report.outcome, report };
  }

  async function catchUp(): Promise<CatchUpResult[]> {
    const now = floorToMinute(deps.clock.now());
    const results: CatchUpResult[] = [];
    for (const { job, cadence } of cadences) results.push(await catchUpJob(job, cadence, now));
    return results;
  }

  return {
    async start() {
      if (tasks.length > 0) return;
      tasks = deps.jobs.map((job) =>
        schedule(
          job.cron,
          (at) => {
            // runFire never rejects for a failing job; this catches database faults.
            runFire(job, at).catch((error) => {
              deps.logger.error({ err: error, job: job.name }, 'scheduler: fire failed');
            });
          },
          { timezone: deps.timezone, name: job.name },
        ),
      );
      deps.logger.info(
        { jobs: deps.jobs.map((job) => job.name), timezone: deps.timezone },
        'scheduler: started',
      );
      await catchUp();
    },
    async stop() {
      await Promise.all(tasks.map((task) => task.stop()));
      tasks = [];
      await Promise.allSettled([...chains.values()]);
    },
    runFire,
    catchUp,
  };
}
