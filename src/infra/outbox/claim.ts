import { and, asc, eq, gt, inArray, isNull, lt, lte, max, notExists, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Recipient } from '../../core/messages/model';
import type { Db, Queryable } from '../db/client';
import { outbox } from '../db/schema';

export type ClaimedRow = {
  id: number;
  idempotencyKey: string;
  recipient: Recipient;
  subjectId: string | null;
  payloadEnc: string;
  attempts: number;
  partsSent: number;
  conversationKey: string;
};

const earlier = alias(outbox, 'earlier');

/**
 * The row is the oldest pending one of its conversation: only such a row may be sent, so a
 * conversation's messages go out in id order. Used by the claim and by tests that wait for
 * the next row that can go.
 */
export function isConversationHead(q: Queryable) {
  return notExists(
    q
      .select({ one: sql`1` })
      .from(earlier)
      .where(
        and(
          eq(earlier.conversationKey, outbox.conversationKey),
          eq(earlier.status, 'pending'),
          lt(earlier.id, outbox.id),
        ),
      ),
  );
}

/**
 * Leases up to `limit` due rows to `claimedBy` in one short transaction and returns them.
 * Only the oldest pending row of each conversation is eligible, so a conversation's messages
 * go out in id order even across dispatchers: a later row waits while an earlier one is
 * leased elsewhere or waiting for its retry. `FOR UPDATE SKIP LOCKED` lets concurrent
 * dispatchers claim disjoint rows without waiting for each other.
 */
export async function claimDue(
  db: Db,
  options: { now: Date; leaseMs: number; limit: number; claimedBy: string },
): Promise<ClaimedRow[]> {
  const { now } = options;
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: outbox.id,
        idempotencyKey: outbox.idempotencyKey,
        recipient: outbox.recipient,
        subjectId: outbox.subjectId,
        payloadEnc: outbox.payloadEnc,
        attempts: outbox.attempts,
        partsSent: outbox.partsSent,
        conversationKey: outbox.conversationKey,
      })
      .from(outbox)
      .where(
        and(
          eq(outbox.status, 'pending'),
          lte(outbox.nextAttemptAt, now),
          or(isNull(outbox.claimedUntil), lt(outbox.claimedUntil, now)),
          isConversationHead(tx),
        ),
      )
      .orderBy(asc(outbox.id))
      .limit(options.limit)
      .for('update', { skipLocked: true });
    if (rows.length === 0) return [];
    await tx
      .update(outbox)
      .set({ claimedUntil: new Date(now.getTime() + options.leaseMs), claimedBy: options.claimedBy })
      .where(
        inArray(
          outbox.id,
          rows.map((row) => row.id),
        ),
      );
    return rows.map((row) => ({
      ...row,
      recipient: row.recipient as Recipient,
      // Rows are always enqueued with a key; a hand-inserted row without one is its own conversation.
      conversationKey: row.conversationKey ?? `row:${row.id}`,
    }));
  });
}

/**
 * The last send per conversation within the pace window, so pacing also holds across
 * dispatchers and restarts (in-process memory alone would not see another instance's sends).
 */
export async function lastSends(q: Queryable, conversationKeys: readonly string[], since: Date) {
  if (conversationKeys.length === 0) return new Map<string, number>();
  const rows = await q
    .select({ key: outbox.conversationKey, last: max(outbox.sentAt) })
    .from(outbox)
    .where(
      and(
        eq(outbox.status, 'sent'),
        inArray(outbox.conversationKey, [...conversationKeys]),
        gt(outbox.sentAt, since),
      ),
    )
    .groupBy(outbox.conversationKey);
  return new Map(
    rows.flatMap((row) => (row.key && row.last ? [[row.key, row.last.getTime()] as const] : [])),
  );
}
