import { count, sql } from 'drizzle-orm';
import { describe, expect, it, onTestFinished } from 'vitest';
import { BOT_TOKEN, startFakeSlackApi } from '../../adapters/slack/fixtures/fake-slack-api';
import { TEAM } from '../../adapters/slack/fixtures/payloads';
import { SIGNING_SECRET } from '../../adapters/slack/fixtures/signed-request';
import { TEST_KEY } from '../app/testing/app-harness';
import { createDataPlace, runCliInProcess } from '../app/testing/processes';
import { testDatabaseServerUrl } from '../config';
import { text } from '../core/messages/model';
import { createCipher } from '../infra/crypto';
import type { Db } from '../infra/db/client';
import { outbox } from '../infra/db/schema';
import { enqueueMany, type OutboxItem } from '../infra/outbox/enqueue';
import {
  type CliProcess,
  parseTickSummary,
  printFigures,
  spawnCli,
  tally,
  withDataPlace,
} from './spawned-cli';

/**
 * SIGKILL of dispatching processes at 4 points of a 200-message drain, then a restart to finish:
 * every message arrives, and the only duplicates are the documented crash window (a send Slack
 * accepted whose `sent` mark never committed), at most the sends in flight per kill, i.e. the
 * dispatcher's concurrency (4).
 *
 * Each round starts two `tick --at T_k` processes together and SIGKILLs both once Slack has
 * received another ~80 messages: two kill points per round, so four kills cost two process
 * start-ups instead of four (the suite must stay fast on a two-core CI machine). The two of a
 * round share T_k, so each respects the other's leases; T_k advances by more than the 120 s
 * lease per round, so the leases of killed processes have expired in the next round's view: the
 * second round takes over rows the first round's processes had leased and is killed in turn, and
 * the restart takes over what both left (a row can be killed twice).
 *
 * Sizes: what is proved holds per kill (a killed process leaves at most its in-flight sends
 * unmarked, and its leased rows are taken over), so the count of messages only has to keep
 * every process busy until its kill and leave a rest for the restart, and two rounds already
 * include a round that takes over a killed process's leases and is killed itself; a larger drain
 * or more rounds repeat the same kill, at ~2 s of CPU per process start-up and ~10 ms per message.
 *
 * PostgreSQL only: PGlite's data directory belongs to one process at a time by design.
 */

const MESSAGES = 200;
const ROUNDS = 2;
const PROCESSES_PER_ROUND = 2;
const KILLS = ROUNDS * PROCESSES_PER_ROUND;
/** New messages Slack receives per kill before the kill. */
const PER_KILL = 40;
/** Sends in flight per process (DEFAULT_DISPATCHER_OPTIONS.concurrency): the crash window. */
const IN_FLIGHT_PER_PROCESS = 4;
/** Monday 1 March 2027, 09:00 in Amsterdam: no weekly job is due, only the drain runs. */
const T0 = new Date('2027-03-01T08:00:00Z');
/** ms between rounds: more than the 120 s lease plus a process's own running time. */
const ROUND_STEP_MS = 180_000;
const TIMEOUT_MS = 180_000;

const personId = (n: number) => `p-kill-${String(n).padStart(4, '0')}`;
const slackUserOf = (n: number) => `UKILL${String(n).padStart(4, '0')}`;

/** 200 people linked to Slack accounts, one pending message each (one per person: no pacing). */
async function seed(db: Db): Promise<void> {
  const at = new Date(T0.getTime() - 60 * 60_000);
  // Raw SQL gets the instant as text: the drivers differ in how they take a Date parameter.
  const atIso = at.toISOString();
  await db.execute(sql`
    insert into people (id, email, name, locale, created_at)
    select 'p-kill-' || lpad(n::text, 4, '0'), 'kill' || n || '@student.roc.nl', 'Student ' || n, 'nl', ${atIso}::timestamptz
    from generate_series(1, ${MESSAGES}) as n`);
  await db.execute(sql`
    insert into identities (person_id, platform, tenant, platform_user_id, status, linked_at)
    select 'p-kill-' || lpad(n::text, 4, '0'), 'slack', ${TEAM}, 'UKILL' || lpad(n::text, 4, '0'), 'active', ${atIso}::timestamptz
    from generate_series(1, ${MESSAGES}) as n`);
  const cipher = createCipher(TEST_KEY);
  const items: OutboxItem[] = Array.from({ length: MESSAGES }, (_, index) => ({
    key: `fault:sigkill:${index + 1}`,
    to: { kind: 'person', personId: personId(index + 1) },
    subjectId: personId(index + 1),
    message: {
      key: 'fault.sigkill',
      summary: `Bericht ${index + 1}`,
      blocks: [text(`Bericht ${index + 1}`)],
    },
    notBefore: at,
    at,
  }));
  await enqueueMany(db, cipher, items);
}

describe.runIf(testDatabaseServerUrl())('dispatching processes killed mid-drain', () => {
  it('deliver every message, with duplicates only in the one-send crash window', {
    timeout: TIMEOUT_MS,
  }, async () => {
    // Arrange
    const slack = await startFakeSlackApi();
    onTestFinished(() => slack.close());
    const place = await createDataPlace();
    onTestFinished(() => place.close());
    const env = {
      ...place.env,
      STAGECOACH_SCHEDULER: 'off',
      LOG_LEVEL: 'error',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
    };
    await withDataPlace(env, seed);
    // The kill happens inside Slack's answer: the message counts as received, the process never
    // learns it was accepted. That is the crash window at its widest.
    let received = 0;
    let killAt = Number.POSITIVE_INFINITY;
    let victims: CliProcess[] = [];
    const receivedAtKill: number[] = [];
    slack.answer('chat.postMessage', () => {
      received += 1;
      if (received >= killAt) {
        killAt = Number.POSITIVE_INFINITY;
        receivedAtKill.push(received);
        for (const victim of victims) victim.kill();
      }
      return { body: { ok: true, channel: 'D0KILL', ts: `${1_800_000_000 + received}.000100` } };
    });

    // Act
    let killed = 0;
    let finishedBeforeKill = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const at = new Date(T0.getTime() + round * ROUND_STEP_MS).toISOString();
      killAt = received + PER_KILL * PROCESSES_PER_ROUND;
      victims = Array.from({ length: PROCESSES_PER_ROUND }, () => spawnCli(env, 'tick', '--at', at));
      const results = await Promise.all(victims.map((victim) => victim.done));
      killed += results.filter((result) => result.code === -1).length;
      finishedBeforeKill += results.filter((result) => result.code === 0).length;
    }
    killAt = Number.POSITIVE_INFINITY;
    // The restart runs the same `tick` command line (argument parsing, configuration from `env`,
    // runtime, exit code) in this process: the kills above need real processes, the restart only
    // needs to be a new runtime on the same database, and this one costs no process start-up.
    const last = await runCliInProcess(
      env,
      'tick',
      '--at',
      new Date(T0.getTime() + ROUNDS * ROUND_STEP_MS).toISOString(),
    );
    const statuses = await withDataPlace(env, (db) =>
      db.select({ status: outbox.status, n: count() }).from(outbox).groupBy(outbox.status),
    );

    // Assert
    const posts = slack.callsTo('chat.postMessage');
    const perRecipient = tally(posts.map((call) => String(call.args.channel)));
    const duplicates = posts.length - perRecipient.size;
    const missing = Array.from({ length: MESSAGES }, (_, index) => slackUserOf(index + 1)).filter(
      (user) => !perRecipient.has(user),
    );
    const byStatus = Object.fromEntries(statuses.map((row) => [row.status, row.n]));
    printFigures('SIGKILL mid-drain', {
      messages: MESSAGES,
      kills: killed,
      killPoints: receivedAtKill.join(','),
      finishedBeforeKill,
      posts: posts.length,
      delivered: perRecipient.size,
      lost: missing.length,
      duplicates,
      duplicateBound: IN_FLIGHT_PER_PROCESS * killed,
      lastTickSent: parseTickSummary(last.stdout)?.sent ?? -1,
      outboxSent: byStatus.sent ?? 0,
      outboxPending: byStatus.pending ?? 0,
      outboxFailed: byStatus.failed ?? 0,
    });
    expect(killed).toBeGreaterThanOrEqual(KILLS);
    expect(last.code, last.stderr).toBe(0);
    expect(missing).toEqual([]);
    expect(duplicates).toBeLessThanOrEqual(IN_FLIGHT_PER_PROCESS * killed);
    expect(byStatus).toEqual({ sent: MESSAGES });
  });
});
