import { and, eq, isNotNull, isNull, lte, max, notLike, or } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { schedulerRuns } from '../db/schema';

/** Summaries of failed runs start with this, so the next window starts before them again. */
export const FAILED_SUMMARY_PREFIX = 'failed: ';

/** Claims one (job, fire time) pair; false when another instance (or an earlier tick) has it. */
export async function claimFire(
  q: Queryable,
  claim: { job: string; fireTime: Date; claimedBy: string; claimedAt: Date },
): Promise<boolean> {
  const inserted = await q
    .insert(schedulerRuns)
    .values(claim)
    .onConflictDoNothing()
    .returning({ job: schedulerRuns.job });
  return inserted.length > 0;
}

export async function finishFire(
  q: Queryable,
  run: { job: string; fireTime: Date; finishedAt: Date; summary: string },
): Promise<void> {
  await q
    .update(schedulerRuns)
    .set({ finishedAt: run.finishedAt, summary: run.summary })
    .where(and(eq(schedulerRuns.job, run.job), eq(schedulerRuns.fireTime, run.fireTime)));
}

/**
 * The latest fire of `job` at or before `atOrBefore` that finished without an error. Failed and
 * unfinished (crashed) fires do not count, so the next window covers their span again.
 */
export async function lastSuccessfulFire(q: Queryable, job: string, atOrBefore: Date): Promise<Date | null> {
  const [row] = await q
    .select({ last: max(schedulerRuns.fireTime) })
    .from(schedulerRuns)
    .where(
      and(
        eq(schedulerRuns.job, job),
        lte(schedulerRuns.fireTime, atOrBefore),
        isNotNull(schedulerRuns.finishedAt),
        or(isNull(schedulerRuns.summary), notLike(schedulerRuns.summary, `${FAILED_SUMMARY_PREFIX}%`)),
      ),
    );
  return row?.last ?? null;
}
