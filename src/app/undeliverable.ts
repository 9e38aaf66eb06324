import type { UndeliverableHandler } from '../infra/outbox/types';
import type { PeopleStore } from './stores/people-store';

/**
 * When a platform says a person's account is gone (deactivated, left the workspace, unknown),
 * stop sending to that one account: mark it `gone`, so later messages try the person's other
 * accounts or fail fast at resolution. Only the failing platform account is marked — the same
 * person on Teams is still reachable when Slack says they left. The person's own next act, or a
 * Teams (re)install, brings the account back. Then tell a coordinator (once until they recover).
 */
export function createUndeliverableHandler(
  people: PeopleStore,
  alertCoordinator: UndeliverableHandler,
): UndeliverableHandler {
  return async (info) => {
    const { address } = info;
    const accountGone = info.problem === 'account-gone' || info.problem === 'not-found';
    if (info.permanent && accountGone && address?.kind === 'user' && info.recipient.kind === 'person') {
      await people.markAccountGone(info.recipient.personId, address);
    }
    await alertCoordinator(info);
  };
}
