import { and, inArray, lt } from 'drizzle-orm';
import type { Message, Recipient } from '../../core/messages/model';
import type { Cipher } from '../crypto';
import type { Queryable } from '../db/client';
import { outbox } from '../db/schema';
import { sealedAt } from '../db/sealed';
import { recipientKey } from './keys';

export type OutboxItem = {
  /** Unique per message, e.g. `checkin:<placement>:<week>`: enqueueing it again is a no-op. */
  idempotencyKey: string;
  recipient: Recipient;
  message: Message;
  /** The person the message is about, so erasing them removes it; null for channel digests. */
  subjectId?: string | null;
  /** Other person ids the message names (erase finds it by these, never by name). */
  mentions?: readonly string[];
  /** Not sent before this instant. */
  notBefore: Date;
  /** The instant of the act or fire that produced the message (the row's `created_at`). */
  at: Date;
  /** Parts of a split message the person already got (a reply that failed halfway). */
  partsSent?: number;
};

/** Rows per insert statement: 8 parameters each, far below Postgres' 65,535 limit. */
const CHUNK = 500;

function toRow(cipher: Cipher, item: OutboxItem): typeof outbox.$inferInsert {
  return {
    idempotencyKey: item.idempotencyKey,
    recipient: item.recipient,
    subjectId: item.subjectId ?? null,
    mentions: [...(item.mentions ?? [])],
    payloadEnc: cipher.encryptJson(item.message, sealedAt.outboxPayload(item.idempotencyKey)),
    nextAttemptAt: item.notBefore,
    conversationKey: recipientKey(item.recipient),
    createdAt: item.at,
    ...(item.partsSent ? { partsSent: item.partsSent } : {}),
  };
}

/**
 * Adds one message to the outbox. Call it inside the use case's transaction so the state
 * change and its messages commit together. Returns whether the row is new.
 */
export async function enqueue(q: Queryable, cipher: Cipher, item: OutboxItem): Promise<boolean> {
  const inserted = await q
    .insert(outbox)
    .values(toRow(cipher, item))
    .onConflictDoNothing({ target: outbox.idempotencyKey })
    .returning({ id: outbox.id });
  return inserted.length > 0;
}

/**
 * Adds several messages, keeping their order (ids ascend in input order, which is the send
 * order within a conversation). Returns, per item, whether it was new; a key repeated within
 * `items` counts once.
 */
export async function enqueueMany(
  q: Queryable,
  cipher: Cipher,
  items: readonly OutboxItem[],
): Promise<boolean[]> {
  const seen = new Set<string>();
  const unique = items.filter((item) => !seen.has(item.idempotencyKey) && seen.add(item.idempotencyKey));
  const inserted = new Set<string>();
  for (let start = 0; start < unique.length; start += CHUNK) {
    const rows = await q
      .insert(outbox)
      .values(unique.slice(start, start + CHUNK).map((item) => toRow(cipher, item)))
      .onConflictDoNothing({ target: outbox.idempotencyKey })
      .returning({ key: outbox.idempotencyKey });
    for (const row of rows) inserted.add(row.key);
  }
  return items.map((item) => inserted.delete(item.idempotencyKey));
}

/**
 * Deletes sent and failed rows created before `before` (their encrypted bodies are no longer
 * needed once delivered). Pending rows are never touched. Returns the number deleted.
 */
export async function pruneDelivered(q: Queryable, before: Date): Promise<number> {
  const deleted = await q
    .delete(outbox)
    .where(and(inArray(outbox.status, ['sent', 'failed']), lt(outbox.createdAt, before)))
    .returning({ id: outbox.id });
  return deleted.length;
}
