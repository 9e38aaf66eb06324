import { lt } from 'drizzle-orm';
import type { InboundLog } from '../../../app/stores/inbound-log';
import type { Queryable } from '../client';
import { seenInbound } from '../schema';

export function createInboundLog(q: Queryable): InboundLog {
  return {
    async firstSeen(dedupeKey, at) {
      const fresh = await q
        .insert(seenInbound)
        .values({ dedupeKey, seenAt: at })
        .onConflictDoNothing()
        .returning({ key: seenInbound.dedupeKey });
      return fresh.length > 0;
    },
    async forgetBefore(before) {
      await q.delete(seenInbound).where(lt(seenInbound.seenAt, before));
    },
  };
}
