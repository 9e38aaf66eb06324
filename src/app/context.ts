import type { Locale } from '../core/messages/model';
import type { Cipher } from '../infra/crypto';
import type { Logger } from '../infra/logging';
import type { Clock } from './ports';
import type { LegacyDb } from './stores/legacy';
import type { StoreAccess } from './stores/stores';

/** What every use case gets: plain values wired once in `src/main.ts`. */
export type AppContext = {
  /** The database the stores are built on when `stores` is left out (src/main.ts, src/cli.ts). */
  db: LegacyDb;
  /**
   * Where the use cases keep everything. Left out, `createApp` builds the database stores on
   * `db` and `cipher` (src/main.ts does not pass stores yet).
   */
  stores?: StoreAccess;
  cipher: Cipher;
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
export type InboundContext = Omit<AppContext, 'db' | 'cipher' | 'stores'> & { stores: StoreAccess };
