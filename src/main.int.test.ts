import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleGateway } from '../adapters/console/gateway';
import { EVERY_COHORT } from './app/access/reach';
import { importPlacements } from './app/placements/import-placements';
import type { Inbound } from './app/ports';
import { createSettableClock, type Delivery } from './app/testing/app-harness';
import { MENTOR, ONE_PLACEMENT, SEEDED_AT, STARR_ANSWERS, STUDENT } from './app/testing/fixtures';
import { createDataPlace } from './app/testing/processes';
import { loadConfig } from './config';
import { outbox, reports } from './infra/db/schema';
import { openCell } from './infra/db/sealed';
import { storesOnDb } from './infra/db/stores';
import { silentLogger } from './infra/logging';
import { createRuntime, type Runtime } from './main';

const SUBMITTED = new Date('2027-02-24T19:30:00Z');

/**
 * A real restart: the runtime is closed (database closed, PGlite flushed to DATA_DIR or the
 * Postgres pool ended) and a new one is built from the same configuration.
 */
describe('restarting the runtime in the middle of a STARR conversation', () => {
  let place: Awaited<ReturnType<typeof createDataPlace>>;
  const sent: Delivery[] = [];
  const clock = createSettableClock(SEEDED_AT);
  let acts = 0;
  let pendingAtRestart = 0;
  let runtime: Runtime;

  const start = async () => {
    const gateway = createConsoleGateway((address, message) =>
      sent.push({ to: address.kind === 'user' ? address.platformUserId : address.channelId, message }),
    );
    return createRuntime({ config: loadConfig(place.env), logger: silentLogger, clock, gateways: [gateway] });
  };

  /** One typed message; `drain` false leaves its replies in the outbox (a crash before sending). */
  const say = async (text: string, at: Date, drain = true) => {
    clock.set(at);
    const inbound: Inbound = {
      platform: 'console',
      tenant: 'console',
      user: { platformUserId: STUDENT, email: STUDENT },
      conversation: { id: STUDENT, kind: 'direct' },
      sentAt: at,
      dedupeKey: `main-${++acts}`,
      payload: { type: 'text', text },
    };
    await runtime.app.handler.handle(inbound);
    if (!drain) return;
    // Two replies to one person are paced a second apart: let that second pass.
    clock.set(new Date(at.getTime() + 5_000));
    await runtime.dispatcher.drain();
  };

  beforeAll(async () => {
    place = await createDataPlace();
    runtime = await start();
    await importPlacements(storesOnDb(runtime.database.db), ONE_PLACEMENT, {
      actor: 'cli',
      reach: EVERY_COHORT,
      at: SEEDED_AT,
    });
    await say('start', new Date('2027-02-22T15:00:00Z'));
    await say(STARR_ANSWERS.goal, new Date('2027-02-22T15:01:00Z'));
    await say(STARR_ANSWERS.situation, new Date('2027-02-22T15:02:00Z'));
    await say(STARR_ANSWERS.task, new Date('2027-02-22T15:03:00Z'), false);
    pendingAtRestart = (await runtime.database.db.select().from(outbox).where(eq(outbox.status, 'pending')))
      .length;
    await runtime.close();

    runtime = await start();
    clock.set(new Date('2027-02-24T19:00:00Z'));
    await runtime.dispatcher.drain();
    await say(STARR_ANSWERS.action, new Date('2027-02-24T19:01:00Z'));
    await say(STARR_ANSWERS.result, new Date('2027-02-24T19:10:00Z'));
    await say(STARR_ANSWERS.reflection, new Date('2027-02-24T19:20:00Z'));
    await say('verstuur', SUBMITTED);
  }, 120_000);
  afterAll(async () => {
    await runtime.close();
    await place.close();
  });

  it('delivers after the restart what was queued before it, once', () => {
    expect(pendingAtRestart).toBeGreaterThan(0);
    const asks = sent.filter((d) => d.message.key === 'starr.ask.action');
    expect(asks).toHaveLength(1);
  });

  it('stores the report with the answers from before and after the restart', async () => {
    const [row] = await runtime.database.db.select().from(reports);
    expect(JSON.parse(openCell(runtime.cipher, reports, 'contentEnc', row))).toEqual(STARR_ANSWERS);
    expect(row?.submittedAt?.toISOString()).toBe(SUBMITTED.toISOString());
  });

  it('tells the mentor once', () => {
    expect(sent.filter((d) => d.to === MENTOR && d.message.key === 'feedback.notice')).toHaveLength(1);
  });

  it('leaves nothing undelivered', async () => {
    const pending = await runtime.database.db.select().from(outbox).where(eq(outbox.status, 'pending'));
    expect(pending).toEqual([]);
  });
});
