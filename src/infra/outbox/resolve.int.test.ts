import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESOLVE_REASONS } from '../../core/delivery/problems';
import type { Database } from '../db/client';
import { identities } from '../db/schema';
import { openTestDatabase } from '../db/test-database';
import { createDefaultResolver } from './resolve';
import { createFakeClock, createFakeGateway, seedCohort, seedPerson } from './test-support';

const at = new Date('2026-03-06T12:00:00Z');

describe('the default recipient resolver', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  const setup = () => {
    const gateway = createFakeGateway();
    const resolve = createDefaultResolver({ gateways: [gateway], clock: createFakeClock(at) });
    return { gateway, resolve };
  };

  it('sends a person to their linked active account', async () => {
    await seedPerson(database.db, 'linked');
    const { resolve } = setup();

    const resolved = await resolve({ kind: 'person', personId: 'linked' }, database.db);

    expect(resolved).toEqual({
      ok: true,
      address: { kind: 'user', platform: 'slack', tenant: 'T1', platformUserId: 'U-linked' },
      conversationKey: 'slack:T1:user:U-linked',
    });
  });

  it('finds an unlinked person by e-mail and links the account', async () => {
    await seedPerson(database.db, 'new', { slackUserId: null });
    const { gateway, resolve } = setup();
    gateway.users.set('new@school.nl', { platform: 'slack', tenant: 'T1', platformUserId: 'U-found' });

    const resolved = await resolve({ kind: 'person', personId: 'new' }, database.db);

    const linked = await database.db.select().from(identities).where(eq(identities.personId, 'new'));
    expect(resolved).toMatchObject({ ok: true, address: { platformUserId: 'U-found' } });
    expect(linked).toMatchObject([{ platformUserId: 'U-found', status: 'active', linkedAt: at }]);
  });

  it('reports a person without any account as permanently unreachable', async () => {
    await seedPerson(database.db, 'nobody', { slackUserId: null });
    const { resolve } = setup();

    const resolved = await resolve({ kind: 'person', personId: 'nobody' }, database.db);

    expect(resolved).toEqual({ ok: false, permanent: true, reason: RESOLVE_REASONS.noIdentity });
  });

  it('reports a person whose only account is gone as gone', async () => {
    await seedPerson(database.db, 'left');
    await database.db.update(identities).set({ status: 'gone' }).where(eq(identities.personId, 'left'));
    const { gateway, resolve } = setup();
    gateway.users.set('left@school.nl', { platform: 'slack', tenant: 'T1', platformUserId: 'U-left' });

    const resolved = await resolve({ kind: 'person', personId: 'left' }, database.db);

    expect(resolved).toEqual({ ok: false, permanent: true, reason: RESOLVE_REASONS.identityGone });
  });

  it('retries later when the e-mail lookup itself fails', async () => {
    await seedPerson(database.db, 'outage', { slackUserId: null });
    const { gateway, resolve } = setup();
    gateway.findUserByEmail = async () => {
      throw new Error('ETIMEDOUT');
    };

    const resolved = await resolve({ kind: 'person', personId: 'outage' }, database.db);

    expect(resolved).toMatchObject({ ok: false, permanent: false });
  });

  it("sends a cohort channel to the cohort's digest channel", async () => {
    await seedCohort(database.db, 'with-channel', { platform: 'slack', tenant: 'T1', channelId: 'C1' });
    const { resolve } = setup();

    const resolved = await resolve({ kind: 'cohort-channel', cohortId: 'with-channel' }, database.db);

    expect(resolved).toEqual({
      ok: true,
      address: { kind: 'channel', platform: 'slack', tenant: 'T1', channelId: 'C1' },
      conversationKey: 'slack:T1:channel:C1',
    });
  });

  it('reports a cohort without a digest channel as permanently unreachable', async () => {
    await seedCohort(database.db, 'no-channel');
    const { resolve } = setup();

    const resolved = await resolve({ kind: 'cohort-channel', cohortId: 'no-channel' }, database.db);

    expect(resolved).toEqual({ ok: false, permanent: true, reason: RESOLVE_REASONS.noChannel });
  });

  it('reports a channel on a platform without a gateway as unreachable', async () => {
    await seedCohort(database.db, 'teams-channel', { platform: 'teams', tenant: 'X', channelId: '19:abc' });
    const { resolve } = setup();

    const resolved = await resolve({ kind: 'cohort-channel', cohortId: 'teams-channel' }, database.db);

    expect(resolved).toEqual({ ok: false, permanent: true, reason: RESOLVE_REASONS.platformNotConfigured });
  });
});
