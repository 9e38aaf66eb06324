import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gt, sql } from 'drizzle-orm';
import { BOT_TOKEN } from '../../adapters/slack/fixtures/fake-slack-api';
import { TEAM } from '../../adapters/slack/fixtures/payloads';
import { SIGNING_SECRET } from '../../adapters/slack/fixtures/signed-request';
import { EVERY_COHORT } from '../app/access/reach';
import { importPlacements } from '../app/placements/import-placements';
import { MAX_ROWS } from '../app/placements/parse-csv';
import type { Inbound } from '../app/ports';
import { loadConfig } from '../config';
import { type Database, openDatabase } from '../infra/db/client';
import { outbox } from '../infra/db/schema';
import { storesOnDb } from '../infra/db/stores';
import { silentLogger } from '../infra/logging';
import { UNLIMITED } from '../infra/outbox/limits';
import { runDueJobsAt } from '../infra/scheduler';
import { createRuntime } from '../main';
import { bareHttpPostLoop, bareInsertSelect, bareSingleInserts } from './baselines';
import { fridayBurst } from './burst';
import { linkEveryoneToSlack, placementsCsv, rowsOf, slackUserOf, staffIds } from './cast';
import { createLiveClock } from './clock';
import type { SizeResult, StaffMessages } from './result';
import { mib, percentile, startRssSampler, timed } from './stats';

/**
 * One bench run for one database and one number of placements, in a process of its own so its
 * peak RSS is its own. Prints one `BENCH_RESULT <json>` line for `run.ts`.
 */
const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'pglite' },
    url: { type: 'string' },
    placements: { type: 'string', default: '300' },
    'slack-api': { type: 'string' },
    answers: { type: 'string', default: '100' },
    'dispatch-cap': { type: 'string', default: '2000' },
    burst: { type: 'string', default: '2000' },
    'burst-seconds': { type: 'string', default: '60' },
  },
});
const N = Number(values.placements);
const apiUrl = values['slack-api'] ?? '';
if (!apiUrl) throw new Error('--slack-api is required (run.ts starts the fake)');

const FRIDAY = new Date('2027-02-05T12:00:00Z'); // 13:00 in Amsterdam: the weekly check-in
const WRITING = new Date('2027-02-24T10:00:00Z'); // the February report can be written
const DEADLINE_DAY = new Date('2027-03-02T08:00:00Z'); // 09:00 the working day after 1 March's deadline
const SEEDED = new Date('2027-01-15T09:00:00Z');

async function main(): Promise<SizeResult> {
  const rss = startRssSampler();
  const before = mib(process.memoryUsage().rss);
  const database: Database =
    values.db === 'postgres'
      ? await openDatabase({ kind: 'postgres', url: String(values.url) })
      : await openDatabase({ kind: 'pglite' });
  const engineMiB = mib(process.memoryUsage().rss) - before;
  const clock = createLiveClock(SEEDED);
  const dataDir = mkdtempSync(join(tmpdir(), 'stagecoach-bench-'));
  const runtime = await createRuntime({
    config: loadConfig({
      PORT: '0',
      DATA_DIR: dataDir,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: apiUrl,
      STAGECOACH_SCHEDULER: 'off',
      STAGECOACH_TIMEZONE: 'Europe/Amsterdam',
      STAGECOACH_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      STAGECOACH_LOCALE: 'nl',
      LOG_LEVEL: 'silent',
    }),
    logger: silentLogger,
    clock,
    database,
    serve: true,
    host: '127.0.0.1',
    // The fake answers at once and never says 429: the workspace budget is Slack's rate, not
    // Stagecoach's cost, so it is lifted here to measure what the dispatcher itself can do.
    dispatcherOptions: { platformLimits: { slack: UNLIMITED } },
  });
  const { port } = await runtime.start();
  await runtime.dispatcher.stop(); // the bench drains by hand
  const db = runtime.database.db;
  const jobs = (name: string) => runtime.app.jobs.filter((job) => job.name === name);
  const tickAt = (name: string, at: Date) => {
    clock.set(at);
    return runDueJobsAt(db, jobs(name), at, { logger: silentLogger, instanceId: 'bench', clock });
  };

  // A school imports files of at most MAX_ROWS rows (the importer refuses larger ones).
  const imported = await timed(async () => {
    let created = 0;
    for (let from = 0; from < N; from += MAX_ROWS) {
      const csv = placementsCsv(Math.min(MAX_ROWS, N - from), from);
      const summary = await importPlacements(storesOnDb(db), csv, {
        actor: 'bench',
        reach: EVERY_COHORT,
        at: SEEDED,
      });
      created += summary.created;
    }
    return created;
  });
  if (imported.value !== N) throw new Error(`import created ${imported.value} of ${N}`);
  await linkEveryoneToSlack(db, SEEDED);
  const staff = await staffIds(db);

  const bareInsertMs = await bareInsertSelect(db, N);
  const checkinFrom = await lastOutboxId(db);
  const checkin = await timed(() => tickAt('checkins', FRIDAY));
  const checkinMessages = await staffMessages(db, checkinFrom, staff);

  // Dispatch: the check-ins just enqueued, to the fake Slack over HTTP.
  const cap = Math.min(N, Number(values['dispatch-cap']));
  const bareHttp = await bareHttpPostLoop(apiUrl, Math.min(cap, 2000));
  let sent = 0;
  const dispatch = await timed(async () => {
    while (sent < cap) {
      const run = await runtime.dispatcher.runOnce();
      sent += run.sent;
      if (run.claimed === 0) break;
    }
  });

  // The Friday burst of answers, over signed HTTP.
  const burst =
    Number(values.burst) > 0 && port
      ? await (async () => {
          clock.set(new Date(FRIDAY.getTime() + 60 * 60_000));
          return fridayBurst(db, `http://127.0.0.1:${port}`, clock, {
            students: Number(values.burst),
            seconds: Number(values['burst-seconds']),
            population: N,
          });
        })()
      : null;

  // One STARR answer end to end: a text step of a report conversation.
  clock.set(WRITING);
  const answers = Math.min(N, Number(values.answers));
  const starr: number[] = [];
  for (let i = 0; i < answers; i++) {
    await runtime.app.handler.handle(dm(i, 'start', 0));
    await runtime.app.handler.handle(dm(i, '1', 1)); // the first learning goal, or step on
    for (const [step, text] of STEP_ANSWERS.entries()) {
      const { ms } = await timed(() => runtime.app.handler.handle(dm(i, text, 2 + step)));
      starr.push(ms);
    }
  }
  const bareTx = await bareSingleInserts(db, starr.length);

  const escalationFrom = await lastOutboxId(db);
  const escalation = await timed(() => tickAt('escalation', DEADLINE_DAY));
  const escalationMessages = await staffMessages(db, escalationFrom, staff);

  const peak = rss.peakMiB();
  rss.stop();
  await runtime.close();
  rmSync(dataDir, { recursive: true, force: true });
  return {
    db: values.db === 'postgres' ? 'postgres' : 'pglite',
    placements: N,
    importMs: imported.ms,
    bareInsertMs,
    checkinTickMs: checkin.ms,
    checkinEnqueued: checkinMessages.total,
    escalationMs: escalation.ms,
    escalationEnqueued: escalationMessages.total,
    starrP50Ms: percentile(starr, 50),
    starrP99Ms: percentile(starr, 99),
    bareTxP50Ms: percentile(bareTx, 50),
    bareTxP99Ms: percentile(bareTx, 99),
    starrSamples: starr.length,
    dispatchPerSecond: sent / (dispatch.ms / 1000),
    dispatched: sent,
    bareHttpPerSecond: bareHttp,
    burst,
    checkinStaff: checkinMessages,
    escalationStaff: escalationMessages,
    engineMiB,
    peakRssMiB: peak,
  };
}

const STEP_ANSWERS = [
  'Op de afdeling moest ik een nieuwe client helpen met het ontbijt en de medicatie.',
  'Mijn taak was de client zelfstandig te begeleiden onder toezicht van mijn praktijkbegeleider.',
];

function dm(student: number, text: string, step: number): Inbound {
  return {
    platform: 'slack',
    tenant: TEAM,
    user: { platformUserId: slackUserOf(student) },
    conversation: { id: `DB${student}`, kind: 'direct' },
    sentAt: new Date(WRITING.getTime() + step * 1000),
    dedupeKey: `bench-starr-${student}-${step}`,
    payload: { type: 'text', text },
  };
}

async function lastOutboxId(db: Database['db']): Promise<number> {
  const [row] = rowsOf<{ id: number | string | null }>(
    await db.execute(sql`select max(id) as id from outbox`),
  );
  return Number(row?.id ?? 0);
}

/** Messages the job run enqueued, and per staff member (max and mean over those who got any). */
async function staffMessages(
  db: Database['db'],
  afterId: number,
  staff: { mentors: Set<string>; coordinators: Set<string> },
): Promise<StaffMessages> {
  const rows = await db.select({ recipient: outbox.recipient }).from(outbox).where(gt(outbox.id, afterId));
  const perPerson = new Map<string, number>();
  for (const { recipient } of rows) {
    const r = recipient as { kind: string; personId?: string };
    if (r.kind === 'person' && r.personId) perPerson.set(r.personId, (perPerson.get(r.personId) ?? 0) + 1);
  }
  const of = (ids: Set<string>) => {
    const counts = [...ids].map((id) => perPerson.get(id) ?? 0).filter((n) => n > 0);
    return {
      recipients: counts.length,
      max: counts.length ? Math.max(...counts) : 0,
      mean: counts.length ? counts.reduce((a, b) => a + b, 0) / counts.length : 0,
    };
  };
  return { total: rows.length, mentors: of(staff.mentors), coordinators: of(staff.coordinators) };
}

main().then(
  (result) => {
    process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    process.stderr.write(`bench run failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(2);
  },
);
