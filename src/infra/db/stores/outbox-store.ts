import type { OutboxStore } from '../../../app/stores/outbox-store';
import type { Cipher } from '../../crypto';
import { enqueueMany, type OutboxItem } from '../../outbox/enqueue';
import type { Queryable } from '../client';

export function createOutboxStore(q: Queryable, cipher: Cipher): OutboxStore {
  return {
    async enqueue(items, at) {
      const rows: OutboxItem[] = items.map((item) => ({
        idempotencyKey: item.key,
        recipient:
          'personId' in item.to
            ? { kind: 'person', personId: item.to.personId }
            : { kind: 'cohort-channel', cohortId: item.to.cohortChannel },
        message: item.message,
        subjectId: item.subjectId ?? null,
        ...(item.mentions ? { mentions: item.mentions } : {}),
        ...(item.partsSent ? { partsSent: item.partsSent } : {}),
        notBefore: at,
        at,
      }));
      return (await enqueueMany(q, cipher, rows)).filter(Boolean).length;
    },
  };
}
