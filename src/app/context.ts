import type { Locale } from '../core/messages/model';
import type { Logger } from '../infra/logging';
import type { Clock } from './ports';
import type { StoreAccess } from './stores/stores';

/** What every use case gets: plain values wired once in `src/main.ts`. */
export type AppContext = {
  /** Where the use cases keep everything (the database stores, or the in-memory fakes in tests). */
  stores: StoreAccess;
  clock: Clock;
  logger: Logger;
  defaultLocale: Locale;
  /** Time zone of cohorts created from now on (STAGECOACH_TIMEZONE). */
  defaultTimezone: string;
  /** Ask the dispatcher to drain the outbox soon (after a commit that queued messages). */
  dispatchSoon: () => void;
  /** Inbound acts per account and window; default RATE_LIMIT (access/rate-limit.ts). */
  rateLimit?: { acts: number; perMs: number };
};

/** What the inbound handler needs: the stores, no database. */
export type InboundContext = AppContext;
