import { and, eq } from 'drizzle-orm';
import { classifyDeliveryFailure } from '../core/delivery/problems';
import type { Db } from '../infra/db/client';
import { identities } from '../infra/db/schema';
import type { UndeliverableHandler } from '../infra/outbox/types';

/**
 * When a platform says a person's account is gone (deactivated, left the workspace, unknown),
 * stop sending there: mark their linked accounts `gone`, so later messages fail fast at
 * resolution instead of calling the platform each time. Then tell a coordinator (once).
 */
export function createUndeliverableHandler(
  db: Db,
  alertCoordinator: UndeliverableHandler,
): UndeliverableHandler {
  return async (info) => {
    const problem = classifyDeliveryFailure(info.reason, info.permanent);
    if (
      info.permanent &&
      info.recipient.kind === 'person' &&
      (problem === 'account-gone' || problem === 'not-found')
    ) {
      await db
        .update(identities)
        .set({ status: 'gone' })
        .where(and(eq(identities.personId, info.recipient.personId), eq(identities.status, 'active')));
    }
    await alertCoordinator(info);
  };
}
