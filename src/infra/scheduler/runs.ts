import { and, eq, isNotNull, isNull, lte, max, notLike, or, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { schedulerRuns } from '../db/schema';

/** Summaries of failed runs start with this, so the next window starts before them again. */
export const FAILED_SUMMARY_PREFIX = 'failed: ';

/**
 * Claims one (job, fire time) pair (false when another instance or an earlier tick has it) and
 * finds `lastSuccessfulFire(job, fireTime - 1 ms)`, in one statement (one round trip):
 * the claim is a data-modifying CTE, and the lookup reads the table as it was before the insert,
 * which cannot matter, as the new row is unfinished and at `fireTime`. `previous` is null when
 * the claim failed.
 */
export async function claimFireAndWindowStart(
  q: Queryable,
  claim: { job: string; fireTime: Date; claimedBy: string; claimedAt: Date },
): Promise<{ claimed: boolean; previous: Date | null }> {
  const inserted = q
    .$with('claimed')
    .as(q.insert(schedulerRuns).values(claim).onConflictDoNothing().returning({ job: schedulerRuns.job }));
  const [row] = await q
    .with(inserted)
    .select({
      claimed: sql<boolean>`exists (select 1 from ${inserted})`.mapWith(Boolean),
      last: max(schedulerRuns.fireTime),
    })
    .from(schedulerRuns)
    .where(successfulFiresOf(claim.job, new Date(claim.fireTime.getTime() - 1)));
  const claimed = row?.claimed === true;
  return { claimed, previous: claimed ? (row?.last ?? null) : null };
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
    .where(successfulFiresOf(job, atOrBefore));
  return row?.last ?? null;
}

const successfulFiresOf = (job: string, atOrBefore: Date): SQL | undefined =>
  and(
    eq(schedulerRuns.job, job),
    lte(schedulerRuns.fireTime, atOrBefore),
    isNotNull(schedulerRuns.finishedAt),
    or(isNull(schedulerRuns.summary), notLike(schedulerRuns.summary, `${FAILED_SUMMARY_PREFIX}%`)),
  );
