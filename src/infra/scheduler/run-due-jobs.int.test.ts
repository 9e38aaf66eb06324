import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { openTestDatabase } from '../db/test-database';
import { silentLogger } from '../logging';
import { runDueJobsAt } from './run-due-jobs';
import { createRecordingJob } from './test-support';

const at = (iso: string) => new Date(iso);
const options = { logger: silentLogger, instanceId: 'cli', clock: { now: () => at('2026-03-09T12:00:00Z') } };

describe('runDueJobsAt (the CLI tick)', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it('runs every job once and nothing when ticked again at the same instant', async () => {
    const checkins = createRecordingJob('tick-checkins', '0 13 * * 5');
    const digest = createRecordingJob('tick-digest', '30 8 * * 1');

    const first = await runDueJobsAt(database.db, [checkins, digest], at('2026-03-09T12:00:00Z'), options);
    const second = await runDueJobsAt(database.db, [checkins, digest], at('2026-03-09T12:00:00Z'), options);

    expect(first.map((report) => report.outcome)).toEqual(['ran', 'ran']);
    expect(second.map((report) => report.outcome)).toEqual(['claimed-elsewhere', 'claimed-elsewhere']);
    expect([checkins.windows.length, digest.windows.length]).toEqual([1, 1]);
  });

  it('covers the time since the previous tick of that job, at most 24 hours', async () => {
    const job = createRecordingJob('tick-windows');

    await runDueJobsAt(database.db, [job], at('2026-03-09T12:00:00Z'), options);
    await runDueJobsAt(database.db, [job], at('2026-03-09T12:15:00Z'), options);
    await runDueJobsAt(database.db, [job], at('2026-03-11T12:15:00Z'), options);

    expect(job.windows).toEqual([
      { from: at('2026-03-08T12:00Z'), to: at('2026-03-09T12:00Z') },
      { from: at('2026-03-09T12:00Z'), to: at('2026-03-09T12:15Z') },
      { from: at('2026-03-10T12:15Z'), to: at('2026-03-11T12:15Z') },
    ]);
  });

  it('reports a failing job and still runs the jobs after it', async () => {
    const failing = createRecordingJob('tick-failing', '0 * * * *', 'boom');
    const after = createRecordingJob('tick-after');

    const reports = await runDueJobsAt(database.db, [failing, after], at('2026-03-09T12:00:00Z'), options);

    expect(reports).toMatchObject([
      { job: 'tick-failing', outcome: 'ran', failed: true, summary: 'failed: boom' },
      { job: 'tick-after', outcome: 'ran', summary: 'tick-after: 1 run(s)' },
    ]);
  });
});
