import type { Recipient } from '../../core/messages/model';

/** What one dispatcher run (or a drain) did, for logs and the CLI's one-line summary. */
export type DispatchSummary = {
  /** Rows leased for this run. */
  claimed: number;
  sent: number;
  /** Transient failures rescheduled with backoff (counted as attempts). */
  retried: number;
  /** Rows moved to a later slot by pacing or Retry-After (not counted as attempts). */
  deferred: number;
  failed: number;
};

export const emptySummary = (): DispatchSummary => ({
  claimed: 0,
  sent: 0,
  retried: 0,
  deferred: 0,
  failed: 0,
});

export function addSummaries(a: DispatchSummary, b: DispatchSummary): DispatchSummary {
  return {
    claimed: a.claimed + b.claimed,
    sent: a.sent + b.sent,
    retried: a.retried + b.retried,
    deferred: a.deferred + b.deferred,
    failed: a.failed + b.failed,
  };
}

/** A recipient we gave up on. `reason` is the resolver's or the platform's own words. */
export type UndeliverableInfo = {
  recipient: Recipient;
  subjectId: string | null;
  reason: string;
  idempotencyKey: string;
  /** False when we gave up after `maxAttempts` transient failures. */
  permanent: boolean;
  attempts: number;
};

export type UndeliverableHandler = (info: UndeliverableInfo) => Promise<void>;
