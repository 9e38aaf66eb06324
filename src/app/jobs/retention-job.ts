import { localDateOf } from '../../core/calendar/zoned';
import { addMonthsToFirst } from '../../core/shared/dates';
import type { JobContext, Window } from './job-context';

const DELIVERED_KEPT_DAYS = 30; // sent outbox rows: long enough to debug a "did it arrive?" question
const SEEN_KEPT_DAYS = 7; // Slack and Teams retry within minutes; a week is ample

/**
 * Purges everything a person wrote about a placement (see `PrivacyStore.purgeWritten`) a
 * cohort-configured number of months after it ended (default 12); the placement, dates and
 * statuses stay for the record.
 */
export async function runRetention(ctx: JobContext, window: Window): Promise<string> {
  let purged = 0;
  for (const cohort of await ctx.stores.cohorts.list()) {
    const today = localDateOf(window.to, cohort.settings.timezone);
    // End dates before the first of (this month − retention) are past retention, rounded to be safe.
    const cutoff = addMonthsToFirst(`${today.slice(0, 7)}-01`, -cohort.settings.retentionMonths);
    const expired = await ctx.stores.placements.pastRetention(cohort.id, cutoff);
    if (expired.length === 0) continue;
    // The purge and its audit entries commit together.
    purged += await ctx.stores.transaction(async (tx) => {
      const cleared = new Set(await tx.privacy.purgeWritten(expired));
      for (const { studentId } of expired.filter((p) => cleared.has(p.id))) {
        await tx.audit.record({
          at: window.to,
          actor: 'system',
          action: 'retention.purge',
          subject: studentId,
        });
      }
      return cleared.size;
    });
  }
  const pruned = await ctx.stores.outbox.pruneDelivered(
    new Date(window.to.getTime() - DELIVERED_KEPT_DAYS * 86_400_000),
  );
  await ctx.stores.inbound.forgetBefore(new Date(window.to.getTime() - SEEN_KEPT_DAYS * 86_400_000));
  return `retention: ${purged} placement(s) purged, ${pruned} delivered message(s) pruned`;
}
