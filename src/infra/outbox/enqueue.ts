import { and, inArray, lt } from 'drizzle-orm';
import type { OutgoingMessage } from '../../core/messages/model';
import type { Cipher } from '../crypto';
import type { Queryable } from '../db/client';
import { outbox } from '../db/schema';
import { sealedAt } from '../db/sealed';
import { recipientKey } from './keys';

/** An outgoing message as the outbox stores it: when it may go, and the act that produced it. */
export type OutboxItem = OutgoingMessage & {
  /** Not sent before this instant. */
  notBefore: Date;
  /** The instant of the act or fire that produced the message (the row's `created_at`). */
  at: Date;
};

/** Rows per insert statement: 8 parameters each, far below Postgres' 65,535 limit. */
const CHUNK = 500;

function toRow(cipher: Cipher, item: OutboxItem): typeof outbox.$inferInsert {
  return {
    idempotencyKey: item.key,
    recipient: item.to,
    subjectId: item.subjectId ?? null,
    mentions: [...(item.mentions ?? [])],
    payloadEnc: cipher.encryptJson(item.message, sealedAt.outboxPayload(item.key)),
    nextAttemptAt: item.notBefore,
    conversationKey: recipientKey(item.to),
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
  const unique = items.filter((item) => !seen.has(item.key) && seen.add(item.key));
  const inserted = new Set<string>();
  for (let start = 0; start < unique.length; start += CHUNK) {
    const rows = await q
      .insert(outbox)
      .values(unique.slice(start, start + CHUNK).map((item) => toRow(cipher, item)))
      .onConflictDoNothing({ target: outbox.idempotencyKey })
      .returning({ key: outbox.idempotencyKey });
    for (const row of rows) inserted.add(row.key);
  }
  return items.map((item) => inserted.delete(item.key));
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
