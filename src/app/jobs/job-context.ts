import type { Locale } from '../../core/messages/model';
import { localeOf, type Person } from '../../core/shared/person';
import type { Logger } from '../../infra/logging';
import { type OutgoingMessage, queueMessages } from '../queue-messages';
import type { Cohort } from '../stores/cohort-store';
import type { PlacementBundle } from '../stores/placement-records';
import type { StoreAccess } from '../stores/stores';

export type JobContext = {
  stores: StoreAccess;
  logger: Logger;
  defaultLocale: Locale;
  /** Ask the dispatcher to drain the outbox soon. */
  dispatchSoon: () => void;
};

/** The scheduler's slice: everything due in (from, to]. */
export type Window = { from: Date; to: Date };

export const inWindow = (at: Date, window: Window): boolean =>
  at.getTime() > window.from.getTime() && at.getTime() <= window.to.getTime();

const cohortLists = new WeakMap<JobContext, { to: number; list: Promise<Cohort[]> }>();

/**
 * Every cohort, listed once per scheduler tick: the jobs of one tick (one fire time, so one
 * `window.to`) share a context and read one list instead of one each. A settings change during
 * the tick reaches the next tick's jobs, as one just after the tick started would anyway.
 */
export function cohortsForTick(ctx: JobContext, window: Window): Promise<Cohort[]> {
  const to = window.to.getTime();
  const known = cohortLists.get(ctx);
  if (known?.to === to) return known.list;
  const list = ctx.stores.cohorts.list();
  cohortLists.set(ctx, { to, list });
  // A failed read is not kept: the next job asks again.
  list.catch(() => {
    if (cohortLists.get(ctx)?.list === list) cohortLists.delete(ctx);
  });
  return list;
}

/** A placement still needs the scheduler until well after its end (the last report's ladder). */
const AFTER_END_DAYS = 60;

export async function placementsToSchedule(
  ctx: JobContext,
  window: Window,
  options: { includeEnded?: boolean } = {},
): Promise<PlacementBundle[]> {
  const since = new Date(window.to.getTime() - AFTER_END_DAYS * 86_400_000).toISOString().slice(0, 10);
  const bundles = await ctx.stores.placements.loadBundles({ endingOnOrAfter: since });
  return options.includeEnded ? bundles : bundles.filter((b) => b.placement.status !== 'ended');
}

export const recipientLocale = (ctx: JobContext, person: Person): Locale =>
  localeOf(person, ctx.defaultLocale);

/** Queues a job's messages in one transaction; returns how many were new. */
export async function flush(ctx: JobContext, items: OutgoingMessage[], at: Date): Promise<number> {
  if (items.length === 0) return 0;
  const written = await ctx.stores.transaction((tx) => queueMessages(tx.outbox, items, at));
  if (written > 0) ctx.dispatchSoon();
  return written;
}
