import type { Locale } from '../core/messages/model';
import type { Cipher } from '../infra/crypto';
import type { Db } from '../infra/db/client';
import type { Logger } from '../infra/logging';
import type { Clock } from './ports';

/** What every use case gets: plain values wired once in `src/main.ts`. */
export type AppContext = {
  db: Db;
  cipher: Cipher;
  clock: Clock;
  logger: Logger;
  defaultLocale: Locale;
  /** Time zone of cohorts created from now on (STAGECOACH_TIMEZONE). */
  defaultTimezone: string;
  /** Ask the outbox dispatcher to run soon (after a commit that enqueued messages). */
  kick: () => void;
  /** Inbound acts per account and window; default RATE_LIMIT (access/rate-limit.ts). */
  rateLimit?: { acts: number; perMs: number };
};
