import { count, eq, like, sql } from 'drizzle-orm';
import { describe, expect, it, onTestFinished } from 'vitest';
import { BOT_TOKEN, startFakeSlackApi } from '../../adapters/slack/fixtures/fake-slack-api';
import { messageIm, TEAM } from '../../adapters/slack/fixtures/payloads';
import { SIGNING_SECRET, signedSlackRequest } from '../../adapters/slack/fixtures/signed-request';
import type { Clock } from '../app/ports';
import { TEST_KEY } from '../app/testing/app-harness';
import { createDataPlace } from '../app/testing/processes';
import { loadConfig, testDatabaseServerUrl } from '../config';
import { text } from '../core/messages/model';
import { createCipher } from '../infra/crypto';
import { type Db, openDatabase } from '../infra/db/client';
import { isDriverDeadSocketWrite } from '../infra/db/driver-guard';
import { outbox, seenInbound } from '../infra/db/schema';
import { silentLogger } from '../infra/logging';
import { enqueueMany, type OutboxItem } from '../infra/outbox/enqueue';
import { createRuntime } from '../main';
import { printFigures, tally } from './spawned-cli';
import { startTcpProxy } from './tcp-proxy';

/**
 * PostgreSQL restarted under a running process: a TCP proxy between the runtime and the server
 * cuts every connection and refuses new ones for a while, once in the middle of an outbox drain
 * and once while Slack acts (signed DMs on the real HTTP endpoint) arrive. Nothing may be lost:
 * every queued message is sent; every act Slack got a 2xx for is stored; an act that got a
 * non-2xx is re-sent as Slack would (same event id, `x-slack-retry-num`) and then stored once.
 * The process must survive it and answer `/healthz` afterwards.
 *
 * PostgreSQL only: there is no server to restart under PGlite, which runs inside the process.
 */

/**
 * Sizes: the restart has to fall inside a drain (sends in flight, more queued behind them) and
 * among arriving acts (some stored before it, the rest arriving while the database is down, 50 ms
 * apart); what is proved holds for any such counts, so they are kept small — each message costs
 * the dispatcher ~7 round trips, and more of them only lengthen the drain around the one cut.
 */
const MESSAGES = 150;
const ACTS = 20;
/** ms the database stays unreachable per restart. */
const DOWN_MS = 1_500;
/**
 * Messages Slack has received when the database goes down mid-drain. Not earlier: a cut after
 * ~40 sends, while the pool is still opening connections, stalls the dispatcher for ~25 s after
 * the restart (a query on a connection cut mid-handshake waits for the driver's 30 s
 * connect_timeout); nothing is lost then either, but that is a driver matter of its own.
 */
const CUT_AFTER = 100;
/** Acts sent when the database goes down mid-inbound: the other 15 arrive while it is down. */
const CUT_AFTER_ACTS = 5;
/** ms: the 120 s lease of the dispatcher, plus a margin; the clock jumps it after a restart. */
const LEASE_JUMP_MS = 125_000;
/** ms Slack waits for the answer to an event before it retries it. */
const SLACK_WAITS_MS = 3_000;
/** ms a health check waits for `/healthz`. */
const HEALTH_WAITS_MS = 10_000;
/** Slack retries an event up to three times; the test is more patient, a restart takes a while. */
const MAX_TRIES = 20;
/** Monday 1 March 2027, 09:00 in Amsterdam: the runtime's time starts here and runs on. */
const T0 = new Date('2027-03-01T08:00:00Z');
/** ms: far beyond the documented bounded shutdown (10 s drain, 5 s database); only a hang reaches it. */
const CLOSE_CAP_MS = 30_000;
const TIMEOUT_MS = 150_000;

/**
 * Real time from a fixed start, which the test can move forward: after a restart, leases the
 * lost connections left behind expire without the test waiting two minutes.
 */
function createJumpClock(start: Date): Clock & { jump(ms: number): void; seconds(): number } {
  const startedAt = Date.now();
  let offset = 0;
  const now = () => new Date(start.getTime() + (Date.now() - startedAt) + offset);
  return {
    now,
    jump: (ms) => {
      offset += ms;
    },
    seconds: () => Math.floor(now().getTime() / 1000),
  };
}

const actorOf = (n: number) => `U0ACT${String(n).padStart(3, '0')}`;
const actorEmail = (n: number) => `act${n}@student.roc.nl`;

/** People with Slack accounts and one queued message each; people who will write to the bot. */
async function seed(db: Db): Promise<void> {
  const at = new Date(T0.getTime() - 60 * 60_000).toISOString();
  await db.execute(sql`
    insert into people (id, email, name, locale, created_at)
    select 'p-pg-' || n, 'pg' || n || '@student.roc.nl', 'Student ' || n, 'nl', ${at}::timestamptz
    from generate_series(1, ${MESSAGES}) as n`);
  await db.execute(sql`
    insert into identities (person_id, platform, tenant, platform_user_id, status, linked_at)
    select 'p-pg-' || n, 'slack', ${TEAM}, 'UPG' || n, 'active', ${at}::timestamptz
    from generate_series(1, ${MESSAGES}) as n`);
  await db.execute(sql`
    insert into people (id, email, name, locale, created_at)
    select 'p-act-' || n, 'act' || n || '@student.roc.nl', 'Schrijver ' || n, 'nl', ${at}::timestamptz
    from generate_series(1, ${ACTS}) as n`);
  const items: OutboxItem[] = Array.from({ length: MESSAGES }, (_, index) => ({
    key: `fault:pg-restart:${index + 1}`,
    to: { kind: 'person', personId: `p-pg-${index + 1}` },
    subjectId: `p-pg-${index + 1}`,
    message: { key: 'fault.pg', summary: `Bericht ${index + 1}`, blocks: [text(`Bericht ${index + 1}`)] },
    notBefore: new Date(at),
    at: new Date(at),
  }));
  await enqueueMany(db, createCipher(TEST_KEY), items);
}

/** ms without progress after which the rows left are taken to wait out a lease. */
const STALL_MS = 5_000;

/**
 * Polls `done` until it holds. With `stall`, whenever `progress` stays the same for STALL_MS, calls
 * `stall` (the test then moves its clock past the lease): a row a dispatcher leased just before
 * its connection broke is sent only after that lease, as documented; the test does not wait two
 * minutes of real time for it.
 */
async function waitFor(
  what: string,
  done: () => boolean | Promise<boolean>,
  options: { progress?: () => number | Promise<number>; stall?: () => void; timeoutMs?: number } = {},
) {
  const { progress, stall, timeoutMs = 60_000 } = options;
  const started = Date.now();
  let last = await progress?.();
  let lastChange = Date.now();
  while (!(await done())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (!progress || !stall) continue;
    const now = await progress();
    if (now !== last) {
      last = now;
      lastChange = Date.now();
    } else if (Date.now() - lastChange > STALL_MS) {
      stall();
      lastChange = Date.now();
    }
  }
}

describe.runIf(testDatabaseServerUrl())('PostgreSQL restarted under a running process', () => {
  it('loses no queued message and no acknowledged act, and the process stays up', {
    timeout: TIMEOUT_MS,
  }, async () => {
    // Arrange: an exception or rejection nobody handles would end a real server (Node's default
    // for both); record them, as the test runner keeps this process alive. The one driver error
    // the server's guard survives (see infra/db/driver-guard.ts) is counted apart.
    const uncaught: string[] = [];
    let driverSocketErrors = 0;
    const onUncaught = (error: unknown) => {
      if (isDriverDeadSocketWrite(error)) driverSocketErrors += 1;
      else uncaught.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
    };
    process.on('uncaughtException', onUncaught);
    process.on('unhandledRejection', onUncaught);
    onTestFinished(() => {
      process.off('uncaughtException', onUncaught);
      process.off('unhandledRejection', onUncaught);
    });
    const slack = await startFakeSlackApi();
    onTestFinished(() => slack.close());
    // Everyone who writes is a person Slack can describe (users.info), so the act links them.
    slack.answer('users.info', (call) => {
      const user = String(call.args.user);
      const n = Number(user.slice('U0ACT'.length));
      const email = actorEmail(n);
      return {
        body: {
          ok: true,
          user: { id: user, team_id: TEAM, real_name: `Schrijver ${n}`, profile: { email } },
        },
      };
    });
    const place = await createDataPlace();
    onTestFinished(() => place.close());
    const directUrl = place.env.DATABASE_URL ?? '';
    // The test's own look at the data goes around the proxy, so the restarts do not touch it.
    const direct = await openDatabase({ kind: 'postgres', url: directUrl, maxConnections: 2 });
    onTestFinished(() => direct.close());
    await direct.migrate();
    await seed(direct.db);
    const server = new URL(directUrl);
    const proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
    onTestFinished(() => proxy.close());
    const viaProxy = new URL(directUrl);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    const clock = createJumpClock(T0);
    const runtime = await createRuntime({
      config: loadConfig({
        ...place.env,
        DATABASE_URL: viaProxy.toString(),
        PORT: '0',
        STAGECOACH_SCHEDULER: 'off',
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        LOG_LEVEL: 'silent',
      }),
      logger: silentLogger,
      clock,
      serve: true,
      host: '127.0.0.1',
    });
    let closeStartedAt: number | undefined;
    onTestFinished(async () => {
      if (closeStartedAt === undefined) await runtime.close();
    });
    const posts = () =>
      slack.callsTo('chat.postMessage').filter((call) => String(call.args.channel).startsWith('UPG'));
    const delivered = () => new Set(posts().map((call) => String(call.args.channel))).size;
    // Rows left leased by a connection the restart broke (see waitFor): their lease is waited out.
    let leasesWaitedOut = 0;
    const waitOutLeases = {
      progress: () => slack.callsTo('chat.postMessage').length,
      stall: () => {
        leasesWaitedOut += 1;
        clock.jump(LEASE_JUMP_MS);
        runtime.dispatcher.dispatchSoon();
      },
    };

    // Act 1: the database goes down in the middle of the drain.
    const { port } = await runtime.start();
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitFor(`${CUT_AFTER} sends`, () => posts().length >= CUT_AFTER);
    const sentAtCut = posts().length;
    await proxy.restart(DOWN_MS);
    // Rows whose lease was taken on a lost connection wait out their lease.
    clock.jump(LEASE_JUMP_MS);
    runtime.dispatcher.dispatchSoon();
    await waitFor('every queued message', () => delivered() >= MESSAGES, waitOutLeases);

    // Act 2: the database goes down while acts arrive; Slack re-sends whatever got no 2xx.
    const firstStatus: number[] = [];
    let retries = 0;
    async function act(n: number): Promise<number> {
      const payload = messageIm({ eventId: `Ev0FAULT${String(n).padStart(4, '0')}`, text: 'help' });
      payload.event = {
        ...payload.event,
        user: actorOf(n),
        channel: `D0ACT${String(n).padStart(3, '0')}`,
        ts: `${clock.seconds()}.${String(n).padStart(6, '0')}`,
        client_msg_id: `5f0c1d2e-0000-4000-8000-${String(n).padStart(12, '0')}`,
      };
      for (let attempt = 0; attempt < MAX_TRIES; attempt += 1) {
        const request = signedSlackRequest('event', payload, {
          timestampSeconds: clock.seconds(),
          ...(attempt === 0 ? {} : { retryNum: attempt }),
        });
        // Slack waits 3 s for an answer, then counts the delivery as failed and retries.
        const status = await fetch(`${baseUrl}/slack/events`, {
          method: 'POST',
          headers: request.headers,
          body: request.body,
          signal: AbortSignal.timeout(SLACK_WAITS_MS),
        }).then(
          (response) => response.status,
          () => 0,
        );
        if (attempt === 0) firstStatus[n] = status;
        else retries += 1;
        if (status >= 200 && status < 300) return attempt;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      return MAX_TRIES;
    }
    const acts: Array<Promise<number>> = [];
    let restart: Promise<void> | undefined;
    for (let n = 1; n <= ACTS; n += 1) {
      if (n === CUT_AFTER_ACTS + 1) restart = proxy.restart(DOWN_MS);
      acts.push(act(n));
      // Acts trickle in, as people type: the restart falls among them.
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const attempts = await Promise.all(acts);
    await restart;
    clock.jump(LEASE_JUMP_MS);
    runtime.dispatcher.dispatchSoon();
    // 0: no answer at all within HEALTH_WAITS_MS (a load balancer would take the process out).
    const health = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(HEALTH_WAITS_MS) }).then(
      (response) => ({ status: response.status }),
      () => ({ status: 0 }),
    );
    const stored = await direct.db
      .select({ key: seenInbound.dedupeKey })
      .from(seenInbound)
      .where(like(seenInbound.dedupeKey, 'slack:Ev0FAULT%'));
    await waitFor(
      'an empty outbox',
      async () => {
        const [pending] = await direct.db
          .select({ n: count() })
          .from(outbox)
          .where(eq(outbox.status, 'pending'));
        return pending?.n === 0;
      },
      waitOutLeases,
    );
    const statuses = await direct.db
      .select({ status: outbox.status, n: count() })
      .from(outbox)
      .groupBy(outbox.status);
    // Shutdown waits for acts still at work and a bounded dispatcher drain (10 s): a hang here
    // is a fault of its own, so it is measured and capped rather than left to the test timeout.
    const closeStarted = Date.now();
    closeStartedAt = closeStarted;
    const closedInTime = await Promise.race([
      runtime.close().then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), CLOSE_CAP_MS)),
    ]);
    const closeMs = Date.now() - closeStarted;

    // Assert
    const perRecipient = tally(posts().map((call) => String(call.args.channel)));
    const duplicates = posts().length - perRecipient.size;
    const refusedFirst = firstStatus.filter(
      (status) => status !== undefined && (status < 200 || status >= 300),
    );
    const byStatus = Object.fromEntries(statuses.map((row) => [row.status, row.n]));
    // The answers to the acts go through the outbox to each writer's account (help: a few messages).
    const answers = slack
      .callsTo('chat.postMessage')
      .filter((call) => String(call.args.channel).startsWith('U0ACT'));
    const perAnswer = tally(answers.map((call) => `${call.args.channel}\n${call.args.text}`));
    const answered = new Set(answers.map((call) => String(call.args.channel)));
    const answerDuplicates = answers.length - perAnswer.size;
    // An act refused with a 500 also shows the person an immediate "try again" in the DM.
    const tryAgainShown = slack
      .callsTo('chat.postMessage')
      .filter((call) => String(call.args.channel).startsWith('D0ACT')).length;
    printFigures('PostgreSQL restart', {
      messages: MESSAGES,
      sentAtCut,
      delivered: perRecipient.size,
      lost: MESSAGES - perRecipient.size,
      duplicates,
      acts: ACTS,
      actsRefusedFirst: refusedFirst.length,
      actRetries: retries,
      actsStored: stored.length,
      actsGivenUp: attempts.filter((tries) => tries >= MAX_TRIES).length,
      proxyConnections: proxy.connections(),
      actsAnswered: answered.size,
      answerDuplicates,
      tryAgainShown,
      uncaught: uncaught.length,
      driverSocketErrors,
      leasesWaitedOut,
      healthz: health.status,
      closeMs,
      outboxSent: byStatus.sent ?? 0,
      outboxPending: byStatus.pending ?? 0,
      outboxFailed: byStatus.failed ?? 0,
    });
    expect(perRecipient.size).toBe(MESSAGES);
    // Only sends in flight when the connections dropped can go out twice (the crash window):
    // at most the dispatcher's concurrency (4) per restart.
    expect(duplicates + answerDuplicates).toBeLessThanOrEqual(4 * 2);
    expect(attempts.filter((tries) => tries >= MAX_TRIES)).toEqual([]);
    expect(stored.map((row) => row.key).sort()).toEqual(
      Array.from({ length: ACTS }, (_, index) => `slack:Ev0FAULT${String(index + 1).padStart(4, '0')}`),
    );
    // Every act answered; a retry of an act that was stored is not answered again (duplicates above).
    expect(answered.size).toBe(ACTS);
    expect(uncaught, 'uncaught exceptions and unhandled rejections (each ends a server process)').toEqual([]);
    expect(health.status).toBe(200);
    expect(byStatus.failed ?? 0).toBe(0);
    expect(closedInTime, `runtime.close() still running after ${CLOSE_CAP_MS} ms`).toBe(true);
  });
});
