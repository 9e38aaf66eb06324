import { randomBytes } from 'node:crypto';
import { and, eq, min, sql } from 'drizzle-orm';
import { EVERY_COHORT } from '../../src/app/access/reach';
import type { Inbound, InboundResult } from '../../src/app/inbound';
import type { ImportSummary } from '../../src/app/placements/import-placements';
import { importPlacements } from '../../src/app/placements/import-placements';
import { loadConfig } from '../../src/config';
import type { Db } from '../../src/infra/db/client';
import { outbox } from '../../src/infra/db/schema';
import { storesOnDb } from '../../src/infra/db/stores';
import { openTestDatabase } from '../../src/infra/db/test-database';
import { silentLogger } from '../../src/infra/logging';
import { isConversationHead } from '../../src/infra/outbox/claim';
import { runDueJobsAt } from '../../src/infra/scheduler';
import type { FireReport } from '../../src/infra/scheduler/types';
import { createRuntime, type Runtime } from '../../src/main';
import { BOT_TOKEN, type FakeSlackApi, startFakeSlackApi } from '../slack/fixtures/fake-slack-api';
import { SIGNING_SECRET, type SlackRequestKind, signedSlackRequest } from '../slack/fixtures/signed-request';
import { FIXTURE_TENANT } from '../teams/fixtures';
import { type FakeConnector, postActivity, startFakeConnector } from '../teams/test-support';
import { createTestClock, type TestClock } from './test-clock';

/** One act the app handled, as the adapters handed it over. */
export type HandledAct = {
  inbound: Inbound;
  result?: InboundResult;
  /** Settles once the app call finished (whatever its outcome). */
  done: Promise<void>;
};

export type TestRuntime = {
  runtime: Runtime;
  db: Db;
  clock: TestClock;
  /** `http://127.0.0.1:<port>` of the runtime's own HTTP server. */
  baseUrl: string;
  slackApi: FakeSlackApi;
  connector: FakeConnector;
  /** Every act the app was given, in order, through either platform. */
  acts: HandledAct[];
  /** Waits until the app was given `count` acts in all and each of them finished. */
  waitForActs(count: number, timeoutMs?: number): Promise<HandledAct[]>;
  /** POSTs a Slack request, signed at the clock's time, to `/slack/events`. */
  postSlack(
    kind: SlackRequestKind,
    payload: Record<string, unknown>,
    options?: { retryNum?: number },
  ): Promise<{ status: number; text: string }>;
  /** POSTs a Bot Framework activity to `/api/messages` (Teams in development mode: no auth). */
  postTeams(activity: unknown): Promise<{ status: number; body: string }>;
  /**
   * Sends everything in the outbox. The clock jumps to each row's next attempt, so pacing
   * (one message per conversation per second) and Retry-After play out without real waiting.
   */
  deliver(): Promise<void>;
  /** `stagecoach tick --at`: sets the clock, runs every due job, delivers what they wrote. */
  tick(at: Date | string): Promise<FireReport[]>;
  /** Outbox rows that were given up on (a healthy run has none). */
  failedSends(): Promise<Array<{ key: string; error: string | null }>>;
  /** Imports a placements CSV as a coordinator would. */
  seed(csv: string): Promise<ImportSummary>;
  close(): Promise<void>;
};

export const TEST_TIMEZONE = 'Europe/Amsterdam';
const MAX_DELIVERY_ROUNDS = 500;

/**
 * The real composition root (`createRuntime`) with its HTTP server on an ephemeral port, Slack
 * pointed at a local fake Web API and Teams (development mode, no app id) at a fake Bot
 * Connector, the scheduler off and a clock the test controls.
 */
export async function startTestRuntime(options: { now: Date | string }): Promise<TestRuntime> {
  const clock = createTestClock(options.now);
  const slackApi = await startFakeSlackApi();
  const connector = await startFakeConnector();
  const database = await openTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slackApi.apiUrl,
    TEAMS_ALLOWED_TENANTS: FIXTURE_TENANT,
    TEAMS_UNAUTHENTICATED_DEV: 'on',
    STAGECOACH_SCHEDULER: 'off',
    STAGECOACH_TIMEZONE: TEST_TIMEZONE,
    STAGECOACH_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    STAGECOACH_LOCALE: 'nl',
    LOG_LEVEL: 'silent',
  });
  const runtime = await createRuntime({
    config,
    logger: silentLogger,
    clock,
    database,
    serve: true,
    host: '127.0.0.1',
  });
  const acts = recordActs(runtime);
  const { port } = await runtime.start();
  if (!port) throw new Error('the runtime did not report its HTTP port');
  // The test drives the outbox itself (deliver), with the test clock; no background loop.
  await runtime.dispatcher.stop();
  const baseUrl = `http://127.0.0.1:${port}`;
  const db = runtime.database.db;

  async function deliver(): Promise<void> {
    for (let round = 0; round < MAX_DELIVERY_ROUNDS; round += 1) {
      await runtime.dispatcher.drain();
      // The head of each conversation waits for its next attempt (or for a lease a crashed send
      // left behind); rows behind a head wait for it, whatever their own time says.
      const [next] = await db
        .select({
          at: min(
            sql<Date>`greatest(${outbox.nextAttemptAt}, coalesce(${outbox.claimedUntil}, ${outbox.nextAttemptAt}))`,
          ),
        })
        .from(outbox)
        .where(and(eq(outbox.status, 'pending'), isConversationHead(db)));
      if (!next?.at) return;
      const at = new Date(next.at);
      if (at.getTime() > clock.now().getTime()) clock.set(at);
    }
    const stuck = await db
      .select({ key: outbox.idempotencyKey, error: outbox.lastError })
      .from(outbox)
      .where(eq(outbox.status, 'pending'))
      .limit(5);
    throw new Error(`the outbox did not empty in ${MAX_DELIVERY_ROUNDS} rounds: ${JSON.stringify(stuck)}`);
  }

  return {
    runtime,
    db,
    clock,
    baseUrl,
    slackApi,
    connector,
    acts,
    async waitForActs(count, timeoutMs = 5000) {
      const started = Date.now();
      while (acts.length < count) {
        if (Date.now() - started > timeoutMs) {
          throw new Error(`timed out waiting for ${count} act(s); the app got ${acts.length}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await Promise.all(acts.map((act) => act.done));
      return acts;
    },
    async postSlack(kind, payload, postOptions = {}) {
      const request = signedSlackRequest(kind, payload, {
        timestampSeconds: clock.seconds(),
        ...(postOptions.retryNum === undefined ? {} : { retryNum: postOptions.retryNum }),
      });
      const response = await fetch(`${baseUrl}/slack/events`, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
      });
      return { status: response.status, text: await response.text() };
    },
    postTeams: (activity) => postActivity(baseUrl, activity),
    deliver,
    async tick(at) {
      clock.set(at);
      const reports = await runDueJobsAt(db, runtime.app.jobs, clock.now(), {
        logger: silentLogger,
        instanceId: 'e2e-tick',
        clock,
      });
      await deliver();
      return reports;
    },
    failedSends: () =>
      db
        .select({ key: outbox.idempotencyKey, error: outbox.lastError })
        .from(outbox)
        .where(eq(outbox.status, 'failed')),
    seed: (csv) =>
      importPlacements(storesOnDb(db), csv, { actor: 'e2e', reach: EVERY_COHORT, at: clock.now() }),
    async close() {
      await runtime.close();
      await slackApi.close();
      await connector.close();
    },
  };
}

/**
 * Observes the app's inbound handler without replacing it: each act is recorded with its
 * result, so a test can wait for Slack's work after the 200 acknowledgement.
 */
function recordActs(runtime: Runtime): HandledAct[] {
  const acts: HandledAct[] = [];
  const handler = runtime.app.handler;
  const handle = handler.handle.bind(handler);
  handler.handle = (inbound) => {
    const act: HandledAct = { inbound, done: Promise.resolve() };
    const work = handle(inbound).then((result) => {
      act.result = result;
      return result;
    });
    act.done = work.then(
      () => undefined,
      () => undefined,
    );
    acts.push(act);
    return work;
  };
  return acts;
}
