import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../infra/db/client';
import { identities, people } from '../infra/db/schema';
import { openTestDatabase } from '../infra/db/test-database';
import type { UndeliverableInfo } from '../infra/outbox/types';
import { createUndeliverableHandler } from './undeliverable';

const AT = new Date('2027-03-01T09:00:00Z');

function info(reason: string, permanent: boolean): UndeliverableInfo {
  return {
    recipient: { kind: 'person', personId: 'p-sam' },
    subjectId: 'p-sam',
    reason,
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

  async function linkSlack() {
    await database.db.delete(identities);
    await database.db
      .insert(identities)
      .values({ personId: 'p-sam', platform: 'slack', tenant: 'T1', platformUserId: 'U1', linkedAt: AT });
  }

  it('stops sending to an account the platform reports as deactivated, and tells a coordinator', async () => {
    await linkSlack();
    const handle = createUndeliverableHandler(database.db, async (i) => {
      alerts.push(i);
    });

    await handle(info('user_disabled', true));

    const [identity] = await database.db.select().from(identities);
    expect(identity?.status).toBe('gone');
    expect(alerts.map((a) => a.reason)).toEqual(['user_disabled']);
  });

  it('keeps the account when the platform only failed for a while', async () => {
    await linkSlack();
    const handle = createUndeliverableHandler(database.db, async () => {});

    await handle(info('ratelimited', false));

    const [identity] = await database.db.select().from(identities);
    expect(identity?.status).toBe('active');
  });
});
