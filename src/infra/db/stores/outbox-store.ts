import { inArray } from 'drizzle-orm';
import type { OutboxStore } from '../../../app/stores/outbox-store';
import type { Cipher } from '../../crypto';
import { enqueueMany, type OutboxItem, pruneDelivered } from '../../outbox/enqueue';
import type { Queryable } from '../client';
import { outbox } from '../schema';
import { chunks } from './chunks';

export function createOutboxStore(q: Queryable, cipher: Cipher): OutboxStore {
  return {
    async enqueue(items, at) {
      const rows: OutboxItem[] = items.map((item) => ({ ...item, notBefore: at, at }));
      return (await enqueueMany(q, cipher, rows)).filter(Boolean).length;
    },
    async queuedKeys(keys) {
      const queued = new Set<string>();
      for (const part of chunks([...new Set(keys)])) {
        const rows = await q
          .select({ key: outbox.idempotencyKey })
          .from(outbox)
          .where(inArray(outbox.idempotencyKey, part));
        for (const row of rows) queued.add(row.key);
      }
      return queued;
    },
    pruneDelivered: (before) => pruneDelivered(q, before),
  };
}
