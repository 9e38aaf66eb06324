import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Address, SendOutcome } from '../../app/ports';
import type { Message } from '../../core/messages/model';
import type { Database } from '../db/client';
import { identities, outbox, people } from '../db/schema';
import { openTestDatabase } from '../db/test-database';
import { silentLogger } from '../logging';
import { createDispatcher, type DispatcherOptions } from './dispatcher';
import { enqueueMany, type OutboxItem } from './enqueue';
import { createDefaultResolver } from './resolve';
import {
  createFakeClock,
  createFakeGateway,
  type FakeClock,
  type FakeGateway,
  message,
  seedPerson,
  testCipher,
} from './test-support';

/**
 * Delivery in parallel: different conversations at once (up to the caps), one conversation in
 * order, and a workspace's send budget respected. Time is a fake clock that the dispatcher's
 * injected `sleep` moves forward, so nothing here depends on the machine's speed.
 */
const start = new Date('2026-03-06T12:00:00Z');

const item = (key: string, personId: string): OutboxItem => ({
  key,
  to: { kind: 'person', personId },
  message: message(key),
  subjectId: personId,
  notBefore: start,
  at: start,
});

/** A gateway whose sends wait until `size` are in flight together (or a safety timer ends the wait). */
function barrierGateway(size: number): FakeGateway & { maxInFlight: () => number } {
  const inner = createFakeGateway();
  let inFlight = 0;
  let max = 0;
  let waiting: (() => void)[] = [];
  const release = () => {
    for (const resume of waiting) resume();
    waiting = [];
  };
  return {
    ...inner,
    maxInFlight: () => max,
    async send(address: Address, body: Message, options): Promise<SendOutcome> {
      inFlight += 1;
      max = Math.max(max, inFlight);
      if (inFlight >= size) release();
      else {
        await new Promise<void>((resume) => {
          waiting.push(resume);
          // Ends the wait if parallelism is broken, so the test fails on `max` instead of hanging.
          setTimeout(release, 2_000).unref();
        });
      }
      inFlight -= 1;
      return inner.send(address, body, options);
    },
  };
}

describe('parallel delivery', () => {
  let database: Database;
  let clock: FakeClock;

  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());
  beforeEach(async () => {
    for (const table of [outbox, identities, people]) await database.db.delete(table);
    clock = createFakeClock(start);
  });

  function dispatcher(gateway: FakeGateway, options: Partial<DispatcherOptions> = {}) {
    return createDispatcher({
      db: database.db,
      cipher: testCipher,
      gateways: [gateway],
      resolve: createDefaultResolver({ gateways: [gateway], clock }),
      onUndeliverable: async () => {},
      clock,
      // Virtual time: waiting for the budget moves the clock to the end of the wait (never back).
      sleep: async (ms) => {
        const until = clock.now().getTime() + ms;
        await Promise.resolve();
        clock.set(new Date(Math.max(clock.now().getTime(), until)));
      },
      logger: silentLogger,
      instanceId: 'parallel',
      options: { random: () => 0.5, paceMs: 0, ...options },
    });
  }

  async function seedPeople(count: number): Promise<string[]> {
    const ids = Array.from({ length: count }, (_, i) => `p${String(i).padStart(3, '0')}`);
    for (const id of ids) await seedPerson(database.db, id);
    return ids;
  }

  it('sends to different conversations at once, up to the platform cap', async () => {
    const ids = await seedPeople(9);
    await enqueueMany(
      database.db,
      testCipher,
      ids.map((id) => item(`hi:${id}`, id)),
    );
    const gateway = barrierGateway(3);

    const summary = await dispatcher(gateway, {
      concurrency: 8,
      platformLimits: { slack: { perSecond: Number.POSITIVE_INFINITY, burst: 1, concurrency: 3 } },
    }).drain();

    expect(summary.sent).toBe(9);
    expect(gateway.maxInFlight()).toBe(3);
  });

  it("keeps one conversation's messages in order while others go in parallel", async () => {
    const ids = await seedPeople(4);
    const items = ids.flatMap((id) => [1, 2, 3, 4, 5].map((n) => item(`m${n}:${id}`, id)));
    await enqueueMany(database.db, testCipher, items);
    const gateway = createFakeGateway({ delayMs: 1 });

    await dispatcher(gateway, { concurrency: 4 }).drain();

    expect(gateway.sent).toHaveLength(20);
    for (const id of ids) {
      const theirs = gateway.sent.filter((send) => send.message.key.endsWith(`:${id}`));
      expect(theirs.map((send) => send.message.key)).toEqual([1, 2, 3, 4, 5].map((n) => `m${n}:${id}`));
    }
  });

  it("never exceeds a workspace's send budget, and sends everything", async () => {
    const ids = await seedPeople(30);
    await enqueueMany(
      database.db,
      testCipher,
      ids.map((id) => item(`hi:${id}`, id)),
    );
    const gateway = createFakeGateway();
    const sentAt: number[] = [];
    gateway.behave = () => {
      sentAt.push(clock.now().getTime());
      return undefined;
    };
    const perSecond = 4;
    const burst = 3;

    // A short allowed wait: most rows are deferred to their slot and come back later. One send
    // at a time, so the fake clock at each send is exactly the slot it waited for.
    const d = dispatcher(gateway, {
      concurrency: 1,
      maxBudgetWaitMs: 500,
      platformLimits: { slack: { perSecond, burst, concurrency: 4 } },
    });
    for (let round = 0; round < 40 && gateway.sent.length < 30; round += 1) {
      await d.drain();
      clock.advance(250);
    }

    expect(gateway.sent).toHaveLength(30);
    const interval = 1000 / perSecond;
    const times = [...sentAt].sort((a, b) => a - b);
    // Generic cell rate: send i goes no earlier than (i - burst + 1) intervals after the first.
    for (const [i, at] of times.entries()) {
      expect(at - (times[0] as number)).toBeGreaterThanOrEqual((i - burst + 1) * interval);
    }
  });
});
