import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../infra/logging';
import { createMemoryStores, type MemoryStores } from '../testing/memory';
import { seedMemoryPlacement } from '../testing/memory/seed';
import { CONTRACT_PLACEMENT } from '../testing/store-contract';
import { runCheckins } from './checkin-jobs';
import { runClosings } from './closing-job';
import type { JobContext, Window } from './job-context';
import { runRetention } from './retention-job';

/**
 * The jobs talk only to the stores, so they run on the in-memory fakes in milliseconds. The
 * database side of the same behaviour is in the *.int tests (set-based, tick-twice, ...).
 */
const SEEDED = new Date('2027-01-15T09:00:00Z');

const dayEndingAt = (to: string): Window => {
  const end = new Date(to);
  return { from: new Date(end.getTime() - 86_400_000), to: end };
};

async function jobsOnMemory(): Promise<{
  ctx: JobContext;
  stores: MemoryStores;
  placement: Awaited<ReturnType<typeof seedMemoryPlacement>>;
  dispatches: () => number;
}> {
  const stores = createMemoryStores();
  const placement = await seedMemoryPlacement(stores, CONTRACT_PLACEMENT, SEEDED);
  let dispatches = 0;
  const ctx: JobContext = {
    stores,
    logger: silentLogger,
    defaultLocale: 'nl',
    dispatchSoon: () => {
      dispatches += 1;
    },
  };
  return { ctx, stores, placement, dispatches: () => dispatches };
}

describe('the jobs on the memory stores', () => {
  it('sends the weekly check-in and the mentor question once, and marks the week sent', async () => {
    const { ctx, stores, placement, dispatches } = await jobsOnMemory();
    const window = dayEndingAt('2027-02-05T12:00:00Z');
    expect(await runCheckins(ctx, window)).toBe('check-ins: 2 message(s)');
    const queued = stores.tables().outbox;
    expect(queued.map((m) => (m.to.kind === 'person' ? m.to.personId : null))).toEqual([
      placement.studentId,
      ...placement.mentorIds,
    ]);
    expect(stores.tables().checkins.map((c) => c.placementId)).toEqual([placement.placementId]);
    expect(dispatches()).toBe(1);
    // Another instance running the same window finds the week marked: nothing goes out twice.
    expect(await runCheckins(ctx, window)).toBe('check-ins: 0 message(s)');
    expect(stores.tables().outbox).toHaveLength(2);
    expect(dispatches()).toBe(1);
  });

  it('sends the closing message once after the placement ended, and marks it', async () => {
    const { ctx, stores, placement } = await jobsOnMemory();
    const window = dayEndingAt('2027-07-01T12:00:00Z');
    await runClosings(ctx, window);
    const closing = stores
      .tables()
      .outbox.filter((m) => m.key === `closing:${placement.placementId}:student`);
    expect(closing).toHaveLength(1);
    expect(stores.tables().placements[0]?.closingSentAt).toEqual(window.to);
    expect(await runClosings(ctx, dayEndingAt('2027-07-02T12:00:00Z'))).toBe('closings: 0');
  });

  it('purges what was written about a placement past retention, with an audit entry, once', async () => {
    const { ctx, stores, placement } = await jobsOnMemory();
    await stores.goals.add(placement.placementId, 0, 'Plannen');
    const window = dayEndingAt('2028-08-01T12:00:00Z');
    expect(await runRetention(ctx, window)).toMatch(/^retention: 1 placement\(s\) purged/);
    expect(stores.tables().goals).toEqual([]);
    expect(stores.tables().placements.map((p) => p.id)).toEqual([placement.placementId]);
    expect((await stores.audit.list()).map((e) => [e.action, e.subject])).toEqual([
      ['retention.purge', placement.studentId],
    ]);
    expect(await runRetention(ctx, window)).toMatch(/^retention: 0 placement\(s\) purged/);
  });
});
