import { randomUUID } from 'node:crypto';
import type { Address, Clock, Gateway, OutageScope, Platform, SendOutcome } from '../../app/ports';
import { type DeliveryProblem, POISON_REASONS } from '../../core/delivery/problems';
import type { Message } from '../../core/messages/model';
import { assertNever } from '../../core/shared/errors';
import type { Cipher } from '../crypto';
import type { Db } from '../db/client';
import { sealedAt } from '../db/sealed';
import type { Logger } from '../logging';
import { computeBackoffMs } from './backoff';
import { type CircuitBreaker, createCircuitBreaker, type Outage } from './circuit';
import { type ClaimedRow, claimDue, lastSends } from './claim';
import { createLoop, mapPool } from './dispatch-loop';
import { recipientKey } from './keys';
import { createSemaphore, createSendBudget, DEFAULT_PLATFORM_LIMITS, type PlatformLimits } from './limits';
import type { RecipientResolver } from './resolve';
import { deferConversation, deferRow, markFailed, markSent, renewLease, scheduleRetry } from './settle';
import {
  addSummaries,
  type DispatchSummary,
  emptySummary,
  type OutageEvent,
  type OutageHandler,
  type UndeliverableHandler,
} from './types';

export type DispatcherOptions = {
  /** Rows leased per run. */
  batchSize: number;
  /** ms a lease lasts; must cover a whole run's sends, or rows may be sent twice. */
  leaseMs: number;
  /** ms between two messages to one conversation (Slack allows about 1 per second per channel). */
  paceMs: number;
  /**
   * Attempts (transient failures) before a row is failed. With the default backoff the shortest
   * way to use them all up takes over two hours (see `minimumTimeToGiveUpMs`): a platform that
   * is down for a while loses no message.
   */
  maxAttempts: number;
  /** ms; ceiling of the first retry delay, doubling per failure. */
  baseBackoffMs: number;
  /** ms; the retry delay ceiling stops growing here. */
  maxBackoffMs: number;
  /** Sends in flight at once over all platforms (always to different conversations). */
  concurrency: number;
  /** Per platform: a workspace/tenant send budget and a cap on sends in flight (see limits.ts). */
  platformLimits: Partial<Record<Platform, PlatformLimits>>;
  /**
   * ms a send may wait in the run for its workspace/tenant budget; a longer wait defers the row
   * instead, so a run (and a stop) never blocks for long behind a busy workspace.
   */
  maxBudgetWaitMs: number;
  /** [0, 1); injected so tests are deterministic. */
  random: () => number;
};

export const DEFAULT_DISPATCHER_OPTIONS: DispatcherOptions = {
  batchSize: 50,
  leaseMs: 120_000,
  paceMs: 1000,
  maxAttempts: 25,
  baseBackoffMs: 5000,
  maxBackoffMs: 15 * 60_000,
  concurrency: 4,
  platformLimits: DEFAULT_PLATFORM_LIMITS,
  maxBudgetWaitMs: 2_000,
  random: Math.random,
};

export type DispatcherDeps = {
  db: Db;
  cipher: Cipher;
  gateways: readonly Gateway[];
  resolve: RecipientResolver;
  onUndeliverable: UndeliverableHandler;
  /** Told when a platform starts and stops refusing us as a whole. */
  onOutage?: OutageHandler;
  /** Shared with the resolver, so it can prefer platforms that are not in an outage. */
  breaker?: CircuitBreaker;
  clock: Clock;
  /** Waits `ms` on `clock`'s time line; injected so tests can run a virtual clock. */
  sleep?: (ms: number) => Promise<void>;
  logger: Logger;
  instanceId: string;
  options?: Partial<DispatcherOptions>;
};

export type Dispatcher = {
  /** Claims one batch of due rows and sends them. */
  runOnce(): Promise<DispatchSummary>;
  /** Runs until nothing is due now. */
  drain(): Promise<DispatchSummary>;
  /** Drains every `intervalMs` (ms) in the background. */
  start(intervalMs: number): void;
  /** Stops the background loop and waits for a run in progress. */
  stop(): Promise<void>;
  /** Drains soon, e.g. right after an inbound act enqueued a reply. */
  dispatchSoon(): void;
  /** Platforms (or tenants) currently refusing us, for `/healthz`. */
  outages(): Outage[];
};

type RowOutcome = keyof Omit<DispatchSummary, 'claimed'> | 'lost';

/** A safety stop for `drain` in case a faulty gateway keeps rows due forever. */
const MAX_RUNS_PER_DRAIN = 1000;
/** ms: a row for a platform this process lacks is looked at again after this. */
const ELSEWHERE_RECHECK_MS = 60_000;

/**
 * The outbox dispatcher: lease due rows in a short transaction, send each outside any
 * transaction, then record the outcome.
 *
 * Delivery is exactly once between dispatchers (leases, SKIP LOCKED, and a lease renewal right
 * before each send) but at least once across crashes: if the process dies after the platform
 * accepted a message and before `markSent` commits, the row is sent again once its lease expires
 * (after `leaseMs`). Platforms offer no idempotent send we could use instead; the window is one
 * send long.
 *
 * Nothing is given up lightly: a platform outage (revoked token, missing scope) pauses rows
 * without counting attempts; a platform this process lacks leaves rows for a process that has
 * it; only the recipient's or the message's own permanent problems, or `maxAttempts` transient
 * failures, fail a row — and then a coordinator is told once.
 */
export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const options = { ...DEFAULT_DISPATCHER_OPTIONS, ...deps.options };
  const { db, clock, logger } = deps;
  const breaker = deps.breaker ?? createCircuitBreaker();
  // Unique per dispatcher, so two dispatchers of one instance never settle each other's rows.
  const claimedBy = `${deps.instanceId}#${randomUUID().slice(0, 8)}`;
  const gateways = new Map(deps.gateways.map((gateway) => [gateway.platform, gateway]));
  /** Earliest next send per conversation (stored and platform keys), ms since epoch. */
  const nextFree = new Map<string, number>();
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const limitsOf = (platform: Platform): PlatformLimits =>
    options.platformLimits[platform] ?? DEFAULT_PLATFORM_LIMITS[platform];
  const budget = createSendBudget(limitsOf, options.maxBudgetWaitMs);
  const inFlight = new Map<Platform, ReturnType<typeof createSemaphore>>();
  const slotsOf = (platform: Platform) => {
    let semaphore = inFlight.get(platform);
    if (!semaphore) {
      const cap = Math.min(limitsOf(platform).concurrency, options.concurrency);
      semaphore = createSemaphore(Math.max(1, cap));
      inFlight.set(platform, semaphore);
    }
    return semaphore;
  };

  async function runOnce(): Promise<DispatchSummary> {
    const now = clock.now();
    // Past slots constrain nothing; dropping them keeps the map as small as the active conversations.
    for (const [key, until] of nextFree) if (until <= now.getTime()) nextFree.delete(key);
    budget.forget(now.getTime());
    const rows = await claimDue(db, {
      now,
      leaseMs: options.leaseMs,
      limit: options.batchSize,
      claimedBy,
    });
    const summary = { ...emptySummary(), claimed: rows.length };
    if (rows.length === 0) return summary;

    const recent = await lastSends(
      db,
      rows.map((row) => row.conversationKey),
      new Date(now.getTime() - options.paceMs),
    );
    for (const [key, last] of recent) reserve(key, last + options.paceMs);

    const undeliverable = new Set<string>();
    const outcomes = await mapPool(rows, options.concurrency, async (row) => {
      try {
        return await dispatchRow(row, undeliverable);
      } catch (error) {
        // A database fault mid-row: the lease expires and another run retries the row.
        logger.error({ err: error, outboxId: row.id }, 'outbox: dispatching a row failed');
        return 'lost' as const;
      }
    });
    for (const outcome of outcomes) if (outcome !== 'lost') summary[outcome] += 1;
    return summary;
  }

  function reserve(key: string, until: number): void {
    nextFree.set(key, Math.max(nextFree.get(key) ?? 0, until));
  }

  async function dispatchRow(row: ClaimedRow, undeliverable: Set<string>): Promise<RowOutcome> {
    const resolved = await deps.resolve(row.recipient, db);
    if (!resolved.ok) {
      switch (resolved.kind) {
        case 'permanent':
          return fail(
            row,
            { reason: resolved.reason, problem: resolved.problem },
            true,
            row.attempts,
            undeliverable,
          );
        case 'transient':
          return retry(row, resolved.reason, undeliverable);
        case 'outage':
          return pause(row, await outage(resolved.scope, resolved.reason), resolved.reason);
        case 'elsewhere':
          await deferRow(db, row, claimedBy, new Date(clock.now().getTime() + ELSEWHERE_RECHECK_MS), {
            reason: `elsewhere: ${resolved.reason}`,
          });
          return 'elsewhere';
        default:
          return assertNever(resolved);
      }
    }
    const { address } = resolved;
    const gateway = gateways.get(address.platform);
    if (!gateway) return 'lost'; // the resolver only picks platforms we have

    const gate = breaker.check(address, clock.now());
    if (!gate.ok) {
      const [open] = breaker.outages().filter((o) => o.scope.platform === address.platform);
      return pause(row, gate.until, open?.reason ?? 'outage');
    }

    // Pacing: both the stored key (across instances) and the platform conversation (two
    // recipients may share a channel). The check and the reservation run without an await
    // in between, so concurrent sends in this process cannot both take one slot.
    const now = clock.now().getTime();
    const slot = Math.max(
      nextFree.get(row.conversationKey) ?? 0,
      nextFree.get(resolved.conversationKey) ?? 0,
    );
    if (slot > now) {
      if (gate.probe) breaker.release(address, clock.now());
      await deferRow(db, row, claimedBy, new Date(slot));
      return 'deferred';
    }
    reserve(row.conversationKey, now + options.paceMs);
    reserve(resolved.conversationKey, now + options.paceMs);

    let message: Message;
    try {
      message = deps.cipher.decryptJson<Message>(row.payloadEnc, sealedAt.outboxPayload(row.idempotencyKey));
    } catch (error) {
      if (gate.probe) breaker.release(address, clock.now());
      logger.error({ err: error, outboxId: row.id }, 'outbox: payload cannot be decrypted (wrong key?)');
      const poison = { reason: POISON_REASONS.unreadable, problem: 'message-broken' as const, address };
      return fail(row, poison, true, row.attempts + 1, undeliverable);
    }

    // The workspace/tenant budget: wait briefly for a slot, or come back when one is free. The
    // conversation's pace slot taken above stays taken: it only delays that conversation.
    const turn = budget.reserve(address.platform, address.tenant, clock.now().getTime());
    if (!turn.ok) {
      if (gate.probe) breaker.release(address, clock.now());
      await deferRow(db, row, claimedBy, new Date(turn.retryAt));
      return 'deferred';
    }
    if (turn.waitMs > 0) await sleep(turn.waitMs);

    // Our lease may have run out while this row waited (a slow run, a paused process): another
    // dispatcher may own it now, and sending it too would deliver it twice.
    const leased = await renewLease(db, row, claimedBy, new Date(clock.now().getTime() + options.leaseMs));
    if (!leased) {
      if (gate.probe) breaker.release(address, clock.now());
      logger.warn(
        { outboxId: row.id },
        'outbox: lease lost before sending; leaving the row to its new owner',
      );
      return 'lost';
    }

    const outcome = await slotsOf(address.platform).run(() => send(gateway, address, message, row.partsSent));
    if (outcome.ok || outcome.kind === 'permanent') await closeOutages(address);
    if (outcome.ok) {
      const recorded = await markSent(db, row, {
        platformMessageId: outcome.platformMessageId,
        sentAt: clock.now(),
        paceMs: options.paceMs,
      });
      if (!recorded) logger.warn({ outboxId: row.id }, 'outbox: lease expired during the send; sent twice');
      return 'sent';
    }
    const partsSent = outcome.partsSent;
    switch (outcome.kind) {
      case 'permanent': {
        const failure = { reason: outcome.reason, problem: outcome.problem, address };
        return fail(row, failure, true, row.attempts + 1, undeliverable);
      }
      case 'outage':
        return pause(row, await outage(outcome.scope, outcome.reason), outcome.reason, partsSent);
      case 'transient': {
        if (gate.probe) breaker.release(address, clock.now());
        if (outcome.retryAfterMs === undefined) return retry(row, outcome.reason, undeliverable, partsSent);
        const until = clock.now().getTime() + Math.max(0, outcome.retryAfterMs);
        reserve(row.conversationKey, until);
        reserve(resolved.conversationKey, until);
        await deferConversation(db, row, claimedBy, new Date(until), outcome.reason, partsSent);
        logger.info(
          { outboxId: row.id, retryAfterMs: outcome.retryAfterMs },
          'outbox: rate limited; pausing',
        );
        return 'deferred';
      }
      default:
        return assertNever(outcome);
    }
  }

  async function send(
    gateway: Gateway,
    address: Address,
    message: Message,
    fromPart: number,
  ): Promise<SendOutcome> {
    try {
      return await gateway.send(address, message, fromPart > 0 ? { fromPart } : {});
    } catch (error) {
      // Gateways should return outcomes; a throw is treated as a transient failure.
      logger.error({ err: error }, 'outbox: gateway threw');
      const detail = error instanceof Error ? error.message.slice(0, 200) : 'unknown';
      return { ok: false, kind: 'transient', reason: `gateway.threw: ${detail}` } satisfies SendOutcome;
    }
  }

  /** Opens (or re-opens) the circuit; returns when to look at the platform again. */
  async function outage(scope: OutageScope, reason: string): Promise<Date> {
    const at = clock.now();
    const { opened, until } = breaker.open(scope, reason, at);
    if (opened) {
      logger.error(
        { platform: scope.platform, tenant: scope.tenant, reason },
        'outbox: platform refuses us; pausing it',
      );
      await report({ type: 'outage.started', scope, reason, at });
    }
    return until;
  }

  async function closeOutages(address: Address): Promise<void> {
    for (const closed of breaker.close(address)) {
      logger.info(
        { platform: closed.scope.platform, tenant: closed.scope.tenant },
        'outbox: platform accepts us again',
      );
      await report({
        type: 'outage.ended',
        scope: closed.scope,
        reason: closed.reason,
        since: closed.since,
        at: clock.now(),
      });
    }
  }

  async function report(event: OutageEvent): Promise<void> {
    try {
      await deps.onOutage?.(event);
    } catch (error) {
      logger.error({ err: error, event: event.type }, 'outbox: reporting an outage failed');
    }
  }

  async function pause(
    row: ClaimedRow,
    until: Date,
    reason: string,
    partsSent?: number,
  ): Promise<RowOutcome> {
    await deferRow(db, row, claimedBy, until, {
      reason: `paused: ${reason}`,
      ...(partsSent === undefined ? {} : { partsSent }),
    });
    return 'paused';
  }

  async function retry(
    row: ClaimedRow,
    reason: string,
    undeliverable: Set<string>,
    partsSent?: number,
  ): Promise<RowOutcome> {
    const attempts = row.attempts + 1;
    if (attempts >= options.maxAttempts) {
      return fail(row, { reason, problem: 'gave-up' }, false, attempts, undeliverable);
    }
    const delay = computeBackoffMs(
      attempts,
      { baseMs: options.baseBackoffMs, maxMs: options.maxBackoffMs },
      options.random,
    );
    await scheduleRetry(db, row, claimedBy, {
      attempts,
      at: new Date(clock.now().getTime() + delay),
      reason,
      ...(partsSent === undefined ? {} : { partsSent }),
    });
    return 'retried';
  }

  async function fail(
    row: ClaimedRow,
    failure: { reason: string; problem: DeliveryProblem; address?: Address },
    permanent: boolean,
    attempts: number,
    undeliverable: Set<string>,
  ): Promise<RowOutcome> {
    const failed = await markFailed(db, row, claimedBy, { attempts, reason: failure.reason });
    if (!failed) return 'lost';
    logger.warn(
      { outboxId: row.id, reason: failure.reason, permanent, attempts },
      'outbox: giving up on a message',
    );
    const key = recipientKey(row.recipient);
    if (undeliverable.has(key)) return 'failed';
    undeliverable.add(key);
    try {
      await deps.onUndeliverable({
        recipient: row.recipient,
        subjectId: row.subjectId,
        reason: failure.reason,
        problem: failure.problem,
        ...(failure.address ? { address: failure.address } : {}),
        idempotencyKey: row.idempotencyKey,
        permanent,
        attempts,
      });
    } catch (error) {
      logger.error({ err: error, outboxId: row.id }, 'outbox: reporting an undeliverable recipient failed');
    }
    return 'failed';
  }

  /** `proceed` is asked before each run: a stopping background loop ends after the current batch. */
  async function drain(proceed: () => boolean = () => true): Promise<DispatchSummary> {
    let total = emptySummary();
    for (let run = 0; run < MAX_RUNS_PER_DRAIN && proceed(); run += 1) {
      const summary = await runOnce();
      total = addSummaries(total, summary);
      if (summary.claimed === 0) return total;
    }
    logger.warn({ runs: MAX_RUNS_PER_DRAIN }, 'outbox: drain stopped early; rows keep becoming due');
    return total;
  }

  return { runOnce, drain: () => drain(), outages: () => breaker.outages(), ...createLoop(drain, logger) };
}
