import type { Message } from '../../core/messages/model';

/** A message to queue for delivery (the outbox sends it once, paced, with retries). */
export type OutgoingMessage = {
  /** Unique per message; the same key enqueued twice sends once. */
  key: string;
  to: { personId: string } | { cohortChannel: string };
  message: Message;
  /** Person the message is about (erase removes it). */
  subjectId?: string | null;
  /** Everyone else the message names (a digest's students): erase finds it by these ids. */
  mentions?: readonly string[];
  /** Parts of a split message already shown right away; delivery resumes after them. */
  partsSent?: number;
};

export type OutboxStore = {
  /** Queues the messages, due at `at`; returns how many were new (not queued before). */
  enqueue(items: readonly OutgoingMessage[], at: Date): Promise<number>;
  /** Which of these keys were queued before (whatever became of the message). */
  queuedKeys(keys: readonly string[]): Promise<Set<string>>;
  /** Removes messages sent or given up on before `before`; returns how many. */
  pruneDelivered(before: Date): Promise<number>;
};
