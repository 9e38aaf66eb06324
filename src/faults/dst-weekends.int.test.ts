import { TZDate } from '@date-fns/tz';
import { like } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { placementsCsv } from '../../adapters/testing/seed';
import { startTestRuntime, type TestRuntime } from '../../adapters/testing/test-runtime';
import { outbox } from '../infra/db/schema';
import { silentLogger } from '../infra/logging';
import { runDueJobsAt } from '../infra/scheduler';
import { sannePlacement } from './cohort';

/**
 * The scheduler ticks from Thursday to Tuesday around both daylight-saving weekends of 2027 —
 * every hour for four hours either side of the clock change (the skipped and the repeated local
 * hour included), every three hours otherwise, and at the local times jobs are due. The Friday
 * 13:00 check-in and the Monday 08:30 digest happen exactly once each, at their local time.
 */
const ZONE = 'Europe/Amsterdam';
const PLACEMENT = sannePlacement({ startDate: '2027-03-01', endDate: '2027-07-02' });

// Each weekend gets a placement that started a few weeks before (a long one would be
// `insufficient` by October: nobody writes reports in this test).
const WEEKENDS = [
  {
    name: 'spring (last Sunday of March, 02:00 → 03:00)',
    from: '2027-03-25T00:00:00+01:00',
    change: '2027-03-28T01:00:00Z',
    to: '2027-03-30T12:00:00+02:00',
    placement: { startDate: '2027-03-01', endDate: '2027-07-02' },
  },
  {
    name: 'autumn (last Sunday of October, 03:00 → 02:00)',
    from: '2027-10-28T00:00:00+02:00',
    change: '2027-10-31T01:00:00Z',
    to: '2027-11-02T12:00:00+01:00',
    placement: { startDate: '2027-10-04', endDate: '2028-01-28' },
  },
];

function localHourMinute(at: Date): string {
  const local = new TZDate(at, ZONE);
  return `${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}`;
}

function tickInstants(from: string, change: string, to: string): Date[] {
  const start = new Date(from).getTime();
  const end = new Date(to).getTime();
  const instants = new Set<number>();
  for (let at = start; at <= end; at += 3 * 3_600_000) instants.add(at);
  const changeAt = new Date(change).getTime();
  for (let hour = -4; hour <= 4; hour += 1) instants.add(changeAt + hour * 3_600_000);
  for (let at = start; at <= end; at += 30 * 60_000) {
    if (['13:00', '08:30'].includes(localHourMinute(new Date(at)))) instants.add(at);
  }
  return [...instants].sort((a, b) => a - b).map((at) => new Date(at));
}

let rt: TestRuntime | undefined;
afterEach(async () => {
  await rt?.close();
  rt = undefined;
});

describe('weekly jobs across the daylight-saving weekends', () => {
  it.each(WEEKENDS)(
    'runs each weekly job exactly once at its local time in $name',
    async ({ from, change, to, placement }) => {
      rt = await startTestRuntime({ now: new Date(new Date(from).getTime() - 3_600_000) });
      const runtime = rt;
      expect(await runtime.seed(placementsCsv([{ ...PLACEMENT, ...placement }]))).toMatchObject({
        applied: true,
      });
      const ticks = tickInstants(from, change, to);

      for (const at of ticks) {
        runtime.clock.set(at);
        await runDueJobsAt(runtime.db, runtime.runtime.app.jobs, at, {
          logger: silentLogger,
          instanceId: 'dst',
          clock: runtime.clock,
        });
      }

      const checkinRows = await runtime.db
        .select()
        .from(outbox)
        .where(like(outbox.idempotencyKey, 'checkin:%'));
      // A digest may be split into parts (`digest:<cohort>:<week>:<mentor>:<part>`): count first parts.
      const digestRows = (
        await runtime.db.select().from(outbox).where(like(outbox.idempotencyKey, 'digest:%'))
      ).filter((row) => row.idempotencyKey.endsWith(':0'));
      console.log(
        `[reliability] DST ${from.slice(0, 10)}: ticks=${ticks.length} checkins=${checkinRows.length} ` +
          `at ${checkinRows.map((row) => localHourMinute(row.createdAt)).join(',')}; digests=${digestRows.length} ` +
          `at ${digestRows.map((row) => localHourMinute(row.createdAt)).join(',')}`,
      );
      expect(checkinRows.map((row) => localHourMinute(row.createdAt))).toEqual(['13:00']);
      expect(digestRows.map((row) => localHourMinute(row.createdAt))).toEqual(['08:30']);
    },
    // About 60 ticks, each evaluating every job: 15 s alone, more when CI runs other files beside it.
    90_000,
  );
});
