import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SendOutcome } from '../../app/ports';
import type { Database } from '../db/client';
import { coordinators, deliveryProblems, identities, outbox, people } from '../db/schema';
import { openTestDatabase } from '../db/test-database';
import { silentLogger } from '../logging';
import { createCoordinatorAlerter } from './alerter';
import { claimDue } from './claim';
import { createDispatcher, type DispatcherOptions } from './dispatcher';
import { enqueue, enqueueMany, type OutboxItem } from './enqueue';
import { createDefaultResolver } from './resolve';
import {
  createFakeClock,
  createFakeGateway,
  type FakeClock,
  type FakeGateway,
  message,
  seedCohort,
  seedCoordinator,
  seedPerson,
  seedPlacement,
  testCipher,
} from './test-support';
import type { UndeliverableInfo } from './types';

const start = new Date('2026-03-06T12:00:00Z');

const item = (key: string, personId: string, notBefore = start): OutboxItem => ({
  key,
  to: { kind: 'person', personId },
  message: message(key),
  subjectId: personId,
  notBefore,
  at: start,
});

describe('the outbox dispatcher', () => {
  let database: Database;
  let clock: FakeClock;
  let gateway: FakeGateway;

  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());
  beforeEach(async () => {
    for (const table of [outbox, deliveryProblems, coordinators, identities]) await database.db.delete(table);
    clock = createFakeClock(start);
    gateway = createFakeGateway();
  });

  function dispatcher(
    options: Partial<DispatcherOptions> & { instanceId?: string; gw?: FakeGateway } = {},
    onUndeliverable: (info: UndeliverableInfo) => Promise<void> = async () => {},
  ) {
    const gw = options.gw ?? gateway;
    return createDispatcher({
      db: database.db,
      cipher: testCipher,
      gateways: [gw],
      resolve: createDefaultResolver({ gateways: [gw], clock }),
      onUndeliverable,
      clock,
      logger: silentLogger,
      instanceId: options.instanceId ?? 'test',
      options: { random: () => 0.5, ...options },
    });
  }

  const rowsByKey = async () =>
    new Map(
      (await database.db.select().from(outbox).orderBy(asc(outbox.id))).map((row) => [
        row.idempotencyKey,
        row,
      ]),
    );

  it('delivers each of 30 messages exactly once with two dispatchers draining at the same time', async () => {
    const slow = createFakeGateway({ delayMs: 3 });
    const ids = Array.from({ length: 30 }, (_, i) => `s${i}`);
    for (const id of ids) await seedPerson(database.db, id);
    await enqueueMany(
      database.db,
      testCipher,
      ids.map((id) => item(`hello:${id}`, id)),
    );
    const options = { gw: slow, batchSize: 7 };

    const [a, b] = await Promise.all([
      dispatcher({ ...options, instanceId: 'a' }).drain(),
      dispatcher({ ...options, instanceId: 'b' }).drain(),
    ]);

    const keys = slow.sent.map((send) => send.message.key).sort();
    expect(keys).toEqual(ids.map((id) => `hello:${id}`).sort());
    expect(a.sent + b.sent).toBe(30);
    expect(a.sent).toBeGreaterThan(0);
    expect(b.sent).toBeGreaterThan(0);
    const rows = await rowsByKey();
    expect([...rows.values()].every((row) => row.status === 'sent')).toBe(true);
  });

  it('records the platform message id and the send time', async () => {
    await seedPerson(database.db, 'p1');
    await enqueue(database.db, testCipher, item('one', 'p1'));

    await dispatcher().drain();

    const row = (await rowsByKey()).get('one');
    expect(row).toMatchObject({
      status: 'sent',
      platformMessageId: 'ts-1',
      sentAt: start,
      claimedUntil: null,
    });
    expect(gateway.sent[0]?.address).toEqual({
      kind: 'user',
      platform: 'slack',
      tenant: 'T1',
      platformUserId: 'U-p1',
    });
  });

  it('keeps the message text out of the payload column', async () => {
    await seedPerson(database.db, 'p1');
    await enqueue(database.db, testCipher, item('private', 'p1'));

    const [row] = await database.db.select().from(outbox);

    expect(row?.payloadEnc).not.toContain('body of private');
    expect(JSON.stringify(row)).not.toContain('body of private');
  });

  it('does not send a message before its notBefore instant', async () => {
    await seedPerson(database.db, 'p1');
    await enqueue(database.db, testCipher, item('later', 'p1', new Date(start.getTime() + 60_000)));

    const early = await dispatcher().drain();
    clock.advance(60_000);
    const onTime = await dispatcher().drain();

    expect([early.sent, onTime.sent]).toEqual([0, 1]);
  });

  it('pauses only the rate-limited conversation and sends it once its Retry-After has passed', async () => {
    for (const id of ['slow', 'b', 'c']) await seedPerson(database.db, id);
    await enqueueMany(database.db, testCipher, [
      item('slow-1', 'slow'),
      item('b-1', 'b'),
      item('slow-2', 'slow'),
      item('c-1', 'c'),
    ]);
    let limited = false;
    gateway.behave = (address): SendOutcome | undefined => {
      if (address.kind === 'user' && address.platformUserId === 'U-slow' && !limited) {
        limited = true;
        return { ok: false, kind: 'transient', retryAfterMs: 2000, reason: 'ratelimited' };
      }
      return undefined;
    };
    const d = dispatcher();

    await d.drain();
    const afterFirst = gateway.sent.map((send) => send.message.key);
    const paused = await rowsByKey();
    clock.advance(2000);
    await d.drain();

    expect(afterFirst.sort()).toEqual(['b-1', 'c-1']);
    expect(paused.get('slow-1')).toMatchObject({ status: 'pending', attempts: 0 });
    expect(paused.get('slow-1')?.nextAttemptAt).toEqual(new Date(start.getTime() + 2000));
    expect(paused.get('slow-2')?.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(start.getTime() + 2000);
    expect(gateway.sent.map((send) => send.message.key)).toContain('slow-1');
  });

  it('paces one conversation: one message now, the others scheduled at least a second apart', async () => {
    await seedCohort(database.db, 'c1', { platform: 'slack', tenant: 'T1', channelId: 'C-mentors' });
    await enqueueMany(
      database.db,
      testCipher,
      ['d1', 'd2', 'd3'].map((key) => ({
        key,
        to: { kind: 'cohort-channel', cohortId: 'c1' } as const,
        message: message(key),
        notBefore: start,
        at: start,
      })),
    );

    const summary = await dispatcher().runOnce();
    const rows = await rowsByKey();

    expect(summary.sent).toBe(1);
    expect(gateway.sent.map((send) => send.message.key)).toEqual(['d1']);
    const d2 = rows.get('d2')?.nextAttemptAt.getTime() ?? 0;
    const d3 = rows.get('d3')?.nextAttemptAt.getTime() ?? 0;
    expect(d2 - start.getTime()).toBeGreaterThanOrEqual(1000);
    expect(d3 - d2).toBeGreaterThanOrEqual(1000);
    expect([rows.get('d2')?.attempts, rows.get('d3')?.attempts]).toEqual([0, 0]);
  });

  it('paces across dispatchers: a fresh dispatcher waits a second after another one sent', async () => {
    await seedPerson(database.db, 'p1');
    await enqueue(database.db, testCipher, item('first', 'p1'));
    await dispatcher({ instanceId: 'a' }).drain();
    await enqueue(database.db, testCipher, item('second', 'p1'));
    clock.advance(400);

    const summary = await dispatcher({ instanceId: 'b' }).drain();

    expect(summary).toMatchObject({ sent: 0, deferred: 1 });
    expect((await rowsByKey()).get('second')?.nextAttemptAt).toEqual(new Date(start.getTime() + 1000));
  });

  it('never overtakes an earlier message of the same conversation that is waiting for a retry', async () => {
    await seedPerson(database.db, 'p1');
    await enqueueMany(database.db, testCipher, [item('first', 'p1'), item('second', 'p1')]);
    let failures = 1;
    gateway.behave = () =>
      failures-- > 0 ? { ok: false, kind: 'transient', reason: 'service_unavailable' } : undefined;
    // No pacing, so only the per-conversation ordering can hold the second message back.
    const d = dispatcher({ paceMs: 0, baseBackoffMs: 10_000 });

    await d.drain();
    const whileWaiting = gateway.sent.length;
    for (let i = 0; i < 5; i += 1) {
      clock.advance(10_000);
      await d.drain();
    }

    expect(whileWaiting).toBe(0);
    expect(gateway.sent.map((send) => send.message.key)).toEqual(['first', 'second']);
  });

  it('leaves a row leased by a crashed dispatcher alone until the lease expires', async () => {
    await seedPerson(database.db, 'p1');
    await enqueue(database.db, testCipher, item('orphan', 'p1'));
    await claimDue(database.db, { now: start, leaseMs: 60_000, limit: 10, claimedBy: 'crashed' });

    const during = await dispatcher().drain();
    clock.advance(60_001);
    const after = await dispatcher().drain();

    expect([during.sent, after.sent]).toEqual([0, 1]);
  });

  it('backs off with growing delays and fails the row with one alert after maxAttempts', async () => {
    await seedCohort(database.db, 'c1');
    await seedPerson(database.db, 'stu');
    await seedPerson(database.db, 'coord');
    await seedPlacement(database.db, { id: 'pl-backoff', studentId: 'stu', cohortId: 'c1' });
    await seedCoordinator(database.db, 'coord', 'c1');
    await enqueue(database.db, testCipher, item('flaky', 'stu'));
    gateway.behave = (address) =>
      address.kind === 'user' && address.platformUserId === 'U-stu'
        ? { ok: false, kind: 'transient', reason: 'internal_error' }
        : undefined;
    const alerts: UndeliverableInfo[] = [];
    const alerter = createCoordinatorAlerter({
      db: database.db,
      cipher: testCipher,
      clock,
      logger: silentLogger,
      defaultLocale: 'nl',
    });
    // paceMs 1: keep pacing (which also spaces retries) out of the measured delays.
    const d = dispatcher({ maxAttempts: 4, baseBackoffMs: 1000, paceMs: 1 }, async (info) => {
      alerts.push(info);
      await alerter(info);
    });

    const delays: number[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await d.drain();
      const row = (await rowsByKey()).get('flaky');
      delays.push((row?.nextAttemptAt.getTime() ?? 0) - clock.now().getTime());
      clock.set(row?.nextAttemptAt ?? clock.now());
    }
    await d.drain();

    const rows = await rowsByKey();
    expect(delays).toEqual([750, 1500, 3000]);
    expect(rows.get('flaky')).toMatchObject({ status: 'failed', attempts: 4, lastError: 'internal_error' });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ permanent: false, attempts: 4 });
    const alertRows = [...rows.values()].filter((row) => row.idempotencyKey.startsWith('undeliverable:'));
    expect(alertRows).toHaveLength(1);
    expect(alertRows[0]).toMatchObject({ recipient: { kind: 'person', personId: 'coord' }, status: 'sent' });
  });

  it('fails a permanently undeliverable person at once and alerts the coordinator only once', async () => {
    await seedCohort(database.db, 'c1');
    await seedPerson(database.db, 'gone', { slackUserId: null });
    await seedPerson(database.db, 'coord-en', { locale: 'en' });
    await seedPlacement(database.db, { id: 'pl-gone', studentId: 'gone', cohortId: 'c1' });
    await seedCoordinator(database.db, 'coord-en', null);
    await enqueueMany(database.db, testCipher, [item('g1', 'gone'), item('g2', 'gone'), item('g3', 'gone')]);
    const alerter = createCoordinatorAlerter({
      db: database.db,
      cipher: testCipher,
      clock,
      logger: silentLogger,
      defaultLocale: 'nl',
    });
    const d = dispatcher({}, alerter);

    await d.drain();
    await enqueue(database.db, testCipher, item('g4', 'gone'));
    await d.drain();

    const rows = await rowsByKey();
    expect(['g1', 'g2', 'g3', 'g4'].map((key) => rows.get(key)?.status)).toEqual([
      'failed',
      'failed',
      'failed',
      'failed',
    ]);
    expect(rows.get('g1')?.lastError).toBe('recipient.no-identity');
    const alerts = gateway.sent.filter((send) => send.message.key === 'delivery.undeliverable');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.address).toMatchObject({ platformUserId: 'U-coord-en' });
    expect(alerts[0]?.message.summary).toBe('Name gone cannot be reached through Stagecoach');
    expect(JSON.stringify(alerts[0]?.message)).not.toContain('body of g');
  });

  it('fails a message when the platform refuses it for good, without retrying', async () => {
    await seedPerson(database.db, 'p1');
    await enqueue(database.db, testCipher, item('refused', 'p1'));
    let calls = 0;
    gateway.behave = () => {
      calls += 1;
      return { ok: false, kind: 'permanent', reason: 'user_disabled', problem: 'account-gone' };
    };

    const summary = await dispatcher().drain();

    expect(summary).toMatchObject({ failed: 1, retried: 0 });
    expect(calls).toBe(1);
    expect((await rowsByKey()).get('refused')).toMatchObject({
      status: 'failed',
      lastError: 'user_disabled',
    });
  });

  it('treats a gateway that throws as a transient failure', async () => {
    await seedPerson(database.db, 'p1');
    await enqueue(database.db, testCipher, item('boom', 'p1'));
    gateway.behave = () => {
      throw new Error('socket hang up');
    };

    const summary = await dispatcher().drain();

    expect(summary).toMatchObject({ retried: 1 });
    expect((await rowsByKey()).get('boom')).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await rowsByKey()).get('boom')?.lastError).toContain('socket hang up');
  });

  it('drains once on dispatchSoon and stops cleanly', async () => {
    await seedPerson(database.db, 'p1');
    await enqueue(database.db, testCipher, item('kicked', 'p1'));
    const d = dispatcher();

    d.dispatchSoon();
    for (let i = 0; i < 200 && gateway.sent.length === 0; i += 1) await new Promise((r) => setTimeout(r, 5));
    await d.stop();

    expect(gateway.sent.map((send) => send.message.key)).toEqual(['kicked']);
  });

  it('sends in the background once started', async () => {
    await seedPerson(database.db, 'p1');
    await enqueue(database.db, testCipher, item('loop', 'p1'));
    const d = dispatcher();

    d.start(10);
    for (let i = 0; i < 200 && gateway.sent.length === 0; i += 1) await new Promise((r) => setTimeout(r, 5));
    await d.stop();

    expect(gateway.sent.map((send) => send.message.key)).toEqual(['loop']);
    const [person] = await database.db.select().from(people).where(eq(people.id, 'p1'));
    expect(person).toBeDefined();
  });
});
