import type { Clock } from '../../app/ports';
import type { Db } from '../db/client';
import type { Logger } from '../logging';
import { safeErrorLine } from '../redact';
import { claimFireAndWindowStart, FAILED_SUMMARY_PREFIX, finishFire } from './runs';
import type { FireReport, JobWindow, ScheduledJob } from './types';

/** ms; no window reaches further back than this, however long we were down. */
export const MAX_WINDOW_MS = 24 * 60 * 60 * 1000;

const MINUTE_MS = 60_000;

/** Fire times are whole minutes, so instances whose clocks differ by seconds claim the same pair. */
export const floorToMinute = (at: Date): Date => new Date(Math.floor(at.getTime() / MINUTE_MS) * MINUTE_MS);

export type FireDeps = { db: Db; clock: Clock; logger: Logger; instanceId: string };

/**
 * Claims (job, fireTime) and, if the claim is ours, runs the job over the window since its
 * previous successful fire (at most 24 h), then records when it finished and its summary.
 * A job that throws is logged and recorded as failed; the error is not rethrown.
 */
export async function executeFire(deps: FireDeps, job: ScheduledJob, at: Date): Promise<FireReport> {
  const fireTime = floorToMinute(at);
  const { claimed, previous } = await claimFireAndWindowStart(deps.db, {
    job: job.name,
    fireTime,
    claimedBy: deps.instanceId,
    claimedAt: deps.clock.now(),
  });
  if (!claimed) return { job: job.name, fireTime, outcome: 'claimed-elsewhere' };

  const window = windowFor(deps, job.name, fireTime, previous);
  let summary: string;
  let failed = false;
  try {
    summary = await job.run(window);
    deps.logger.info({ job: job.name, fireTime, from: window.from, summary }, 'scheduler: job ran');
  } catch (error) {
    failed = true;
    // Stored for anyone with database access to read: no query parameters, no content.
    summary = `${FAILED_SUMMARY_PREFIX}${safeErrorLine(error)}`.slice(0, 1000);
    deps.logger.error({ err: error, job: job.name, fireTime }, 'scheduler: job failed');
  }
  await finishFire(deps.db, { job: job.name, fireTime, finishedAt: deps.clock.now(), summary });
  return { job: job.name, fireTime, outcome: 'ran', window, summary, ...(failed ? { failed } : {}) };
}

/** `previous`: the latest successful fire before `fireTime` (claimed with it, one round trip). */
function windowFor(deps: FireDeps, job: string, fireTime: Date, previous: Date | null): JobWindow {
  const earliest = new Date(fireTime.getTime() - MAX_WINDOW_MS);
  if (!previous) return { from: earliest, to: fireTime };
  if (previous < earliest) {
    deps.logger.warn(
      { job, skippedFrom: previous, skippedTo: earliest },
      'scheduler: missed more than 24 h; the older part of the window is skipped',
    );
    return { from: earliest, to: fireTime };
  }
  return { from: previous, to: fireTime };
}
