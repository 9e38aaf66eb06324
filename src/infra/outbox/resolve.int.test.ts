import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemOfResolveReason, RESOLVE_REASONS } from '../../core/delivery/problems';
import type { Database } from '../db/client';
import { identities } from '../db/schema';
import { openTestDatabase } from '../db/test-database';
import { createDefaultResolver } from './resolve';
import { createFakeClock, createFakeGateway, linkTeams, seedCohort, seedPerson } from './test-support';

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

    expect(resolved).toEqual({
      ok: false,
      kind: 'permanent',
      reason: RESOLVE_REASONS.noIdentity,
      problem: problemOfResolveReason(RESOLVE_REASONS.noIdentity),
    });
  });

  it('reports a person whose only account is gone as gone', async () => {
    await seedPerson(database.db, 'left');
    await database.db.update(identities).set({ status: 'gone' }).where(eq(identities.personId, 'left'));
    const { gateway, resolve } = setup();
    gateway.users.set('left@school.nl', { platform: 'slack', tenant: 'T1', platformUserId: 'U-left' });

    const resolved = await resolve({ kind: 'person', personId: 'left' }, database.db);

    expect(resolved).toEqual({
      ok: false,
      kind: 'permanent',
      reason: RESOLVE_REASONS.identityGone,
      problem: problemOfResolveReason(RESOLVE_REASONS.identityGone),
    });
  });

  it('retries later when the e-mail lookup itself fails', async () => {
    await seedPerson(database.db, 'outage', { slackUserId: null });
    const { gateway, resolve } = setup();
    gateway.findUserByEmail = async () => {
      throw new Error('ETIMEDOUT');
    };

    const resolved = await resolve({ kind: 'person', personId: 'outage' }, database.db);

    expect(resolved).toMatchObject({ ok: false, kind: 'transient' });
  });

  it('pauses instead of failing when the platform refuses the lookup as a whole', async () => {
    await seedPerson(database.db, 'revoked', { slackUserId: null });
    const { gateway, resolve } = setup();
    gateway.findUserByEmail = async () => ({
      ok: false,
      kind: 'outage',
      reason: 'token_revoked',
      scope: { platform: 'slack' },
    });

    const resolved = await resolve({ kind: 'person', personId: 'revoked' }, database.db);

    expect(resolved).toEqual({
      ok: false,
      kind: 'outage',
      reason: 'token_revoked',
      scope: { platform: 'slack' },
    });
  });

  it('leaves a person reachable only on Teams for a process that has Teams', async () => {
    await seedPerson(database.db, 'teams-only', { slackUserId: null });
    await linkTeams(database.db, 'teams-only', 'aad-1', at);
    const { resolve } = setup();

    const resolved = await resolve({ kind: 'person', personId: 'teams-only' }, database.db);

    expect(resolved).toEqual({ ok: false, kind: 'elsewhere', reason: 'not configured here: teams' });
  });

  it('prefers an account on a platform that is not in an outage', async () => {
    await seedPerson(database.db, 'both');
    await linkTeams(database.db, 'both', 'aad-both', new Date(at.getTime() + 1000));
    const slack = createFakeGateway();
    const teams = { ...createFakeGateway(), platform: 'teams' as const };
    const resolve = createDefaultResolver({
      gateways: [slack, teams],
      clock: createFakeClock(at),
      inOutage: (platform) => platform === 'slack',
    });

    const resolved = await resolve({ kind: 'person', personId: 'both' }, database.db);

    expect(resolved).toMatchObject({ ok: true, address: { platform: 'teams', platformUserId: 'aad-both' } });
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

    expect(resolved).toEqual({
      ok: false,
      kind: 'permanent',
      reason: RESOLVE_REASONS.noChannel,
      problem: problemOfResolveReason(RESOLVE_REASONS.noChannel),
    });
  });

  it('leaves a channel on a platform without a gateway for a process that has one', async () => {
    await seedCohort(database.db, 'teams-channel', { platform: 'teams', tenant: 'X', channelId: '19:abc' });
    const { resolve } = setup();

    const resolved = await resolve({ kind: 'cohort-channel', cohortId: 'teams-channel' }, database.db);

    expect(resolved).toEqual({ ok: false, kind: 'elsewhere', reason: 'not configured here: teams' });
  });
});
