import { randomUUID } from 'node:crypto';
import type { Clock, Gateway, SendOutcome } from '../../app/ports';
import { RESOLVE_REASONS } from '../../core/delivery/problems';
import type { Message } from '../../core/messages/model';
import type { Cipher } from '../crypto';
import type { Db } from '../db/client';
import { sealedAt } from '../db/sealed';
import type { Logger } from '../logging';
import { computeBackoffMs } from './backoff';
import { type ClaimedRow, claimDue, lastSends } from './claim';
import { recipientKey } from './keys';
import type { RecipientResolver } from './resolve';
import { deferConversation, deferRow, markFailed, markSent, scheduleRetry } from './settle';
import { addSummaries, type DispatchSummary, emptySummary, type UndeliverableHandler } from './types';

export type DispatcherOptions = {
  /** Rows leased per run. */
  batchSize: number;
  /** ms a lease lasts; must cover a whole run's sends, or rows may be sent twice. */
  leaseMs: number;
  /** ms between two messages to one conversation (Slack allows about 1 per second per channel). */
  paceMs: number;
  /** Attempts (transient failures) before a row is failed. */
  maxAttempts: number;
  /** ms; ceiling of the first retry delay, doubling per failure. */
  baseBackoffMs: number;
  /** ms; the retry delay ceiling stops growing here. */
  maxBackoffMs: number;
  /** Sends in flight at once (always to different conversations). */
  concurrency: number;
  /** [0, 1); injected so tests are deterministic. */
  random: () => number;
};

export const DEFAULT_DISPATCHER_OPTIONS: DispatcherOptions = {
  batchSize: 50,
  leaseMs: 120_000,
  paceMs: 1000,
  maxAttempts: 10,
  baseBackoffMs: 5000,
  maxBackoffMs: 15 * 60_000,
  concurrency: 4,
  random: Math.random,
};

export type DispatcherDeps = {
  db: Db;
  cipher: Cipher;
  gateways: readonly Gateway[];
  resolve: RecipientResolver;
  onUndeliverable: UndeliverableHandler;
  clock: Clock;
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
  kick(): void;
};

type RowOutcome = keyof Omit<DispatchSummary, 'claimed'> | 'lost';

/** A safety stop for `drain` in case a faulty gateway keeps rows due forever. */
const MAX_RUNS_PER_DRAIN = 1000;

/**
 * The outbox dispatcher: lease due rows in a short transaction, send each outside any
 * transaction, then record the outcome.
 *
 * Delivery is exactly once between dispatchers (leases and SKIP LOCKED) but at least once
 * across crashes: if the process dies after the platform accepted a message and before
 * `markSent` commits, the row is sent again once its lease expires (after `leaseMs`). Platforms
 * offer no idempotent send we could use instead; the window is one send long.
 */
export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const options = { ...DEFAULT_DISPATCHER_OPTIONS, ...deps.options };
  const { db, clock, logger } = deps;
  // Unique per dispatcher, so two dispatchers of one instance never settle each other's rows.
  const claimedBy = `${deps.instanceId}#${randomUUID().slice(0, 8)}`;
  const gateways = new Map(deps.gateways.map((gateway) => [gateway.platform, gateway]));
  /** Earliest next send per conversation (stored and platform keys), ms since epoch. */
  const nextFree = new Map<string, number>();

  async function runOnce(): Promise<DispatchSummary> {
    const now = clock.now();
    // Past slots constrain nothing; dropping them keeps the map as small as the active conversations.
    for (const [key, until] of nextFree) if (until <= now.getTime()) nextFree.delete(key);
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
      return resolved.permanent
        ? fail(row, resolved.reason, true, row.attempts, undeliverable)
        : retry(row, resolved.reason, undeliverable);
    }
    const gateway = gateways.get(resolved.address.platform);
    if (!gateway) return fail(row, RESOLVE_REASONS.platformNotConfigured, true, row.attempts, undeliverable);

    // Pacing: both the stored key (across instances) and the platform conversation (two
    // recipients may share a channel). The check and the reservation run without an await
    // in between, so concurrent sends in this process cannot both take one slot.
    const now = clock.now().getTime();
    const slot = Math.max(
      nextFree.get(row.conversationKey) ?? 0,
      nextFree.get(resolved.conversationKey) ?? 0,
    );
    if (slot > now) {
      await deferRow(db, row, claimedBy, new Date(slot));
      return 'deferred';
    }
    reserve(row.conversationKey, now + options.paceMs);
    reserve(resolved.conversationKey, now + options.paceMs);

    let message: Message;
    try {
      message = deps.cipher.decryptJson<Message>(row.payloadEnc, sealedAt.outboxPayload(row.idempotencyKey));
    } catch (error) {
      logger.error({ err: error, outboxId: row.id }, 'outbox: payload cannot be decrypted (wrong key?)');
      await markFailed(db, row, claimedBy, { attempts: row.attempts, reason: 'payload.unreadable' });
      return 'failed';
    }

    const outcome = await send(gateway, resolved.address, message);
    if (outcome.ok) {
      const sentAt = clock.now();
      const recorded = await markSent(db, row, {
        platformMessageId: outcome.platformMessageId,
        sentAt,
        paceMs: options.paceMs,
      });
      if (!recorded) logger.warn({ outboxId: row.id }, 'outbox: lease expired during the send; sent twice');
      return 'sent';
    }
    if (outcome.permanent) return fail(row, outcome.reason, true, row.attempts + 1, undeliverable);
    if (outcome.retryAfterMs !== undefined) {
      const until = clock.now().getTime() + Math.max(0, outcome.retryAfterMs);
      reserve(row.conversationKey, until);
      reserve(resolved.conversationKey, until);
      await deferConversation(db, row, claimedBy, new Date(until), outcome.reason);
      logger.info({ outboxId: row.id, retryAfterMs: outcome.retryAfterMs }, 'outbox: rate limited; pausing');
      return 'deferred';
    }
    return retry(row, outcome.reason, undeliverable);
  }

  async function send(gateway: Gateway, address: Parameters<Gateway['send']>[0], message: Message) {
    try {
      return await gateway.send(address, message);
    } catch (error) {
      // Gateways should return outcomes; a throw is treated as a transient failure.
      return { ok: false, permanent: false, reason: String(error) } satisfies SendOutcome;
    }
  }

  async function retry(row: ClaimedRow, reason: string, undeliverable: Set<string>): Promise<RowOutcome> {
    const attempts = row.attempts + 1;
    if (attempts >= options.maxAttempts) return fail(row, reason, false, attempts, undeliverable);
    const delay = computeBackoffMs(
      attempts,
      { baseMs: options.baseBackoffMs, maxMs: options.maxBackoffMs },
      options.random,
    );
    await scheduleRetry(db, row, claimedBy, {
      attempts,
      at: new Date(clock.now().getTime() + delay),
      reason,
    });
    return 'retried';
  }

  async function fail(
    row: ClaimedRow,
    reason: string,
    permanent: boolean,
    attempts: number,
    undeliverable: Set<string>,
  ): Promise<RowOutcome> {
    const failed = await markFailed(db, row, claimedBy, { attempts, reason });
    if (!failed) return 'lost';
    logger.warn({ outboxId: row.id, reason, permanent, attempts }, 'outbox: giving up on a message');
    const key = recipientKey(row.recipient);
    if (undeliverable.has(key)) return 'failed';
    undeliverable.add(key);
    try {
      await deps.onUndeliverable({
        recipient: row.recipient,
        subjectId: row.subjectId,
        reason,
        idempotencyKey: row.idempotencyKey,
        permanent,
        attempts,
      });
    } catch (error) {
      logger.error({ err: error, outboxId: row.id }, 'outbox: reporting an undeliverable recipient failed');
    }
    return 'failed';
  }

  async function drain(): Promise<DispatchSummary> {
    let total = emptySummary();
    for (let run = 0; run < MAX_RUNS_PER_DRAIN; run += 1) {
      const summary = await runOnce();
      total = addSummaries(total, summary);
      if (summary.claimed === 0) return total;
    }
    logger.warn({ runs: MAX_RUNS_PER_DRAIN }, 'outbox: drain stopped early; rows keep becoming due');
    return total;
  }

  return { runOnce, drain, ...createLoop(drain, logger) };
}

/** Background draining: one drain at a time; a kick during a drain runs one more after it. */
function createLoop(drain: () => Promise<DispatchSummary>, logger: Logger) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopping = false;

  function trigger(): void {
    // A kick scheduled just before `stop` fires after it: the database may be closed by then.
    if (stopping) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await drain();
        } catch (error) {
          logger.error({ err: error }, 'outbox: dispatcher run failed');
        }
      } while (again && !stopping);
    })().finally(() => {
      running = undefined;
    });
  }

  return {
    start(intervalMs: number): void {
      if (timer) return;
      stopping = false;
      timer = setInterval(trigger, intervalMs);
      trigger();
    },
    async stop(): Promise<void> {
      stopping = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
    kick(): void {
      if (stopping) return;
      setImmediate(trigger);
    },
  };
}

/** Runs `work` over `items` with at most `limit` in flight; results keep the input order. */
async function mapPool<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
