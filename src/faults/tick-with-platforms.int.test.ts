import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { count, inArray } from 'drizzle-orm';
import { describe, type ExpectStatic, it, type OnTestFinishedHandler } from 'vitest';
import { BOT_TOKEN, startFakeSlackApi } from '../../adapters/slack/fixtures/fake-slack-api';
import { MENTOR, STUDENT } from '../../adapters/slack/fixtures/payloads';
import { SIGNING_SECRET } from '../../adapters/slack/fixtures/signed-request';
import { FIXTURE_BOT_ID, FIXTURE_TENANT } from '../../adapters/teams/fixtures';
import { type FakeConnector, startFakeConnector } from '../../adapters/teams/test-support';
import { createDataPlace, runCliInProcess } from '../app/testing/processes';
import type { Db } from '../infra/db/client';
import { conversationRefs, identities, outbox, people } from '../infra/db/schema';
import { parseTickSummary, printFigures, runCli, withDataPlace } from './spawned-cli';

/**
 * `stagecoach tick --at` with a platform configured and no server running anywhere: the tick's
 * own process must deliver what its jobs produced (issue 8: it used to fail every message with
 * `recipient.platform-not-configured`). Runs on PGlite and on PostgreSQL: one process at a time.
 */

/** Friday 5 February 2027, 13:00 in Amsterdam: the weekly check-in fires. */
const FRIDAY_1300 = '2027-02-05T12:00:00Z';

/** The three people the fake Slack directory knows, as one placement. */
const CSV = `student_email,student_name,mentor_email,mentor_name,start_date,end_date,coordinator_email,coordinator_name,cohort
sanne@student.roc.nl,Sanne de Vries,mark@zorggroep.nl,Mark Jansen,2027-02-01,2027-06-30,petra@roc.nl,Petra Bakker,Zorg 2027
`;

const TEAMS_STUDENT = {
  email: 'sanne@student.roc.nl',
  aadObjectId: '5f1c9a4e-2b7d-4c1e-9a3f-0d2e8b6c4a11',
  userId: '29:1AbCdEfStudentTeamsUserId',
  conversationId: 'a:1XyZpersonalChatIdForStudent',
};
const TEAMS_MENTOR = {
  email: 'mark@zorggroep.nl',
  aadObjectId: '9a8b7c6d-0000-4000-8000-00000000a001',
  userId: '29:1MentorMarkTeamsUserId',
  conversationId: 'a:1MentorMarkPersonalChat',
};

/**
 * ms per test: each scenario imports in-process, starts one CLI process on a migrated copy of
 * the database and ticks again in-process (far less than this on a two-core machine shared with
 * other work). The two scenarios run concurrently.
 */
const SCENARIO_TIMEOUT_MS = 180_000;

async function outboxByStatus(db: Db): Promise<Record<string, number>> {
  const rows = await db.select({ status: outbox.status, n: count() }).from(outbox).groupBy(outbox.status);
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
}

/** A data place with the cohort imported by the CLI, as an operator would do it. */
async function placeWithCohort(
  test: { expect: ExpectStatic; onTestFinished: (fn: OnTestFinishedHandler) => void },
  extraEnv: Record<string, string>,
) {
  const { expect } = test;
  const place = await createDataPlace();
  test.onTestFinished(() => place.close());
  const env = { ...place.env, STAGECOACH_SCHEDULER: 'off', LOG_LEVEL: 'warn', ...extraEnv };
  const file = join(place.dir, 'placements.csv');
  writeFileSync(file, CSV);
  // In this process: the import is the setting, the tick processes are what is tested.
  const imported = await runCliInProcess(env, 'import', file);
  expect(imported.stdout, imported.stderr).toContain('Imported: 1 created');
  return env;
}

/** What an install activity would have stored: a reference through the fake connector, and a link. */
async function storeReferences(db: Db, connector: FakeConnector): Promise<void> {
  const found = await db
    .select({ id: people.id, email: people.email })
    .from(people)
    .where(inArray(people.email, [TEAMS_STUDENT.email, TEAMS_MENTOR.email]));
  const at = new Date('2027-02-01T09:00:00Z');
  for (const person of [TEAMS_STUDENT, TEAMS_MENTOR]) {
    const personId = found.find((row) => row.email === person.email)?.id;
    if (!personId) throw new Error(`${person.email} was not imported`);
    await db.insert(conversationRefs).values({
      platform: 'teams',
      key: person.aadObjectId,
      tenant: FIXTURE_TENANT,
      email: person.email,
      ref: {
        channelId: 'msteams',
        serviceUrl: connector.url,
        locale: 'nl-NL',
        user: { id: person.userId, aadObjectId: person.aadObjectId },
        bot: { id: FIXTURE_BOT_ID, name: 'Stagecoach' },
        conversation: { id: person.conversationId, conversationType: 'personal', tenantId: FIXTURE_TENANT },
      },
      updatedAt: at,
    });
    await db.insert(identities).values({
      personId,
      platform: 'teams',
      tenant: FIXTURE_TENANT,
      platformUserId: person.aadObjectId,
      linkedAt: at,
    });
  }
}

// Concurrent, to halve the wall time on PGlite; each test registers its clean-up on its own
// context (the global onTestFinished cannot tell concurrent tests apart).
/** `tick --at` twice at one instant, as an external scheduler that fired twice would; prints the figures. */
async function tickTwice(env: Record<string, string>, platform: string, postsSoFar: () => number) {
  const first = await runCli(env, 'tick', '--at', FRIDAY_1300);
  const postsAfterFirst = postsSoFar();
  // The first tick is a real process (it must deliver by itself and exit); the second only has to
  // find the instant's jobs done and nothing left to send, which the same command line shows in
  // this process without a second process start-up.
  const second = await runCliInProcess(env, 'tick', '--at', FRIDAY_1300);
  const statuses = await withDataPlace(env, outboxByStatus);
  const summary = parseTickSummary(first.stdout);
  const again = parseTickSummary(second.stdout);
  printFigures(`tick with ${platform}`, {
    jobs: summary?.ran ?? -1,
    sent: summary?.sent ?? -1,
    waiting: summary?.waiting ?? -1,
    failed: summary?.failed ?? -1,
    posts: postsAfterFirst,
    secondTickSent: again?.sent ?? -1,
    outboxSent: statuses.sent ?? 0,
    outboxPending: statuses.pending ?? 0,
    outboxFailed: statuses.failed ?? 0,
  });
  return { first, second, summary, again, postsAfterFirst, statuses };
}

describe.concurrent('tick with a platform configured and no server running', () => {
  it('delivers every Slack message of the tick itself, and a second tick at that instant sends nothing new', {
    timeout: SCENARIO_TIMEOUT_MS,
  }, async ({ expect, onTestFinished }) => {
    // Arrange
    const slack = await startFakeSlackApi();
    onTestFinished(() => slack.close());
    const env = await placeWithCohort(
      { expect, onTestFinished },
      {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
      },
    );

    // Act
    const { first, second, summary, again, postsAfterFirst, statuses } = await tickTwice(
      env,
      'Slack',
      () => slack.callsTo('chat.postMessage').length,
    );

    // Assert
    const posts = slack.callsTo('chat.postMessage');
    expect(first.code, first.stderr).toBe(0);
    expect(summary).toMatchObject({ waiting: 0, failed: 0 });
    expect(summary?.sent).toBeGreaterThanOrEqual(2);
    const to = (user: string) => posts.filter((call) => call.args.channel === user);
    expect(to(STUDENT), 'the check-in prompt to the student').toHaveLength(1);
    expect(String(to(STUDENT)[0]?.args.text)).toContain('Sanne');
    expect(to(MENTOR), 'the weekly-talk question to the mentor').toHaveLength(1);
    expect(postsAfterFirst).toBe(summary?.sent);
    expect(statuses).toEqual({ sent: summary?.sent });
    expect(second.code, second.stderr).toBe(0);
    expect(again).toMatchObject({ ran: 0, sent: 0, waiting: 0, failed: 0 });
    expect(posts).toHaveLength(postsAfterFirst);
  });

  it('delivers every Teams message of the tick through the stored references, and a second tick sends nothing new', {
    timeout: SCENARIO_TIMEOUT_MS,
  }, async ({ expect, onTestFinished }) => {
    // Arrange: development mode (no app id), so the fake connector needs no token.
    const connector = await startFakeConnector();
    onTestFinished(() => connector.close());
    const env = await placeWithCohort(
      { expect, onTestFinished },
      { TEAMS_ALLOWED_TENANTS: FIXTURE_TENANT, TEAMS_UNAUTHENTICATED_DEV: 'on' },
    );
    await withDataPlace(env, (db) => storeReferences(db, connector));

    // Act
    const { first, second, summary, again, postsAfterFirst, statuses } = await tickTwice(
      env,
      'Teams',
      () => connector.posted().length,
    );

    // Assert
    const posts = connector.posted();
    expect(first.code, first.stderr).toBe(0);
    expect(summary, first.stdout).toMatchObject({ waiting: 0, failed: 0 });
    const to = (conversationId: string) => posts.filter((post) => post.conversationId === conversationId);
    expect(to(TEAMS_STUDENT.conversationId), 'the check-in prompt to the student').toHaveLength(1);
    expect(to(TEAMS_MENTOR.conversationId), 'the weekly-talk question to the mentor').toHaveLength(1);
    expect(postsAfterFirst).toBe(summary?.sent);
    expect(statuses).toEqual({ sent: summary?.sent });
    expect(second.code, second.stderr).toBe(0);
    expect(again).toMatchObject({ ran: 0, sent: 0, waiting: 0, failed: 0 });
    expect(posts).toHaveLength(postsAfterFirst);
  });
});
