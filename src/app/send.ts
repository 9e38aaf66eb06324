import type { Locale, Message } from '../core/messages/model';
import type { Cipher } from '../infra/crypto';
import type { Queryable } from '../infra/db/client';
import type { Person } from '../infra/db/repositories/people';
import { enqueueMany, type OutboxItem } from '../infra/outbox/enqueue';

/** The language to write to a person in. */
export const localeOf = (person: Pick<Person, 'locale'>, fallback: Locale): Locale =>
  person.locale ?? fallback;

export type Outgoing = {
  /** Unique per message; the same key enqueued twice sends once. */
  key: string;
  to: { personId: string } | { cohortChannel: string };
  message: Message;
  /** Person the message is about (erase removes it). */
  subjectId?: string | null;
  /** Everyone else the message names (a digest's students): erase finds it by these ids. */
  mentions?: readonly string[];
};

export async function writeOutgoing(
  q: Queryable,
  cipher: Cipher,
  items: readonly Outgoing[],
  at: Date,
): Promise<number> {
  const rows: OutboxItem[] = items.map((item) => ({
    idempotencyKey: item.key,
    recipient:
      'personId' in item.to
        ? { kind: 'person', personId: item.to.personId }
        : { kind: 'cohort-channel', cohortId: item.to.cohortChannel },
    message: item.message,
    subjectId: item.subjectId ?? null,
    ...(item.mentions ? { mentions: item.mentions } : {}),
    notBefore: at,
    at,
  }));
  const fresh = await enqueueMany(q, cipher, rows);
  return fresh.filter(Boolean).length;
}
