import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { describe, expect, it, onTestFinished } from 'vitest';
import { BOT_TOKEN, startFakeSlackApi } from '../../adapters/slack/fixtures/fake-slack-api';
import { TEAM } from '../../adapters/slack/fixtures/payloads';
import { SIGNING_SECRET } from '../../adapters/slack/fixtures/signed-request';
import { createDataPlace, runCliInProcess } from '../app/testing/processes';
import { testDatabaseServerUrl } from '../config';
import { outbox } from '../infra/db/schema';
import { parseTickSummary, printFigures, slackIdFor, spawnCli, tally, withDataPlace } from './spawned-cli';

/**
 * Three `tick --at` processes started together for one instant against one PostgreSQL, as three
 * cron hosts (or a cron job that overlaps itself) would: the scheduler's fire claims and the
 * outbox's leases must make every message go out exactly once.
 *
 * PostgreSQL only: PGlite's data directory belongs to one process at a time by design, so
 * several processes on one database cannot happen there.
 */

/** Friday 5 February 2027, 13:00 in Amsterdam: the weekly check-in fires. */
const FRIDAY_1300 = '2027-02-05T12:00:00Z';
const PLACEMENTS = 30;
const PROCESSES = 3;
/** ms: three processes starting, on PostgreSQL, on a loaded two-core machine. */
const TIMEOUT_MS = 90_000;

/** One student and one mentor of their own per placement: one message per person, so no pacing. */
function cohortCsv(): string {
  const header =
    'student_email,student_name,mentor_email,mentor_name,start_date,end_date,coordinator_email,coordinator_name,cohort';
  const rows = Array.from({ length: PLACEMENTS }, (_, index) => {
    const n = String(index + 1).padStart(2, '0');
    return `student${n}@student.roc.nl,Student ${n},mentor${n}@zorggroep.nl,Mentor ${n},2027-02-01,2027-06-30,petra@roc.nl,Petra Bakker,Zorg 2027`;
  });
  return `${[header, ...rows].join('\n')}\n`;
}

describe.runIf(testDatabaseServerUrl())('three processes ticking one instant on one PostgreSQL', () => {
  it('deliver every message of the tick exactly once between them', { timeout: TIMEOUT_MS }, async () => {
    // Arrange: a Slack workspace that knows everyone of the cohort by e-mail.
    const slack = await startFakeSlackApi();
    onTestFinished(() => slack.close());
    slack.answer('users.lookupByEmail', (call) => ({
      body: { ok: true, user: { id: slackIdFor(String(call.args.email)), team_id: TEAM, deleted: false } },
    }));
    const place = await createDataPlace();
    onTestFinished(() => place.close());
    const env = {
      ...place.env,
      STAGECOACH_SCHEDULER: 'off',
      LOG_LEVEL: 'warn',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
    };
    const file = join(place.dir, 'placements.csv');
    writeFileSync(file, cohortCsv());
    // In this process: the import is the setting, the three tick processes are what is tested.
    const imported = await runCliInProcess(env, 'import', file);
    expect(imported.stdout, imported.stderr).toContain(`Imported: ${PLACEMENTS} created`);

    // Act
    const results = await Promise.all(
      Array.from({ length: PROCESSES }, () => spawnCli(env, 'tick', '--at', FRIDAY_1300).done),
    );
    const rows = await withDataPlace(env, (db) =>
      db.select({ status: outbox.status, n: count() }).from(outbox).groupBy(outbox.status),
    );

    // Assert
    const summaries = results.map((result) => parseTickSummary(result.stdout));
    const posts = slack.callsTo('chat.postMessage');
    const perMessage = tally(posts.map((call) => `${call.args.channel}\n${call.args.text}`));
    const perRecipient = tally(posts.map((call) => String(call.args.channel)));
    const duplicates = [...perMessage.values()].reduce((sum, n) => sum + n - 1, 0);
    const statuses = Object.fromEntries(rows.map((row) => [row.status, row.n]));
    printFigures('three processes, one instant', {
      processes: PROCESSES,
      placements: PLACEMENTS,
      posts: posts.length,
      recipients: perRecipient.size,
      duplicates,
      sentPerProcess: summaries.map((summary) => summary?.sent ?? -1).join('/'),
      jobsPerProcess: summaries.map((summary) => summary?.ran ?? -1).join('/'),
      outboxSent: statuses.sent ?? 0,
      outboxPending: statuses.pending ?? 0,
      outboxFailed: statuses.failed ?? 0,
    });
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    expect(duplicates).toBe(0);
    // A check-in prompt to every student and a weekly-talk question to every mentor.
    for (let index = 1; index <= PLACEMENTS; index += 1) {
      const n = String(index).padStart(2, '0');
      expect(perRecipient.get(slackIdFor(`student${n}@student.roc.nl`)), `student ${n}`).toBe(1);
      expect(perRecipient.get(slackIdFor(`mentor${n}@zorggroep.nl`)), `mentor ${n}`).toBe(1);
    }
    expect(statuses).toEqual({ sent: posts.length });
    // Each job ran in exactly one of the processes; together they sent what the fake received.
    expect(summaries.reduce((sum, summary) => sum + (summary?.sent ?? 0), 0)).toBe(posts.length);
    const jobs = (summaries[0]?.ran ?? 0) + (summaries[0]?.alreadyDone ?? 0);
    expect(summaries.reduce((sum, summary) => sum + (summary?.ran ?? 0), 0)).toBe(jobs);
  });
});
