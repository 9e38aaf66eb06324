import type { Locale } from '../../core/messages/model';
import { localeOf, type Person } from '../../core/shared/person';
import type { Logger } from '../../infra/logging';
import { type OutgoingMessage, queueMessages } from '../queue-messages';
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
