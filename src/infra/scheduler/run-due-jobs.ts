import { type Clock, systemClock } from '../../app/ports';
import type { Db } from '../db/client';
import type { Logger } from '../logging';
import { executeFire } from './fire';
import type { FireReport, ScheduledJob } from './types';

/**
 * The CLI's `tick --at <instant>`: claims (job, at) for every job, regardless of its cron, and
 * runs it over the window since its last successful fire (at most 24 h). Jobs run in the given
 * order. Ticking twice at one instant runs nothing the second time.
 */
export async function runDueJobsAt(
  db: Db,
  jobs: readonly ScheduledJob[],
  at: Date,
  options: { logger: Logger; instanceId: string; clock?: Clock },
): Promise<FireReport[]> {
  const deps = {
    db,
    logger: options.logger,
    instanceId: options.instanceId,
    clock: options.clock ?? systemClock,
  };
  const reports: FireReport[] = [];
  for (const job of jobs) reports.push(await executeFire(deps, job, at));
  return reports;
}
