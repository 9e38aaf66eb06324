import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryProblem } from '../core/delivery/problems';
import type { Database } from '../infra/db/client';
import { identities, people } from '../infra/db/schema';
import { storesOnDb } from '../infra/db/stores';
import { openTestDatabase } from '../infra/db/test-database';
import type { UndeliverableInfo } from '../infra/outbox/types';
import type { Address } from './ports';
import { createUndeliverableHandler } from './undeliverable';

const AT = new Date('2027-03-01T09:00:00Z');
const SLACK_ACCOUNT: Address = { kind: 'user', platform: 'slack', tenant: 'T1', platformUserId: 'U1' };

function info(reason: string, problem: DeliveryProblem, permanent: boolean): UndeliverableInfo {
  return {
    recipient: { kind: 'person', personId: 'p-sam' },
    subjectId: 'p-sam',
    reason,
    problem,
    address: SLACK_ACCOUNT,
    idempotencyKey: `key-${reason}`,
    permanent,
    attempts: 1,
  };
}

describe('a message that cannot be delivered', () => {
  let database: Database;
  const alerts: UndeliverableInfo[] = [];
  beforeAll(async () => {
    database = await openTestDatabase();
    await database.db
      .insert(people)
      .values({ id: 'p-sam', email: 'sam@school.nl', name: 'Sam', createdAt: AT });
  });
  afterAll(() => database.close());

  async function linkSlackAndTeams() {
    await database.db.delete(identities);
    await database.db.insert(identities).values([
      { personId: 'p-sam', platform: 'slack', tenant: 'T1', platformUserId: 'U1', linkedAt: AT },
      { personId: 'p-sam', platform: 'teams', tenant: 'tenant-1', platformUserId: 'aad-1', linkedAt: AT },
    ]);
  }

  const statusOf = async () =>
    Object.fromEntries(
      (await database.db.select().from(identities)).map((identity) => [identity.platform, identity.status]),
    );

  it('stops sending to the one account the platform reports as deactivated, and tells a coordinator', async () => {
    await linkSlackAndTeams();
    const handle = createUndeliverableHandler(storesOnDb(database.db).people, async (i) => {
      alerts.push(i);
    });

    await handle(info('user_disabled', 'account-gone', true));

    expect(await statusOf()).toEqual({ slack: 'gone', teams: 'active' });
    expect(alerts.map((a) => a.reason)).toEqual(['user_disabled']);
  });

  it('keeps the account when the platform only failed for a while', async () => {
    await linkSlackAndTeams();
    const handle = createUndeliverableHandler(storesOnDb(database.db).people, async () => {});

    await handle(info('internal_error', 'gave-up', false));

    expect(await statusOf()).toEqual({ slack: 'active', teams: 'active' });
  });

  it('keeps the account when the message itself was refused', async () => {
    await linkSlackAndTeams();
    const handle = createUndeliverableHandler(storesOnDb(database.db).people, async () => {});

    await handle(info('msg_too_long', 'refused', true));

    expect(await statusOf()).toEqual({ slack: 'active', teams: 'active' });
  });
});
