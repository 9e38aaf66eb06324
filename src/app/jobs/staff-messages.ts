import { createHash } from 'node:crypto';
import type { Message } from '../../core/messages/model';
import type { Person } from '../../core/shared/person';
import type { OutgoingMessage } from '../queue-messages';

/** One thing a staff member is told in a job run, about one student. */
export type StaffItem<T> = {
  recipient: Person;
  /** The key this item had as a message of its own: unique per student, event and recipient. */
  key: string;
  studentId: string;
  detail: T;
};

/** Items grouped per recipient, in first-seen order. */
export function byRecipient<T>(items: readonly StaffItem<T>[]): Map<string, StaffItem<T>[]> {
  const groups = new Map<string, StaffItem<T>[]>();
  for (const item of items) {
    const group = groups.get(item.recipient.id) ?? [];
    if (!group.some((existing) => existing.key === item.key)) group.push(item);
    groups.set(item.recipient.id, group);
  }
  return groups;
}

/**
 * The outbox rows of one staff member's aggregated message (its parts, in order). A single item
 * keeps its own key, as before aggregation. Several get a key made of the recipient and the set
 * of item keys: a re-run of the same tick (another instance, a restart) builds the same set and
 * the outbox drops it, and each item key is unique to its event, so a later run with new events
 * builds a new set.
 */
export function staffOutgoing(
  kind: string,
  recipient: Person,
  items: readonly StaffItem<unknown>[],
  messages: readonly Message[],
): OutgoingMessage[] {
  const [only] = items;
  const [message] = messages;
  if (items.length === 1 && messages.length === 1 && only && message) {
    return [
      { key: only.key, to: { kind: 'person', personId: recipient.id }, message, subjectId: only.studentId },
    ];
  }
  const digest = createHash('sha256')
    .update(
      items
        .map((item) => item.key)
        .sort()
        .join('\n'),
    )
    .digest('hex')
    .slice(0, 24);
  const mentions = [...new Set(items.map((item) => item.studentId))];
  return messages.map((part, index) => ({
    key: `${kind}:${recipient.id}:${digest}:${index + 1}/${messages.length}`,
    to: { kind: 'person', personId: recipient.id },
    message: part,
    subjectId: null,
    mentions,
  }));
}
