import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Address, Gateway, SendOutcome } from '../../app/ports';
import type { Database } from '../db/client';
import { coordinators, deliveryProblems, identities, outbox } from '../db/schema';
import { openTestDatabase } from '../db/test-database';
import { silentLogger } from '../logging';
import { createCircuitBreaker } from './circuit';
import { claimDue } from './claim';
import { createDispatcher, type DispatcherOptions } from './dispatcher';
import { enqueue, enqueueMany, type OutboxItem } from './enqueue';
import { createDefaultResolver } from './resolve';
import {
  createFakeClock,
  createFakeGateway,
  type FakeClock,
  type FakeGateway,
  linkTeams,
  message,
  seedPerson,
  testCipher,
} from './test-support';
import type { OutageEvent, UndeliverableInfo } from './types';

const start = new Date('2026-03-06T12:00:00Z');

const item = (key: string, personId: string): OutboxItem => ({
  key,
  to: { kind: 'person', personId },
  message: message(key),
  subjectId: personId,
  notBefore: start,
  at: start,
});

const revoked: SendOutcome = {
  ok: false,
  kind: 'outage',
  reason: 'token_revoked',
  scope: { platform: 'slack' },
};

describe('the dispatcher when a platform or a message misbehaves', () => {
  let database: Database;
  let clock: FakeClock;
  let gateway: FakeGateway;
  let outages: OutageEvent[];
  let undeliverable: UndeliverableInfo[];

  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());
  beforeEach(async () => {
    for (const table of [outbox, deliveryProblems, coordinators, identities]) await database.db.delete(table);
    clock = createFakeClock(start);
    gateway = createFakeGateway();
    outages = [];
    undeliverable = [];
  });

  function dispatcher(
    options: Partial<DispatcherOptions> & { instanceId?: string; gateways?: Gateway[] } = {},
  ) {
    const gateways = options.gateways ?? [gateway];
    const breaker = createCircuitBreaker({ firstProbeMs: 30_000, maxProbeMs: 300_000 });
    return createDispatcher({
      db: database.db,
      cipher: testCipher,
      gateways,
      breaker,
      resolve: createDefaultResolver({ gateways, clock, inOutage: breaker.covers }),
      onUndeliverable: async (info) => {
        undeliverable.push(info);
      },
      onOutage: async (event) => {
        outages.push(event);
      },
      clock,
      logger: silentLogger,
      instanceId: options.instanceId ?? 'test',
      options: { random: () => 0.5, paceMs: 0, ...options },
    });
  }

  const rows = async () => database.db.select().from(outbox).orderBy(asc(outbox.id));

  it('pauses every message while the token is revoked, counts no attempt, and sends them all once it works again', async () => {
    for (const id of ['a', 'b', 'c']) await seedPerson(database.db, id);
    await enqueueMany(database.db, testCipher, [item('a1', 'a'), item('b1', 'b'), item('c1', 'c')]);
    let restored = false;
    gateway.behave = () => (restored ? undefined : revoked);
    const d = dispatcher();

    const during = await d.drain();
    for (let minute = 0; minute < 60; minute += 1) {
      clock.advance(60_000);
      await d.drain();
    }
    const whileRevoked = await rows();
    restored = true;
    clock.advance(300_000);
    await d.drain(); // the probe goes through and closes the circuit
    clock.advance(1_000); // the rows that waited behind the probe follow a second later
    await d.drain();

    expect(during).toMatchObject({ sent: 0, failed: 0, paused: 3 });
    expect(whileRevoked.every((row) => row.status === 'pending' && row.attempts === 0)).toBe(true);
    expect(whileRevoked[0]?.lastError).toBe('paused: token_revoked');
    expect((await rows()).map((row) => row.status)).toEqual(['sent', 'sent', 'sent']);
    expect(gateway.sent.map((send) => send.message.key).sort()).toEqual(['a1', 'b1', 'c1']);
    expect(outages.map((event) => event.type)).toEqual(['outage.started', 'outage.ended']);
    expect(undeliverable).toEqual([]);
  });

  it('probes a paused platform with one message at a time, not the whole queue', async () => {
    for (const id of ['a', 'b', 'c']) await seedPerson(database.db, id);
    await enqueueMany(database.db, testCipher, [item('a1', 'a'), item('b1', 'b'), item('c1', 'c')]);
    let calls = 0;
    gateway.behave = () => {
      calls += 1;
      return revoked;
    };
    const d = dispatcher({ concurrency: 1 });

    await d.drain();
    const afterFirst = calls;
    clock.advance(30_000);
    await d.drain();

    expect(afterFirst).toBe(1);
    expect(calls).toBe(2);
    expect(d.outages()).toMatchObject([{ scope: { platform: 'slack' }, reason: 'token_revoked' }]);
  });

  it('leaves a message for a platform this process lacks pending, without an attempt', async () => {
    await seedPerson(database.db, 'teams-only', { slackUserId: null });
    await linkTeams(database.db, 'teams-only', 'aad-1', start);
    await enqueue(database.db, testCipher, item('t1', 'teams-only'));

    const summary = await dispatcher().drain();

    expect(summary).toMatchObject({ elsewhere: 1, failed: 0 });
    expect((await rows())[0]).toMatchObject({
      status: 'pending',
      attempts: 0,
      lastError: 'elsewhere: not configured here: teams',
    });
    expect(undeliverable).toEqual([]);
  });

  it('delivers that message once a process with the platform runs', async () => {
    await seedPerson(database.db, 'teams-only', { slackUserId: null });
    await linkTeams(database.db, 'teams-only', 'aad-1', start);
    await enqueue(database.db, testCipher, item('t1', 'teams-only'));
    const teams: FakeGateway = Object.assign(createFakeGateway(), { platform: 'teams' as const });
    await dispatcher().drain();

    clock.advance(60_000);
    await dispatcher({ instanceId: 'with-teams', gateways: [gateway, teams] }).drain();

    expect(teams.sent.map((send) => send.message.key)).toEqual(['t1']);
  });

  it('fails a message whose payload cannot be decrypted at once, with one alert naming the code', async () => {
    await seedPerson(database.db, 'p1');
    await enqueue(database.db, testCipher, item('poison', 'p1'));
    await enqueue(database.db, testCipher, item('after', 'p1'));
    await database.db
      .update(outbox)
      .set({ payloadEnc: 'v1.garbage' })
      .where(eq(outbox.idempotencyKey, 'poison'));

    await dispatcher().drain();

    const [poison, after] = await rows();
    expect(poison).toMatchObject({ status: 'failed', lastError: 'payload.unreadable' });
    expect(after?.status).toBe('sent');
    expect(undeliverable).toMatchObject([
      { reason: 'payload.unreadable', problem: 'message-broken', permanent: true },
    ]);
  });

  it('does not send a row whose lease another dispatcher took over while it waited', async () => {
    await seedPerson(database.db, 'p1');
    await enqueue(database.db, testCipher, item('contested', 'p1'));
    const slow = createFakeGateway();
    let stolen = false;
    // The resolver's e-mail lookup is slow enough for the lease to expire and be taken.
    const resolve = createDefaultResolver({ gateways: [slow], clock });
    const d = createDispatcher({
      db: database.db,
      cipher: testCipher,
      gateways: [slow],
      resolve: async (recipient, q) => {
        const resolved = await resolve(recipient, q);
        if (!stolen) {
          stolen = true;
          clock.advance(130_000);
          await claimDue(database.db, { now: clock.now(), leaseMs: 120_000, limit: 10, claimedBy: 'other' });
        }
        return resolved;
      },
      onUndeliverable: async () => {},
      clock,
      logger: silentLogger,
      instanceId: 'slow',
      options: { paceMs: 0, leaseMs: 120_000 },
    });

    const summary = await d.runOnce();

    expect(summary.sent).toBe(0);
    expect(slow.sent).toEqual([]);
    expect((await rows())[0]).toMatchObject({ status: 'pending', claimedBy: 'other' });
  });

  it('resumes a split message after the parts an earlier attempt delivered', async () => {
    await seedPerson(database.db, 'p1');
    await enqueue(database.db, testCipher, item('long', 'p1'));
    const fromParts: Array<number | undefined> = [];
    const splitting: Gateway = {
      platform: 'slack',
      async send(_address: Address, _message, options) {
        fromParts.push(options?.fromPart);
        return fromParts.length === 1
          ? { ok: false, kind: 'transient', reason: 'internal_error', partsSent: 2 }
          : { ok: true, platformMessageId: 'ts-1' };
      },
      findUserByEmail: gateway.findUserByEmail,
    };
    const d = dispatcher({ gateways: [splitting] });

    await d.drain();
    clock.advance(10_000);
    await d.drain();

    expect(fromParts).toEqual([undefined, 2]);
    expect((await rows())[0]).toMatchObject({ status: 'sent', partsSent: 2 });
  });

  it('marks the person gone only for a permanent account problem, on that account', async () => {
    await seedPerson(database.db, 'left');
    await enqueue(database.db, testCipher, item('l1', 'left'));
    gateway.behave = () => ({
      ok: false,
      kind: 'permanent',
      reason: 'user_disabled',
      problem: 'account-gone',
    });

    await dispatcher().drain();

    expect(undeliverable).toMatchObject([
      { problem: 'account-gone', address: { platform: 'slack', platformUserId: 'U-left' }, permanent: true },
    ]);
  });
});
