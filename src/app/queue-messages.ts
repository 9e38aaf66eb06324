import type { OutboxStore, OutgoingMessage } from './stores/outbox-store';

export type { OutgoingMessage } from './stores/outbox-store';

/**
 * Queues messages for delivery: the outbox sends each once (by key), paced, with retries. Pass
 * the outbox of the transaction whose writes the messages belong to, so they commit together.
 * Returns how many were new; the caller asks the dispatcher to drain soon when any were.
 */
export async function queueMessages(
  outbox: OutboxStore,
  items: readonly OutgoingMessage[],
  at: Date,
): Promise<number> {
  if (items.length === 0) return 0;
  return outbox.enqueue(items, at);
}
