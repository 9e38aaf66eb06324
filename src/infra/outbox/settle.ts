import { and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { outbox } from '../db/schema';

/** Followers rescheduled per send; rows further back are paced when they reach the front. */
const FOLLOWERS_PACED = 50;

/** Pending and still leased to us: we may change its schedule. */
const stillOurs = (id: number, claimedBy: string) =>
  and(eq(outbox.id, id), eq(outbox.status, 'pending'), eq(outbox.claimedBy, claimedBy));

/**
 * Records a delivery and spreads the conversation's next rows at least `paceMs` apart
 * (row k after the sent one: no earlier than `sentAt + k·paceMs`).
 * Returns false when the row was no longer pending: our lease ran out during the send and
 * another dispatcher delivered it as well (the at-least-once window; see dispatcher.ts).
 */
export async function markSent(
  db: Db,
  row: { id: number; conversationKey: string },
  result: { platformMessageId: string; sentAt: Date; paceMs: number },
): Promise<boolean> {
  // No transaction: every send pays for this, and a transaction is two more round trips. The
  // mark is one atomic statement; the pacing below only moves later rows' earliest send time,
  // which a crash in between leaves unpaced at worst (the dispatcher also paces in memory).
  const updated = await db
    .update(outbox)
    .set({
      status: 'sent',
      platformMessageId: result.platformMessageId,
      sentAt: result.sentAt,
      claimedUntil: null,
      claimedBy: null,
      lastError: null,
    })
    .where(and(eq(outbox.id, row.id), eq(outbox.status, 'pending')))
    .returning({ id: outbox.id });
  const followers = await db
    .select({ id: outbox.id, nextAttemptAt: outbox.nextAttemptAt })
    .from(outbox)
    .where(
      and(
        eq(outbox.conversationKey, row.conversationKey),
        eq(outbox.status, 'pending'),
        gt(outbox.id, row.id),
      ),
    )
    .orderBy(asc(outbox.id))
    .limit(FOLLOWERS_PACED);
  let slot = result.sentAt.getTime();
  for (const follower of followers) {
    slot = Math.max(slot + result.paceMs, follower.nextAttemptAt.getTime());
    if (slot > follower.nextAttemptAt.getTime()) {
      await db
        .update(outbox)
        .set({ nextAttemptAt: new Date(slot) })
        .where(and(eq(outbox.id, follower.id), eq(outbox.status, 'pending')));
    }
  }
  return updated.length > 0;
}

/**
 * Moves a row to a later slot without counting an attempt, and releases the lease: pacing, a
 * platform outage (`reason` says which), or a platform this process cannot send to.
 */
export async function deferRow(
  db: Db,
  row: { id: number },
  claimedBy: string,
  until: Date,
  note: { reason?: string; partsSent?: number } = {},
): Promise<void> {
  await db
    .update(outbox)
    .set({
      nextAttemptAt: until,
      claimedUntil: null,
      claimedBy: null,
      ...(note.reason === undefined ? {} : { lastError: note.reason }),
      ...(note.partsSent === undefined ? {} : { partsSent: note.partsSent }),
    })
    .where(stillOurs(row.id, claimedBy));
}

/**
 * Extends our lease right before a send. False when the row is no longer ours (our lease ran out
 * and another dispatcher claimed it, or it was settled): then we must not send it.
 */
export async function renewLease(
  db: Db,
  row: { id: number },
  claimedBy: string,
  until: Date,
): Promise<boolean> {
  const renewed = await db
    .update(outbox)
    .set({ claimedUntil: until })
    .where(stillOurs(row.id, claimedBy))
    .returning({ id: outbox.id });
  return renewed.length > 0;
}

/**
 * The platform asked us to slow down (Retry-After): this row and every other pending row of
 * the same conversation wait until `until`. Not counted as an attempt: the platform is up.
 */
export async function deferConversation(
  db: Db,
  row: { id: number; conversationKey: string },
  claimedBy: string,
  until: Date,
  reason: string,
  partsSent?: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(outbox)
      .set({
        nextAttemptAt: until,
        claimedUntil: null,
        claimedBy: null,
        lastError: reason,
        ...(partsSent === undefined ? {} : { partsSent }),
      })
      .where(stillOurs(row.id, claimedBy));
    await tx
      .update(outbox)
      .set({ nextAttemptAt: until })
      .where(
        and(
          eq(outbox.conversationKey, row.conversationKey),
          eq(outbox.status, 'pending'),
          lt(outbox.nextAttemptAt, until),
          sql`${outbox.id} <> ${row.id}`,
        ),
      );
  });
}

/** A transient failure: count the attempt and try again at `at`. */
export async function scheduleRetry(
  db: Db,
  row: { id: number },
  claimedBy: string,
  retry: { attempts: number; at: Date; reason: string; partsSent?: number },
): Promise<void> {
  await db
    .update(outbox)
    .set({
      attempts: retry.attempts,
      nextAttemptAt: retry.at,
      lastError: retry.reason,
      ...(retry.partsSent === undefined ? {} : { partsSent: retry.partsSent }),
      claimedUntil: null,
      claimedBy: null,
    })
    .where(stillOurs(row.id, claimedBy));
}

/** Gives up on a row for good. Returns false when it was no longer ours to fail. */
export async function markFailed(
  db: Db,
  row: { id: number },
  claimedBy: string,
  failure: { attempts: number; reason: string },
): Promise<boolean> {
  const updated = await db
    .update(outbox)
    .set({
      status: 'failed',
      attempts: failure.attempts,
      lastError: failure.reason,
      claimedUntil: null,
      claimedBy: null,
    })
    .where(stillOurs(row.id, claimedBy))
    .returning({ id: outbox.id });
  return updated.length > 0;
}
