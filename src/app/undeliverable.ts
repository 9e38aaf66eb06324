import { and, eq } from 'drizzle-orm';
import type { Db } from '../infra/db/client';
import { identities } from '../infra/db/schema';
import type { UndeliverableHandler } from '../infra/outbox/types';

/**
 * When a platform says a person's account is gone (deactivated, left the workspace, unknown),
 * stop sending to that one account: mark it `gone`, so later messages try the person's other
 * accounts or fail fast at resolution. Only the failing platform account is marked — the same
 * person on Teams is still reachable when Slack says they left. The person's own next act, or a
 * Teams (re)install, brings the account back. Then tell a coordinator (once until they recover).
 */
export function createUndeliverableHandler(
  db: Db,
  alertCoordinator: UndeliverableHandler,
): UndeliverableHandler {
  return async (info) => {
    const { address } = info;
    const accountGone = info.problem === 'account-gone' || info.problem === 'not-found';
    if (info.permanent && accountGone && address?.kind === 'user' && info.recipient.kind === 'person') {
      await db
        .update(identities)
        .set({ status: 'gone' })
        .where(
          and(
            eq(identities.personId, info.recipient.personId),
            eq(identities.platform, address.platform),
            eq(identities.tenant, address.tenant),
            eq(identities.platformUserId, address.platformUserId),
          ),
        );
    }
    await alertCoordinator(info);
  };
}
