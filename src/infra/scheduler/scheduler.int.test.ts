import { and, eq } from 'drizzle-orm';
import { getTasks } from 'node-cron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { schedulerRuns } from '../db/schema';
import { openTestDatabase } from '../db/test-database';
import { silentLogger } from '../logging';
import { createScheduler, type SchedulerDeps } from './scheduler';
import { createFakeSchedule, createRecordingJob, createRecordingLogger } from './test-support';

const zone = 'Europe/Amsterdam';
const at = (iso: string) => new Date(iso);
const clockAt = (iso: string) => ({ now: () => at(iso) });

describe('the scheduler', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  const scheduler = (over: Partial<SchedulerDeps> & Pick<SchedulerDeps, 'jobs'>) =>
    createScheduler({
      db: database.db,
      timezone: zone,
      clock: clockAt('2026-03-09T12:00:00Z'),
      logger: silentLogger,
      instanceId: 'test',
      schedule: createFakeSchedule(),
      ...over,
    });

  async function recordFinishedFire(job: string, fireTime: string, summary = 'ok') {
    await database.db.insert(schedulerRuns).values({
      job,
      fireTime: at(fireTime),
      claimedBy: 'earlier-instance',
      claimedAt: at(fireTime),
      finishedAt: at(fireTime),
      summary,
    });
  }

  const runsOf = (job: string) =>
    database.db
      .select()
      .from(schedulerRuns)
      .where(eq(schedulerRuns.job, job))
      .orderBy(schedulerRuns.fireTime);

  it('runs one fire once when two instances fire it', async () => {
    const job = createRecordingJob('two-instances');
    const a = scheduler({ jobs: [job], instanceId: 'a' });
    const b = scheduler({ jobs: [job], instanceId: 'b' });

    const outcomes = await Promise.all([
      a.runFire(job, at('2026-03-09T08:00:00.120Z')),
      b.runFire(job, at('2026-03-09T08:00:01.900Z')),
    ]);

    expect(outcomes.sort()).toEqual(['claimed-elsewhere', 'ran']);
    expect(job.windows).toHaveLength(1);
    expect(await runsOf('two-instances')).toMatchObject([{ fireTime: at('2026-03-09T08:00:00Z') }]);
  });

  it('records when a fire finished and its summary', async () => {
    const job = createRecordingJob('summary');

    await scheduler({ jobs: [job], clock: clockAt('2026-03-09T08:00:05Z') }).runFire(
      job,
      at('2026-03-09T08:00Z'),
    );

    expect(await runsOf('summary')).toMatchObject([
      { finishedAt: at('2026-03-09T08:00:05Z'), summary: 'summary: 1 run(s)', claimedBy: 'test' },
    ]);
  });

  it('gives a fire the window since the previous fire of the same job', async () => {
    const job = createRecordingJob('windows');
    const s = scheduler({ jobs: [job] });

    await s.runFire(job, at('2026-03-09T08:00Z'));
    await s.runFire(job, at('2026-03-09T09:00Z'));

    expect(job.windows).toEqual([
      { from: at('2026-03-08T08:00Z'), to: at('2026-03-09T08:00Z') },
      { from: at('2026-03-09T08:00Z'), to: at('2026-03-09T09:00Z') },
    ]);
  });

  it('catches up once after 3 hours down, with the window from the last fire', async () => {
    const job = createRecordingJob('hourly-catch-up', '0 * * * *');
    await recordFinishedFire('hourly-catch-up', '2026-03-09T09:00:00Z');
    const s = scheduler({ jobs: [job], clock: clockAt('2026-03-09T12:30:20Z') });

    const first = await s.catchUp();
    const second = await s.catchUp();

    expect(first).toMatchObject([{ job: 'hourly-catch-up', result: 'ran' }]);
    expect(second).toMatchObject([{ job: 'hourly-catch-up', result: 'not-needed' }]);
    expect(job.windows).toEqual([{ from: at('2026-03-09T09:00Z'), to: at('2026-03-09T12:30Z') }]);
  });

  it('catches up a 30-hour gap with a 24-hour window and logs the skipped part', async () => {
    const job = createRecordingJob('daily-gap', '0 9 * * *');
    await recordFinishedFire('daily-gap', '2026-03-08T08:00:00Z');
    const { logger, lines } = createRecordingLogger();

    await scheduler({ jobs: [job], logger, clock: clockAt('2026-03-09T14:00:00Z') }).catchUp();

    expect(job.windows).toEqual([{ from: at('2026-03-08T14:00Z'), to: at('2026-03-09T14:00Z') }]);
    const skipped = lines.find((line) => line.msg.includes('skipped'));
    expect(skipped).toMatchObject({
      job: 'daily-gap',
      skippedFrom: '2026-03-08T08:00:00.000Z',
      skippedTo: '2026-03-08T14:00:00.000Z',
    });
  });

  it('does not catch up a job whose cadence has not come round since its last fire', async () => {
    const job = createRecordingJob('weekly-digest', '30 8 * * 1');
    // Monday 9 March 2026, 08:30 in Amsterdam (CET, UTC+1).
    await recordFinishedFire('weekly-digest', '2026-03-09T07:30:00Z');

    const results = await scheduler({ jobs: [job], clock: clockAt('2026-03-12T10:00:00Z') }).catchUp();

    expect(results).toMatchObject([{ result: 'not-needed' }]);
    expect(job.windows).toEqual([]);
  });

  it('does not catch up a job that never ran', async () => {
    const job = createRecordingJob('brand-new');

    const results = await scheduler({ jobs: [job] }).catchUp();

    expect(results).toMatchObject([{ result: 'not-needed' }]);
  });

  it('records a failing job as finished with its error and does not throw', async () => {
    const failing = createRecordingJob('failing', '0 * * * *', 'database is on fire');
    const s = scheduler({ jobs: [failing] });

    const outcome = await s.runFire(failing, at('2026-03-09T10:00Z'));

    expect(outcome).toBe('ran');
    const [run] = await runsOf('failing');
    expect(run?.summary).toBe('failed: database is on fire');
    expect(run?.finishedAt).not.toBeNull();
  });

  it('starts the next window before a failed fire, so its span is covered again', async () => {
    const job = createRecordingJob('after-failure');
    await recordFinishedFire('after-failure', '2026-03-09T08:00:00Z');
    await recordFinishedFire('after-failure', '2026-03-09T09:00:00Z', 'failed: boom');

    await scheduler({ jobs: [job] }).runFire(job, at('2026-03-09T10:00Z'));

    expect(job.windows).toEqual([{ from: at('2026-03-09T08:00Z'), to: at('2026-03-09T10:00Z') }]);
  });

  it('registers one task per job in the configured time zone and runs a job when its task fires', async () => {
    const schedule = createFakeSchedule();
    const checkins = createRecordingJob('wired-checkins', '0 13 * * 5');
    const digest = createRecordingJob('wired-digest', '30 8 * * 1');
    const s = scheduler({ jobs: [checkins, digest], schedule });

    await s.start();
    schedule.registered[1]?.onFire(at('2026-03-09T07:30:00Z'));
    await s.stop();

    expect(schedule.registered.map(({ cron, timezone, name }) => ({ cron, timezone, name }))).toEqual([
      { cron: '0 13 * * 5', timezone: zone, name: 'wired-checkins' },
      { cron: '30 8 * * 1', timezone: zone, name: 'wired-digest' },
    ]);
    expect(schedule.registered.every((task) => task.stopped)).toBe(true);
    expect(digest.windows).toHaveLength(1);
    const [run] = await database.db
      .select()
      .from(schedulerRuns)
      .where(and(eq(schedulerRuns.job, 'wired-digest'), eq(schedulerRuns.fireTime, at('2026-03-09T07:30Z'))));
    expect(run?.finishedAt).not.toBeNull();
  });

  it('registers real node-cron tasks that match local time in the time zone, and removes them on stop', async () => {
    const job = createRecordingJob('node-cron-digest', '30 8 * * 1');
    const s = createScheduler({
      db: database.db,
      jobs: [job],
      timezone: zone,
      clock: clockAt('2026-03-09T12:00:00Z'),
      logger: silentLogger,
      instanceId: 'real',
    });

    await s.start();
    const task = [...getTasks().values()].find((candidate) => candidate.name === 'node-cron-digest');
    const winter = task?.match(at('2026-03-09T07:30:00Z'));
    const summer = task?.match(at('2026-06-01T06:30:00Z'));
    const utcReading = task?.match(at('2026-03-09T08:30:00Z'));
    await s.stop();

    expect([winter, summer, utcReading]).toEqual([true, true, false]);
    expect([...getTasks().values()].some((candidate) => candidate.name === 'node-cron-digest')).toBe(false);
  });

  it('refuses a job with an invalid cron expression', () => {
    expect(() => scheduler({ jobs: [createRecordingJob('bad', 'every monday')] })).toThrow(/invalid cron/);
  });
});
