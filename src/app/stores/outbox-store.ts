import type { OutgoingMessage } from '../../core/messages/model';

export type { OutgoingMessage } from '../../core/messages/model';

export type OutboxStore = {
  /** Queues the messages, due at `at`; returns how many were new (not queued before). */
  enqueue(items: readonly OutgoingMessage[], at: Date): Promise<number>;
  /** Which of these keys were queued before (whatever became of the message). */
  queuedKeys(keys: readonly string[]): Promise<Set<string>>;
  /** Removes messages sent or given up on before `before`; returns how many. */
  pruneDelivered(before: Date): Promise<number>;
};
