import type { Address, OutageScope } from '../../app/ports';
import type { DeliveryProblem } from '../../core/delivery/problems';
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
  /** Rows held back because their platform refuses us as a whole (an outage); kept pending. */
  paused: number;
  /** Rows for a platform this process has no gateway for; left pending for one that has. */
  elsewhere: number;
  failed: number;
};

export const emptySummary = (): DispatchSummary => ({
  claimed: 0,
  sent: 0,
  retried: 0,
  deferred: 0,
  paused: 0,
  elsewhere: 0,
  failed: 0,
});

export function addSummaries(a: DispatchSummary, b: DispatchSummary): DispatchSummary {
  return {
    claimed: a.claimed + b.claimed,
    sent: a.sent + b.sent,
    retried: a.retried + b.retried,
    deferred: a.deferred + b.deferred,
    paused: a.paused + b.paused,
    elsewhere: a.elsewhere + b.elsewhere,
    failed: a.failed + b.failed,
  };
}

/** A recipient we gave up on. `reason` is the resolver's or the platform's own code. */
export type UndeliverableInfo = {
  recipient: Recipient;
  subjectId: string | null;
  reason: string;
  problem: DeliveryProblem;
  /** The account or channel that failed, when it got as far as a platform. */
  address?: Address;
  idempotencyKey: string;
  /** False when we gave up after `maxAttempts` transient failures. */
  permanent: boolean;
  attempts: number;
};

export type UndeliverableHandler = (info: UndeliverableInfo) => Promise<void>;

/** A platform (or tenant) started or stopped refusing us as a whole. */
export type OutageEvent =
  | { type: 'outage.started'; scope: OutageScope; reason: string; at: Date }
  | { type: 'outage.ended'; scope: OutageScope; reason: string; since: Date; at: Date };

export type OutageHandler = (event: OutageEvent) => Promise<void>;
